package io.shopops.dashboard;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Supplier;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Counts the figures with three queries (paid orders, refunds, buyers), grouped by day,
 * by channel or not at all. {@link #rollups} reads the rollup tables; {@link #facts}
 * recomputes the same figures from the per-order and per-refund facts, with the local
 * days computed afresh from the payment and refund times.
 */
final class SqlKpiSource implements KpiSource {

	private static final String ROLLUP_ORDERS = """
			SELECT {g} AS g, sum(paid_orders), sum(gmv) FROM kpi_day
			WHERE day BETWEEN :from AND :to {cond} GROUP BY 1""";

	private static final String ROLLUP_REFUNDS = """
			SELECT {g} AS g, sum(refund_amount) FROM kpi_day
			WHERE day BETWEEN :from AND :to {cond} GROUP BY 1""";

	// buyers from the spans (BuyerSpans): {idx} is the day's index for the range's
	// first day, {scope} picks the rows of every channel, of one, or of each
	private static final String ROLLUP_BUYERS = """
			SELECT {g} AS g, sum(payers[{idx}]), sum(repeaters[{idx}]), sum(newcomers[{idx}])
			FROM kpi_buyer_span WHERE day BETWEEN :from AND :to {scope} GROUP BY 1""";

	private static final String FACT_ORDERS = """
			SELECT {g} AS g, count(*), sum(paid_amount)
			FROM (SELECT channel_code, paid_amount, (paid_at AT TIME ZONE :zone)::date AS day FROM kpi_order_fact) o
			WHERE day BETWEEN :from AND :to {cond} GROUP BY 1""";

	private static final String FACT_REFUNDS = """
			SELECT {g} AS g, sum(amount)
			FROM (SELECT channel_code, amount, (refunded_at AT TIME ZONE :zone)::date AS day FROM kpi_refund_fact) r
			WHERE day BETWEEN :from AND :to {cond} GROUP BY 1""";

	private static final String FACT_BUYERS = """
			WITH o AS (SELECT order_id, channel_code, buyer_key, paid_at, (paid_at AT TIME ZONE :zone)::date AS day
			           FROM kpi_order_fact),
			     f AS (SELECT DISTINCT ON (buyer_key) buyer_key, day AS first_day FROM o
			           ORDER BY buyer_key, paid_at, order_id)
			SELECT b.g, count(*), count(*) FILTER (WHERE b.n >= 2), count(*) FILTER (WHERE {new})
			FROM (SELECT {g} AS g, buyer_key, count(*) AS n FROM o
			      WHERE day BETWEEN :from AND :to {cond} GROUP BY 1, buyer_key) b
			LEFT JOIN f ON f.buyer_key = b.buyer_key GROUP BY b.g""";

	private final JdbcClient jdbc;

	private final String orders;

	private final String refunds;

	private final String buyers;

	private final Supplier<ZoneId> zone;

	private SqlKpiSource(JdbcClient jdbc, String orders, String refunds, String buyers, Supplier<ZoneId> zone) {
		this.jdbc = jdbc;
		this.orders = orders;
		this.refunds = refunds;
		this.buyers = buyers;
		this.zone = zone;
	}

	static SqlKpiSource rollups(JdbcClient jdbc) {
		return new SqlKpiSource(jdbc, ROLLUP_ORDERS, ROLLUP_REFUNDS, ROLLUP_BUYERS, null);
	}

	static SqlKpiSource facts(JdbcClient jdbc, Supplier<ZoneId> zone) {
		return new SqlKpiSource(jdbc, FACT_ORDERS, FACT_REFUNDS, FACT_BUYERS, zone);
	}

	@Override
	public SortedMap<LocalDate, KpiCounts> days(LocalDate from, LocalDate to, String channel) {
		Map<Object, KpiCounts> found = count(from, to, channel, "day", "f.first_day = b.g", "1");
		SortedMap<LocalDate, KpiCounts> days = new TreeMap<>();
		for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
			days.put(day, found.getOrDefault(day, KpiCounts.ZERO));
		}
		return days;
	}

	@Override
	public KpiCounts totals(LocalDate from, LocalDate to, String channel) {
		return count(from, to, channel, "'*'", "f.first_day BETWEEN :from AND :to", "day - CAST(:from AS DATE) + 1")
			.getOrDefault("*", KpiCounts.ZERO);
	}

	@Override
	public Map<String, KpiCounts> byChannel(LocalDate from, LocalDate to) {
		Map<String, KpiCounts> channels = new TreeMap<>();
		count(from, to, null, "channel_code", "f.first_day BETWEEN :from AND :to", "day - CAST(:from AS DATE) + 1")
			.forEach((key, counts) -> channels.put((String) key, counts));
		return channels;
	}

	private Map<Object, KpiCounts> count(LocalDate from, LocalDate to, String channel, String group, String newBuyer,
			String index) {
		if (this.zone == null && !index.equals("1") && from.plusDays(BuyerSpans.WINDOW).isBefore(to.plusDays(1))) {
			throw new IllegalArgumentException("At most " + BuyerSpans.WINDOW + " days: " + from + ".." + to);
		}
		String cond = (channel != null) ? "AND channel_code = :channel" : "";
		String scope = (channel != null) ? cond : group.equals("channel_code")
				? "AND channel_code <> '" + BuyerSpans.ALL + "'" : "AND channel_code = '" + BuyerSpans.ALL + "'";
		Function<String, String> sql = (template) -> template.replace("{g}", group)
			.replace("{cond}", cond)
			.replace("{new}", newBuyer)
			.replace("{idx}", index)
			.replace("{scope}", scope);
		Map<Object, KpiCounts> counts = new LinkedHashMap<>();
		query(sql.apply(this.orders), from, to, channel, (rs) -> {
			Object key = key(rs);
			counts.put(key, counts.getOrDefault(key, KpiCounts.ZERO).withOrders(rs.getLong(2), amount(rs, 3)));
		});
		query(sql.apply(this.refunds), from, to, channel, (rs) -> {
			Object key = key(rs);
			counts.put(key, counts.getOrDefault(key, KpiCounts.ZERO).withRefunds(amount(rs, 2)));
		});
		query(sql.apply(this.buyers), from, to, channel, (rs) -> {
			Object key = key(rs);
			counts.put(key,
					counts.getOrDefault(key, KpiCounts.ZERO).withBuyers(rs.getLong(2), rs.getLong(3), rs.getLong(4)));
		});
		return counts;
	}

	private void query(String sql, LocalDate from, LocalDate to, String channel, RowHandler handler) {
		var statement = this.jdbc.sql(sql).param("from", from).param("to", to);
		if (channel != null) {
			statement = statement.param("channel", channel);
		}
		if (this.zone != null) {
			statement = statement.param("zone", this.zone.get().getId());
		}
		statement.query((ResultSet rs) -> {
			handler.handle(rs);
		});
	}

	private static Object key(ResultSet rs) throws SQLException {
		Object key = rs.getObject(1);
		return (key instanceof java.sql.Date date) ? date.toLocalDate() : key;
	}

	private static BigDecimal amount(ResultSet rs, int column) throws SQLException {
		BigDecimal amount = rs.getBigDecimal(column);
		return (amount != null) ? amount : BigDecimal.ZERO;
	}

	@FunctionalInterface
	private interface RowHandler {

		void handle(ResultSet rs) throws SQLException;

	}

}
