package io.shopops.growth.traffic;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import io.shopops.fulfilment.aftersales.api.RefundCompleted;
import io.shopops.fulfilment.order.Address;
import io.shopops.fulfilment.inventory.Inventory;
import io.shopops.fulfilment.order.Customer;
import io.shopops.fulfilment.order.OrderDraft;
import io.shopops.fulfilment.order.OrderSnapshot;
import io.shopops.fulfilment.order.OrderSource;
import io.shopops.fulfilment.order.OrderStatus;
import io.shopops.fulfilment.order.SalesPlatform;
import io.shopops.fulfilment.order.Times;
import io.shopops.fulfilment.order.Utm;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Order snapshots, tracking codes, campaigns and touches for the attribution tests.
 */
final class AttributionFixtures {

	private AttributionFixtures() {
	}

	static String unique(String prefix) {
		return prefix + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
	}

	static long orderId() {
		return 8_000_000_000L + ThreadLocalRandom.current().nextLong(1_000_000_000L);
	}

	static OrderSnapshot order(String channel, SalesPlatform platform, String amount, Instant paidAt,
			String contentCode, Utm utm, String visitor) {
		long id = orderId();
		BigDecimal paid = new BigDecimal(amount);
		return new OrderSnapshot(id, channel, platform, "AT" + id, OrderStatus.PAID,
				Times.placed(paidAt.minusSeconds(60), paidAt), new Customer("买家", null, null, "b" + id),
				new Address(null, null, null, null, null, null, null), List.of(), paid, BigDecimal.ZERO,
				BigDecimal.ZERO, paid, "CNY", null, utm, contentCode, visitor, null, OrderSource.API, false, "MAIN");
	}

	/** A product with one SKU and stock in MAIN. */
	static String sku(JdbcClient jdbc, Inventory inventory, int stock) {
		String prefix = unique("ATTR");
		long product = jdbc.sql("INSERT INTO product (handle, title) VALUES (:handle, :title) RETURNING id")
			.param("handle", prefix.toLowerCase(Locale.ROOT))
			.param("title", "归因商品 " + prefix)
			.query(Long.class)
			.single();
		String sku = prefix + "-1";
		long variant = jdbc
			.sql("INSERT INTO product_variant (product_id, sku, price, position) VALUES (:product, :sku, 10, 1)"
					+ " RETURNING id")
			.param("product", product)
			.param("sku", sku)
			.query(Long.class)
			.single();
		inventory.openStock(variant, stock);
		return sku;
	}

	static OrderDraft paidDraft(String channel, String sku, String price, Instant paidAt, Utm utm, String contentCode) {
		return new OrderDraft(channel, unique("AO"), OrderStatus.PAID, Times.placed(paidAt.minusSeconds(60), paidAt),
				null, null, List.of(new OrderDraft.Line(sku, null, 1, new BigDecimal(price), null)), null, null, null,
				null, utm, contentCode, null, null, null, OrderSource.API);
	}

	static RefundCompleted refund(OrderSnapshot order, String amount, Instant at) {
		return new RefundCompleted(orderId(), order.id(), order.number(), order.channelCode(), new BigDecimal(amount),
				"CNY", List.of(), at);
	}

	static long piece(JdbcClient jdbc, String code) {
		return jdbc.sql("""
				INSERT INTO content_piece (type, platform, title, status, publish_at, tracking_code)
				VALUES ('SHORT_VIDEO', 'DOUYIN', :title, 'PUBLISHED', now(), :code) RETURNING id""")
			.param("title", "归因测试 " + code)
			.param("code", code)
			.query(Long.class)
			.single();
	}

	static long group(JdbcClient jdbc, String code) {
		return jdbc.sql("""
				INSERT INTO community_group (name, kind, tracking_code) VALUES (:name, 'WECHAT_GROUP', :code)
				RETURNING id""").param("name", "归因群 " + code).param("code", code).query(Long.class).single();
	}

	static long activity(JdbcClient jdbc, long group, String code) {
		return jdbc.sql("""
				INSERT INTO community_activity (group_id, type, title, starts_at, ends_at, tracking_code)
				VALUES (:group, 'GROUP_BUY', '拼团', now() - interval '1 day', now(), :code) RETURNING id""")
			.param("group", group)
			.param("code", code)
			.query(Long.class)
			.single();
	}

	static long campaign(JdbcClient jdbc, String name, String channel) {
		return jdbc.sql("""
				INSERT INTO campaign (name, platform, channel_code, budget_total, start_date, end_date, status)
				VALUES (:name, 'ZHITONGCHE', :channel, 10000, DATE '2019-01-01', DATE '2019-12-31', 'ACTIVE')
				RETURNING id""").param("name", name).param("channel", channel).query(Long.class).single();
	}

	static void spend(JdbcClient jdbc, long campaign, java.time.LocalDate day, String spend) {
		jdbc.sql("""
				INSERT INTO campaign_spend (campaign_id, spend_date, spend, impressions, clicks, orders, gmv, source)
				VALUES (:campaign, :day, :spend, 1000, 50, 0, 0, 'MANUAL')""")
			.param("campaign", campaign)
			.param("day", day)
			.param("spend", new BigDecimal(spend))
			.update();
	}

	static long touch(JdbcClient jdbc, long site, String visitor, Instant at, String source, String medium,
			String campaign, String contentCode, String trafficSource) {
		return jdbc
			.sql("""
					INSERT INTO traffic_event (site_id, type, visitor_id, utm_source, utm_medium, utm_campaign,
					    content_code, occurred_at, traffic_source)
					VALUES (:site, 'page_view', :visitor, :source, :medium, :campaign, :code, :at, :traffic) RETURNING id""")
			.param("site", site)
			.param("visitor", visitor)
			.param("source", source)
			.param("medium", medium)
			.param("campaign", campaign)
			.param("code", contentCode)
			.param("at", Timestamp.from(at))
			.param("traffic", trafficSource)
			.query(Long.class)
			.single();
	}

}
