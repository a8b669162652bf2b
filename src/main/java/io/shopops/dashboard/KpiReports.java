package io.shopops.dashboard;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;

import io.shopops.dashboard.TrafficFigures.Visits;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The KPIs of a range from the rollups, with visitors and ad spend from the
 * {@link TrafficFigures} bean where there is one.
 */
@Service
class KpiReports {

	private final KpiSource rollups;

	private final KpiRollups state;

	private final ObjectProvider<TrafficFigures> traffic;

	private final KpiCache cache;

	KpiReports(JdbcClient jdbc, KpiRollups state, ObjectProvider<TrafficFigures> traffic, KpiCache cache) {
		this.rollups = SqlKpiSource.rollups(jdbc);
		this.cache = cache;
		this.state = state;
		this.traffic = traffic;
	}

	@Transactional(readOnly = true)
	public KpiReport report(KpiRange range, String channel) {
		ZoneId zone = this.state.zone();
		TrafficFigures figures = this.traffic.getIfUnique();
		SortedMap<LocalDate, KpiCounts> days = this.cache.get("days", range.from(), range.to(), channel,
				() -> Collections.unmodifiableSortedMap(this.rollups.days(range.from(), range.to(), channel)));
		List<KpiRow> rows = new ArrayList<>(days.size());
		// one grouped question per figure for all the days, not one per day
		Map<LocalDate, Optional<Visits>> visits = (figures != null)
				? figures.dailyVisits(range.from(), range.to(), channel) : Map.of();
		Map<LocalDate, Optional<BigDecimal>> spend = (figures != null)
				? figures.dailyAdSpend(range.from(), range.to(), channel) : Map.of();
		days.forEach((day, counts) -> rows
			.add(KpiRow.of(day, counts, visits.getOrDefault(day, Optional.empty()).orElse(null),
					spend.getOrDefault(day, Optional.empty()).orElse(null))));
		KpiRow totals = row(null, range.from(), range.to(), counted(range, channel), channel, figures);
		return new KpiReport(range, channel, zone, rows, totals);
	}

	/**
	 * The totals of the range per channel that had orders or refunds in it.
	 */
	@Transactional(readOnly = true)
	public Map<String, KpiRow> byChannel(KpiRange range) {
		TrafficFigures figures = this.traffic.getIfUnique();
		Map<String, KpiRow> rows = new java.util.LinkedHashMap<>();
		Map<String, KpiCounts> counted = this.cache.get("channels", range.from(), range.to(), null,
				() -> Collections.unmodifiableMap(this.rollups.byChannel(range.from(), range.to())));
		counted.forEach(
				(channel, counts) -> rows.put(channel, row(null, range.from(), range.to(), counts, channel, figures)));
		return rows;
	}

	/**
	 * The totals of a range only (for the comparisons of the tiles).
	 */
	@Transactional(readOnly = true)
	public KpiRow totals(KpiRange range, String channel) {
		return row(null, range.from(), range.to(), counted(range, channel), channel, this.traffic.getIfUnique());
	}

	private KpiCounts counted(KpiRange range, String channel) {
		return this.cache.get("totals", range.from(), range.to(), channel,
				() -> this.rollups.totals(range.from(), range.to(), channel));
	}

	private static KpiRow row(LocalDate date, LocalDate from, LocalDate to, KpiCounts counts, String channel,
			TrafficFigures figures) {
		Visits visits = null;
		BigDecimal adSpend = null;
		if (figures != null) {
			visits = figures.visits(from, to, channel).orElse(null);
			adSpend = figures.adSpend(from, to, channel).orElse(null);
		}
		return KpiRow.of(date, counts, visits, adSpend);
	}

	/**
	 * The KPIs of a range.
	 *
	 * @param range the days
	 * @param channel the channel, {@code null} for all
	 * @param zone the time zone of the days
	 * @param days one row per day, oldest first
	 * @param totals the whole range
	 */
	record KpiReport(KpiRange range, String channel, ZoneId zone, List<KpiRow> days, KpiRow totals) {
	}

}
