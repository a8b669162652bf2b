package io.shopops.growth.community;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * Reads the query parameters of the community pages; a bad value is dropped and flagged,
 * never an error page.
 */
final class CommunityRequests {

	/** The longest range a page reads at once. */
	static final int MAX_DAYS = 366;

	private CommunityRequests() {
	}

	static <E extends Enum<E>> E parse(Class<E> type, String text, boolean[] invalid) {
		if (text == null || text.isBlank()) {
			return null;
		}
		for (E value : type.getEnumConstants()) {
			if (value.name().equals(text.strip().toUpperCase(Locale.ROOT))) {
				return value;
			}
		}
		invalid[0] = true;
		return null;
	}

	static String text(String text, int max, boolean[] invalid) {
		if (text == null || text.isBlank()) {
			return null;
		}
		if (text.length() > max || text.indexOf('\u0000') >= 0) {
			invalid[0] = true;
			return null;
		}
		return text.strip();
	}

	static Long id(String text, boolean[] invalid) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			long id = Long.parseLong(text.strip());
			if (id > 0) {
				return id;
			}
		}
		catch (NumberFormatException ex) {
			// flagged below
		}
		invalid[0] = true;
		return null;
	}

	static LocalDate date(String text, boolean[] invalid) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			LocalDate date = LocalDate.parse(text.strip());
			if (date.getYear() >= 2000 && date.getYear() <= 2100) {
				return date;
			}
		}
		catch (DateTimeParseException ex) {
			// flagged below
		}
		invalid[0] = true;
		return null;
	}

	/**
	 * A range of local days, {@code [first, last]} inclusive; a bad or too long range
	 * falls back to the default one and is flagged.
	 */
	static Range range(String from, String to, LocalDate defaultFirst, LocalDate defaultLast, boolean[] invalid) {
		LocalDate last = date(to, invalid);
		LocalDate first = date(from, invalid);
		if (last == null) {
			last = (first != null && first.isAfter(defaultLast)) ? first : defaultLast;
		}
		if (first == null) {
			first = (last.isBefore(defaultFirst)) ? last : defaultFirst;
		}
		if (first.isAfter(last) || first.plusDays(MAX_DAYS).isBefore(last)) {
			invalid[0] = true;
			return new Range(defaultFirst, defaultLast);
		}
		return new Range(first, last);
	}

	static int pageNumber(String page) {
		if (page == null || page.isBlank()) {
			return 1;
		}
		try {
			return Math.max(1, Math.min(100_000, Integer.parseInt(page.strip())));
		}
		catch (NumberFormatException ex) {
			return 1;
		}
	}

	/**
	 * Local days from first to last, inclusive.
	 */
	record Range(LocalDate first, LocalDate last) {

		Instant start(ZoneId zone) {
			return this.first.atStartOfDay(zone).toInstant();
		}

		Instant end(ZoneId zone) {
			return this.last.plusDays(1).atStartOfDay(zone).toInstant();
		}

	}

}
