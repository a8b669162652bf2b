package io.shopops.growth.community;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When SOP items fall due, in the shop's time zone.
 */
class SopScheduleTests {

	static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

	static final Instant FROM = Instant.parse("2026-12-01T03:00:00Z"); // Tue 11:00 in
																		// Shanghai

	static final Instant TO = Instant.parse("2026-12-15T03:00:00Z"); // Tue 11:00 two
																		// weeks later

	@Test
	void aDailyItemFallsOnceADayAtItsLocalTimeInsideTheWindow() {
		List<Instant> due = SopSchedule.DAILY.occurrences(rule(null, null, LocalTime.of(10, 0), null), FROM, TO,
				SHANGHAI, List.of());
		// 10:00 on Dec 1 is before the window opens at 11:00; Dec 15 10:00 is inside
		assertThat(due).hasSize(14);
		assertThat(due.get(0)).isEqualTo(Instant.parse("2026-12-02T02:00:00Z"));
		assertThat(due.get(13)).isEqualTo(Instant.parse("2026-12-15T02:00:00Z"));
	}

	@Test
	void aWeeklyItemFallsOnItsDay() {
		List<Instant> due = SopSchedule.WEEKLY.occurrences(rule(DayOfWeek.TUESDAY, null, LocalTime.of(20, 30), null),
				FROM, TO, SHANGHAI, List.of());
		assertThat(due).containsExactly(Instant.parse("2026-12-01T12:30:00Z"), Instant.parse("2026-12-08T12:30:00Z"));
	}

	@Test
	void aMonthlyItemFallsOnItsDayOfTheMonth() {
		List<Instant> due = SopSchedule.MONTHLY.occurrences(rule(null, 10, LocalTime.of(9, 0), null), FROM,
				Instant.parse("2027-02-11T00:00:00Z"), SHANGHAI, List.of());
		assertThat(due).containsExactly(Instant.parse("2026-12-10T01:00:00Z"), Instant.parse("2027-01-10T01:00:00Z"),
				Instant.parse("2027-02-10T01:00:00Z"));
	}

	@Test
	void aLivestreamReminderFallsItsMinutesBeforeEachSessionInsideTheWindow() {
		List<Instant> sessions = List.of(Instant.parse("2026-12-05T12:00:00Z"), Instant.parse("2026-12-01T03:30:00Z"),
				Instant.parse("2026-12-15T03:30:00Z"));
		List<Instant> due = SopSchedule.BEFORE_LIVESTREAM.occurrences(rule(null, null, null, 60), FROM, TO, SHANGHAI,
				sessions);
		// the first session's reminder (02:30) is before the window; the last one's
		// (02:30 on
		// Dec 15) is inside it
		assertThat(due).containsExactly(Instant.parse("2026-12-05T11:00:00Z"), Instant.parse("2026-12-15T02:30:00Z"));
	}

	@Test
	void localTimesFollowDaylightSavingTime() {
		ZoneId berlin = ZoneId.of("Europe/Berlin");
		List<Instant> due = SopSchedule.DAILY.occurrences(rule(null, null, LocalTime.of(9, 0), null),
				Instant.parse("2027-03-27T00:00:00Z"), Instant.parse("2027-03-29T00:00:00Z"), berlin, List.of());
		assertThat(due).containsExactly(Instant.parse("2027-03-27T08:00:00Z"), Instant.parse("2027-03-28T07:00:00Z"));
	}

	private static SopSchedule.Rule rule(DayOfWeek day, Integer dayOfMonth, LocalTime at, Integer before) {
		return new SopSchedule.Rule(day, dayOfMonth, at, before);
	}

}
