package io.shopops.growth.community;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * When an SOP item falls due: every day at a time, every week on a day at a time, every
 * month on a day (1 to 28, so that every month has it) at a time, or a number of minutes
 * before each livestream session.
 */
enum SopSchedule {

	DAILY, WEEKLY, MONTHLY, BEFORE_LIVESTREAM;

	/**
	 * The due times of an item in a window, earliest first.
	 * @param rule the item's schedule values
	 * @param from the window's start, inclusive
	 * @param to the window's end, exclusive
	 * @param zone the shop's time zone (a day and a time are local)
	 * @param livestreams the start times of the livestream sessions near the window
	 * @return the due times, never {@code null}
	 */
	List<Instant> occurrences(Rule rule, Instant from, Instant to, ZoneId zone, List<Instant> livestreams) {
		List<Instant> due = new ArrayList<>();
		if (this == BEFORE_LIVESTREAM) {
			Duration before = Duration.ofMinutes(rule.minutesBefore());
			for (Instant start : livestreams) {
				Instant at = start.minus(before);
				if (!at.isBefore(from) && at.isBefore(to)) {
					due.add(at);
				}
			}
			due.sort(null);
			return due;
		}
		LocalDate last = LocalDate.ofInstant(to, zone);
		for (LocalDate day = LocalDate.ofInstant(from, zone); !day.isAfter(last); day = day.plusDays(1)) {
			if (!falls(rule, day)) {
				continue;
			}
			Instant at = day.atTime(rule.atTime()).atZone(zone).toInstant();
			if (!at.isBefore(from) && at.isBefore(to)) {
				due.add(at);
			}
		}
		return due;
	}

	private boolean falls(Rule rule, LocalDate day) {
		return switch (this) {
			case DAILY -> true;
			case WEEKLY -> day.getDayOfWeek() == rule.dayOfWeek();
			case MONTHLY -> day.getDayOfMonth() == rule.dayOfMonth();
			case BEFORE_LIVESTREAM -> false;
		};
	}

	/**
	 * The values a schedule reads; those it does not need may be {@code null}.
	 */
	record Rule(DayOfWeek dayOfWeek, Integer dayOfMonth, LocalTime atTime, Integer minutesBefore) {
	}

}
