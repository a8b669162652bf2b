package io.shopops.dashboard;

import java.time.LocalDate;
import java.time.ZoneId;

import io.shopops.dashboard.KpiRange.InvalidKpiRequestException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class KpiRangeTests {

	private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

	@Test
	void noDatesMeansYesterdayInTheShopsTimeZone() {
		KpiRange range = KpiRange.parse(null, "", SHANGHAI);
		LocalDate yesterday = LocalDate.now(SHANGHAI).minusDays(1);
		assertThat(range).isEqualTo(new KpiRange(yesterday, yesterday));
		assertThat(range.days()).isEqualTo(1);
	}

	@Test
	void oneDateMeansThatDay() {
		assertThat(KpiRange.parse("2026-11-30", null, SHANGHAI))
			.isEqualTo(new KpiRange(LocalDate.of(2026, 11, 30), LocalDate.of(2026, 11, 30)));
		assertThat(KpiRange.parse(null, "2026-11-30", SHANGHAI).from()).isEqualTo(LocalDate.of(2026, 11, 30));
	}

	@Test
	void atMost366Days() {
		assertThat(KpiRange.parse("2024-01-01", "2024-12-31", SHANGHAI).days()).isEqualTo(366);
		assertThat(problem("2024-01-01", "2025-01-01")).isEqualTo("kpi.range.tooLong");
	}

	@Test
	void badRangesAreRefusedWithTheirReason() {
		assertThat(problem("2026-12-02", "2026-12-01")).isEqualTo("kpi.range.reversed");
		assertThat(problem("2026-13-01", null)).isEqualTo("kpi.range.date");
		assertThat(problem("2026-02-30", null)).isEqualTo("kpi.range.date");
		assertThat(problem("yesterday", null)).isEqualTo("kpi.range.date");
		assertThat(problem("+999999999-12-31", null)).isEqualTo("kpi.range.date");
		assertThat(problem("1969-12-31", null)).isEqualTo("kpi.range.date");
		assertThat(problem("a\u0000b", null)).isEqualTo("kpi.range.date");
	}

	@Test
	void previousPeriodAndAWeekEarlier() {
		KpiRange range = new KpiRange(LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 3));
		assertThat(range.previous()).isEqualTo(new KpiRange(LocalDate.of(2026, 11, 28), LocalDate.of(2026, 11, 30)));
		assertThat(range.weekEarlier()).isEqualTo(new KpiRange(LocalDate.of(2026, 11, 24), LocalDate.of(2026, 11, 26)));
	}

	@Test
	void channelCodes() {
		assertThat(KpiRange.channel(" TMALL ")).isEqualTo("TMALL");
		assertThat(KpiRange.channel("")).isNull();
		assertThatExceptionOfType(InvalidKpiRequestException.class).isThrownBy(() -> KpiRange.channel("x".repeat(65)));
		assertThatExceptionOfType(InvalidKpiRequestException.class).isThrownBy(() -> KpiRange.channel("a\u0000b"));
	}

	private static String problem(String from, String to) {
		try {
			KpiRange.parse(from, to, SHANGHAI);
			return null;
		}
		catch (InvalidKpiRequestException ex) {
			return ex.messageKey();
		}
	}

}
