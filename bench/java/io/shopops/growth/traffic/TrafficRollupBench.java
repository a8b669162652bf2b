package io.shopops.growth.traffic;

import org.springframework.context.ApplicationContext;

/**
 * Lets benchmarks of other packages run the traffic rollup job when they choose.
 */
public final class TrafficRollupBench {

	private TrafficRollupBench() {
	}

	/**
	 * Rolls up what is new, as the scheduled job does.
	 * @param context the application
	 */
	public static void refresh(ApplicationContext context) {
		context.getBean(VisitRollup.class).refresh();
	}

}
