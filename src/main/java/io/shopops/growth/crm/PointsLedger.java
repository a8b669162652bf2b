package io.shopops.growth.crm;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import io.shopops.platform.AuditLog;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Loyalty points: an append-only ledger per customer. Completed orders earn points by the
 * rule (points per yuan paid, rounded down), refunds reverse the order's points in
 * proportion, managers adjust with a reason, customers redeem, and points expire after
 * the configured months (oldest first). Each change locks the customer's row, writes one
 * entry and moves the balance kept on the row by the same amount, so the balance always
 * equals the ledger's sum and never goes below zero.
 */
@Component
class PointsLedger implements CustomerHook {

	private final JdbcClient jdbc;

	private final AuditLog audit;

	PointsLedger(JdbcClient jdbc, AuditLog audit) {
		this.jdbc = jdbc;
		this.audit = audit;
	}

	Settings settings() {
		return this.jdbc.sql("SELECT points_per_yuan, expiry_months FROM points_setting WHERE id = 1")
			.query((rs, n) -> new Settings(rs.getBigDecimal("points_per_yuan"), rs.getInt("expiry_months")))
			.single();
	}

	@Transactional
	public void saveSettings(Settings settings) {
		this.jdbc
			.sql("UPDATE points_setting SET points_per_yuan = :rate, expiry_months = :months, updated_at = now() "
					+ "WHERE id = 1")
			.param("rate", settings.pointsPerYuan())
			.param("months", settings.expiryMonths())
			.update();
		this.audit.record("POINTS_SETTINGS_CHANGED", "points", null,
				settings.pointsPerYuan().toPlainString() + " / " + settings.expiryMonths());
	}

	/**
	 * Earns the points of a completed order once: on what was paid less what was refunded
	 * so far. Runs inside the caller's transaction.
	 * @param customerId the customer
	 * @param orderId the order
	 * @param paid what was paid
	 * @param refunded what was refunded so far
	 * @param completedAt when it was completed (expiry counts from here)
	 * @return the points earned now, 0 if none or earned before
	 */
	long earn(long customerId, long orderId, BigDecimal paid, BigDecimal refunded, Instant completedAt) {
		Settings settings = settings();
		long points = paid.subtract(refunded)
			.max(BigDecimal.ZERO)
			.multiply(settings.pointsPerYuan())
			.setScale(0, RoundingMode.DOWN)
			.longValueExact();
		if (points <= 0) {
			return 0;
		}
		lock(customerId);
		Instant expires = completedAt.atOffset(ZoneOffset.UTC).plusMonths(settings.expiryMonths()).toInstant();
		int inserted = this.jdbc.sql("""
				INSERT INTO points_entry (customer_id, kind, points, order_id, actor, expires_at, created_at)
				VALUES (:customer, 'EARN', :points, :order, 'system', :expires, :at)
				ON CONFLICT DO NOTHING
				""")
			.param("customer", customerId)
			.param("points", points)
			.param("order", orderId)
			.param("expires", Timestamp.from(expires))
			.param("at", Timestamp.from(completedAt))
			.update();
		if (inserted == 0) {
			return 0;
		}
		move(customerId, points);
		this.audit.record("POINTS_EARNED", "customer", String.valueOf(customerId),
				"+" + points + " (order " + orderId + ")");
		return points;
	}

	/**
	 * Earns the points of many completed orders, as {@link #earn} for each in turn would
	 * (an order earns once), in a few statements. Runs inside the caller's transaction.
	 * @param earnings the orders, each once
	 */
	void earnAll(List<Earning> earnings) {
		if (earnings.isEmpty()) {
			return;
		}
		Settings settings = settings();
		List<Earning> earning = new java.util.ArrayList<>();
		List<Long> points = new java.util.ArrayList<>();
		for (Earning order : earnings) {
			long earned = order.paid()
				.subtract(order.refunded())
				.max(BigDecimal.ZERO)
				.multiply(settings.pointsPerYuan())
				.setScale(0, RoundingMode.DOWN)
				.longValueExact();
			if (earned > 0) {
				earning.add(order);
				points.add(earned);
			}
		}
		if (earning.isEmpty()) {
			return;
		}
		Long[] customers = earning.stream().map(Earning::customerId).distinct().sorted().toArray(Long[]::new);
		int found = this.jdbc.sql("SELECT id FROM customer WHERE id = ANY (:ids::bigint[]) ORDER BY id FOR UPDATE")
			.param("ids", customers)
			.query(Long.class)
			.list()
			.size();
		if (found != customers.length) {
			// a customer gone: the single path says which
			for (Earning order : earnings) {
				earn(order.customerId(), order.orderId(), order.paid(), order.refunded(), order.completedAt());
			}
			return;
		}
		java.util.Map<Long, Long> inserted = new java.util.HashMap<>();
		this.jdbc.sql("""
				INSERT INTO points_entry (customer_id, kind, points, order_id, actor, expires_at, created_at)
				SELECT u.customer, 'EARN', u.points, u.order_id, 'system', u.expires, u.at
				FROM unnest(:customers::bigint[], :points::bigint[], :orders::bigint[], :expires::timestamptz[],
				  :ats::timestamptz[]) WITH ORDINALITY AS u (customer, points, order_id, expires, at, n)
				ORDER BY u.n
				ON CONFLICT DO NOTHING RETURNING order_id, points""")
			.param("customers", earning.stream().map(Earning::customerId).toArray(Long[]::new))
			.param("points", points.toArray(Long[]::new))
			.param("orders", earning.stream().map(Earning::orderId).toArray(Long[]::new))
			.param("expires",
					earning.stream()
						.map((e) -> e.completedAt()
							.atOffset(ZoneOffset.UTC)
							.plusMonths(settings.expiryMonths())
							.toInstant()
							.toString())
						.toArray(String[]::new))
			.param("ats", earning.stream().map((e) -> e.completedAt().toString()).toArray(String[]::new))
			.query((rs, n) -> inserted.put(rs.getLong(1), rs.getLong(2)))
			.list();
		if (inserted.isEmpty()) {
			return;
		}
		java.util.Map<Long, Long> moves = new java.util.TreeMap<>();
		List<AuditLog.Entry> entries = new java.util.ArrayList<>();
		for (Earning order : earning) {
			Long earned = inserted.get(order.orderId());
			if (earned != null) {
				moves.merge(order.customerId(), earned, Long::sum);
				entries.add(new AuditLog.Entry("POINTS_EARNED", "customer", String.valueOf(order.customerId()),
						"+" + earned + " (order " + order.orderId() + ")"));
			}
		}
		this.jdbc.sql("""
				UPDATE customer c SET points_balance = c.points_balance + m.points
				FROM unnest(:ids::bigint[], :points::bigint[]) AS m (id, points) WHERE c.id = m.id""")
			.param("ids", moves.keySet().toArray(Long[]::new))
			.param("points", moves.values().toArray(Long[]::new))
			.update();
		this.audit.recordAll(entries);
	}

	/**
	 * A completed order to earn points for, with {@link #earn}'s parameters.
	 */
	record Earning(long customerId, long orderId, BigDecimal paid, BigDecimal refunded, Instant completedAt) {
	}

	/**
	 * Reverses, once per refund, the share of the order's earned points that the refund
	 * is of what was paid; never more than the balance. Runs inside the caller's
	 * transaction.
	 * @return the points taken back
	 */
	long reverse(long customerId, long orderId, long requestId, BigDecimal refund, BigDecimal paid) {
		Long earned = this.jdbc.sql("SELECT points FROM points_entry WHERE kind = 'EARN' AND order_id = :order")
			.param("order", orderId)
			.query(Long.class)
			.optional()
			.orElse(null);
		if (earned == null || paid.signum() <= 0) {
			return 0;
		}
		long balance = lock(customerId);
		long points = Math.min(balance,
				BigDecimal.valueOf(earned)
					.multiply(refund.min(paid))
					.divide(paid, 0, RoundingMode.HALF_UP)
					.longValueExact());
		if (points <= 0) {
			return 0;
		}
		int inserted = this.jdbc.sql("""
				INSERT INTO points_entry (customer_id, kind, points, order_id, request_id, actor)
				VALUES (:customer, 'REVERSE', :points, :order, :request, 'system') ON CONFLICT DO NOTHING
				""")
			.param("customer", customerId)
			.param("points", -points)
			.param("order", orderId)
			.param("request", requestId)
			.update();
		if (inserted == 0) {
			return 0;
		}
		move(customerId, -points);
		this.audit.record("POINTS_REVERSED", "customer", String.valueOf(customerId),
				"-" + points + " (order " + orderId + ")");
		return points;
	}

	/**
	 * Adjusts a balance by hand.
	 * @param customerId the customer
	 * @param points the change, positive or negative, never 0
	 * @param reason why, required
	 * @param actor who
	 * @throws PointsException if the reason is missing or the balance would go negative
	 */
	@Transactional
	public long adjust(long customerId, long points, String reason, String actor) {
		String why = (reason != null) ? reason.strip() : "";
		if (why.isEmpty() || why.length() > 200) {
			throw new PointsException("crm.points.reason.required");
		}
		if (points == 0 || Math.abs(points) > 10_000_000) {
			throw new PointsException("crm.points.amount.invalid");
		}
		long balance = lockActive(customerId);
		if (balance + points < 0) {
			throw new PointsException("crm.points.insufficient");
		}
		Instant expires = (points > 0)
				? Instant.now().atOffset(ZoneOffset.UTC).plusMonths(settings().expiryMonths()).toInstant() : null;
		this.jdbc.sql("""
				INSERT INTO points_entry (customer_id, kind, points, reason, actor, expires_at)
				VALUES (:customer, 'ADJUST', :points, :reason, :actor, :expires)
				""")
			.param("customer", customerId)
			.param("points", points)
			.param("reason", why)
			.param("actor", actor)
			.param("expires", (expires != null) ? Timestamp.from(expires) : null)
			.update();
		long after = move(customerId, points);
		this.audit.record("POINTS_ADJUSTED", "customer", String.valueOf(customerId),
				((points > 0) ? "+" : "") + points + ": " + why);
		return after;
	}

	/**
	 * Spends points.
	 * @param customerId the customer
	 * @param points how many, at least 1
	 * @param reason what for, may be {@code null}
	 * @param actor who
	 * @return the balance after
	 * @throws PointsException if the balance is too low
	 */
	@Transactional
	public long redeem(long customerId, long points, String reason, String actor) {
		if (points <= 0 || points > 10_000_000) {
			throw new PointsException("crm.points.amount.invalid");
		}
		long balance = lockActive(customerId);
		if (balance < points) {
			throw new PointsException("crm.points.insufficient");
		}
		String why = (reason != null && !reason.isBlank()) ? reason.strip() : null;
		if (why != null && why.length() > 200) {
			why = why.substring(0, 200);
		}
		this.jdbc.sql("""
				INSERT INTO points_entry (customer_id, kind, points, reason, actor)
				VALUES (:customer, 'REDEEM', :points, :reason, :actor)
				""")
			.param("customer", customerId)
			.param("points", -points)
			.param("reason", why)
			.param("actor", actor)
			.update();
		long after = move(customerId, -points);
		this.audit.record("POINTS_REDEEMED", "customer", String.valueOf(customerId),
				"-" + points + ((why != null) ? ": " + why : ""));
		return after;
	}

	/**
	 * Expires, for every customer, the points whose time has come: oldest points are
	 * consumed first, so what expires is what was credited up to now and not yet spent,
	 * reversed or expired. Running it again expires nothing more. Runs every night and
	 * from the tiers and points page.
	 * @return the points expired
	 */
	@Transactional
	public long expire() {
		return expire(Instant.now());
	}

	@Transactional
	public long expire(Instant now) {
		List<Long> customers = this.jdbc.sql("""
				SELECT DISTINCT customer_id FROM points_entry
				WHERE points > 0 AND expires_at <= :now ORDER BY customer_id
				""").param("now", Timestamp.from(now)).query(Long.class).list();
		long total = 0;
		for (long customerId : customers) {
			long balance = lock(customerId);
			long due = this.jdbc.sql("""
					SELECT coalesce(sum(points) FILTER (WHERE points > 0 AND expires_at <= :now), 0)
					     + coalesce(sum(points) FILTER (WHERE points < 0), 0)
					FROM points_entry WHERE customer_id = :customer
					""").param("now", Timestamp.from(now)).param("customer", customerId).query(Long.class).single();
			long points = Math.min(due, balance);
			if (points <= 0) {
				continue;
			}
			this.jdbc.sql("""
					INSERT INTO points_entry (customer_id, kind, points, reason, actor, created_at)
					VALUES (:customer, 'EXPIRE', :points, NULL, 'system', :now)
					""")
				.param("customer", customerId)
				.param("points", -points)
				.param("now", Timestamp.from(now))
				.update();
			move(customerId, -points);
			total += points;
		}
		if (total > 0) {
			this.audit.record("POINTS_EXPIRED", "points", null, customers.size() + " / -" + total);
		}
		return total;
	}

	/**
	 * The customers whose kept balance differs from their ledger's sum; empty when all is
	 * well.
	 * @return the customer ids
	 */
	List<Long> mismatches() {
		return this.jdbc.sql("""
				SELECT c.id FROM customer c
				LEFT JOIN (SELECT customer_id, sum(points) AS total FROM points_entry GROUP BY customer_id) p
				  ON p.customer_id = c.id
				WHERE c.points_balance <> coalesce(p.total, 0)
				""").query(Long.class).list();
	}

	List<Entry> entries(long customerId) {
		return this.jdbc.sql("""
				SELECT kind, points, order_id, reason, actor, expires_at, created_at FROM points_entry
				WHERE customer_id = :id ORDER BY created_at DESC, id DESC LIMIT 100
				""")
			.param("id", customerId)
			.query((rs, n) -> new Entry(rs.getString("kind"), rs.getLong("points"), (Long) rs.getObject("order_id"),
					rs.getString("reason"), rs.getString("actor"),
					(rs.getTimestamp("expires_at") != null) ? rs.getTimestamp("expires_at").toInstant() : null,
					rs.getTimestamp("created_at").toInstant()))
			.list();
	}

	long balance(long customerId) {
		return this.jdbc.sql("SELECT points_balance FROM customer WHERE id = :id")
			.param("id", customerId)
			.query(Long.class)
			.optional()
			.orElse(0L);
	}

	/** Moves the merged-away customer's entries and balance to the survivor. */
	@Override
	public void merged(long survivorId, long duplicateId) {
		lock(survivorId);
		long moved = lock(duplicateId);
		this.jdbc.sql("UPDATE points_entry SET customer_id = :survivor WHERE customer_id = :duplicate")
			.param("survivor", survivorId)
			.param("duplicate", duplicateId)
			.update();
		move(duplicateId, -moved);
		move(survivorId, moved);
	}

	private long lock(long customerId) {
		return this.jdbc.sql("SELECT points_balance FROM customer WHERE id = :id FOR UPDATE")
			.param("id", customerId)
			.query(Long.class)
			.optional()
			.orElseThrow(() -> new CustomerNotFoundException(customerId));
	}

	private long lockActive(long customerId) {
		return this.jdbc.sql("SELECT points_balance FROM customer WHERE id = :id AND merged_into IS NULL FOR UPDATE")
			.param("id", customerId)
			.query(Long.class)
			.optional()
			.orElseThrow(() -> new CustomerNotFoundException(customerId));
	}

	private long move(long customerId, long points) {
		return this.jdbc
			.sql("UPDATE customer SET points_balance = points_balance + :points WHERE id = :id "
					+ "RETURNING points_balance")
			.param("points", points)
			.param("id", customerId)
			.query(Long.class)
			.single();
	}

	/**
	 * The points rules.
	 *
	 * @param pointsPerYuan points per yuan paid, 0 or more
	 * @param expiryMonths months until earned points expire, 1 to 120
	 */
	record Settings(BigDecimal pointsPerYuan, int expiryMonths) {
	}

	record Entry(String kind, long points, Long orderId, String reason, String actor, Instant expiresAt, Instant at) {
	}

	/**
	 * A points change that was refused; nothing changed.
	 */
	static class PointsException extends RuntimeException {

		private final String code;

		PointsException(String code) {
			super(code);
			this.code = code;
		}

		String code() {
			return this.code;
		}

	}

}
