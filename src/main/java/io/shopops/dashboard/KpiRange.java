package io.shopops.dashboard;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.regex.Pattern;

/**
 * A range of local days, both ends included, of at most {@link #MAX_DAYS} days.
 *
 * @param from the first day
 * @param to the last day
 */
record KpiRange(LocalDate from, LocalDate to) {

	static final int MAX_DAYS = 366;

	private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

	private static final Pattern CHANNEL = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,63}");

	private static final LocalDate EARLIEST = LocalDate.of(1970, 1, 1);

	private static final LocalDate LATEST = LocalDate.of(9998, 12, 31);

	/**
	 * Reads a range from request parameters: a missing end takes the other's value, both
	 * missing is yesterday in the shop's time zone.
	 * @throws InvalidKpiRequestException with the message key of what is wrong
	 */
	static KpiRange parse(String from, String to, ZoneId zone) {
		LocalDate first = date(from);
		LocalDate last = date(to);
		if (first == null && last == null) {
			LocalDate yesterday = LocalDate.now(zone).minusDays(1);
			return new KpiRange(yesterday, yesterday);
		}
		if (first == null) {
			first = last;
		}
		if (last == null) {
			last = first;
		}
		if (first.isAfter(last)) {
			throw new InvalidKpiRequestException("kpi.range.reversed");
		}
		if (ChronoUnit.DAYS.between(first, last) + 1 > MAX_DAYS) {
			throw new InvalidKpiRequestException("kpi.range.tooLong");
		}
		return new KpiRange(first, last);
	}

	static String channel(String channel) {
		if (channel == null || channel.isBlank()) {
			return null;
		}
		String code = channel.strip();
		if (!CHANNEL.matcher(code).matches()) {
			throw new InvalidKpiRequestException("kpi.channel.invalid");
		}
		return code;
	}

	private static LocalDate date(String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		String text = value.strip();
		if (!DATE.matcher(text).matches()) {
			throw new InvalidKpiRequestException("kpi.range.date");
		}
		try {
			LocalDate date = LocalDate.parse(text);
			if (date.isBefore(EARLIEST) || date.isAfter(LATEST)) {
				throw new InvalidKpiRequestException("kpi.range.date");
			}
			return date;
		}
		catch (DateTimeParseException ex) {
			throw new InvalidKpiRequestException("kpi.range.date");
		}
	}

	public long days() {
		return ChronoUnit.DAYS.between(this.from, this.to) + 1;
	}

	/** The range of the same length just before this one. */
	KpiRange previous() {
		long days = days();
		return new KpiRange(this.from.minusDays(days), this.from.minusDays(1));
	}

	/** This range a week earlier. */
	KpiRange weekEarlier() {
		return new KpiRange(this.from.minusWeeks(1), this.to.minusWeeks(1));
	}

	/**
	 * A request parameter of the KPI pages that is not valid.
	 */
	static class InvalidKpiRequestException extends RuntimeException {

		private final String messageKey;

		InvalidKpiRequestException(String messageKey) {
			super(messageKey);
			this.messageKey = messageKey;
		}

		String messageKey() {
			return this.messageKey;
		}

	}

}
