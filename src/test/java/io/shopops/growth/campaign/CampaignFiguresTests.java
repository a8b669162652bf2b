package io.shopops.growth.campaign;

import java.math.BigDecimal;
import java.time.LocalDate;

import io.shopops.growth.campaign.CampaignFigures.Pacing;
import io.shopops.growth.campaign.CampaignFigures.PacingState;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * CTR, CPC, ROI and budget pacing.
 */
class CampaignFiguresTests {

	private static final LocalDate START = LocalDate.of(2026, 12, 1);

	private static final LocalDate END = LocalDate.of(2026, 12, 10);

	@Test
	void ratesAreNullWithoutTheirDivisor() {
		assertThat(CampaignFigures.ctr(25, 1000)).isEqualByComparingTo("2.50");
		assertThat(CampaignFigures.ctr(0, 0)).isNull();
		assertThat(CampaignFigures.cpc(new BigDecimal("100.00"), 40)).isEqualByComparingTo("2.50");
		assertThat(CampaignFigures.cpc(new BigDecimal("100.00"), 0)).isNull();
		assertThat(CampaignFigures.roi(new BigDecimal("450.00"), new BigDecimal("150.00")))
			.isEqualByComparingTo("3.00");
		assertThat(CampaignFigures.roi(new BigDecimal("450.00"), BigDecimal.ZERO)).isNull();
		assertThat(CampaignFigures.roi(BigDecimal.ZERO, new BigDecimal("10"))).isEqualByComparingTo("0");
	}

	@Test
	void spendIsComparedWithTheElapsedShareOfTheBudget() {
		// 1,000 over 10 days, 3 days elapsed: 300 expected
		Pacing onTrack = pacing(null, LocalDate.of(2026, 12, 3), "320", "120");
		assertThat(onTrack.expected()).isEqualByComparingTo("300");
		assertThat(onTrack.percent()).isEqualByComparingTo("107");
		assertThat(onTrack.state()).isEqualTo(PacingState.ON_TRACK);
		assertThat(onTrack.alert()).isFalse();
		// exactly 110 % is still fine, above it is an alert
		assertThat(pacing(null, LocalDate.of(2026, 12, 3), "330", "120").state()).isEqualTo(PacingState.ON_TRACK);
		Pacing over = pacing(null, LocalDate.of(2026, 12, 3), "330.01", "120");
		assertThat(over.state()).isEqualTo(PacingState.OVER);
		assertThat(over.alert()).isTrue();
		// after the end the whole budget is expected
		assertThat(pacing(null, LocalDate.of(2027, 1, 5), "1000", "120").expected()).isEqualByComparingTo("1000");
		assertThat(pacing(null, LocalDate.of(2027, 1, 5), "1000", "120").state()).isEqualTo(PacingState.ON_TRACK);
	}

	@Test
	void aDayAboveTheDailyBudgetRaisesTheAlert() {
		Pacing exceeded = pacing("100", LocalDate.of(2026, 12, 3), "250", "100.01");
		assertThat(exceeded.state()).isEqualTo(PacingState.DAILY_EXCEEDED);
		assertThat(exceeded.alert()).isTrue();
		assertThat(pacing("100", LocalDate.of(2026, 12, 3), "250", "100").state()).isEqualTo(PacingState.ON_TRACK);
	}

	@Test
	void beforeTheStartNothingIsExpected() {
		Pacing before = pacing(null, LocalDate.of(2026, 11, 20), "0", null);
		assertThat(before.expected()).isEqualByComparingTo("0");
		assertThat(before.percent()).isNull();
		assertThat(before.state()).isEqualTo(PacingState.NOT_STARTED);
		assertThat(pacing(null, LocalDate.of(2026, 11, 20), "5", "5").state()).isEqualTo(PacingState.OVER);
	}

	private static Pacing pacing(String daily, LocalDate today, String spent, String maxDaily) {
		return CampaignFigures.pacing(new BigDecimal("1000"), (daily != null) ? new BigDecimal(daily) : null, START,
				END, today, new BigDecimal(spent), (maxDaily != null) ? new BigDecimal(maxDaily) : null);
	}

}
