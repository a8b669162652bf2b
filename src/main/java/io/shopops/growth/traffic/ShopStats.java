package io.shopops.growth.traffic;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads the imported shop statistics ({@code channel_daily_stat}). A channel's day may
 * come from more than one source (生意参谋 and a file of one's own, say); the most recently
 * imported one counts, so that a day is never counted twice.
 */
@Component
class ShopStats {

	static final int PAGE_SIZE = 50;

	/** One row per channel and day: the most recently imported source. */
	private static final String LATEST = """
			(SELECT DISTINCT ON (stat_date, channel_code) * FROM channel_daily_stat
			 WHERE stat_date BETWEEN :from AND :to
			 ORDER BY stat_date, channel_code, updated_at DESC, source) s""";

	private final JdbcClient jdbc;

	ShopStats(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The days of a range, newest first, optionally of one channel.
	 */
	Page page(LocalDate from, LocalDate to, String channel, int pageNumber) {
		Map<String, Object> params = new HashMap<>();
		params.put("from", from);
		params.put("to", to);
		String where = "";
		if (channel != null) {
			where = " WHERE s.channel_code = :channel";
			params.put("channel", channel);
		}
		long total = this.jdbc.sql("SELECT count(*) FROM " + LATEST + where).params(params).query(Long.class).single();
		int pages = (int) Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
		int page = Math.min(Math.max(1, pageNumber), pages);
		params.put("limit", PAGE_SIZE);
		params.put("offset", (page - 1) * PAGE_SIZE);
		List<Day> rows = this.jdbc
			.sql("SELECT s.stat_date, s.channel_code, s.source, s.uv, s.pv, s.impressions, s.clicks, s.spend,"
					+ " s.orders, s.gmv FROM " + LATEST + where
					+ " ORDER BY s.stat_date DESC, s.channel_code LIMIT :limit OFFSET :offset")
			.params(params)
			.query(ShopStats::day)
			.list();
		Day totals = this.jdbc
			.sql("SELECT NULL, NULL, NULL, sum(s.uv)::bigint, sum(s.pv)::bigint, sum(s.impressions)::bigint,"
					+ " sum(s.clicks)::bigint, sum(s.spend), sum(s.orders)::bigint, sum(s.gmv) FROM " + LATEST + where)
			.params(params)
			.query(ShopStats::day)
			.single();
		return new Page(rows, totals, page, pages, total);
	}

	/**
	 * The imported visitors and views of every day in a range that has figures, summed
	 * over the channels (or of one channel).
	 * @return the figures by day; days without imported figures are missing
	 */
	Map<LocalDate, long[]> dailyVisits(LocalDate from, LocalDate to, String channel) {
		Map<LocalDate, long[]> days = new LinkedHashMap<>();
		this.jdbc
			.sql("SELECT s.stat_date, sum(s.uv), sum(s.pv), count(s.uv), count(s.pv) FROM " + LATEST
					+ ((channel != null) ? " WHERE s.channel_code = :channel" : "")
					+ " GROUP BY s.stat_date ORDER BY s.stat_date")
			.param("from", from)
			.param("to", to)
			.params((channel != null) ? Map.of("channel", channel) : Map.of())
			.query((rs, row) -> {
				if (rs.getLong(4) > 0 || rs.getLong(5) > 0) {
					days.put(rs.getObject(1, LocalDate.class), new long[] { rs.getLong(2), rs.getLong(3) });
				}
				return null;
			})
			.list();
		return days;
	}

	/**
	 * The channels that have imported figures, for the filter.
	 */
	List<String> channels() {
		return this.jdbc.sql("SELECT DISTINCT channel_code FROM channel_daily_stat ORDER BY channel_code")
			.query(String.class)
			.list();
	}

	private static Day day(ResultSet rs, int row) throws SQLException {
		return new Day(rs.getObject(1, LocalDate.class), rs.getString(2), rs.getString(3), (Long) rs.getObject(4),
				(Long) rs.getObject(5), (Long) rs.getObject(6), (Long) rs.getObject(7), rs.getBigDecimal(8),
				(Long) rs.getObject(9), rs.getBigDecimal(10));
	}

	/**
	 * A channel's day (or, without date, the totals of a page's range). A figure the
	 * export lacked is {@code null}.
	 */
	record Day(LocalDate date, String channel, String source, Long uv, Long pv, Long impressions, Long clicks,
			BigDecimal spend, Long orders, BigDecimal gmv) {

		/** Clicks ÷ impressions, four places. */
		public BigDecimal ctr() {
			return ratio(this.clicks, this.impressions);
		}

		/** Orders ÷ UV, four places. */
		public BigDecimal conversion() {
			return ratio(this.orders, this.uv);
		}

		private static BigDecimal ratio(Long numerator, Long denominator) {
			if (numerator == null || denominator == null || denominator == 0) {
				return null;
			}
			return BigDecimal.valueOf(numerator).divide(BigDecimal.valueOf(denominator), 4, RoundingMode.HALF_UP);
		}

	}

	record Page(List<Day> items, Day totals, int page, int pages, long total) {

		public Integer previous() {
			return (this.page > 1) ? this.page - 1 : null;
		}

		public Integer next() {
			return (this.page < this.pages) ? this.page + 1 : null;
		}

	}

}
