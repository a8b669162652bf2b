package io.shopops.dashboard;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The arithmetic of the KPI alert rules against hand-computed baselines.
 */
class AlertEvaluatorTests {

	@Test
	void theBaselineIsTheMeanOfTheKnownDaysAndNeedsThreeOfThem() {
		List<KpiRow> days = new ArrayList<>();
		days.add(row("0.0300", null));
		days.add(row(null, null));
		days.add(row("0.0200", null));
		assertThat(AlertEvaluator.average(days, KpiRow::conversion)).isNull();
		days.add(row("0.0400", null));
		// (0.03 + 0.02 + 0.04) / 3, the day without UV left out
		assertThat(AlertEvaluator.average(days, KpiRow::conversion)).isEqualByComparingTo("0.03");
		assertThat(AlertEvaluator.average(days, KpiRow::refundRate)).isNull();
	}

	@Test
	void aConversionDropIsInPercentOfTheAverage() {
		// 0.0300 → 0.0240 is 20 % below
		assertThat(AlertEvaluator.drop(new BigDecimal("0.0240"), new BigDecimal("0.0300"))).isEqualByComparingTo("20");
		assertThat(AlertEvaluator.drop(new BigDecimal("0.0330"), new BigDecimal("0.0300"))).isEqualByComparingTo("-10");
		assertThat(AlertEvaluator.drop(new BigDecimal("0.0330"), BigDecimal.ZERO)).isNull();
		assertThat(AlertEvaluator.drop(null, new BigDecimal("0.03"))).isNull();
		// beyond the threshold, not at it
		assertThat(AlertEvaluator.exceeds(new BigDecimal("20.00"), new BigDecimal("20"))).isFalse();
		assertThat(AlertEvaluator.exceeds(new BigDecimal("20.01"), new BigDecimal("20"))).isTrue();
		assertThat(AlertEvaluator.exceeds(null, BigDecimal.ZERO)).isFalse();
	}

	@Test
	void aRefundSpikeIsInPercentagePoints() {
		// 1.5 % → 4.75 % is 3.25 points up
		assertThat(AlertEvaluator.rise(new BigDecimal("0.0475"), new BigDecimal("0.015"))).isEqualByComparingTo("3.25");
		assertThat(AlertEvaluator.rise(new BigDecimal("0.0100"), new BigDecimal("0.015")))
			.isEqualByComparingTo("-0.50");
		assertThat(AlertEvaluator.rise(null, new BigDecimal("0.015"))).isNull();
	}

	private static KpiRow row(String conversion, String refundRate) {
		return new KpiRow(LocalDate.of(2040, 1, 1), null, null, 0, BigDecimal.ZERO, 0,
				(conversion != null) ? new BigDecimal(conversion) : null, null, null, BigDecimal.ZERO,
				(refundRate != null) ? new BigDecimal(refundRate) : null, null, 0, 0, null, null);
	}

}
