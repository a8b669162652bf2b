package io.shopops.growth.campaign;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;

import io.shopops.fulfilment.inventory.Inventory;
import io.shopops.fulfilment.order.OrderDraft;
import io.shopops.fulfilment.order.OrderSnapshot;
import io.shopops.fulfilment.order.OrderSource;
import io.shopops.fulfilment.order.OrderStatus;
import io.shopops.fulfilment.order.Orders;
import io.shopops.fulfilment.order.SalesChannels;
import io.shopops.fulfilment.order.Times;
import io.shopops.fulfilment.order.Utm;
import io.shopops.platform.ShopSettings;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The demo campaign {@code winter-2026} is seeded once with its daily spend, and the
 * demo's own-site orders, which name it in {@code utm_campaign}, are attributed to it.
 */
@SpringBootTest
class DemoCampaignsTests {

	@Autowired
	Campaigns campaigns;

	@Autowired
	SalesChannels channels;

	@Autowired
	ShopSettings settings;

	@Autowired
	Orders orders;

	@Autowired
	Inventory inventory;

	@Autowired
	JdbcClient jdbc;

	@Test
	void seedsTheCampaignOnceAndItsOrdersAreAttributedToIt() {
		DemoCampaigns demo = new DemoCampaigns(this.campaigns, this.channels, this.settings);
		demo.run(null);
		long id = this.campaigns.findByName(DemoCampaigns.NAME).orElseThrow();
		try {
			seededOnce(demo, id);
		}
		finally {
			// other tests' recent ranges expect no ad spend
			this.jdbc.sql("DELETE FROM campaign WHERE id = ?").param(id).update();
		}
	}

	private void seededOnce(DemoCampaigns demo, long id) {
		assertThat(count(id)).isEqualTo(DemoCampaigns.DAYS - 1);
		BigDecimal spend = spend(id);
		assertThat(spend).isGreaterThan(new BigDecimal("10000"));
		demo.run(null);
		assertThat(count(id)).isEqualTo(DemoCampaigns.DAYS - 1);
		assertThat(spend(id)).isEqualByComparingTo(spend);
		LocalDate today = LocalDate.now(this.settings.current().timeZone());
		assertThat(this.jdbc.sql("SELECT max(spend_date) FROM campaign_spend WHERE campaign_id = ?")
			.param(id)
			.query(LocalDate.class)
			.single()).isEqualTo(today.minusDays(1));

		// an own-site order as the demo places them
		String sku = sku();
		Instant paidAt = Instant.now().minusSeconds(600);
		OrderSnapshot order = this.orders
			.place(new OrderDraft(DemoCampaigns.CHANNEL, "DC" + UUID.randomUUID().toString().substring(0, 8),
					OrderStatus.PAID, Times.placed(paidAt.minusSeconds(60), paidAt), null, null,
					List.of(new OrderDraft.Line(sku, null, 1, new BigDecimal("99.00"), null)), null, null, null, null,
					new Utm("wechat", "social", "winter-2026", null), null, null, null, null, OrderSource.API))
			.order();
		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(
					this.jdbc.sql("SELECT rule || ':' || campaign_id FROM attribution_order WHERE order_id = ?")
						.param(order.id())
						.query(String.class)
						.optional())
				.contains("CAMPAIGN:" + id));
	}

	@Test
	void aDayIsASmallSearchCampaignsDay() {
		Random random = new Random(1);
		for (int i = 0; i < 100; i++) {
			CampaignViews.DayNumbers day = DemoCampaigns.day(random);
			assertThat(day.spend()).isBetween(new BigDecimal("120.00"), new BigDecimal("300.00"));
			assertThat(day.clicks()).isLessThan(day.impressions());
			assertThat(day.gmv().signum()).isNotNegative();
		}
	}

	private long count(long id) {
		return this.jdbc.sql("SELECT count(*) FROM campaign_spend WHERE campaign_id = ?")
			.param(id)
			.query(Long.class)
			.single();
	}

	private BigDecimal spend(long id) {
		return this.jdbc.sql("SELECT sum(spend) FROM campaign_spend WHERE campaign_id = ?")
			.param(id)
			.query(BigDecimal.class)
			.single();
	}

	private String sku() {
		String prefix = "DC" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
		long product = this.jdbc.sql("INSERT INTO product (handle, title) VALUES (:handle, '演示推广商品') RETURNING id")
			.param("handle", prefix.toLowerCase(Locale.ROOT))
			.query(Long.class)
			.single();
		long variant = this.jdbc
			.sql("INSERT INTO product_variant (product_id, sku, price, position) VALUES (:product, :sku, 99, 1)"
					+ " RETURNING id")
			.param("product", product)
			.param("sku", prefix + "-1")
			.query(Long.class)
			.single();
		this.inventory.openStock(variant, 10);
		return prefix + "-1";
	}

}
