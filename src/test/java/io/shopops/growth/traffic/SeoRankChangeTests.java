package io.shopops.growth.traffic;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How a keyword's rank change is computed: the latest rank against the latest one from 7
 * to 14 days before it; a positive change is a move up; the best rank is the lowest.
 */
class SeoRankChangeTests {

	private static final LocalDate DAY = LocalDate.of(2026, 11, 30);

	@Test
	void theLatestRankIsComparedWithTheRankAWeekBefore() {
		SeoRankChange change = SeoRankChange
			.of(List.of(rank(0, "3"), rank(-1, "5"), rank(-7, "8"), rank(-8, "2"), rank(-20, "40")));
		assertThat(change.current()).isEqualByComparingTo("3");
		assertThat(change.currentDate()).isEqualTo(DAY);
		assertThat(change.previous()).isEqualByComparingTo("8");
		assertThat(change.previousDate()).isEqualTo(DAY.minusDays(7));
		assertThat(change.change()).isEqualByComparingTo("5");
		assertThat(change.trend()).isEqualTo("up");
		assertThat(change.best()).isEqualByComparingTo("2");
	}

	@Test
	void aMissedDayComparesWithTheLatestRankEarlierInTheWindow() {
		SeoRankChange change = SeoRankChange.of(List.of(rank(-10, "4"), rank(0, "9.5"), rank(-12, "1")));
		assertThat(change.previousDate()).isEqualTo(DAY.minusDays(10));
		assertThat(change.change()).isEqualByComparingTo("-5.5");
		assertThat(change.trend()).isEqualTo("down");
	}

	@Test
	void ranksTooRecentOrTooOldHaveNothingToCompareWith() {
		SeoRankChange recent = SeoRankChange.of(List.of(rank(0, "3"), rank(-6, "9"), rank(-15, "20")));
		assertThat(recent.previous()).isNull();
		assertThat(recent.change()).isNull();
		assertThat(recent.trend()).isEqualTo("none");
		assertThat(recent.best()).isEqualByComparingTo("3");
		SeoRankChange same = SeoRankChange.of(List.of(rank(0, "7"), rank(-14, "7")));
		assertThat(same.change()).isEqualByComparingTo("0");
		assertThat(same.trend()).isEqualTo("same");
	}

	@Test
	void anEmptyHistoryHasNoRank() {
		SeoRankChange none = SeoRankChange.of(List.of());
		assertThat(none).isEqualTo(SeoRankChange.NONE);
		assertThat(none.current()).isNull();
		assertThat(none.change()).isNull();
		assertThat(none.trend()).isEqualTo("none");
	}

	@Test
	void ranksReadAndShowWithAtMostOneDecimal() {
		assertThat(SeoKeywords.rank("3").value()).isEqualByComparingTo("3");
		assertThat(SeoKeywords.rank(" 4,26 ").value()).isEqualByComparingTo("4.3");
		assertThat(SeoKeywords.rank("#12").value()).isEqualByComparingTo("12");
		assertThat(SeoKeywords.rank("0").ok()).isFalse();
		assertThat(SeoKeywords.rank("0.96").value()).isEqualByComparingTo("1");
		assertThat(SeoKeywords.rank("1001").ok()).isFalse();
		assertThat(SeoKeywords.rank("first").ok()).isFalse();
		assertThat(SeoKeywords.rank("-3").ok()).isFalse();
		assertThat(SeoKeyword.shown(new BigDecimal("3.0"))).isEqualTo("3");
		assertThat(SeoKeyword.shown(new BigDecimal("12.5"))).isEqualTo("12.5");
		assertThat(SeoKeyword.key("  Ｃashmere   SCARF ")).isEqualTo("cashmere scarf");
	}

	private static SeoRank rank(int days, String rank) {
		return new SeoRank(DAY.plusDays(days), new BigDecimal(rank), "MANUAL", "test");
	}

}
