package io.shopops.dashboard;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.shopops.fulfilment.order.OrderSnapshot;
import io.shopops.fulfilment.order.Utm;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link KpiRollups#recordOrders} (a batch of imported history orders) leaves the facts
 * and every rollup exactly as recording the same orders one by one does, and a batch
 * delivered again, also while its first delivery still runs (the catch-up resubmits a
 * publication that is still queued after two minutes), changes nothing.
 */
@SpringBootTest
class KpiBatchRecordingTests {

	@Autowired
	KpiRollups rollups;

	@Autowired
	KpiVerification verification;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aBatchRecordsWhatTheOrdersOneByOneRecordAndADuplicateChangesNothing() throws Exception {
		ZoneId zone = this.rollups.zone();
		LocalDate day = LocalDate.of(2036, 9, 1 + (int) (KpiFixtures.nextId() % 20));
		Instant start = day.atTime(21, 0).atZone(zone).toInstant();
		String batch = KpiFixtures.channel();
		String single = KpiFixtures.channel();
		List<OrderSnapshot> batchOrders = orders(batch, start);
		List<OrderSnapshot> singleOrders = orders(single, start);

		// the first batch, then the second delivered twice at once, then the first again
		assertThat(this.rollups.recordOrders(batchOrders.subList(0, 10))).isEqualTo(10);
		ExecutorService pool = Executors.newFixedThreadPool(2);
		long changed = 0;
		try {
			CountDownLatch go = new CountDownLatch(1);
			List<Future<Integer>> deliveries = new ArrayList<>();
			for (int copy = 0; copy < 2; copy++) {
				deliveries.add(pool.submit(() -> {
					go.await();
					return this.rollups.recordOrders(batchOrders.subList(10, batchOrders.size()));
				}));
			}
			go.countDown();
			for (Future<Integer> delivery : deliveries) {
				changed += delivery.get(60, TimeUnit.SECONDS);
			}
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(changed).isEqualTo(batchOrders.size() - 10);
		assertThat(this.rollups.recordOrders(batchOrders.subList(0, 10))).isZero();

		for (OrderSnapshot order : singleOrders) {
			this.rollups.recordOrder(order);
			this.rollups.recordOrder(order);
		}

		assertThat(figures(batch)).isEqualTo(figures(single));
		assertThat(figures(batch).get("kpi_day")).isNotEmpty();
		assertThat(this.verification.verify(new KpiRange(day.minusDays(1), day.plusDays(3))).differences()).isEmpty();
	}

	/**
	 * Eighteen paid orders of five buyers over three evenings, one to three lines of two
	 * SKUs, some with a content piece or campaign; the SKUs are the channel's own.
	 */
	private static List<OrderSnapshot> orders(String channel, Instant start) {
		List<OrderSnapshot> orders = new ArrayList<>();
		for (int i = 0; i < 18; i++) {
			long id = KpiFixtures.nextId();
			Instant paidAt = start.plusSeconds(3 * 3600L * i + 60);
			List<Object> lines = new ArrayList<>(List.of(channel + "-A", 1 + i % 2, (10 + i) + ".00"));
			if (i % 3 != 0) {
				lines.addAll(List.of(channel + "-B", 2, "7.50"));
			}
			OrderSnapshot order = KpiFixtures.order(id, channel, paidAt, lines.toArray());
			OrderSnapshot o = KpiFixtures.withLines(KpiFixtures.order(id, channel, KpiFixtures.buyerId("b" + (i % 5)),
					paidAt, order.paidAmount().toPlainString()), order.lines());
			orders.add(new OrderSnapshot(o.id(), o.channelCode(), o.platform(), o.number(), o.status(), o.times(),
					o.customer(), o.address(), o.lines(), o.goodsAmount(), o.shippingFee(), o.discount(),
					o.paidAmount(), o.currency(), o.couponCode(),
					new Utm("douyin", "social", (i % 4 == 1) ? "AUTUMN" : null, null), (i % 5 == 2) ? "PIECE" : null,
					o.visitorId(), o.note(), o.source(), true, o.warehouse()));
		}
		return orders;
	}

	/**
	 * What the rollups keep of one channel's orders, without ids and with the channel's
	 * code taken out.
	 */
	private Map<String, List<String>> figures(String channel) {
		Map<String, List<String>> figures = new HashMap<>();
		figures.put("kpi_day", rows("""
				SELECT day || ' ' || paid_orders || ' ' || gmv FROM kpi_day WHERE channel_code = :channel
				ORDER BY day""", channel));
		figures.put("kpi_order_fact", rows("""
				SELECT paid_at || ' ' || pay_day || ' ' || paid_amount || ' ' || buyer_key || ' '
				       || coalesce(content_code, '-') || ' ' || coalesce(utm_campaign, '-')
				FROM kpi_order_fact WHERE channel_code = :channel ORDER BY paid_at""", channel));
		figures.put("kpi_order_line_fact", rows("""
				SELECT f.paid_at || ' ' || l.line_no || ' ' || l.sku || ' ' || l.title || ' ' || l.quantity || ' '
				       || l.amount
				FROM kpi_order_line_fact l JOIN kpi_order_fact f ON f.order_id = l.order_id
				WHERE f.channel_code = :channel ORDER BY 1""", channel));
		figures.put("kpi_placed_fact", rows("""
				SELECT p.own_site || ' ' || p.placed_at || ' ' || p.paid_at FROM kpi_placed_fact p
				JOIN kpi_order_fact f ON f.order_id = p.order_id WHERE f.channel_code = :channel ORDER BY 1""",
				channel));
		figures.put("kpi_buyer_day", rows("""
				SELECT day || ' ' || buyer_key || ' ' || paid_orders FROM kpi_buyer_day
				WHERE channel_code = :channel ORDER BY 1""", channel));
		figures.put("kpi_buyer_first", rows("""
				SELECT buyer_key || ' ' || first_paid_at || ' ' || first_day FROM kpi_buyer_first
				WHERE buyer_key LIKE 'id:' || :channel || ':%' ORDER BY 1""", channel));
		figures.put("kpi_buyer_span", rows("""
				SELECT day || ' ' || payers::text || ' ' || repeaters::text || ' ' || newcomers::text
				FROM kpi_buyer_span WHERE channel_code = :channel ORDER BY day""", channel));
		figures.put("kpi_sku_day", rows("""
				SELECT day || ' ' || sku || ' ' || units || ' ' || gmv || ' ' || orders FROM kpi_sku_day
				WHERE channel_code = :channel ORDER BY day, sku""", channel));
		figures.put("kpi_sku_day_total", rows("""
				SELECT day || ' ' || sku || ' ' || units || ' ' || gmv || ' ' || orders FROM kpi_sku_day_total
				WHERE sku LIKE :channel || '-%' ORDER BY day, sku""", channel));
		figures.put("kpi_source_day", rows("""
				SELECT kind || ' ' || day || ' ' || code || ' ' || orders || ' ' || gmv FROM kpi_source_day
				WHERE channel_code = :channel ORDER BY 1""", channel));
		figures.replaceAll((table, rows) -> rows.stream().map((row) -> row.replace(channel, "#")).toList());
		return figures;
	}

	private List<String> rows(String sql, String channel) {
		return this.jdbc.sql(sql).param("channel", channel).query(String.class).list();
	}

}
