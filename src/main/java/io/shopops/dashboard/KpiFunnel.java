package io.shopops.dashboard;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import io.shopops.dashboard.TrafficFigures.Funnel;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The KPI page's funnel over a range: the site's visitors, product viewers, visitors who
 * added to the cart and who checked out (from the {@link TrafficFigures} bean), then the
 * own site's orders placed and paid in the range (from the dashboard's own facts, by the
 * placing and the payment time). Known only for the whole shop and where the traffic of
 * the range is known.
 */
@Component
class KpiFunnel {

	static final List<String> STEPS = List.of("visitors", "productViewers", "addedToCart", "checkedOut", "placedOrders",
			"paidOrders");

	private final JdbcClient jdbc;

	private final KpiRollups state;

	private final ObjectProvider<TrafficFigures> traffic;

	KpiFunnel(JdbcClient jdbc, KpiRollups state, ObjectProvider<TrafficFigures> traffic) {
		this.jdbc = jdbc;
		this.state = state;
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
		ZoneId zone = this.state.zone();
		Timestamp start = Timestamp.from(range.from().atStartOfDay(zone).toInstant());
		Timestamp end = Timestamp.from(range.to().plusDays(1).atStartOfDay(zone).toInstant());
		long placed = this.jdbc.sql("""
				SELECT count(*) FROM kpi_placed_fact WHERE own_site AND placed_at >= :start AND placed_at < :end""")
			.param("start", start)
			.param("end", end)
			.query(Long.class)
			.single();
		long paid = this.jdbc.sql("""
				SELECT count(*) FROM kpi_placed_fact WHERE own_site AND paid_at >= :start AND paid_at < :end""")
			.param("start", start)
			.param("end", end)
			.query(Long.class)
			.single();
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
