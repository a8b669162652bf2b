package io.shopops.fulfilment.aftersales.ticket;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo tickets: eight Chinese tickets in every status, linked to the latest demo
 * orders with their buyers, with replies and a breached one, seeded once.
 */
@SpringBootTest
class DemoTicketsTests {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TicketService tickets;

	@Autowired
	CannedReplies cannedReplies;

	@Test
	void seedsTicketsConsistentWithTheDemoOrdersOnce() {
		for (int i = 0; i < 6; i++) {
			long order = TicketFixtures.order(this.jdbc, TicketFixtures.unique("DEMO-TK"), "顾客" + i);
			this.jdbc
				.sql("UPDATE shop_order SET source = 'DEMO', placed_at = now() + make_interval(mins => :i) "
						+ "WHERE id = :id")
				.param("i", i + 1000)
				.param("id", order)
				.update();
		}
		long before = count();
		DemoTickets demo = new DemoTickets(this.jdbc, this.tickets, this.cannedReplies);
		demo.run(null);
		assertThat(count() - before).isEqualTo(8);
		List<String> statuses = this.jdbc.sql("SELECT status FROM ticket ORDER BY id DESC LIMIT 8")
			.query(String.class)
			.list();
		assertThat(statuses).contains("open", "pending_customer", "resolved", "closed");
		// the linked tickets name their order's buyer
		assertThat(this.jdbc.sql("""
				SELECT count(*) FROM (SELECT * FROM ticket ORDER BY id DESC LIMIT 8) t
				JOIN shop_order o ON o.id = t.order_id
				WHERE o.source = 'DEMO' AND t.customer_name = o.customer_name""").query(Long.class).single())
			.isEqualTo(6);
		assertThat(this.jdbc.sql("""
				SELECT count(*) FROM ticket_entry e JOIN (SELECT id FROM ticket ORDER BY id DESC LIMIT 8) t
				ON t.id = e.ticket_id WHERE e.kind = 'reply'""").query(Long.class).single()).isGreaterThanOrEqualTo(4);
		assertThat(this.jdbc.sql("""
				SELECT count(*) FROM (SELECT * FROM ticket ORDER BY id DESC LIMIT 8) t
				WHERE t.status IN ('open', 'pending_customer') AND t.first_response_at IS NULL
				AND t.first_response_due_at < now()""").query(Long.class).single()).isGreaterThanOrEqualTo(2);
		assertThat(this.cannedReplies.list()).extracting(CannedReplies.CannedReply::title)
			.contains(DemoTickets.FIRST_CANNED_REPLY);

		demo.run(null);
		assertThat(count() - before).isEqualTo(8);
	}

	private long count() {
		return this.jdbc.sql("SELECT count(*) FROM ticket").query(Long.class).single();
	}

}
