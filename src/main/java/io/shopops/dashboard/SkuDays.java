package io.shopops.dashboard;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import io.shopops.fulfilment.order.OrderSnapshot;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The rollups per channel, local day and SKU ({@code kpi_sku_day}) and per local day and
 * SKU over every channel ({@code kpi_sku_day_total}) that the product performance page
 * reads: units and GMV of the paid orders' lines by payment day, refunded units and
 * amounts by the day the refund completed. {@link KpiRollups} changes them in the
 * transaction that changes the facts, by the difference between what an order's lines
 * (and the order itself, counted once per SKU in {@code orders}) contributed before and
 * after; rows are written in one global key order (the channel rows, then the total
 * rows), so that concurrent listeners cannot deadlock, and a row that falls back to zero
 * is deleted.
 */
@Component
class SkuDays {

	private static final Comparator<SkuKey> ORDER = Comparator
		.comparing(SkuKey::channel, Comparator.nullsLast(Comparator.naturalOrder()))
		.thenComparing(SkuKey::day)
		.thenComparing(SkuKey::sku);

	private final JdbcClient jdbc;

	SkuDays(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * What an order's lines contribute on its payment day and channel.
	 */
	static Map<SkuKey, SkuFigures> lines(LocalDate day, String channel, List<OrderSnapshot.Line> lines) {
		Map<SkuKey, SkuFigures> figures = new HashMap<>();
		if (lines != null) {
			for (OrderSnapshot.Line line : lines) {
				figures.merge(new SkuKey(day, channel, line.sku()),
						SkuFigures.sold(line.quantity(), line.amount().setScale(2, RoundingMode.HALF_UP)),
						SkuFigures::plus);
			}
		}
		return ofOneOrder(figures);
	}

	/**
	 * The figures of one order's lines, each SKU counting the order once.
	 */
	static Map<SkuKey, SkuFigures> ofOneOrder(Map<SkuKey, SkuFigures> figures) {
		figures.replaceAll((key, f) -> new SkuFigures(f.units(), f.gmv(), f.refundedUnits(), f.refundAmount(), 1));
		return figures;
	}

	/**
	 * Moves the rollups from what was contributed to what is contributed now: first the
	 * rows per channel, then those over every channel, each in key order.
	 */
	void apply(Map<SkuKey, SkuFigures> before, Map<SkuKey, SkuFigures> after) {
		Set<SkuKey> keys = new TreeSet<>(ORDER);
		keys.addAll(before.keySet());
		keys.addAll(after.keySet());
		Map<SkuKey, SkuFigures> totals = new TreeMap<>(ORDER);
		for (SkuKey key : keys) {
			SkuFigures delta = after.getOrDefault(key, SkuFigures.ZERO)
				.minus(before.getOrDefault(key, SkuFigures.ZERO));
			if (!delta.isZero()) {
				change(key, delta);
				totals.merge(new SkuKey(key.day(), null, key.sku()), delta, SkuFigures::plus);
			}
		}
		totals.forEach((key, delta) -> {
			if (!delta.isZero()) {
				change(key, delta);
			}
		});
	}

	/**
	 * Adds what new orders' lines contribute, as {@link #apply} from nothing would, in
	 * two statements (the rows per channel, then those over every channel, each in key
	 * order) when no figure goes down; otherwise row by row as {@link #apply} does.
	 * @param sold the lines' figures, summed over the orders
	 */
	void add(Map<SkuKey, SkuFigures> sold) {
		if (sold.values().stream().anyMatch(SkuFigures::lowers)) {
			apply(Map.of(), sold);
			return;
		}
		Map<SkuKey, SkuFigures> rows = new TreeMap<>(ORDER);
		Map<SkuKey, SkuFigures> totals = new TreeMap<>(ORDER);
		sold.forEach((key, figures) -> {
			if (!figures.isZero()) {
				rows.put(key, figures);
				totals.merge(new SkuKey(key.day(), null, key.sku()), figures, SkuFigures::plus);
			}
		});
		upsert(rows, false);
		upsert(totals, true);
	}

	private void upsert(Map<SkuKey, SkuFigures> rows, boolean total) {
		if (rows.isEmpty()) {
			return;
		}
		String table = total ? "kpi_sku_day_total" : "kpi_sku_day";
		String columns = total ? "day, sku" : "day, channel_code, sku";
		String source = total ? "u.day, u.sku" : "u.day, u.channel, u.sku";
		List<SkuKey> keys = new ArrayList<>(rows.keySet());
		this.jdbc.sql("""
				INSERT INTO %1$s AS d (%2$s, units, gmv, refunded_units, refund_amount, orders)
				SELECT %3$s, u.units, u.gmv, u.refunded_units, u.refund_amount, u.orders
				FROM unnest(:days::date[], :channels::text[], :skus::text[], :units::bigint[], :gmv::numeric[],
				  :refundedUnits::bigint[], :refundAmounts::numeric[], :orders::bigint[])
				  WITH ORDINALITY AS u (day, channel, sku, units, gmv, refunded_units, refund_amount, orders, n)
				ORDER BY u.n
				ON CONFLICT (%2$s) DO UPDATE
				SET units = d.units + EXCLUDED.units, gmv = d.gmv + EXCLUDED.gmv,
				  refunded_units = d.refunded_units + EXCLUDED.refunded_units,
				  refund_amount = d.refund_amount + EXCLUDED.refund_amount,
				  orders = d.orders + EXCLUDED.orders""".formatted(table, columns, source))
			.param("days", keys.stream().map((k) -> k.day().toString()).toArray(String[]::new))
			.param("channels", keys.stream().map(SkuKey::channel).toArray(String[]::new))
			.param("skus", keys.stream().map(SkuKey::sku).toArray(String[]::new))
			.param("units", keys.stream().map((k) -> rows.get(k).units()).toArray(Long[]::new))
			.param("gmv", keys.stream().map((k) -> rows.get(k).gmv().toPlainString()).toArray(String[]::new))
			.param("refundedUnits", keys.stream().map((k) -> rows.get(k).refundedUnits()).toArray(Long[]::new))
			.param("refundAmounts",
					keys.stream().map((k) -> rows.get(k).refundAmount().toPlainString()).toArray(String[]::new))
			.param("orders", keys.stream().map((k) -> rows.get(k).orders()).toArray(Long[]::new))
			.update();
	}

	/**
	 * Adds a change to a row, of {@code kpi_sku_day} or, without a channel, of
	 * {@code kpi_sku_day_total}; a row that falls back to zero is deleted.
	 */
	private void change(SkuKey key, SkuFigures delta) {
		boolean total = key.channel() == null;
		String table = total ? "kpi_sku_day_total" : "kpi_sku_day";
		String columns = total ? "day, sku" : "day, channel_code, sku";
		String values = total ? ":day, :sku" : ":day, :channel, :sku";
		String match = total ? "day = :day AND sku = :sku" : "channel_code = :channel AND day = :day AND sku = :sku";
		this.jdbc.sql("""
				INSERT INTO %1$s AS d (%2$s, units, gmv, refunded_units, refund_amount, orders)
				VALUES (%3$s, :units, :gmv, :refundedUnits, :refundAmount, :orders)
				ON CONFLICT (%2$s) DO UPDATE
				SET units = d.units + EXCLUDED.units, gmv = d.gmv + EXCLUDED.gmv,
				  refunded_units = d.refunded_units + EXCLUDED.refunded_units,
				  refund_amount = d.refund_amount + EXCLUDED.refund_amount,
				  orders = d.orders + EXCLUDED.orders""".formatted(table, columns, values))
			.param("day", key.day())
			.param("channel", key.channel())
			.param("sku", key.sku())
			.param("units", delta.units())
			.param("gmv", delta.gmv())
			.param("refundedUnits", delta.refundedUnits())
			.param("refundAmount", delta.refundAmount())
			.param("orders", delta.orders())
			.update();
		if (delta.lowers()) {
			this.jdbc
				.sql("""
						DELETE FROM %s WHERE %s
						AND units = 0 AND gmv = 0 AND refunded_units = 0 AND refund_amount = 0 AND orders = 0"""
					.formatted(table, match))
				.param("day", key.day())
				.param("channel", key.channel())
				.param("sku", key.sku())
				.update();
		}
	}

	/**
	 * Recomputes both rollups from the facts, whose days are already in the rollups' time
	 * zone.
	 */
	void rebuild() {
		this.jdbc.sql("DELETE FROM kpi_sku_day").update();
		this.jdbc.sql("DELETE FROM kpi_sku_day_total").update();
		// one aggregation over the sold and the refunded lines together (an order counted
		// once per SKU, refunds carry no order), grouped in the primary key's order so
		// that
		// the rows go into the index in order instead of at random: a sum of sums grouped
		// by hash cost twice as much
		this.jdbc.sql("""
				INSERT INTO kpi_sku_day (channel_code, day, sku, units, gmv, refunded_units, refund_amount, orders)
				SELECT channel_code, day, sku, sum(units), sum(gmv), sum(refunded_units), sum(refund_amount),
				       count(DISTINCT order_id) FROM (
				  SELECT f.channel_code, f.pay_day AS day, l.sku, l.quantity AS units, l.amount AS gmv,
				         0 AS refunded_units, 0 AS refund_amount, l.order_id
				  FROM kpi_order_line_fact l JOIN kpi_order_fact f ON f.order_id = l.order_id
				  UNION ALL
				  SELECT r.channel_code, r.refund_day, l.sku, 0, 0, l.quantity, l.amount, NULL
				  FROM kpi_refund_line_fact l JOIN kpi_refund_fact r ON r.request_id = l.request_id) parts
				GROUP BY channel_code, day, sku
				HAVING sum(units) <> 0 OR sum(gmv) <> 0 OR sum(refunded_units) <> 0 OR sum(refund_amount) <> 0
				  OR count(DISTINCT order_id) <> 0""").update();
		this.jdbc.sql("""
				INSERT INTO kpi_sku_day_total (day, sku, units, gmv, refunded_units, refund_amount, orders)
				SELECT day, sku, sum(units), sum(gmv), sum(refunded_units), sum(refund_amount), sum(orders)
				FROM kpi_sku_day GROUP BY day, sku ORDER BY day, sku""").update();
	}

	/**
	 * Recomputes the rows of a range of days from the facts, the days from the payment
	 * and refund times in {@code zone}, and compares them with both rollups.
	 * @return the rows that differ (at most {@value #MAX_DIFFERENCES} of each rollup), in
	 * key order; a row over every channel has the channel {@code null}
	 */
	List<Mismatch> compare(LocalDate from, LocalDate to, ZoneId zone) {
		List<Mismatch> mismatches = new ArrayList<>(compare(from, to, zone, false));
		mismatches.addAll(compare(from, to, zone, true));
		return mismatches;
	}

	private List<Mismatch> compare(LocalDate from, LocalDate to, ZoneId zone, boolean total) {
		String channel = total ? "CAST(NULL AS VARCHAR)" : "channel_code";
		String rolled = total
				? "SELECT day, NULL AS channel_code, sku, units, gmv, refunded_units, refund_amount, orders "
						+ "FROM kpi_sku_day_total WHERE day >= :from AND day <= :to"
				: "SELECT day, channel_code, sku, units, gmv, refunded_units, refund_amount, orders "
						+ "FROM kpi_sku_day WHERE day >= :from AND day <= :to";
		return this.jdbc
			.sql("""
					WITH recomputed AS (
					  SELECT day, %1$s AS channel_code, sku, sum(units) AS units, sum(gmv) AS gmv,
					         sum(refunded_units) AS refunded_units, sum(refund_amount) AS refund_amount,
					         sum(orders) AS orders FROM (
					    SELECT (f.paid_at AT TIME ZONE :zone)::date AS day, f.channel_code, l.sku, sum(l.quantity) AS units,
					           sum(l.amount) AS gmv, 0 AS refunded_units, 0 AS refund_amount,
					           count(DISTINCT l.order_id) AS orders
					    FROM kpi_order_fact f JOIN kpi_order_line_fact l ON l.order_id = f.order_id
					    WHERE f.paid_at >= :start AND f.paid_at < :end
					    GROUP BY 1, 2, 3
					    UNION ALL
					    SELECT (r.refunded_at AT TIME ZONE :zone)::date, r.channel_code, l.sku, 0, 0, l.quantity, l.amount, 0
					    FROM kpi_refund_fact r JOIN kpi_refund_line_fact l ON l.request_id = r.request_id
					    WHERE r.refunded_at >= :start AND r.refunded_at < :end) parts
					  GROUP BY 1, 2, 3
					), rolled AS (%2$s)
					SELECT coalesce(o.day, c.day) AS day, coalesce(o.channel_code, c.channel_code) AS channel_code,
					  coalesce(o.sku, c.sku) AS sku,
					  coalesce(o.units, 0) AS r_units, coalesce(o.gmv, 0) AS r_gmv,
					  coalesce(o.refunded_units, 0) AS r_refunded_units, coalesce(o.refund_amount, 0) AS r_refund_amount,
					  coalesce(o.orders, 0) AS r_orders,
					  coalesce(c.units, 0) AS c_units, coalesce(c.gmv, 0) AS c_gmv,
					  coalesce(c.refunded_units, 0) AS c_refunded_units, coalesce(c.refund_amount, 0) AS c_refund_amount,
					  coalesce(c.orders, 0) AS c_orders
					FROM rolled o FULL JOIN recomputed c
					  ON c.day = o.day AND c.channel_code IS NOT DISTINCT FROM o.channel_code AND c.sku = o.sku
					WHERE (coalesce(o.units, 0), coalesce(o.gmv, 0), coalesce(o.refunded_units, 0), coalesce(o.refund_amount, 0),
					       coalesce(o.orders, 0))
					  IS DISTINCT FROM
					  (coalesce(c.units, 0), coalesce(c.gmv, 0), coalesce(c.refunded_units, 0), coalesce(c.refund_amount, 0),
					   coalesce(c.orders, 0))
					ORDER BY 1, 2, 3
					LIMIT %3$d"""
				.formatted(channel, rolled, MAX_DIFFERENCES))
			.param("zone", zone.getId())
			.param("from", from)
			.param("to", to)
			.param("start", Timestamp.from(from.atStartOfDay(zone).toInstant()))
			.param("end", Timestamp.from(to.plusDays(1).atStartOfDay(zone).toInstant()))
			.query((rs, n) -> new Mismatch(
					new SkuKey(rs.getDate("day").toLocalDate(), rs.getString("channel_code"), rs.getString("sku")),
					new SkuFigures(rs.getLong("r_units"), rs.getBigDecimal("r_gmv"), rs.getLong("r_refunded_units"),
							rs.getBigDecimal("r_refund_amount"), rs.getLong("r_orders")),
					new SkuFigures(rs.getLong("c_units"), rs.getBigDecimal("c_gmv"), rs.getLong("c_refunded_units"),
							rs.getBigDecimal("c_refund_amount"), rs.getLong("c_orders"))))
			.list();
	}

	static final int MAX_DIFFERENCES = 200;

	/**
	 * A row of the rollup that differs from its recomputation.
	 *
	 * @param key the row
	 * @param rollup what the rollup says (zero when it has no row)
	 * @param recomputed what the facts say
	 */
	record Mismatch(SkuKey key, SkuFigures rollup, SkuFigures recomputed) {
	}

	/**
	 * A row's key.
	 */
	record SkuKey(LocalDate day, String channel, String sku) {
	}

	/**
	 * A row's figures, or a change of them.
	 */
	record SkuFigures(long units, BigDecimal gmv, long refundedUnits, BigDecimal refundAmount, long orders) {

		static final SkuFigures ZERO = new SkuFigures(0, BigDecimal.ZERO, 0, BigDecimal.ZERO, 0);

		SkuFigures(long units, BigDecimal gmv, long refundedUnits, BigDecimal refundAmount) {
			this(units, gmv, refundedUnits, refundAmount, 0);
		}

		static SkuFigures sold(long units, BigDecimal gmv) {
			return new SkuFigures(units, gmv, 0, BigDecimal.ZERO);
		}

		static SkuFigures refunded(long units, BigDecimal amount) {
			return new SkuFigures(0, BigDecimal.ZERO, units, amount);
		}

		SkuFigures plus(SkuFigures other) {
			return new SkuFigures(this.units + other.units, this.gmv.add(other.gmv),
					this.refundedUnits + other.refundedUnits, this.refundAmount.add(other.refundAmount),
					this.orders + other.orders);
		}

		SkuFigures minus(SkuFigures other) {
			return new SkuFigures(this.units - other.units, this.gmv.subtract(other.gmv),
					this.refundedUnits - other.refundedUnits, this.refundAmount.subtract(other.refundAmount),
					this.orders - other.orders);
		}

		boolean isZero() {
			return this.units == 0 && this.gmv.signum() == 0 && this.refundedUnits == 0
					&& this.refundAmount.signum() == 0 && this.orders == 0;
		}

		/** Whether any figure goes down, so that the row may reach zero. */
		boolean lowers() {
			return this.units < 0 || this.gmv.signum() < 0 || this.refundedUnits < 0 || this.refundAmount.signum() < 0
					|| this.orders < 0;
		}

	}

}
