package io.shopops.dashboard;

import java.time.LocalDate;
import java.util.Map;
import java.util.SortedMap;

/**
 * Where the counted figures come from: the rollups ({@link RollupKpiSource}, what the
 * pages show) or a recomputation from the facts ({@link FactKpiSource}, what the
 * verification compares them with).
 */
interface KpiSource {

	/**
	 * The figures of each day of the range, every day present, oldest first.
	 * @param channel a channel's code, {@code null} for all
	 */
	SortedMap<LocalDate, KpiCounts> days(LocalDate from, LocalDate to, String channel);

	/**
	 * The figures of the whole range (buyers distinct over the range).
	 * @param channel a channel's code, {@code null} for all
	 */
	KpiCounts totals(LocalDate from, LocalDate to, String channel);

	/**
	 * The figures of the whole range per channel that had any.
	 */
	Map<String, KpiCounts> byChannel(LocalDate from, LocalDate to);

}
