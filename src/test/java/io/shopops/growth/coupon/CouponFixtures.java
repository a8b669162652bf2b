package io.shopops.growth.coupon;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import io.shopops.fulfilment.order.Address;
import io.shopops.fulfilment.order.Customer;
import io.shopops.fulfilment.order.OrderSnapshot;
import io.shopops.fulfilment.order.OrderSource;
import io.shopops.fulfilment.order.OrderStatus;
import io.shopops.fulfilment.order.SalesPlatform;
import io.shopops.fulfilment.order.Times;
import io.shopops.fulfilment.order.Utm;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Coupons, customers and order snapshots with unique values, so that tests sharing the
 * database never see each other's rows.
 */
final class CouponFixtures {

	/** Order ids far from the sequence's, for snapshots that are not real orders. */
	private static final AtomicLong ORDER_IDS = new AtomicLong(
			9_000_000_000L + (System.nanoTime() % 1_000_000L) * 1_000L);

	private CouponFixtures() {
	}

	static String unique(String prefix) {
		return prefix + "-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
	}

	/** A 满减 form: spend 100, save 20, valid around today, no limits. */
	static CouponForm spendSave(String name) {
		CouponForm form = new CouponForm();
		form.setName(name);
		form.setType(CouponTerms.Type.SPEND_SAVE);
		form.setThreshold(new BigDecimal("100.00"));
		form.setAmount(new BigDecimal("20.00"));
		LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
		form.setValidFrom(today.minusDays(30));
		form.setValidUntil(today.plusDays(30));
		form.setPerCustomerLimit(null);
		return form;
	}

	static long customer(JdbcClient jdbc, String name) {
		return jdbc.sql("INSERT INTO customer (name) VALUES (:name) RETURNING id")
			.param("name", name)
			.query(Long.class)
			.single();
	}

	/** A placed order snapshot (not a real order) of one line worth {@code amount}. */
	static OrderSnapshot order(String code, String amount) {
		return order(code, "SKU-" + unique("C"), amount, BigDecimal.ZERO, Instant.now());
	}

	static OrderSnapshot order(String code, String sku, String amount, BigDecimal lineDiscount, Instant placedAt) {
		long id = ORDER_IDS.incrementAndGet();
		BigDecimal value = new BigDecimal(amount);
		OrderSnapshot.Line line = new OrderSnapshot.Line(id, sku, null, "Item", 1, value.add(lineDiscount),
				lineDiscount, value, 0);
		return new OrderSnapshot(id, "CPN", SalesPlatform.OWN_SITE, "CPN-" + id, OrderStatus.PAID,
				new Times(placedAt, placedAt, null, null, null, null, null), new Customer(null, null, null, null),
				new Address(null, null, null, null, null, null, null), List.of(line), value, BigDecimal.ZERO,
				BigDecimal.ZERO, value, "CNY", code, new Utm(null, null, null, null), null, null, null, OrderSource.API,
				false, null);
	}

}
