package io.shopops.dashboard;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Optional;

import io.shopops.dashboard.TrafficFigures.Funnel;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The KPI page's funnel over a range: the site's visitors, product viewers, visitors who
 * added to the cart and who checked out (from the {@link TrafficFigures} bean), then the
 * own site's orders placed and paid in the range (from the dashboard's day counts of
 * them, {@link BreakdownDays}, by the local day of the placing and of the payment time).
 * Known only for the whole shop and where the traffic of the range is known.
 */
@Component
class KpiFunnel {

	static final List<String> STEPS = List.of("visitors", "productViewers", "addedToCart", "checkedOut", "placedOrders",
			"paidOrders");

	private final ObjectProvider<TrafficFigures> traffic;

	private final BreakdownDays days;

	KpiFunnel(BreakdownDays days, ObjectProvider<TrafficFigures> traffic) {
		this.days = days;
		this.traffic = traffic;
	}

	/**
	 * The funnel of the range.
	 * @param range the days
	 * @param channelCode a channel's code, {@code null} for the whole shop
	 * @return the steps in order, empty when the traffic is not known (or for a channel)
	 */
	@Transactional(readOnly = true)
	Optional<List<Step>> funnel(KpiRange range, String channelCode) {
		TrafficFigures figures = this.traffic.getIfUnique();
		if (figures == null || channelCode != null) {
			return Optional.empty();
		}
		Optional<Funnel> site = figures.funnel(range.from(), range.to());
		if (site.isEmpty()) {
			return Optional.empty();
		}
		long[] orders = this.days.placedAndPaid(range.from(), range.to());
		long placed = orders[0];
		long paid = orders[1];
		Funnel f = site.get();
		return Optional
			.of(steps(List.of(f.visitors(), f.productViewers(), f.addedToCart(), f.checkedOut(), placed, paid)));
	}

	/**
	 * The steps of counts in {@link #STEPS} order, each with its share of the first step
	 * and its conversion from the step before.
	 */
	static List<Step> steps(List<Long> counts) {
		long first = counts.get(0);
		java.util.ArrayList<Step> steps = new java.util.ArrayList<>();
		for (int i = 0; i < counts.size(); i++) {
			long count = counts.get(i);
			int share = (first == 0) ? 0 : (int) Math.min(100, Math.round(100.0 * count / first));
			BigDecimal conversion = null;
			if (i > 0 && counts.get(i - 1) > 0) {
				conversion = BigDecimal.valueOf(count)
					.divide(BigDecimal.valueOf(counts.get(i - 1)), 4, RoundingMode.HALF_UP);
			}
			steps.add(new Step(STEPS.get(i), count, share, conversion));
		}
		return List.copyOf(steps);
	}

	/**
	 * A step of the funnel.
	 *
	 * @param key the step's name in {@link #STEPS}
	 * @param count visitors or orders at the step
	 * @param share its percentage of the first step, 0 to 100 (for the bar)
	 * @param conversion the rate from the step before, four places, {@code null} for the
	 * first step or when the step before is 0
	 */
	record Step(String key, long count, int share, BigDecimal conversion) {
	}

}
