package io.shopops.growth.campaign;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * The derived numbers of a campaign: CTR, CPC, ROI and budget pacing. Each is null when
 * its divisor is zero, never a made-up 0.
 */
final class CampaignFigures {

	/** Spend above this share of the expected spend raises the pacing alert. */
	static final BigDecimal OVER_PACE = new BigDecimal("1.10");

	private CampaignFigures() {
	}

	/**
	 * Click-through rate in percent, two decimals; null without impressions.
	 */
	static BigDecimal ctr(long clicks, long impressions) {
		if (impressions <= 0) {
			return null;
		}
		return BigDecimal.valueOf(clicks)
			.multiply(BigDecimal.valueOf(100))
			.divide(BigDecimal.valueOf(impressions), 2, RoundingMode.HALF_UP);
	}

	/**
	 * Cost per click, two decimals; null without clicks.
	 */
	static BigDecimal cpc(BigDecimal spend, long clicks) {
		if (clicks <= 0) {
			return null;
		}
		return spend.divide(BigDecimal.valueOf(clicks), 2, RoundingMode.HALF_UP);
	}

	/**
	 * Return on ad spend: reported GMV ÷ spend, two decimals; null when nothing was
	 * spent.
	 */
	static BigDecimal roi(BigDecimal gmv, BigDecimal spend) {
		if (spend == null || spend.signum() == 0) {
			return null;
		}
		return gmv.divide(spend, 2, RoundingMode.HALF_UP);
	}

	/**
	 * How a campaign's spend to date compares with the share of its budget that the
	 * elapsed days allow.
	 * @param budget the total budget
	 * @param dailyBudget the daily budget, or null
	 * @param start the first day
	 * @param end the last day
	 * @param today the shop's today
	 * @param spentToDate the spend of the days up to today
	 * @param maxDaily the highest spend of one day, or null without days
	 * @return the pacing
	 */
	static Pacing pacing(BigDecimal budget, BigDecimal dailyBudget, LocalDate start, LocalDate end, LocalDate today,
			BigDecimal spentToDate, BigDecimal maxDaily) {
		long days = ChronoUnit.DAYS.between(start, end) + 1;
		long elapsed;
		if (today.isBefore(start)) {
			elapsed = 0;
		}
		else if (today.isAfter(end)) {
			elapsed = days;
		}
		else {
			elapsed = ChronoUnit.DAYS.between(start, today) + 1;
		}
		BigDecimal expected = budget.multiply(BigDecimal.valueOf(elapsed))
			.divide(BigDecimal.valueOf(days), 2, RoundingMode.HALF_UP);
		BigDecimal percent = (expected.signum() == 0) ? null
				: spentToDate.multiply(BigDecimal.valueOf(100)).divide(expected, 0, RoundingMode.HALF_UP);
		boolean over = spentToDate.compareTo(expected.multiply(OVER_PACE)) > 0;
		boolean dailyExceeded = dailyBudget != null && maxDaily != null && maxDaily.compareTo(dailyBudget) > 0;
		PacingState state;
		if (over) {
			state = PacingState.OVER;
		}
		else if (dailyExceeded) {
			state = PacingState.DAILY_EXCEEDED;
		}
		else if (elapsed == 0) {
			state = PacingState.NOT_STARTED;
		}
		else {
			state = PacingState.ON_TRACK;
		}
		return new Pacing(expected, percent, state);
	}

	/**
	 * A campaign's pacing: the spend that the elapsed days allow, the spend to date as a
	 * percentage of it (null before the start), and the state.
	 */
	record Pacing(BigDecimal expected, BigDecimal percent, PacingState state) {

		public boolean alert() {
			return this.state == PacingState.OVER || this.state == PacingState.DAILY_EXCEEDED;
		}

	}

	/**
	 * The pacing badge.
	 */
	enum PacingState {

		NOT_STARTED, ON_TRACK, OVER, DAILY_EXCEEDED

	}

}
