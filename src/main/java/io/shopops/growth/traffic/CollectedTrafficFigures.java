package io.shopops.growth.traffic;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import io.shopops.dashboard.TrafficFigures;
import io.shopops.growth.campaign.Campaigns;
import io.shopops.platform.ShopSettings;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The KPI page's visitors from the events the shop's own sites send to {@code /collect}:
 * UV is the distinct visitor ids with at least one page or product view over the days
 * (distinct over the whole range), PV the page and product views. The figures are known
 * for days that collection covers — some event before the range's end and some at or
 * after its start — and unknown otherwise (days before the first event or after the last,
 * e.g. in the future), so the dashboard shows "—" instead of a made-up 0. Own-site events
 * belong to no sales channel: a channel's figures are its imported shop statistics
 * ({@link ShopStats}), known when every day of the range has them (the platforms export
 * daily visitors only, so a range's UV is the sum of its days'); the shop's figures are
 * the own site's plus every channel's imported ones. Ad spend is the paid campaigns'
 * daily spend ({@link Campaigns}), never the statistics' spend, so that it is counted
 * once.
 */
@Component
class CollectedTrafficFigures implements TrafficFigures {

	private final JdbcClient jdbc;

	private final ShopSettings settings;

	private final Campaigns campaigns;

	private final ShopStats stats;

	CollectedTrafficFigures(JdbcClient jdbc, ShopSettings settings, Campaigns campaigns, ShopStats stats) {
		this.jdbc = jdbc;
		this.settings = settings;
		this.campaigns = campaigns;
		this.stats = stats;
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<Visits> visits(LocalDate from, LocalDate to, String channelCode) {
		Map<LocalDate, long[]> imported = this.stats.dailyVisits(from, to, channelCode);
		long uv = imported.values().stream().mapToLong((day) -> day[0]).sum();
		long pv = imported.values().stream().mapToLong((day) -> day[1]).sum();
		boolean everyDay = imported.size() == ChronoUnit.DAYS.between(from, to) + 1;
		if (channelCode != null) {
			return everyDay ? Optional.of(new Visits(uv, pv)) : Optional.empty();
		}
		Optional<Visits> own = ownSite(from, to);
		if (own.isPresent()) {
			return Optional.of(new Visits(own.get().uv() + uv, own.get().pv() + pv));
		}
		return everyDay ? Optional.of(new Visits(uv, pv)) : Optional.empty();
	}

	private Optional<Visits> ownSite(LocalDate from, LocalDate to) {
		ZoneId zone = this.settings.current().timeZone();
		Timestamp start = Timestamp.from(from.atStartOfDay(zone).toInstant());
		Timestamp end = Timestamp.from(to.plusDays(1).atStartOfDay(zone).toInstant());
		if (!covered(start, end)) {
			return Optional.empty();
		}
		return Optional.of(this.jdbc.sql("""
				SELECT count(DISTINCT visitor_id), count(*) FROM traffic_event
				WHERE occurred_at >= :start AND occurred_at < :end AND type IN ('page_view', 'product_view')""")
			.param("start", start)
			.param("end", end)
			.query((rs, n) -> new Visits(rs.getLong(1), rs.getLong(2)))
			.single());
	}

	/**
	 * The daily figures in one grouped query: a day is covered when some event lies on or
	 * before it and some on or after it (within the range, or beyond either end), the
	 * same rule as {@link #visits} asks day by day.
	 */
	@Override
	@Transactional(readOnly = true)
	public Map<LocalDate, Optional<Visits>> dailyVisits(LocalDate from, LocalDate to, String channelCode) {
		Map<LocalDate, long[]> imported = this.stats.dailyVisits(from, to, channelCode);
		Map<LocalDate, Optional<Visits>> days = new LinkedHashMap<>();
		if (channelCode != null) {
			for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
				long[] figures = imported.get(day);
				days.put(day, (figures != null) ? Optional.of(new Visits(figures[0], figures[1])) : Optional.empty());
			}
			return days;
		}
		Map<LocalDate, Optional<Visits>> own = ownSiteDays(from, to);
		for (Map.Entry<LocalDate, Optional<Visits>> day : own.entrySet()) {
			long[] figures = imported.get(day.getKey());
			Optional<Visits> site = day.getValue();
			if (figures == null) {
				days.put(day.getKey(), site);
			}
			else {
				long uv = figures[0] + site.map(Visits::uv).orElse(0L);
				long pv = figures[1] + site.map(Visits::pv).orElse(0L);
				days.put(day.getKey(), Optional.of(new Visits(uv, pv)));
			}
		}
		return days;
	}

	private Map<LocalDate, Optional<Visits>> ownSiteDays(LocalDate from, LocalDate to) {
		Map<LocalDate, Optional<Visits>> days = new LinkedHashMap<>();
		ZoneId zone = this.settings.current().timeZone();
		Timestamp start = Timestamp.from(from.atStartOfDay(zone).toInstant());
		Timestamp end = Timestamp.from(to.plusDays(1).atStartOfDay(zone).toInstant());
		Map<LocalDate, Visits> counted = new HashMap<>();
		this.jdbc.sql("""
				SELECT (occurred_at AT TIME ZONE :zone)::date,
				  count(DISTINCT visitor_id) FILTER (WHERE type IN ('page_view', 'product_view')),
				  count(*) FILTER (WHERE type IN ('page_view', 'product_view'))
				FROM traffic_event WHERE occurred_at >= :start AND occurred_at < :end GROUP BY 1""")
			.param("zone", zone.getId())
			.param("start", start)
			.param("end", end)
			.query((rs, n) -> counted.put(rs.getObject(1, LocalDate.class), new Visits(rs.getLong(2), rs.getLong(3))))
			.list();
		boolean before = this.jdbc.sql("SELECT EXISTS (SELECT 1 FROM traffic_event WHERE occurred_at < :start)")
			.param("start", start)
			.query(Boolean.class)
			.single();
		boolean after = this.jdbc.sql("SELECT EXISTS (SELECT 1 FROM traffic_event WHERE occurred_at >= :end)")
			.param("end", end)
			.query(Boolean.class)
			.single();
		LocalDate first = counted.keySet().stream().min(LocalDate::compareTo).orElse(null);
		LocalDate last = counted.keySet().stream().max(LocalDate::compareTo).orElse(null);
		for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
			boolean onOrBefore = before || (first != null && !first.isAfter(day));
			boolean onOrAfter = after || (last != null && !last.isBefore(day));
			days.put(day, (onOrBefore && onOrAfter) ? Optional.of(counted.getOrDefault(day, new Visits(0, 0)))
					: Optional.empty());
		}
		return days;
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<Funnel> funnel(LocalDate from, LocalDate to) {
		ZoneId zone = this.settings.current().timeZone();
		Timestamp start = Timestamp.from(from.atStartOfDay(zone).toInstant());
		Timestamp end = Timestamp.from(to.plusDays(1).atStartOfDay(zone).toInstant());
		if (!covered(start, end)) {
			return Optional.empty();
		}
		return Optional.of(this.jdbc.sql("""
				SELECT count(DISTINCT visitor_id),
				  count(DISTINCT visitor_id) FILTER (WHERE type = 'product_view'),
				  count(DISTINCT visitor_id) FILTER (WHERE type = 'add_to_cart'),
				  count(DISTINCT visitor_id) FILTER (WHERE type = 'checkout')
				FROM traffic_event WHERE occurred_at >= :start AND occurred_at < :end""")
			.param("start", start)
			.param("end", end)
			.query((rs, n) -> new Funnel(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)))
			.single());
	}

	/**
	 * Whether collection covers the days: some event before their end and some at or
	 * after their start.
	 */
	private boolean covered(Timestamp start, Timestamp end) {
		return this.jdbc.sql("""
				SELECT EXISTS (SELECT 1 FROM traffic_event WHERE occurred_at < :end)
				  AND EXISTS (SELECT 1 FROM traffic_event WHERE occurred_at >= :start)""")
			.param("start", start)
			.param("end", end)
			.query(Boolean.class)
			.single();
	}

	@Override
	public Optional<BigDecimal> adSpend(LocalDate from, LocalDate to, String channelCode) {
		// unknown (never a made-up 0) until some campaign has spend recorded
		return this.campaigns.adSpend(from, to, channelCode);
	}

	@Override
	public Map<LocalDate, Optional<BigDecimal>> dailyAdSpend(LocalDate from, LocalDate to, String channelCode) {
		return this.campaigns.dailyAdSpend(from, to, channelCode);
	}

}
