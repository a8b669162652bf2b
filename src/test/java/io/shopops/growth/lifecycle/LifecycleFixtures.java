package io.shopops.growth.lifecycle;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import io.shopops.growth.segment.RfmGroup;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Customers, orders, segments and coupons written straight into CRM's tables, with the
 * times each test needs, and rule definitions.
 */
final class LifecycleFixtures {

	/** Order ids far from the sequence's. */
	private static final AtomicLong ORDER_IDS = new AtomicLong(
			8_000_000_000L + (System.nanoTime() % 1_000_000L) * 1_000L);

	private LifecycleFixtures() {
	}

	static String unique(String prefix) {
		return prefix + "-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
	}

	static long customer(JdbcClient jdbc, String name) {
		return jdbc.sql("INSERT INTO customer (name) VALUES (:name) RETURNING id")
			.param("name", name)
			.query(Long.class)
			.single();
	}

	/** A customer whose first and last orders were placed those days ago. */
	static long buyer(JdbcClient jdbc, String name, int firstDaysAgo, int lastDaysAgo, int orders) {
		Instant now = Instant.now();
		return jdbc
			.sql("""
					INSERT INTO customer (name, first_order_at, last_order_at, order_count) VALUES (:name, :first, :last, :n)
					RETURNING id""")
			.param("name", name)
			.param("first", Timestamp.from(now.minus(Duration.ofDays(firstDaysAgo))))
			.param("last", Timestamp.from(now.minus(Duration.ofDays(lastDaysAgo))))
			.param("n", orders)
			.query(Long.class)
			.single();
	}

	static void tag(JdbcClient jdbc, long customerId, String tag) {
		jdbc.sql("INSERT INTO customer_tag (customer_id, tag) VALUES (:id, :tag)")
			.param("id", customerId)
			.param("tag", tag)
			.update();
	}

	/** A saved segment of the customers with this tag. */
	static long segment(JdbcClient jdbc, String tag) {
		return jdbc
			.sql("INSERT INTO customer_segment (name, tags, created_by) VALUES (:name, :tag, 'test') RETURNING id")
			.param("name", unique("Segment"))
			.param("tag", tag)
			.query(Long.class)
			.single();
	}

	/** An active no-threshold coupon of 10.00, valid for 30 more days. */
	static long coupon(JdbcClient jdbc) {
		return jdbc.sql("""
				INSERT INTO coupon (name, type, amount, valid_from, valid_until)
				VALUES (:name, 'NO_THRESHOLD', 10.00, now() - interval '1 day', now() + interval '30 days')
				RETURNING id""").param("name", unique("Coupon")).query(Long.class).single();
	}

	/** A paid CRM order of the customer. */
	static long order(JdbcClient jdbc, long customerId, Instant placedAt, String paid, String status) {
		long id = ORDER_IDS.incrementAndGet();
		jdbc.sql("""
				INSERT INTO customer_order (order_id, customer_id, channel_code, order_number, status, status_rank,
				    placed_at, paid_amount, paid_at)
				VALUES (:id, :customer, 'LCY', :number, :status, 3, :placed, :paid, :placed)""")
			.param("id", id)
			.param("customer", customerId)
			.param("number", "LCY-" + id)
			.param("status", status)
			.param("placed", Timestamp.from(placedAt))
			.param("paid", new BigDecimal(paid))
			.update();
		return id;
	}

	/** A redemption of a code on an order. */
	static void redeemed(JdbcClient jdbc, long couponId, long codeId, long customerId, long orderId, String discount,
			String status) {
		jdbc.sql("""
				INSERT INTO coupon_redemption (order_id, coupon_id, code_id, customer_id, order_number, channel_code,
				    status, discount, paid_amount, placed_at)
				VALUES (:order, :coupon, :code, :customer, :number, 'LCY', :status, :discount, 0, now())""")
			.param("order", orderId)
			.param("coupon", couponId)
			.param("code", codeId)
			.param("customer", customerId)
			.param("number", "LCY-" + orderId)
			.param("status", status)
			.param("discount", new BigDecimal(discount))
			.update();
	}

	static LifecycleRule.Definition taskRule(LifecycleTrigger trigger, Integer days, List<RfmGroup> groups,
			Long segmentId, String assignee, int cooldown) {
		return new LifecycleRule.Definition(unique("Rule"), trigger, days, groups, segmentId, LifecycleAction.TASK,
				null, "Call the customer", assignee, 1, null, cooldown, 30, true);
	}

	static LifecycleRule.Definition couponRule(Long segmentId, long couponId, int cooldown, int returnDays) {
		return new LifecycleRule.Definition(unique("Rule"), LifecycleTrigger.SEGMENT, null, List.of(), segmentId,
				LifecycleAction.COUPON, couponId, null, null, null, null, cooldown, returnDays, true);
	}

	static List<Long> members(JdbcClient jdbc, long ruleId) {
		return jdbc.sql("SELECT customer_id FROM lifecycle_member WHERE rule_id = :id ORDER BY customer_id")
			.param("id", ruleId)
			.query(Long.class)
			.list();
	}

	static List<Long> fired(JdbcClient jdbc, long ruleId) {
		return jdbc.sql("SELECT customer_id FROM lifecycle_firing WHERE rule_id = :id ORDER BY customer_id, id")
			.param("id", ruleId)
			.query(Long.class)
			.list();
	}

}
