package io.shopops.growth.crm;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

import io.shopops.platform.AuditLog;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Member tiers: ordered rules by rolling 12-month net spend OR paid order count; a
 * customer is in the highest tier whose rule it meets. Recomputed whenever a customer's
 * orders or refunds change, and for everyone when the rules change or once a day (the
 * window moves).
 */
@Component
class TierRules {

	private final JdbcClient jdbc;

	private final AuditLog audit;

	TierRules(JdbcClient jdbc, AuditLog audit) {
		this.jdbc = jdbc;
		this.audit = audit;
	}

	List<Tier> tiers() {
		return this.jdbc
			.sql("SELECT code, name, position, min_net_spend, min_orders FROM customer_tier ORDER BY position DESC")
			.query((rs, n) -> new Tier(rs.getString("code"), rs.getString("name"), rs.getInt("position"),
					rs.getBigDecimal("min_net_spend"), (Integer) rs.getObject("min_orders")))
			.list();
	}

	/**
	 * The tier a customer with these 12-month figures is in.
	 * @param tiers the rules
	 * @param netSpend the net spend of the last 12 months
	 * @param orders the paid orders of the last 12 months
	 * @return the highest tier met, {@code null} for none
	 */
	static String tierFor(List<Tier> tiers, BigDecimal netSpend, int orders) {
		return tiers.stream()
			.sorted(Comparator.comparingInt(Tier::position).reversed())
			.filter((tier) -> (tier.minNetSpend() != null && netSpend.compareTo(tier.minNetSpend()) >= 0)
					|| (tier.minOrders() != null && orders >= tier.minOrders()))
			.map(Tier::code)
			.findFirst()
			.orElse(null);
	}

	/**
	 * Recomputes one customer's tier; a change writes a history row and an audit entry.
	 * Runs inside the caller's transaction.
	 * @param customerId the customer
	 * @param tiers the rules
	 * @param now the end of the 12-month window
	 */
	void recompute(long customerId, List<Tier> tiers, Instant now) {
		Figures figures = this.jdbc.sql("""
				SELECT coalesce(sum(paid_amount - refunded_amount), 0) AS net, count(*) AS orders
				FROM customer_order
				WHERE customer_id = :id AND paid_at IS NOT NULL AND status <> 'CANCELLED'
				  AND placed_at >= CAST(:now AS TIMESTAMPTZ) - INTERVAL '12 months'
				""")
			.param("id", customerId)
			.param("now", Timestamp.from(now))
			.query((rs, n) -> new Figures(rs.getBigDecimal("net"), rs.getInt("orders")))
			.single();
		String current = this.jdbc.sql("SELECT tier_code FROM customer WHERE id = :id FOR UPDATE")
			.param("id", customerId)
			.query(String.class)
			.optional()
			.orElse(null);
		change(customerId, current, tiers, figures);
	}

	/**
	 * Recomputes one customer's tier after each of several of its orders recorded in one
	 * go, as recomputing after each of them would: each change writes a history row and
	 * an audit entry. Runs inside the caller's transaction.
	 * @param customerId the customer
	 * @param tiers the rules
	 * @param steps the customer's 12-month figures after each order, in order
	 */
	void recomputeAlong(long customerId, List<Tier> tiers, List<Figures> steps) {
		String current = this.jdbc.sql("SELECT tier_code FROM customer WHERE id = :id FOR UPDATE")
			.param("id", customerId)
			.query(String.class)
			.optional()
			.orElse(null);
		for (Figures figures : steps) {
			current = change(customerId, current, tiers, figures);
		}
	}

	/**
	 * Moves the customer to the tier the figures qualify for, if it is another one.
	 * @return the customer's tier now
	 */
	private String change(long customerId, String current, List<Tier> tiers, Figures figures) {
		String next = tierFor(tiers, figures.netSpend(), figures.orders());
		if (Objects.equals(current, next)) {
			return current;
		}
		this.jdbc.sql("UPDATE customer SET tier_code = :tier WHERE id = :id")
			.param("tier", next)
			.param("id", customerId)
			.update();
		this.jdbc.sql("""
				INSERT INTO customer_tier_change (customer_id, from_tier, to_tier, net_spend_12m, orders_12m)
				VALUES (:id, :from, :to, :net, :orders)
				""")
			.param("id", customerId)
			.param("from", current)
			.param("to", next)
			.param("net", figures.netSpend())
			.param("orders", figures.orders())
			.update();
		this.audit.record("TIER_CHANGED", "customer", String.valueOf(customerId),
				((current != null) ? current : "—") + " → " + ((next != null) ? next : "—"));
		return next;
	}

	void recompute(long customerId) {
		recompute(customerId, tiers(), Instant.now());
	}

	/**
	 * Recomputes every customer's tier, e.g. after the rules changed.
	 * @return how many customers changed tier
	 */
	@Transactional
	public int recomputeAll() {
		List<Tier> tiers = tiers();
		Instant now = Instant.now();
		List<Long> ids = this.jdbc.sql("SELECT id FROM customer WHERE merged_into IS NULL ORDER BY id")
			.query(Long.class)
			.list();
		long before = changes();
		for (long id : ids) {
			recompute(id, tiers, now);
		}
		return (int) (changes() - before);
	}

	private long changes() {
		return this.jdbc.sql("SELECT count(*) FROM customer_tier_change").query(Long.class).single();
	}

	/**
	 * Adds or replaces a tier.
	 * @param tier the tier
	 */
	@Transactional
	public void save(Tier tier) {
		this.jdbc.sql("""
				INSERT INTO customer_tier (code, name, position, min_net_spend, min_orders)
				VALUES (:code, :name, :position, :spend, :orders)
				ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, position = EXCLUDED.position,
				  min_net_spend = EXCLUDED.min_net_spend, min_orders = EXCLUDED.min_orders
				""")
			.param("code", tier.code())
			.param("name", tier.name())
			.param("position", tier.position())
			.param("spend", tier.minNetSpend())
			.param("orders", tier.minOrders())
			.update();
		this.audit.record("TIER_SAVED", "tier", tier.code(),
				tier.name() + ": ≥ " + ((tier.minNetSpend() != null) ? tier.minNetSpend().toPlainString() : "—")
						+ " / ≥ " + ((tier.minOrders() != null) ? tier.minOrders() : "—"));
	}

	/**
	 * Removes a tier; its customers move to the tier they now meet.
	 * @param code the tier's code
	 * @return whether it existed
	 */
	@Transactional
	public boolean delete(String code) {
		int deleted = this.jdbc.sql("DELETE FROM customer_tier WHERE code = :code").param("code", code).update();
		if (deleted > 0) {
			this.audit.record("TIER_DELETED", "tier", code, null);
		}
		return deleted > 0;
	}

	List<Change> history(long customerId) {
		return this.jdbc.sql("""
				SELECT from_tier, to_tier, net_spend_12m, orders_12m, changed_at FROM customer_tier_change
				WHERE customer_id = :id ORDER BY changed_at DESC, id DESC LIMIT 50
				""")
			.param("id", customerId)
			.query((rs, n) -> new Change(rs.getString("from_tier"), rs.getString("to_tier"),
					rs.getBigDecimal("net_spend_12m"), rs.getInt("orders_12m"),
					rs.getTimestamp("changed_at").toInstant()))
			.list();
	}

	/**
	 * A tier and its rule.
	 *
	 * @param code the code, e.g. {@code GOLD}
	 * @param name the name shown, e.g. 金卡会员
	 * @param position its rank, higher is better
	 * @param minNetSpend the 12-month net spend that qualifies, {@code null} if unused
	 * @param minOrders the 12-month paid orders that qualify, {@code null} if unused
	 */
	record Tier(String code, String name, int position, BigDecimal minNetSpend, Integer minOrders) {
	}

	record Change(String fromTier, String toTier, BigDecimal netSpend, int orders, Instant at) {
	}

	record Figures(BigDecimal netSpend, int orders) {
	}

}
