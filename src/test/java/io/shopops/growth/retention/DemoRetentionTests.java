package io.shopops.growth.retention;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.shopops.fulfilment.order.Customer;
import io.shopops.fulfilment.order.OrderStatus;
import io.shopops.fulfilment.order.Orders;
import io.shopops.fulfilment.order.SalesChannels;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo's repurchase cycles: the most bought products get cycles once, and the demo's
 * returning buyers (see DemoOrdersTests) show up as repeat customers.
 */
@SpringBootTest
class DemoRetentionTests {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Orders orders;

	@Autowired
	SalesChannels channels;

	@Autowired
	RepurchaseCycles cycles;

	@Test
	void seedsCyclesForTheMostBoughtProductsOnce() {
		RetentionFixtures fixtures = new RetentionFixtures(this.orders, this.channels, this.jdbc);
		String sku = fixtures.product("演示复购 " + RetentionFixtures.unique("DR"));
		for (int i = 0; i < 3; i++) {
			Customer buyer = RetentionFixtures.buyer("演示" + RetentionFixtures.unique("DRB"));
			fixtures.place(buyer, Instant.now().minus(Duration.ofDays(40 + i)), "59.00", sku, OrderStatus.COMPLETED);
		}
		// earlier tests in this database may have left cycles
		this.jdbc.sql("DELETE FROM retention_cycle").update();
		DemoRetention demo = new DemoRetention(this.jdbc, this.cycles);
		demo.run(null);
		List<RepurchaseCycles.Cycle> seeded = this.cycles.cycles();
		assertThat(seeded).hasSizeBetween(1, 3);
		assertThat(seeded).extracting(RepurchaseCycles.Cycle::cycleDays).isSubsetOf(30, 45, 60).contains(30);
		assertThat(seeded).extracting(RepurchaseCycles.Cycle::updatedBy).containsOnly("demo");
		demo.run(null);
		assertThat(this.cycles.cycles()).isEqualTo(seeded);
	}

}
