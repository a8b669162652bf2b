package io.shopops.dashboard;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Two small per-day rollups that {@link KpiRollups} keeps in the transaction that changes
 * the facts, by the difference between what an order contributed before and after: per
 * payment day, channel and content piece or UTM campaign, the paid orders and their paid
 * amounts ({@code kpi_source_day}, the KPI page's content and campaign breakdowns); per
 * local day, the own site's orders placed and paid ({@code kpi_placed_day}, the funnel's
 * last steps). Rows are written in key order, so that concurrent listeners cannot
 * deadlock, and a row that falls back to zero is deleted. {@link #rebuild} recomputes
 * both from the facts, {@link #compare} recomputes a range of days for the verification.
 */
@Component
class BreakdownDays {

	static final String CONTENT = "content";

	static final String CAMPAIGN = "campaign";

	private static final Comparator<SourceKey> SOURCE_ORDER = Comparator.comparing(SourceKey::kind)
		.thenComparing(SourceKey::day)
		.thenComparing(SourceKey::channel)
		.thenComparing(SourceKey::code);

	private final JdbcClient jdbc;

	BreakdownDays(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * A row of {@code kpi_source_day}.
	 */
	record SourceKey(String kind, LocalDate day, String channel, String code) {
	}

	/**
	 * What a paid order is counted as in its sources: its paid amount under its content
	 * piece and its campaign.
	 */
	static void source(LocalDate day, String channel, BigDecimal amount, String content, String campaign, int sign,
			Map<SourceKey, BigDecimal[]> into) {
		for (String[] source : new String[][] { { CONTENT, content }, { CAMPAIGN, campaign } }) {
			if (source[1] == null) {
				continue;
			}
			BigDecimal[] figures = into.computeIfAbsent(new SourceKey(source[0], day, channel, source[1]),
					(key) -> new BigDecimal[] { BigDecimal.ZERO, BigDecimal.ZERO });
			figures[0] = figures[0].add(BigDecimal.valueOf(sign));
			figures[1] = (sign > 0) ? figures[1].add(amount) : figures[1].subtract(amount);
		}
	}

	/**
	 * Adds the differences to {@code kpi_source_day}.
	 */
	void applySources(Map<SourceKey, BigDecimal[]> delta) {
		TreeMap<SourceKey, BigDecimal[]> sorted = new TreeMap<>(SOURCE_ORDER);
		sorted.putAll(delta);
		sorted.forEach((key, figures) -> {
			if (figures[0].signum() == 0 && figures[1].signum() == 0) {
				return;
			}
			this.jdbc.sql("""
					INSERT INTO kpi_source_day AS d (kind, channel_code, day, code, orders, gmv)
					VALUES (:kind, :channel, :day, :code, :orders, :gmv)
					ON CONFLICT (kind, day, channel_code, code) DO UPDATE
					SET orders = d.orders + EXCLUDED.orders, gmv = d.gmv + EXCLUDED.gmv""")
				.param("kind", key.kind())
				.param("channel", key.channel())
				.param("day", key.day())
				.param("code", key.code())
				.param("orders", figures[0].intValueExact())
				.param("gmv", figures[1])
				.update();
			if (figures[0].signum() < 0) {
				this.jdbc.sql("""
						DELETE FROM kpi_source_day WHERE kind = :kind AND day = :day AND channel_code = :channel
						AND code = :code AND orders = 0""")
					.param("kind", key.kind())
					.param("channel", key.channel())
					.param("day", key.day())
					.param("code", key.code())
					.update();
			}
		});
	}

	/**
	 * An order as the funnel counts it.
	 *
	 * @param ownSite whether it was placed on the own site
	 * @param placedAt when it was placed
	 * @param paidAt when it was paid, {@code null} if not
	 */
	record Placed(boolean ownSite, Instant placedAt, Instant paidAt) {

		boolean sameAs(Placed other) {
			return other != null && this.ownSite == other.ownSite && this.placedAt.equals(other.placedAt)
					&& Objects.equals(this.paidAt, other.paidAt);
		}

	}

	/**
	 * Moves the funnel's day counts from what an order contributed to what it contributes
	 * now.
	 * @param before the order as it was, {@code null} when new
	 * @param now the order now
	 */
	void placedChanged(Placed before, Placed now, ZoneId zone) {
		TreeMap<LocalDate, int[]> delta = new TreeMap<>();
		placed(before, -1, zone, delta);
		placed(now, 1, zone, delta);
		applyPlaced(delta);
	}

	/**
	 * Counts new orders in the funnel's days, as {@link #placedChanged} with no order
	 * before does for each of them.
	 * @param added the orders, none counted before
	 */
	void placedAdded(List<Placed> added, ZoneId zone) {
		TreeMap<LocalDate, int[]> delta = new TreeMap<>();
		for (Placed order : added) {
			placed(order, 1, zone, delta);
		}
		applyPlaced(delta);
	}

	private void applyPlaced(TreeMap<LocalDate, int[]> delta) {
		delta.forEach((day, counts) -> {
			if (counts[0] == 0 && counts[1] == 0) {
				return;
			}
			this.jdbc
				.sql("""
						INSERT INTO kpi_placed_day AS d (day, placed, paid) VALUES (:day, :placed, :paid)
						ON CONFLICT (day) DO UPDATE SET placed = d.placed + EXCLUDED.placed, paid = d.paid + EXCLUDED.paid""")
				.param("day", day)
				.param("placed", counts[0])
				.param("paid", counts[1])
				.update();
			if (counts[0] < 0 || counts[1] < 0) {
				this.jdbc.sql("DELETE FROM kpi_placed_day WHERE day = :day AND placed = 0 AND paid = 0")
					.param("day", day)
					.update();
			}
		});
	}

	private static void placed(Placed order, int sign, ZoneId zone, Map<LocalDate, int[]> into) {
		if (order == null || !order.ownSite()) {
			return;
		}
		into.computeIfAbsent(LocalDate.ofInstant(order.placedAt(), zone), (d) -> new int[2])[0] += sign;
		if (order.paidAt() != null) {
			into.computeIfAbsent(LocalDate.ofInstant(order.paidAt(), zone), (d) -> new int[2])[1] += sign;
		}
	}

	/**
	 * The own site's orders placed and paid in a range, from the day counts.
	 * @return placed, paid
	 */
	long[] placedAndPaid(LocalDate from, LocalDate to) {
		return this.jdbc.sql("""
				SELECT coalesce(sum(placed), 0), coalesce(sum(paid), 0) FROM kpi_placed_day
				WHERE day BETWEEN :from AND :to""")
			.param("from", from)
			.param("to", to)
			.query((rs, n) -> new long[] { rs.getLong(1), rs.getLong(2) })
			.single();
	}

	/**
	 * Recomputes both rollups from the facts, in {@code zone}.
	 */
	void rebuild(ZoneId zone) {
		this.jdbc.sql("DELETE FROM kpi_source_day").update();
		this.jdbc.sql("DELETE FROM kpi_placed_day").update();
		this.jdbc.sql("""
				INSERT INTO kpi_source_day (kind, channel_code, day, code, orders, gmv)
				SELECT 'content', channel_code, pay_day, content_code, count(*), sum(paid_amount) FROM kpi_order_fact
				WHERE content_code IS NOT NULL GROUP BY 2, 3, 4
				UNION ALL
				SELECT 'campaign', channel_code, pay_day, utm_campaign, count(*), sum(paid_amount) FROM kpi_order_fact
				WHERE utm_campaign IS NOT NULL GROUP BY 2, 3, 4""").update();
		this.jdbc.sql("""
				INSERT INTO kpi_placed_day (day, placed, paid)
				SELECT day, sum(placed), sum(paid) FROM (
				  SELECT (placed_at AT TIME ZONE :zone)::date AS day, 1 AS placed, 0 AS paid
				  FROM kpi_placed_fact WHERE own_site
				  UNION ALL
				  SELECT (paid_at AT TIME ZONE :zone)::date, 0, 1 FROM kpi_placed_fact
				  WHERE own_site AND paid_at IS NOT NULL) parts
				GROUP BY day""").param("zone", zone.getId()).update();
	}

	/**
	 * Recomputes the rows of a range of days from the facts, with the days computed
	 * afresh in {@code zone}, and compares them with both rollups.
	 * @return a description of each row that differs ({@code scope}, {@code figure},
	 * {@code rollup}, {@code recomputed}), at most 200
	 */
	List<String[]> compare(LocalDate from, LocalDate to, ZoneId zone) {
		Timestamp start = Timestamp.from(from.atStartOfDay(zone).toInstant());
		Timestamp end = Timestamp.from(to.plusDays(1).atStartOfDay(zone).toInstant());
		List<String[]> differences = new ArrayList<>();
		this.jdbc
			.sql("""
					WITH o AS (SELECT channel_code, (paid_at AT TIME ZONE :zone)::date AS day, paid_amount, content_code,
					                  utm_campaign FROM kpi_order_fact WHERE paid_at >= :start AND paid_at < :end),
					recomputed AS (
					  SELECT 'content' AS kind, channel_code, day, content_code AS code, count(*) AS orders,
					         sum(paid_amount) AS gmv FROM o WHERE content_code IS NOT NULL GROUP BY 2, 3, 4
					  UNION ALL
					  SELECT 'campaign', channel_code, day, utm_campaign, count(*), sum(paid_amount) FROM o
					  WHERE utm_campaign IS NOT NULL GROUP BY 2, 3, 4),
					rolled AS (SELECT kind, channel_code, day, code, orders, gmv FROM kpi_source_day
					           WHERE day BETWEEN :from AND :to)
					SELECT coalesce(r.kind, c.kind) AS kind, coalesce(r.channel_code, c.channel_code) AS channel_code,
					  coalesce(r.day, c.day) AS day, coalesce(r.code, c.code) AS code,
					  coalesce(r.orders, 0) || ' / ' || coalesce(r.gmv, 0) AS rolled,
					  coalesce(c.orders, 0) || ' / ' || coalesce(c.gmv, 0) AS recounted
					FROM rolled r FULL JOIN recomputed c
					  ON c.kind = r.kind AND c.channel_code = r.channel_code AND c.day = r.day AND c.code = r.code
					WHERE (coalesce(r.orders, 0), coalesce(r.gmv, 0)) IS DISTINCT FROM (coalesce(c.orders, 0), coalesce(c.gmv, 0))
					ORDER BY 3, 1, 2, 4 LIMIT 100""")
			.param("zone", zone.getId())
			.param("start", start)
			.param("end", end)
			.param("from", from)
			.param("to", to)
			.query((rs,
					n) -> differences.add(new String[] {
							rs.getDate("day") + " " + rs.getString("channel_code") + " " + rs.getString("code"),
							rs.getString("kind") + "OrdersAndGmv", rs.getString("rolled"), rs.getString("recounted") }))
			.list();
		this.jdbc
			.sql("""
					WITH recomputed AS (
					  SELECT day, sum(placed) AS placed, sum(paid) AS paid FROM (
					    SELECT (placed_at AT TIME ZONE :zone)::date AS day, 1 AS placed, 0 AS paid FROM kpi_placed_fact
					    WHERE own_site AND placed_at >= :start AND placed_at < :end
					    UNION ALL
					    SELECT (paid_at AT TIME ZONE :zone)::date, 0, 1 FROM kpi_placed_fact
					    WHERE own_site AND paid_at >= :start AND paid_at < :end) parts
					  GROUP BY day),
					rolled AS (SELECT day, placed, paid FROM kpi_placed_day WHERE day BETWEEN :from AND :to)
					SELECT coalesce(r.day, c.day) AS day,
					  coalesce(r.placed, 0) || ' / ' || coalesce(r.paid, 0) AS rolled,
					  coalesce(c.placed, 0) || ' / ' || coalesce(c.paid, 0) AS recounted
					FROM rolled r FULL JOIN recomputed c ON c.day = r.day
					WHERE (coalesce(r.placed, 0), coalesce(r.paid, 0)) IS DISTINCT FROM (coalesce(c.placed, 0), coalesce(c.paid, 0))
					ORDER BY 1 LIMIT 100""")
			.param("zone", zone.getId())
			.param("start", start)
			.param("end", end)
			.param("from", from)
			.param("to", to)
			.query((rs,
					n) -> differences.add(new String[] { String.valueOf(rs.getDate("day")), "placedAndPaidOrders",
							rs.getString("rolled"), rs.getString("recounted") }))
			.list();
		return differences;
	}

}
