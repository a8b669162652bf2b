package io.shopops.fulfilment.order.demo;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import io.shopops.fulfilment.inventory.Inventory;
import io.shopops.fulfilment.order.demo.DemoOrders.DemoSku;
import io.shopops.fulfilment.order.SalesChannels;
import io.shopops.fulfilment.order.Orders;
import io.shopops.platform.ShopSettings;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo's orders: a weekly rhythm with a promotion spike, statuses by age, live paid
 * orders holding stock, history orders not touching it, and buyers who come back.
 */
@SpringBootTest
class DemoOrdersTests {

	@Autowired
	Orders orders;

	@Autowired
	SalesChannels channels;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ShopSettings settings;

	@Autowired
	Inventory inventory;

	@Autowired
	PlatformTransactionManager transactionManager;

	@Test
	void theSpikeIs11NovemberWhenItIsWithinTheDemosDays() {
		assertThat(DemoOrders.spikeDay(LocalDate.of(2026, 12, 2))).isEqualTo(LocalDate.of(2026, 11, 11));
		assertThat(DemoOrders.spikeDay(LocalDate.of(2027, 1, 20))).isEqualTo(LocalDate.of(2026, 11, 11));
		assertThat(DemoOrders.spikeDay(LocalDate.of(2027, 6, 1))).isEqualTo(LocalDate.of(2027, 5, 2));
	}

	@Test
	void weekendsAreBusierThanWeekdaysAndTheSpikeBusiestOfAll() {
		Random random = new Random(1);
		LocalDate spike = LocalDate.of(2026, 11, 11);
		double weekdays = 0;
		double weekends = 0;
		int weeks = 0;
		for (LocalDate day = LocalDate.of(2026, 9, 7); day.isBefore(LocalDate.of(2026, 11, 2)); day = day.plusDays(1)) {
			int count = DemoOrders.ordersOn(day, spike, random);
			if (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
				weekends += count / 2.0;
			}
			else {
				weekdays += count / 5.0;
			}
			if (day.getDayOfWeek() == DayOfWeek.SUNDAY) {
				weeks++;
			}
		}
		assertThat(weekends / weeks).isGreaterThan(1.2 * weekdays / weeks);
		assertThat(DemoOrders.ordersOn(spike, spike, random)).isGreaterThan(4 * DemoOrders.BASE_PER_DAY);
	}

	@Test
	void seedsNinetyDaysThroughTheOrderServiceWithStatusesByAge() {
		String prefix = "DEMO" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
		long product = this.jdbc.sql("INSERT INTO product (handle, title, status) VALUES (?, ?, 'ACTIVE') RETURNING id")
			.params(prefix.toLowerCase(), "演示商品 " + prefix)
			.query(Long.class)
			.single();
		List<DemoSku> skus = new ArrayList<>();
		for (int i = 1; i <= 20; i++) {
			long variant = this.jdbc
				.sql("INSERT INTO product_variant (product_id, sku, price, position) VALUES (?, ?, ?, ?) RETURNING id")
				.params(product, prefix + "-" + i, new BigDecimal(29 + i * 10), i)
				.query(Long.class)
				.single();
			this.inventory.openStock(variant, 500);
			skus.add(new DemoSku(prefix + "-" + i, new BigDecimal(29 + i * 10)));
		}
		DemoOrders demo = new DemoOrders(this.orders, this.channels, this.jdbc, this.settings, this.transactionManager);
		demo.openChannels();
		Instant now = Instant.now();
		long before = demoOrders();
		long started = System.nanoTime();
		int placed = demo.seed(skus, now);
		long millis = (System.nanoTime() - started) / 1_000_000;
		assertThat(placed).isBetween(500, 1500);
		assertThat(demoOrders() - before).isEqualTo(placed);
		assertThat(this.channels.find("TMALL")).isPresent();
		assertThat(this.channels.find("SITE")).isPresent();
		ZoneId zone = this.settings.current().timeZone();
		Map<String, Long> byStatus = new HashMap<>();
		this.jdbc.sql("""
				SELECT o.status, count(*) FROM shop_order o JOIN order_line l ON l.order_id = o.id AND l.line_no = 1
				WHERE l.sku LIKE ? GROUP BY o.status""")
			.param(prefix + "-%")
			.query((rs, row) -> byStatus.put(rs.getString(1), rs.getLong(2)))
			.list();
		assertThat(byStatus.get("COMPLETED")).isGreaterThan(placed / 2);
		assertThat(byStatus).containsKeys("CANCELLED", "CLOSED", "PAID", "SHIPPED");
		long oldOpen = this.jdbc.sql("""
				SELECT count(*) FROM shop_order o JOIN order_line l ON l.order_id = o.id AND l.line_no = 1
				WHERE l.sku LIKE ? AND o.placed_at < ? AND o.status IN ('PENDING_PAYMENT', 'PAID', 'SHIPPED')""")
			.params(prefix + "-%", Timestamp.from(now.minusSeconds(30L * 86400)))
			.query(Long.class)
			.single();
		assertThat(oldOpen).isZero();
		long reserved = this.jdbc.sql("""
				SELECT coalesce(sum(s.reserved), 0) FROM stock_item s JOIN product_variant v ON v.id = s.variant_id
				WHERE v.sku LIKE ?""").param(prefix + "-%").query(Long.class).single();
		long paidUnits = this.jdbc.sql("""
				SELECT coalesce(sum(l.quantity), 0) FROM shop_order o JOIN order_line l ON l.order_id = o.id
				WHERE l.sku LIKE ? AND o.status = 'PAID'""").param(prefix + "-%").query(Long.class).single();
		assertThat(reserved).isPositive().isEqualTo(paidUnits);
		// buyers come back: a good share order again on the same channel 20 to 60 days
		// later, a minority three times or more
		List<Long> ordersPerBuyer = this.jdbc.sql("""
				SELECT count(*) FROM shop_order o JOIN order_line l ON l.order_id = o.id AND l.line_no = 1
				WHERE l.sku LIKE ? GROUP BY o.channel_id, coalesce(o.buyer_id, o.customer_email)""")
			.param(prefix + "-%")
			.query(Long.class)
			.list();
		long buyers = ordersPerBuyer.size();
		long returning = ordersPerBuyer.stream().filter((n) -> n >= 2).count();
		long loyal = ordersPerBuyer.stream().filter((n) -> n >= 3).count();
		assertThat(returning).isBetween(buyers / 10, buyers / 2);
		assertThat(loyal).isPositive().isLessThan(returning / 2);
		List<Long> gaps = this.jdbc
			.sql("""
					SELECT extract(day FROM placed_at - previous)::bigint FROM (
					  SELECT o.placed_at, lag(o.placed_at) OVER (PARTITION BY o.channel_id, coalesce(o.buyer_id, o.customer_email)
					                                             ORDER BY o.placed_at) AS previous
					  FROM shop_order o JOIN order_line l ON l.order_id = o.id AND l.line_no = 1 WHERE l.sku LIKE ?) g
					WHERE previous IS NOT NULL""")
			.param(prefix + "-%")
			.query(Long.class)
			.list();
		assertThat(gaps).hasSize((int) ordersPerBuyer.stream().mapToLong((n) -> n - 1).sum());
		assertThat(gaps).allSatisfy((days) -> assertThat(days).isBetween(19L, 61L));
		System.out.println(
				"Demo orders: " + placed + " in " + millis + " ms; by status " + byStatus + " (zone " + zone + ")");
	}

	private long demoOrders() {
		return this.jdbc.sql("SELECT count(*) FROM shop_order WHERE source = 'DEMO'").query(Long.class).single();
	}

}
