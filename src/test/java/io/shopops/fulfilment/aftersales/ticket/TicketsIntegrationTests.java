package io.shopops.fulfilment.aftersales.ticket;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * {@link Tickets#open} as reviews and after-sales call it: what it stores, its audit
 * entry, its idempotency per source and reference, and every draft it refuses.
 */
@SpringBootTest
class TicketsIntegrationTests {

	@Autowired
	Tickets tickets;

	@Autowired
	JdbcClient jdbc;

	@Test
	void opensATicketWithItsDueTimesAndAnAuditEntry() {
		String number = TicketFixtures.unique("TKO");
		long order = TicketFixtures.order(this.jdbc, number, "王芳");
		Instant before = Instant.now();

		long id = this.tickets.open(new TicketDraft("  尺码不合适，想换大一号  ", "买了 M 码，穿着太小", TicketPriority.HIGH, order, "王芳",
				"138****0000", "manual", null));

		var row = this.jdbc.sql("""
				SELECT subject, body, priority, status, order_id, customer_name, customer_contact, source,
				    source_reference, assignee, opened_by, opened_at, first_response_due_at, resolution_due_at,
				    first_response_at
				FROM ticket WHERE id = :id""").param("id", id).query().singleRow();
		assertThat(row).containsEntry("subject", "尺码不合适，想换大一号")
			.containsEntry("body", "买了 M 码，穿着太小")
			.containsEntry("priority", "HIGH")
			.containsEntry("status", "open")
			.containsEntry("order_id", order)
			.containsEntry("customer_name", "王芳")
			.containsEntry("customer_contact", "138****0000")
			.containsEntry("source", "manual")
			.containsEntry("source_reference", null)
			.containsEntry("assignee", null)
			.containsEntry("opened_by", "system")
			.containsEntry("first_response_at", null);
		Instant opened = ((Timestamp) row.get("opened_at")).toInstant();
		assertThat(opened).isBetween(before.minusSeconds(1), Instant.now().plusSeconds(1));
		var rules = this.jdbc.sql("SELECT first_response_sla_hours, resolution_sla_hours FROM ticket_setting")
			.query()
			.singleRow();
		assertThat(((Timestamp) row.get("first_response_due_at")).toInstant())
			.isEqualTo(opened.plus(Duration.ofHours((Integer) rules.get("first_response_sla_hours"))));
		assertThat(((Timestamp) row.get("resolution_due_at")).toInstant())
			.isEqualTo(opened.plus(Duration.ofHours((Integer) rules.get("resolution_sla_hours"))));
		assertThat(audit(id)).containsExactly("TICKET_OPENED");
	}

	@Test
	void theSameSourceAndReferenceReturnTheOpenTicket() {
		String reference = TicketFixtures.unique("REV");
		TicketDraft draft = new TicketDraft("差评：包装破损", null, TicketPriority.URGENT, null, null, null, "review",
				reference);

		long first = this.tickets.open(draft);
		long second = this.tickets
			.open(new TicketDraft("another subject", "x", TicketPriority.LOW, null, null, null, "review", reference));

		assertThat(second).isEqualTo(first);
		assertThat(this.jdbc.sql("SELECT subject FROM ticket WHERE id = :id")
			.param("id", first)
			.query(String.class)
			.single()).isEqualTo("差评：包装破损");
		assertThat(audit(first)).containsExactly("TICKET_OPENED");
		// the same reference of another source is another ticket
		long afterSales = this.tickets
			.open(new TicketDraft("售后跟进", null, TicketPriority.NORMAL, null, null, null, "after_sales", reference));
		assertThat(afterSales).isNotEqualTo(first);
		// a closed ticket no longer counts: the next one is new
		this.jdbc.sql("UPDATE ticket SET status = 'closed', closed_at = now() WHERE id = :id")
			.param("id", first)
			.update();
		long reopened = this.tickets.open(draft);
		assertThat(reopened).isNotEqualTo(first);
		assertThat(this.tickets.open(draft)).isEqualTo(reopened);
	}

	@Test
	void manualTicketsWithoutReferenceAreNeverMerged() {
		TicketDraft draft = new TicketDraft(TicketFixtures.unique("Q"), null, TicketPriority.NORMAL, null, null, null,
				"manual", null);
		assertThat(this.tickets.open(draft)).isNotEqualTo(this.tickets.open(draft));
	}

	@Test
	void parallelClicksOpenOneTicket() throws Exception {
		String reference = TicketFixtures.unique("PAR");
		TicketDraft draft = new TicketDraft("并发", null, TicketPriority.NORMAL, null, null, null, "review", reference);
		ExecutorService pool = Executors.newFixedThreadPool(6);
		try {
			List<Callable<Long>> calls = new ArrayList<>();
			for (int i = 0; i < 12; i++) {
				calls.add(() -> this.tickets.open(draft));
			}
			List<Long> ids = new ArrayList<>();
			for (Future<Long> future : pool.invokeAll(calls)) {
				ids.add(future.get());
			}
			assertThat(ids).containsOnly(ids.get(0));
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(this.jdbc.sql("SELECT count(*) FROM ticket WHERE source_reference = :reference")
			.param("reference", reference)
			.query(Long.class)
			.single()).isOne();
	}

	@Test
	void refusesEveryDraftTheJavadocLists() {
		String subject = TicketFixtures.unique("REFUSED");
		long before = count();
		assertRefused(new TicketDraft(null, null, TicketPriority.NORMAL, null, null, null, "manual", null));
		assertRefused(new TicketDraft("   ", null, TicketPriority.NORMAL, null, null, null, "manual", null));
		assertRefused(new TicketDraft("x".repeat(201), null, TicketPriority.NORMAL, null, null, null, "manual", null));
		assertRefused(new TicketDraft(subject, null, null, null, null, null, "manual", null));
		assertRefused(new TicketDraft(subject, null, TicketPriority.NORMAL, null, null, null, null, null));
		assertRefused(new TicketDraft(subject, null, TicketPriority.NORMAL, null, null, null, "email", null));
		assertRefused(new TicketDraft(subject, null, TicketPriority.NORMAL, null, null, null, "REVIEW", "1"));
		assertRefused(
				new TicketDraft(subject, null, TicketPriority.NORMAL, null, null, null, "review", "r".repeat(65)));
		assertRefused(
				new TicketDraft(subject, null, TicketPriority.NORMAL, Long.MAX_VALUE, null, null, "manual", null));
		assertRefused(null);
		assertThat(count()).isEqualTo(before);
		// the limits themselves are fine
		assertThat(this.tickets.open(new TicketDraft("x".repeat(200), null, TicketPriority.LOW, null, null, null,
				"review", (TicketFixtures.unique("r") + "x".repeat(64)).substring(0, 64))))
			.isPositive();
	}

	private void assertRefused(TicketDraft draft) {
		assertThatIllegalArgumentException().isThrownBy(() -> this.tickets.open(draft));
	}

	private long count() {
		return this.jdbc.sql("SELECT count(*) FROM ticket").query(Long.class).single();
	}

	private List<String> audit(long id) {
		return this.jdbc
			.sql("SELECT action FROM audit_entry WHERE object_type = 'ticket' AND object_id = :id ORDER BY id")
			.param("id", Long.toString(id))
			.query(String.class)
			.list();
	}

}
