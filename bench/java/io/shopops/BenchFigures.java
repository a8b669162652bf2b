package io.shopops;

import java.util.Arrays;
import java.util.Locale;

/** How the benchmarks time calls and print their figures in the reports. */
public final class BenchFigures {

	private BenchFigures() {
	}

	/**
	 * A quantile of sorted latencies in nanoseconds, as the reports print it.
	 * @param sorted the latencies, sorted ascending
	 * @param quantile from 0 to 1
	 * @return for example {@code "12.3 ms"}, or a dash when there are none
	 */
	public static String ms(long[] sorted, double quantile) {
		if (sorted.length == 0) {
			return "–";
		}
		return fmt(sorted[Math.min(sorted.length - 1, (int) (sorted.length * quantile))] / 1e6) + " ms";
	}

	/**
	 * One decimal place, whatever the locale.
	 * @param value the number
	 * @return the number as the reports print it
	 */
	public static String fmt(double value) {
		return String.format(Locale.ROOT, "%.1f", value);
	}

	/**
	 * The median of five timed calls after one warm-up call.
	 * @param call what to time
	 * @return milliseconds
	 */
	public static double median(Runnable call) {
		call.run();
		double[] times = new double[5];
		for (int i = 0; i < times.length; i++) {
			long start = System.nanoTime();
			call.run();
			times[i] = (System.nanoTime() - start) / 1e6;
		}
		Arrays.sort(times);
		return times[2];
	}

}
