package io.shopops.growth.traffic;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The numbers of the traffic overview for a range of shop days: visitors (distinct
 * visitor ids), sessions (distinct session ids), page views, product views, add-to-cart
 * and checkouts, in total, per day, per traffic source, and the top pages and campaigns.
 * Every query reads one time range of {@code traffic_event}, found through its BRIN
 * index.
 */
@Repository
class TrafficOverview {

	static final int TOP = 10;

	private static final String COUNTS = """
			count(DISTINCT visitor_id) AS visitors, count(DISTINCT session_id) AS sessions,
			count(*) FILTER (WHERE type = 'page_view') AS page_views,
			count(*) FILTER (WHERE type = 'product_view') AS product_views,
			count(*) FILTER (WHERE type = 'add_to_cart') AS add_to_cart,
			count(*) FILTER (WHERE type = 'checkout') AS checkouts""";

	private static final String RANGE = " FROM traffic_event WHERE occurred_at >= :start AND occurred_at < :end"
			+ " AND (CAST(:site AS BIGINT) IS NULL OR site_id = :site)";

	private final JdbcClient jdbc;

	TrafficOverview(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Transactional(readOnly = true)
	Report report(LocalDate from, LocalDate to, ZoneId zone, Long siteId) {
		OffsetDateTime start = from.atStartOfDay(zone).toOffsetDateTime();
		OffsetDateTime end = to.plusDays(1).atStartOfDay(zone).toOffsetDateTime();
		Counts total = this.jdbc.sql("SELECT " + COUNTS + RANGE)
			.param("start", start)
			.param("end", end)
			.param("site", siteId)
			.query((rs, n) -> counts(rs))
			.single();
		if (total.isEmpty()) {
			return new Report(total, List.of(), List.of(), List.of(), List.of());
		}
		Map<LocalDate, Counts> byDay = new HashMap<>();
		this.jdbc.sql("SELECT (occurred_at AT TIME ZONE :zone)::date AS day, " + COUNTS + RANGE + " GROUP BY 1")
			.param("zone", zone.getId())
			.param("start", start)
			.param("end", end)
			.param("site", siteId)
			.query((rs, n) -> new Day(rs.getObject("day", LocalDate.class), counts(rs)))
			.list()
			.forEach((day) -> byDay.put(day.day(), day.counts()));
		List<Day> days = new ArrayList<>();
		for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
			days.add(new Day(day, byDay.getOrDefault(day, Counts.ZERO)));
		}
		List<BySource> sources = this.jdbc
			.sql("SELECT traffic_source, " + COUNTS + RANGE + " GROUP BY traffic_source ORDER BY visitors DESC, 1")
			.param("start", start)
			.param("end", end)
			.param("site", siteId)
			.query((rs, n) -> new BySource(TrafficSource.valueOf(rs.getString("traffic_source")), counts(rs)))
			.list();
		List<TopPage> pages = this.jdbc
			.sql("""
					SELECT split_part(url, '?', 1) AS page, count(*) AS views, count(DISTINCT visitor_id) AS visitors
					""" + RANGE + " AND type = 'page_view' AND url IS NOT NULL GROUP BY 1 ORDER BY views DESC, 1 LIMIT "
					+ TOP)
			.param("start", start)
			.param("end", end)
			.param("site", siteId)
			.query((rs, n) -> new TopPage(rs.getString("page"), rs.getLong("views"), rs.getLong("visitors")))
			.list();
		List<TopCampaign> campaigns = this.jdbc
			.sql("SELECT utm_campaign, " + COUNTS + RANGE
					+ " AND utm_campaign IS NOT NULL GROUP BY utm_campaign ORDER BY visitors DESC, 1 LIMIT " + TOP)
			.param("start", start)
			.param("end", end)
			.param("site", siteId)
			.query((rs, n) -> new TopCampaign(rs.getString("utm_campaign"), counts(rs)))
			.list();
		return new Report(total, days, sources, pages, campaigns);
	}

	private static Counts counts(ResultSet rs) throws SQLException {
		return new Counts(rs.getLong("visitors"), rs.getLong("sessions"), rs.getLong("page_views"),
				rs.getLong("product_views"), rs.getLong("add_to_cart"), rs.getLong("checkouts"));
	}

	/**
	 * The overview of a range.
	 */
	record Report(Counts total, List<Day> days, List<BySource> sources, List<TopPage> pages,
			List<TopCampaign> campaigns) {

		public boolean isEmpty() {
			return this.total.isEmpty();
		}

		/** The totals, each with the message key suffix of its label. */
		public List<Metric> metrics() {
			return List.of(new Metric("visitors", this.total.visitors()), new Metric("sessions", this.total.sessions()),
					new Metric("pageViews", this.total.pageViews()),
					new Metric("productViews", this.total.productViews()),
					new Metric("addToCart", this.total.addToCart()), new Metric("checkouts", this.total.checkouts()));
		}

	}

	/**
	 * The counts of a group of events.
	 */
	record Counts(long visitors, long sessions, long pageViews, long productViews, long addToCart, long checkouts) {

		static final Counts ZERO = new Counts(0, 0, 0, 0, 0, 0);

		public boolean isEmpty() {
			return this.pageViews + this.productViews + this.addToCart + this.checkouts == 0;
		}

	}

	record Metric(String key, long value) {
	}

	record Day(LocalDate day, Counts counts) {
	}

	record BySource(TrafficSource source, Counts counts) {
	}

	record TopPage(String page, long views, long visitors) {
	}

	record TopCampaign(String campaign, Counts counts) {
	}

}
