package io.shopops.growth.crm;

import java.time.Duration;

import io.shopops.fulfilment.order.Customer;
import io.shopops.fulfilment.order.Orders;
import io.shopops.fulfilment.order.SalesChannels;
import io.shopops.fulfilment.order.SalesPlatform;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The demo CRM: tiers and points rules are seeded, the best customers (from order events)
 * get a welcome gift through the ledger, and running it again changes nothing.
 */
@SpringBootTest
class DemoCrmTests {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TierRules tiers;

	@Autowired
	PointsLedger points;

	@Autowired
	Orders orders;

	@Autowired
	SalesChannels channels;

	@Test
	void seedsTiersRulesAndGiftsOnce() {
		String prefix = CrmFixtures.unique("CRMDEMO");
		String site = CrmFixtures.channel(this.channels, SalesPlatform.OWN_SITE);
		long order = this.orders
			.place(CrmFixtures.completed(site, prefix + "-1",
					new Customer("演示" + prefix, CrmFixtures.phone(), null, null), "99999999.00", 2))
			.order()
			.id();
		await().atMost(Duration.ofSeconds(20))
			.until(() -> this.jdbc.sql("SELECT count(*) FROM customer_order WHERE order_id = ?")
				.param(order)
				.query(Long.class)
				.single() == 1);
		// earlier runs in this database may have gifted others; this customer spends most
		this.jdbc.sql("DELETE FROM points_entry WHERE reason = ?").param(DemoCrm.GIFT_REASON).update();
		this.jdbc.sql("""
				UPDATE customer c SET points_balance = coalesce((SELECT sum(points) FROM points_entry p
				                                              WHERE p.customer_id = c.id), 0)
				""").update();
		DemoCrm demo = new DemoCrm(this.jdbc, this.tiers, this.points);
		demo.settle = Duration.ofMillis(300);
		demo.run(null);

		assertThat(this.tiers.tiers()).isNotEmpty();
		long customer = this.jdbc.sql("SELECT customer_id FROM customer_order WHERE order_id = ?")
			.param(order)
			.query(Long.class)
			.single();
		assertThat(this.jdbc.sql("SELECT tier_code FROM customer WHERE id = ?")
			.param(customer)
			.query(String.class)
			.single()).isNotNull();
		assertThat(this.points.entries(customer)).extracting(PointsLedger.Entry::reason).contains(DemoCrm.GIFT_REASON);
		long entries = this.jdbc.sql("SELECT count(*) FROM points_entry").query(Long.class).single();
		demo.run(null);
		assertThat(this.jdbc.sql("SELECT count(*) FROM points_entry").query(Long.class).single()).isEqualTo(entries);
		assertThat(this.points.mismatches()).isEmpty();
	}

}
