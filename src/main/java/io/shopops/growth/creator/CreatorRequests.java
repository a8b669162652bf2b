package io.shopops.growth.creator;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * Lenient reading of the creator pages' query parameters: anything that cannot be used
 * falls back to its default and flags the request as invalid, so that the page shows a
 * warning instead of an error.
 */
final class CreatorRequests {

	/** The longest range the leaderboard covers. */
	static final int MAX_DAYS = 366;

	private CreatorRequests() {
	}

	static <E extends Enum<E>> E parse(Class<E> type, String value, boolean[] invalid) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			invalid[0] = true;
			return null;
		}
	}

	static String text(String value, int max, boolean[] invalid) {
		if (value == null || value.isBlank()) {
			return null;
		}
		String text = value.strip();
		if (text.length() > max || text.chars().anyMatch(Character::isISOControl)) {
			invalid[0] = true;
			return null;
		}
		return text;
	}

	static int page(String value, boolean[] invalid) {
		if (value == null || value.isBlank()) {
			return 1;
		}
		try {
			int page = Integer.parseInt(value.strip());
			if (page >= 1) {
				return page;
			}
		}
		catch (NumberFormatException ex) {
			// falls through
		}
		invalid[0] = true;
		return 1;
	}

	static LocalDate date(String value, boolean[] invalid) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			LocalDate date = LocalDate.parse(value.strip());
			if (date.getYear() >= 2000 && date.getYear() <= 2999) {
				return date;
			}
		}
		catch (DateTimeParseException ex) {
			// falls through
		}
		invalid[0] = true;
		return null;
	}

	/**
	 * The range asked for: the last 30 days by default, at most {@link #MAX_DAYS}, its
	 * ends swapped when given the wrong way round.
	 */
	static LocalDate[] range(String from, String to, LocalDate today, boolean[] invalid) {
		LocalDate first = date(from, invalid);
		LocalDate last = date(to, invalid);
		if (last == null) {
			last = (first != null && first.plusDays(29).isBefore(today)) ? first.plusDays(29) : today;
		}
		if (first == null) {
			first = last.minusDays(29);
		}
		if (first.isAfter(last)) {
			invalid[0] = true;
			LocalDate swap = first;
			first = last;
			last = swap;
		}
		if (first.plusDays(MAX_DAYS - 1).isBefore(last)) {
			invalid[0] = true;
			first = last.minusDays(MAX_DAYS - 1);
		}
		return new LocalDate[] { first, last };
	}

}
