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

	private final VisitRollup rollup;

	CollectedTrafficFigures(JdbcClient jdbc, ShopSettings settings, Campaigns campaigns, ShopStats stats,
			VisitRollup rollup) {
		this.jdbc = jdbc;
		this.rollup = rollup;
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
		Optional<VisitRollup.Closed> closed = this.rollup.current();
		ZoneId zone = closed.map(VisitRollup.Closed::zone).orElseGet(() -> this.settings.current().timeZone());
		Timestamp start = Timestamp.from(from.atStartOfDay(zone).toInstant());
		Timestamp end = Timestamp.from(to.plusDays(1).atStartOfDay(zone).toInstant());
		if (!covered(start, end)) {
			return Optional.empty();
		}
		if (closed.isEmpty()) {
			return Optional.of(this.jdbc.sql("""
					SELECT count(DISTINCT visitor_id), count(*) FROM traffic_event
					WHERE occurred_at >= :start AND occurred_at < :end AND type IN ('page_view', 'product_view')""")
				.param("start", start)
				.param("end", end)
				.query((rs, n) -> new Visits(rs.getLong(1), rs.getLong(2)))
				.single());
		}
		Split split = Split.of(from, to, closed.get());
		long pv = 0;
		if (split.closedTo() != null) {
			pv += this.jdbc.sql("SELECT coalesce(sum(views), 0) FROM traffic_day WHERE day BETWEEN :from AND :to")
				.param("from", from)
				.param("to", split.closedTo())
				.query(Long.class)
				.single();
		}
		if (split.liveFrom() != null) {
			pv += this.jdbc.sql("""
					SELECT count(*) FROM traffic_event
					WHERE occurred_at >= :start AND occurred_at < :end AND type IN ('page_view', 'product_view')""")
				.param("start", Timestamp.from(split.liveFrom().atStartOfDay(zone).toInstant()))
				.param("end", end)
				.query(Long.class)
				.single();
		}
		return Optional.of(new Visits(distinct('V', split, zone, end), pv));
	}

	/**
	 * The distinct visitors with an event of a kind over a range: on the closed days from
	 * the rollups (each visitor on its first day of the kind in the range), on today and
	 * later from the events, without the visitors already counted on the closed days.
	 */
	private long distinct(char kind, Split split, ZoneId zone, Timestamp end) {
		long visitors = 0;
		if (split.closedTo() != null) {
			visitors += this.jdbc.sql("""
					SELECT coalesce(sum(visitors), 0) FROM traffic_visit_gap
					WHERE kind = :kind AND day BETWEEN :from AND :to AND prev_day < :from""")
				.param("kind", String.valueOf(kind))
				.param("from", split.from())
				.param("to", split.closedTo())
				.query(Long.class)
				.single();
		}
		if (split.liveFrom() != null) {
			String seen = (split.closedTo() != null) ? """
					AND NOT EXISTS (SELECT 1 FROM traffic_visitor_day d WHERE d.visitor_id = e.visitor_id
					                AND d.kind = :kind AND d.day BETWEEN :from AND :closedTo)""" : "";
			var statement = this.jdbc
				.sql("""
						SELECT count(DISTINCT visitor_id) FROM traffic_event e
						WHERE occurred_at >= :start AND occurred_at < :end AND %s %s""".formatted(KIND_EVENTS.get(kind),
						seen))
				.param("start", Timestamp.from(split.liveFrom().atStartOfDay(zone).toInstant()))
				.param("end", end);
			if (split.closedTo() != null) {
				statement = statement.param("kind", String.valueOf(kind))
					.param("from", split.from())
					.param("closedTo", split.closedTo());
			}
			visitors += statement.query(Long.class).single();
		}
		return visitors;
	}

	/** The event types of each kind of visitor-day ({@link VisitRollup}). */
	private static final Map<Character, String> KIND_EVENTS = Map.of('V', "type IN ('page_view', 'product_view')", 'A',
			"true", 'P', "type = 'product_view'", 'C', "type = 'add_to_cart'", 'K', "type = 'checkout'");

	/**
	 * A range cut at today: the closed days read from the rollups and the days from today
	 * on counted from the events.
	 *
	 * @param from the first day
	 * @param closedTo the last closed day of the range, {@code null} when none is closed
	 * @param liveFrom the first day from today on, {@code null} when the range ends
	 * before today
	 */
	private record Split(LocalDate from, LocalDate closedTo, LocalDate liveFrom) {

		static Split of(LocalDate from, LocalDate to, VisitRollup.Closed closed) {
			LocalDate last = closed.lastClosed();
			LocalDate closedTo = from.isAfter(last) ? null : (to.isAfter(last) ? last : to);
			LocalDate liveFrom = to.isAfter(last) ? (from.isAfter(last) ? from : closed.today()) : null;
			return new Split(from, closedTo, liveFrom);
		}

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
		Optional<VisitRollup.Closed> closed = this.rollup.current();
		ZoneId zone = closed.map(VisitRollup.Closed::zone).orElseGet(() -> this.settings.current().timeZone());
		Timestamp start = Timestamp.from(from.atStartOfDay(zone).toInstant());
		Timestamp end = Timestamp.from(to.plusDays(1).atStartOfDay(zone).toInstant());
		Map<LocalDate, Visits> counted = new HashMap<>();
		Timestamp liveStart = start;
		if (closed.isPresent() && !from.isAfter(closed.get().lastClosed())) {
			// closed days from their rollups, the rest from the events
			LocalDate lastClosed = closed.get().lastClosed();
			this.jdbc.sql("SELECT day, visitors, views FROM traffic_day WHERE day BETWEEN :from AND :to")
				.param("from", from)
				.param("to", to.isAfter(lastClosed) ? lastClosed : to)
				.query((rs, n) -> counted.put(rs.getObject(1, LocalDate.class),
						new Visits(rs.getLong(2), rs.getLong(3))))
				.list();
			liveStart = Timestamp.from(closed.get().today().atStartOfDay(zone).toInstant());
		}
		if (liveStart.before(end)) {
			this.jdbc.sql("""
					SELECT (occurred_at AT TIME ZONE :zone)::date,
					  count(DISTINCT visitor_id) FILTER (WHERE type IN ('page_view', 'product_view')),
					  count(*) FILTER (WHERE type IN ('page_view', 'product_view'))
					FROM traffic_event WHERE occurred_at >= :start AND occurred_at < :end GROUP BY 1""")
				.param("zone", zone.getId())
				.param("start", liveStart)
				.param("end", end)
				.query((rs, n) -> counted.put(rs.getObject(1, LocalDate.class),
						new Visits(rs.getLong(2), rs.getLong(3))))
				.list();
		}
		Timestamp[] bounds = bounds();
		boolean before = bounds[0] != null && bounds[0].before(start);
		boolean after = bounds[1] != null && !bounds[1].before(end);
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
		Optional<VisitRollup.Closed> closed = this.rollup.current();
		ZoneId zone = closed.map(VisitRollup.Closed::zone).orElseGet(() -> this.settings.current().timeZone());
		Timestamp start = Timestamp.from(from.atStartOfDay(zone).toInstant());
		Timestamp end = Timestamp.from(to.plusDays(1).atStartOfDay(zone).toInstant());
		if (!covered(start, end)) {
			return Optional.empty();
		}
		if (closed.isPresent()) {
			Split split = Split.of(from, to, closed.get());
			return Optional.of(new Funnel(distinct('A', split, zone, end), distinct('P', split, zone, end),
					distinct('C', split, zone, end), distinct('K', split, zone, end)));
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
		Timestamp[] bounds = bounds();
		return bounds[0] != null && bounds[0].before(end) && !bounds[1].before(start);
	}

	/**
	 * The first and the last event's time, {@code null} without events: two probes of the
	 * time index whatever the plan (an {@code EXISTS} with a parameter may get a generic
	 * plan that reads the whole table when the matching rows lie at its end).
	 */
	private Timestamp[] bounds() {
		return this.jdbc.sql("SELECT min(occurred_at), max(occurred_at) FROM traffic_event")
			.query((rs, n) -> new Timestamp[] { rs.getTimestamp(1), rs.getTimestamp(2) })
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
