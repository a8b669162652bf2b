package io.shopops.fulfilment.order.importing;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import io.shopops.fulfilment.inventory.Inventory;
import io.shopops.fulfilment.order.Address;
import io.shopops.fulfilment.order.Customer;
import io.shopops.fulfilment.order.OrderDraft;
import io.shopops.fulfilment.order.OrderSource;
import io.shopops.fulfilment.order.OrderStatus;
import io.shopops.fulfilment.order.Orders;
import io.shopops.fulfilment.order.SalesChannel;
import io.shopops.fulfilment.order.SalesChannels;
import io.shopops.fulfilment.order.SalesPlatform;
import io.shopops.fulfilment.order.Times;
import io.shopops.fulfilment.order.Utm;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * History orders recorded in bulk (one {@code HistoryRecorded} event per batch, as the
 * order import does) leave every listening module with exactly what the same orders
 * placed one by one (with their per-order events) leave: the dashboard's facts and
 * rollups, CRM's customers, identities, addresses, orders and points, attribution,
 * content attribution, the customers' SKUs and retention's facts and rollups. The same
 * drafts go to two fresh channels (buyers are identified by channel buyer id, so the two
 * channels' customers are apart); per-channel figures are compared directly, the rollups
 * shared by every channel by what each run added to them.
 */
@SpringBootTest
class HistoryBatchIntegrationTests {

	private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

	@Autowired
	HistoryOrderWriter writer;

	@Autowired
	Orders orders;

	@Autowired
	SalesChannels channels;

	@Autowired
	Inventory inventory;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	@Qualifier("applicationTaskExecutor")
	ThreadPoolTaskExecutor listeners;

	@Test
	void aBatchLeavesTheSameFiguresAsTheOrdersPlacedOneByOne() {
		String tag = UUID.randomUUID().toString().substring(0, 6).toUpperCase(Locale.ROOT);
		String sku = "HB-" + tag;
		ensureSku(sku);
		SalesChannel batch = this.channels.create("HBA-" + tag, "Batch", SalesPlatform.SHOPIFY);
		SalesChannel single = this.channels.create("HBB-" + tag, "One by one", SalesPlatform.SHOPIFY);
		awaitQuietListeners();
		Map<String, String> before = shared();

		// two batches: the second meets the buyers, customers and facts the first left
		List<OrderDraft> batchDrafts = drafts(batch.code(), sku, tag);
		this.writer.write(batch, Inventory.DEFAULT_WAREHOUSE, batchDrafts.subList(0, 25), "import");
		awaitRecorded(batch.code(), 25);
		this.writer.write(batch, Inventory.DEFAULT_WAREHOUSE, batchDrafts.subList(25, batchDrafts.size()), "import");
		awaitRecorded(batch.code(), batchDrafts.size());
		Map<String, String> afterBatch = shared();

		List<OrderDraft> singleDrafts = drafts(single.code(), sku, tag);
		for (OrderDraft draft : singleDrafts) {
			assertThat(this.orders.place(draft).created()).isTrue();
		}
		awaitRecorded(single.code(), singleDrafts.size());
		Map<String, String> afterSingle = shared();

		assertThat(figures(batch.code())).isEqualTo(figures(single.code()));
		assertThat(difference(before, afterBatch)).isNotEmpty().isEqualTo(difference(afterBatch, afterSingle));
	}

	/**
	 * Forty history orders of twelve buyers over four days around midnight: completed
	 * (some with content codes and campaigns), shipped, cancelled after payment, closed
	 * after shipping, an unknown SKU, line and order discounts, postage, addresses.
	 */
	private static List<OrderDraft> drafts(String channel, String sku, String tag) {
		List<OrderDraft> drafts = new ArrayList<>();
		Instant start = LocalDate.of(2037, 3, 30).atTime(22, 0).atZone(SHANGHAI).toInstant();
		OrderStatus[] statuses = { OrderStatus.COMPLETED, OrderStatus.COMPLETED, OrderStatus.SHIPPED,
				OrderStatus.COMPLETED, OrderStatus.CANCELLED, OrderStatus.CLOSED, OrderStatus.DELIVERED };
		for (int i = 0; i < 40; i++) {
			Instant placed = start.plus(Duration.ofMinutes(137L * i));
			Instant paid = placed.plusSeconds(90);
			OrderStatus status = statuses[i % statuses.length];
			Times times = switch (status) {
				case COMPLETED -> new Times(placed, paid, paid.plusSeconds(3600), paid.plusSeconds(86_400),
						paid.plusSeconds(90_000), null, null);
				case SHIPPED -> new Times(placed, paid, paid.plusSeconds(3600), null, null, null, null);
				case DELIVERED ->
					new Times(placed, paid, paid.plusSeconds(3600), paid.plusSeconds(80_000), null, null, null);
				case CANCELLED -> new Times(placed, paid, null, null, null, paid.plusSeconds(600), null);
				default -> new Times(placed, paid, paid.plusSeconds(3600), null, null, null, paid.plusSeconds(200_000));
			};
			int buyer = i % 12;
			Customer customer = new Customer("买家 " + buyer, (buyer % 3 == 0) ? "138****" + (1000 + buyer) : null, null,
					"buyer-" + tag + "-" + buyer);
			Address address = (buyer % 4 == 0) ? null
					: new Address("收件人 " + buyer, null, "浙江省", "杭州市", "西湖区", "文三路 " + buyer + " 号", "310000");
			List<OrderDraft.Line> lines = new ArrayList<>();
			lines.add(new OrderDraft.Line(sku, null, 1 + i % 3, new BigDecimal("59.90"),
					(i % 5 == 0) ? new BigDecimal("5.00") : null));
			if (i % 3 == 1) {
				lines.add(new OrderDraft.Line("GONE-" + tag + "-" + (i % 4), "下架商品 " + (i % 4), 2,
						new BigDecimal("19.50"), null));
			}
			drafts.add(new OrderDraft(channel, "#" + (1000 + i), status, times, customer, address, lines,
					(i % 2 == 0) ? new BigDecimal("8.00") : null, (i % 6 == 0) ? new BigDecimal("3.00") : null, null,
					null, (i % 4 == 1) ? new Utm("douyin", "social", "SPRING-" + tag, null) : null,
					(i % 5 == 2) ? "HB-PIECE-" + tag : null, null, new OrderDraft.Shipment("SF", "SF" + i), null,
					OrderSource.IMPORT));
		}
		return drafts;
	}

	/**
	 * What the listening modules keep of one channel's orders, without ids.
	 */
	private Map<String, List<String>> figures(String channel) {
		Map<String, List<String>> figures = new HashMap<>();
		figures.put("kpi_day", rows("""
				SELECT day || ' ' || paid_orders || ' ' || gmv || ' ' || refunds || ' ' || refund_amount
				FROM kpi_day WHERE channel_code = :channel ORDER BY day""", channel));
		figures.put("kpi_order_fact", rows("""
				SELECT o.number || ' ' || f.paid_at || ' ' || f.pay_day || ' ' || f.paid_amount || ' '
				       || replace(f.buyer_key, :channel, '') || ' ' || coalesce(f.content_code, '-') || ' '
				       || coalesce(f.utm_campaign, '-')
				FROM kpi_order_fact f JOIN shop_order o ON o.id = f.order_id
				WHERE f.channel_code = :channel ORDER BY o.number""", channel));
		figures.put("kpi_order_line_fact", rows("""
				SELECT o.number || ' ' || l.line_no || ' ' || l.sku || ' ' || l.title || ' ' || l.quantity || ' '
				       || l.amount
				FROM kpi_order_line_fact l JOIN shop_order o ON o.id = l.order_id
				JOIN sales_channel c ON c.id = o.channel_id WHERE c.code = :channel ORDER BY o.number, l.line_no""",
				channel));
		figures.put("kpi_placed_fact", rows("""
				SELECT o.number || ' ' || p.own_site || ' ' || p.placed_at || ' ' || coalesce(p.paid_at::text, '-')
				FROM kpi_placed_fact p JOIN shop_order o ON o.id = p.order_id
				JOIN sales_channel c ON c.id = o.channel_id WHERE c.code = :channel ORDER BY o.number""", channel));
		figures.put("kpi_buyer_day", rows("""
				SELECT day || ' ' || replace(buyer_key, :channel, '') || ' ' || paid_orders FROM kpi_buyer_day
				WHERE channel_code = :channel ORDER BY 1""", channel));
		figures.put("kpi_buyer_first", rows("""
				SELECT replace(buyer_key, :channel, '') || ' ' || first_paid_at || ' ' || first_day
				FROM kpi_buyer_first WHERE buyer_key LIKE 'id:' || :channel || ':%' ORDER BY 1""", channel));
		figures.put("kpi_buyer_span", rows("""
				SELECT day || ' ' || payers::text || ' ' || repeaters::text || ' ' || newcomers::text
				FROM kpi_buyer_span WHERE channel_code = :channel ORDER BY day""", channel));
		figures.put("kpi_sku_day", rows("""
				SELECT day || ' ' || sku || ' ' || units || ' ' || gmv || ' ' || refunded_units || ' ' || refund_amount
				FROM kpi_sku_day WHERE channel_code = :channel ORDER BY day, sku""", channel));
		figures.put("kpi_source_day", rows("""
				SELECT kind || ' ' || day || ' ' || code || ' ' || orders || ' ' || gmv FROM kpi_source_day
				WHERE channel_code = :channel ORDER BY 1""", channel));
		figures.put("customer", rows("""
				SELECT c.name || ' ' || coalesce(c.phone, '-') || ' ' || c.order_count || ' ' || c.paid_total || ' '
				       || c.refunded_total || ' ' || c.net_spend || ' ' || c.first_order_at || ' ' || c.last_order_at
				       || ' ' || coalesce(c.tier_code, '-') || ' ' || c.points_balance || ' '
				       || (c.merged_into IS NULL)
				FROM customer c WHERE c.first_channel = :channel ORDER BY 1""", channel));
		figures.put("customer_identity", rows("""
				SELECT c.name || ' ' || i.kind || ' ' || i.value FROM customer_identity i
				JOIN customer c ON c.id = i.customer_id WHERE i.channel_code = :channel ORDER BY 1""", channel));
		figures.put("customer_address", rows("""
				SELECT c.name || ' ' || a.fingerprint || ' ' || a.name || ' ' || a.last_used_at FROM customer_address a
				JOIN customer c ON c.id = a.customer_id WHERE c.first_channel = :channel ORDER BY 1""", channel));
		figures.put("customer_order", rows("""
				SELECT o.order_number || ' ' || c.name || ' ' || o.status || ' ' || o.status_rank || ' ' || o.placed_at
				       || ' ' || o.paid_amount || ' ' || coalesce(o.paid_at::text, '-') || ' '
				       || coalesce(o.completed_at::text, '-') || ' ' || o.refunded_amount
				FROM customer_order o JOIN customer c ON c.id = o.customer_id
				WHERE o.channel_code = :channel ORDER BY o.order_number""", channel));
		figures.put("points_entry", rows("""
				SELECT c.name || ' ' || p.kind || ' ' || p.points || ' ' || p.expires_at FROM points_entry p
				JOIN customer c ON c.id = p.customer_id WHERE c.first_channel = :channel ORDER BY 1""", channel));
		figures.put("customer_sku",
				rows("""
						SELECT o.number || ' ' || s.sku || ' ' || c.name FROM customer_sku s JOIN shop_order o ON o.id = s.order_id
						JOIN customer c ON c.id = s.customer_id WHERE c.first_channel = :channel ORDER BY 1""",
						channel));
		figures.put("attribution_order", rows("""
				SELECT order_number || ' ' || pay_day || ' ' || paid_amount || ' ' || rule || ' ' || traffic_source
				       || ' ' || coalesce(utm_campaign, '-') || ' ' || coalesce(content_code, '-')
				FROM attribution_order WHERE channel_code = :channel ORDER BY order_number""", channel));
		figures.put("attribution_day", rows("""
				SELECT day || ' ' || rule || ' ' || traffic_source || ' ' || campaign_id || ' ' || piece_id || ' '
				       || group_id || ' ' || orders || ' ' || gmv FROM attribution_day
				WHERE channel_code = :channel ORDER BY 1""", channel));
		figures.put("content_order", rows("""
				SELECT order_number || ' ' || content_code || ' ' || paid_amount || ' ' || coalesce(paid_at::text, '-')
				       || ' ' || cancelled FROM content_order WHERE channel_code = :channel ORDER BY order_number""",
				channel));
		figures.put("retention_order", rows("""
				SELECT o.number || ' ' || c.name || ' ' || r.paid_at || ' ' || r.paid_amount || ' ' || r.status
				FROM retention_order r JOIN shop_order o ON o.id = r.order_id JOIN customer c ON c.id = r.customer_id
				WHERE c.first_channel = :channel ORDER BY 1""", channel));
		figures.put("retention_purchase", rows("""
				SELECT o.number || ' ' || p.title FROM retention_purchase p JOIN shop_order o ON o.id = p.order_id
				JOIN sales_channel s ON s.id = o.channel_id WHERE s.code = :channel ORDER BY 1""", channel));
		assertThat(figures.get("customer")).hasSize(12);
		return figures;
	}

	/**
	 * The rollups every channel adds to, row by row.
	 */
	private Map<String, String> shared() {
		Map<String, String> rows = new HashMap<>();
		this.jdbc.sql("""
				SELECT 'placed ' || day, placed || ' ' || paid FROM kpi_placed_day
				UNION ALL SELECT 'sku ' || day || ' ' || sku, units || ' ' || gmv FROM kpi_sku_day_total
				UNION ALL SELECT 'cohort ' || cohort || ' ' || month_offset,
				       customers || ' ' || paid_amount || ' ' || refund_amount FROM retention_cohort_month
				UNION ALL SELECT 'period ' || kind || ' ' || period_start, buyers || ' ' || repeat_buyers
				          FROM retention_period
				UNION ALL SELECT 'gap ' || bucket, gaps::text FROM retention_gap""")
			.query((rs, n) -> rows.put(rs.getString(1), rs.getString(2)))
			.list();
		return rows;
	}

	/**
	 * What changed from one reading of the shared rollups to the next, as
	 * {@code key: before → after}.
	 */
	private static Map<String, String> difference(Map<String, String> from, Map<String, String> to) {
		Map<String, String> changes = new HashMap<>();
		for (Map.Entry<String, String> row : to.entrySet()) {
			String old = from.get(row.getKey());
			if (!row.getValue().equals(old)) {
				changes.put(row.getKey(), delta(old, row.getValue()));
			}
		}
		return changes;
	}

	private static String delta(String old, String now) {
		String[] was = (old != null) ? old.split(" ") : null;
		String[] is = now.split(" ");
		StringBuilder delta = new StringBuilder();
		for (int i = 0; i < is.length; i++) {
			BigDecimal before = (was != null) ? new BigDecimal(was[i]) : BigDecimal.ZERO;
			delta.append(new BigDecimal(is[i]).subtract(before).stripTrailingZeros().toPlainString()).append(' ');
		}
		return delta.toString().strip();
	}

	private List<String> rows(String sql, String channel) {
		return this.jdbc.sql(sql).param("channel", channel).query(String.class).list();
	}

	private void awaitRecorded(String channel, int orders) {
		await().atMost(Duration.ofMinutes(2))
			.until(() -> count("""
					SELECT count(*) FROM customer_order WHERE channel_code = :channel""", channel) == orders
					&& count("""
							SELECT count(*) FROM kpi_placed_fact p JOIN shop_order o ON o.id = p.order_id
							JOIN sales_channel c ON c.id = o.channel_id WHERE c.code = :channel""", channel) == orders
					&& count("SELECT count(*) FROM attribution_order WHERE channel_code = :channel", channel) > 0);
		awaitQuietListeners();
	}

	private long count(String sql, String channel) {
		return this.jdbc.sql(sql).param("channel", channel).query(Long.class).single();
	}

	private void awaitQuietListeners() {
		await().atMost(Duration.ofMinutes(2))
			.until(() -> this.listeners.getActiveCount() == 0
					&& this.listeners.getThreadPoolExecutor().getQueue().isEmpty());
	}

	private void ensureSku(String sku) {
		long product = this.jdbc.sql("INSERT INTO product (handle, title) VALUES (:handle, :title) RETURNING id")
			.param("handle", sku.toLowerCase(Locale.ROOT))
			.param("title", "纯棉T恤 " + sku)
			.query(Long.class)
			.single();
		long id = this.jdbc
			.sql("INSERT INTO product_variant (product_id, sku, price, position) VALUES (:product, :sku, 59.90, 1) "
					+ "RETURNING id")
			.param("product", product)
			.param("sku", sku)
			.query(Long.class)
			.single();
		this.inventory.openStock(id, 100);
	}

}
