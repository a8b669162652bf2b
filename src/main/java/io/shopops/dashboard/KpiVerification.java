package io.shopops.dashboard;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeSet;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Recomputes the counted figures of a range from the facts the listeners stored and
 * compares them with the rollups the pages read: per day, for the whole range and per
 * channel, the rollup per day, channel and SKU row by row ({@link SkuDays}), and the
 * buyer spans of every day of the range for every range start ({@link BuyerSpans}), the
 * content, campaign and funnel day counts ({@link BreakdownDays}). One snapshot of the
 * database is read, so that listeners writing meanwhile never show as a difference.
 */
@Service
class KpiVerification {

	private final KpiSource rollups;

	private final KpiSource facts;

	private final SkuDays skuDays;

	private final KpiRollups state;

	private final BuyerSpans spans;

	private final BreakdownDays breakdownDays;

	KpiVerification(JdbcClient jdbc, KpiRollups state, SkuDays skuDays, BuyerSpans spans, BreakdownDays breakdownDays) {
		this.spans = spans;
		this.breakdownDays = breakdownDays;
		this.rollups = SqlKpiSource.rollups(jdbc);
		this.facts = SqlKpiSource.facts(jdbc, state::zone);
		this.skuDays = skuDays;
		this.state = state;
	}

	@Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
	public Result verify(KpiRange range) {
		List<Difference> differences = new ArrayList<>();
		SortedMap<LocalDate, KpiCounts> rolledDays = this.rollups.days(range.from(), range.to(), null);
		SortedMap<LocalDate, KpiCounts> recountedDays = this.facts.days(range.from(), range.to(), null);
		rolledDays.forEach((day, rolled) -> compare(day.toString(), rolled, recountedDays.get(day), differences));
		KpiCounts totals = this.rollups.totals(range.from(), range.to(), null);
		compare("*", totals, this.facts.totals(range.from(), range.to(), null), differences);
		Map<String, KpiCounts> rolledChannels = this.rollups.byChannel(range.from(), range.to());
		Map<String, KpiCounts> recountedChannels = this.facts.byChannel(range.from(), range.to());
		TreeSet<String> channels = new TreeSet<>(rolledChannels.keySet());
		channels.addAll(recountedChannels.keySet());
		for (String channel : channels) {
			compare(channel, rolledChannels.getOrDefault(channel, KpiCounts.ZERO),
					recountedChannels.getOrDefault(channel, KpiCounts.ZERO), differences);
		}
		List<SkuDays.Mismatch> skus = this.skuDays.compare(range.from(), range.to(), this.state.zone());
		for (SkuDays.Mismatch mismatch : skus) {
			String channel = (mismatch.key().channel() != null) ? mismatch.key().channel() : "*";
			String scope = mismatch.key().day() + " " + channel + " " + mismatch.key().sku();
			check(scope, "skuUnits", mismatch.rollup().units(), mismatch.recomputed().units(), differences);
			check(scope, "skuGmv", mismatch.rollup().gmv(), mismatch.recomputed().gmv(), differences);
			check(scope, "skuRefundedUnits", mismatch.rollup().refundedUnits(), mismatch.recomputed().refundedUnits(),
					differences);
			check(scope, "skuRefundAmount", mismatch.rollup().refundAmount(), mismatch.recomputed().refundAmount(),
					differences);
			check(scope, "skuOrders", mismatch.rollup().orders(), mismatch.recomputed().orders(), differences);
		}
		for (BuyerSpans.Mismatch mismatch : this.spans.compare(range.from(), range.to(), this.state.zone())) {
			String scope = mismatch.cell().day() + " " + mismatch.cell().scope() + " i=" + mismatch.index();
			differences
				.add(new Difference(scope, mismatch.figure(), String.valueOf(mismatch.rollup()[mismatch.index()]),
						String.valueOf(mismatch.recomputed()[mismatch.index()])));
		}
		for (String[] row : this.breakdownDays.compare(range.from(), range.to(), this.state.zone())) {
			differences.add(new Difference(row[0], row[1], row[2], row[3]));
		}
		return new Result(range, rolledDays.size(), channels.size(), totals, differences);
	}

	private static void compare(String scope, KpiCounts rolled, KpiCounts recounted, List<Difference> differences) {
		check(scope, "paidOrders", rolled.paidOrders(), recounted.paidOrders(), differences);
		check(scope, "gmv", rolled.gmv(), recounted.gmv(), differences);
		check(scope, "refundAmount", rolled.refundAmount(), recounted.refundAmount(), differences);
		check(scope, "payingBuyers", rolled.payingBuyers(), recounted.payingBuyers(), differences);
		check(scope, "repeatBuyers", rolled.repeatBuyers(), recounted.repeatBuyers(), differences);
		check(scope, "newBuyers", rolled.newBuyers(), recounted.newBuyers(), differences);
	}

	private static void check(String scope, String figure, Object rolled, Object recounted,
			List<Difference> differences) {
		boolean same = (rolled instanceof java.math.BigDecimal a && recounted instanceof java.math.BigDecimal b)
				? a.compareTo(b) == 0 : Objects.equals(rolled, recounted);
		if (!same) {
			differences.add(new Difference(scope, figure, String.valueOf(rolled), String.valueOf(recounted)));
		}
	}

	/**
	 * What a verification found.
	 *
	 * @param range the days compared
	 * @param days how many days were compared
	 * @param channels how many channels were compared
	 * @param totals the rollups' totals of the range
	 * @param differences every figure that differs, empty when the rollups are right
	 */
	record Result(KpiRange range, int days, int channels, KpiCounts totals, List<Difference> differences) {

		public boolean matches() {
			return this.differences.isEmpty();
		}

	}

	/**
	 * One figure that differs.
	 *
	 * @param scope the day ({@code 2026-12-01}), {@code *} for the whole range, a
	 * channel's code, or a day, channel and SKU ({@code 2026-12-01 SHOP SKU-1}) for the
	 * SKU rollups ({@code *} for the channel of the rollup over every channel)
	 * @param figure the figure's name
	 * @param rollup what the rollups say
	 * @param recomputed what the recomputation from the facts says
	 */
	record Difference(String scope, String figure, String rollup, String recomputed) {
	}

}
