package io.shopops.platform.csv;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Cleaning and parsing of single cell values. Parsers take a cleaned, non-empty value and
 * return a {@link Parsed} holding either the value or a {@link CsvProblems} code; they
 * never throw for bad data. Full-width digits, points, commas and minus signs (what
 * Chinese input methods type) are read as their ASCII forms.
 */
public final class Cells {

	/** The largest amount of money an import accepts. */
	public static final BigDecimal MAX_MONEY = new BigDecimal("99999999.99");

	private static final Pattern DECIMAL = Pattern.compile("(\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.(\\d+))?");

	private static final Pattern DATE_TIME = Pattern.compile("(\\d{4})[-/.](\\d{1,2})[-/.](\\d{1,2})"
			+ "(?:[ T]+(\\d{1,2}):(\\d{2})(?::(\\d{2})(?:\\.(\\d{1,9}))?)?)?\\s*(Z|[+-]\\d{2}:?\\d{2}|UTC|GMT)?");

	private static final String CURRENCY_SYMBOLS = "¥￥$€£";

	private Cells() {
	}

	/**
	 * Cleans a cell that holds text: trims it (spaces, tabs, CR and LF, so the leading
	 * tab that 抖店 puts before long ids goes) and unwraps Excel's text guard {@code ="…"}
	 * (淘宝, 京东: {@code ="1234567890123456789"} becomes {@code 1234567890123456789}).
	 * @param raw the cell as read, never {@code null}
	 * @return the cleaned value, {@code ""} if nothing is left
	 */
	public static String text(String raw) {
		String text = raw.strip();
		if (text.length() >= 3 && text.charAt(0) == '=' && text.charAt(1) == '"' && text.endsWith("\"")) {
			text = text.substring(2, text.length() - 1).replace("\"\"", "\"").strip();
		}
		return text;
	}

	/**
	 * Cleans a cell that holds a code or an id (SKU, barcode, order number, postcode):
	 * {@link #text(String)}, then the apostrophe that spreadsheets and Shopify put in
	 * front of numbers to keep them text ({@code '4001}) is dropped.
	 * @param raw the cell as read, never {@code null}
	 * @return the cleaned value, {@code ""} if nothing is left
	 */
	public static String id(String raw) {
		String text = text(raw);
		if (text.startsWith("'")) {
			text = text.substring(1).strip();
		}
		return text;
	}

	/**
	 * Returns {@code null} for an empty value.
	 * @param value the cleaned value, never {@code null}
	 * @return the value, or {@code null} if it is empty
	 */
	public static String emptyToNull(String value) {
		return value.isEmpty() ? null : value;
	}

	/**
	 * Checks the length of a value.
	 * @param value the cleaned value, never {@code null}
	 * @param maxLength the most characters the value may have
	 * @return the value, or {@link CsvProblems#VALUE_TOO_LONG} (argument: the maximum)
	 */
	public static Parsed<String> limited(String value, int maxLength) {
		return (value.length() > maxLength) ? Parsed.problem(CsvProblems.VALUE_TOO_LONG) : Parsed.of(value);
	}

	/**
	 * Parses an amount of money: a plain decimal number, optionally with thousands commas
	 * ({@code 1,299.00}) and a leading currency symbol ({@code ¥}, {@code ￥}, {@code $},
	 * {@code €}, {@code £}), at least 0, at most {@link #MAX_MONEY}, with at most 2
	 * decimals (further zeros are accepted).
	 * @param raw the cleaned cell value, not empty
	 * @return the amount with scale 2, or a {@code MONEY_*} problem
	 */
	public static Parsed<BigDecimal> money(String raw) {
		String text = halfWidth(raw);
		boolean negative = false;
		if (text.startsWith("-")) {
			negative = true;
			text = text.substring(1).strip();
		}
		if (!text.isEmpty() && CURRENCY_SYMBOLS.indexOf(text.charAt(0)) >= 0) {
			text = text.substring(1).strip();
		}
		if (!negative && text.startsWith("-")) {
			negative = true;
			text = text.substring(1).strip();
		}
		Matcher matcher = DECIMAL.matcher(text);
		if (!matcher.matches()) {
			return Parsed.problem(CsvProblems.MONEY_INVALID);
		}
		if (negative && !isZero(text)) {
			return Parsed.problem(CsvProblems.MONEY_NEGATIVE);
		}
		String fraction = matcher.group(2);
		if (fraction != null && fraction.length() > 2 && !fraction.substring(2).chars().allMatch((c) -> c == '0')) {
			return Parsed.problem(CsvProblems.MONEY_DECIMALS);
		}
		BigDecimal amount = new BigDecimal(text.replace(",", "")).setScale(2, RoundingMode.UNNECESSARY);
		if (amount.compareTo(MAX_MONEY) > 0) {
			return Parsed.problem(CsvProblems.MONEY_TOO_LARGE);
		}
		return Parsed.of(amount);
	}

	/**
	 * Parses a whole number of at least 0: digits, optionally with thousands commas and a
	 * zero fraction ({@code 200.0}, as spreadsheets write numbers).
	 * @param raw the cleaned cell value, not empty
	 * @return the number, or a {@code NUMBER_*} problem
	 */
	public static Parsed<Integer> wholeNumber(String raw) {
		return wholeNumber(raw, false);
	}

	/**
	 * Parses a whole number of at least 0, like {@link #wholeNumber(String)}.
	 * @param raw the cleaned cell value, not empty
	 * @param roundFraction whether a non-zero fraction is rounded half up instead of
	 * being a problem (for values converted from other units)
	 * @return the number, or a {@code NUMBER_*} problem
	 */
	public static Parsed<Integer> wholeNumber(String raw, boolean roundFraction) {
		Parsed<Integer> parsed = integer(raw, roundFraction);
		if (parsed.ok() && parsed.value() < 0) {
			return Parsed.problem(CsvProblems.NUMBER_NEGATIVE);
		}
		return parsed;
	}

	/**
	 * Parses a whole number that may be negative ({@code -3}), such as a stock
	 * difference.
	 * @param raw the cleaned cell value, not empty
	 * @return the number, or {@link CsvProblems#NUMBER_INVALID} or
	 * {@link CsvProblems#NUMBER_TOO_LARGE}
	 */
	public static Parsed<Integer> integer(String raw) {
		return integer(raw, false);
	}

	private static Parsed<Integer> integer(String raw, boolean roundFraction) {
		String text = halfWidth(raw);
		boolean negative = text.startsWith("-");
		if (negative) {
			text = text.substring(1).strip();
		}
		Matcher matcher = DECIMAL.matcher(text);
		if (!matcher.matches()) {
			return Parsed.problem(CsvProblems.NUMBER_INVALID);
		}
		String fraction = matcher.group(2);
		boolean wholeFraction = fraction == null || fraction.chars().allMatch((c) -> c == '0');
		if (!wholeFraction && !roundFraction) {
			return Parsed.problem(CsvProblems.NUMBER_INVALID);
		}
		BigInteger value = new BigDecimal(text.replace(",", "")).setScale(0, RoundingMode.HALF_UP).toBigInteger();
		if (value.compareTo(BigInteger.valueOf(Integer.MAX_VALUE)) > 0) {
			return Parsed.problem(CsvProblems.NUMBER_TOO_LARGE);
		}
		return Parsed.of(negative ? -value.intValue() : value.intValue());
	}

	/**
	 * Parses a point in time as shops' exports write it:
	 * {@code 2026-12-01 14:05:09 +0800} (Shopify), {@code 2026-12-01T14:05:09+08:00} (ISO
	 * 8601), {@code 2026-12-01 14:05:09} or {@code 2026/12/1 14:05} (Chinese marketplaces
	 * and spreadsheets, in the shop's zone), or a date alone (its start in the shop's
	 * zone). Seconds and fractions are optional; {@code -}, {@code /} and {@code .}
	 * separate the date.
	 * @param raw the cleaned cell value, not empty
	 * @param zone the zone of values without an offset
	 * @return the time with the file's offset (or the zone's), or
	 * {@link CsvProblems#DATE_INVALID}
	 */
	public static Parsed<OffsetDateTime> dateTime(String raw, ZoneId zone) {
		Matcher matcher = DATE_TIME.matcher(raw.strip());
		if (!matcher.matches()) {
			return Parsed.problem(CsvProblems.DATE_INVALID);
		}
		try {
			LocalDate date = LocalDate.of(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)),
					Integer.parseInt(matcher.group(3)));
			LocalDateTime local = date.atStartOfDay();
			if (matcher.group(4) != null) {
				int seconds = (matcher.group(6) != null) ? Integer.parseInt(matcher.group(6)) : 0;
				int nanos = (matcher.group(7) != null)
						? Integer.parseInt((matcher.group(7) + "00000000").substring(0, 9)) : 0;
				local = date.atTime(Integer.parseInt(matcher.group(4)), Integer.parseInt(matcher.group(5)), seconds,
						nanos);
			}
			String offset = matcher.group(8);
			if (offset == null) {
				return Parsed.of(local.atZone(zone).toOffsetDateTime());
			}
			if (offset.equals("Z") || offset.equals("UTC") || offset.equals("GMT")) {
				return Parsed.of(local.atOffset(ZoneOffset.UTC));
			}
			String normalized = offset.contains(":") ? offset : offset.substring(0, 3) + ":" + offset.substring(3);
			return Parsed.of(local.atOffset(ZoneOffset.of(normalized)));
		}
		catch (DateTimeException ex) {
			return Parsed.problem(CsvProblems.DATE_INVALID);
		}
	}

	/**
	 * Parses a calendar date: {@code 2026-12-01}, {@code 2026/12/1} or
	 * {@code 2026.12.01}; a time after it is ignored.
	 * @param raw the cleaned cell value, not empty
	 * @return the date, or {@link CsvProblems#DATE_INVALID}
	 */
	public static Parsed<LocalDate> date(String raw) {
		Matcher matcher = DATE_TIME.matcher(raw.strip());
		if (!matcher.matches()) {
			return Parsed.problem(CsvProblems.DATE_INVALID);
		}
		try {
			return Parsed.of(LocalDate.of(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)),
					Integer.parseInt(matcher.group(3))));
		}
		catch (DateTimeException ex) {
			return Parsed.problem(CsvProblems.DATE_INVALID);
		}
	}

	/**
	 * Parses a yes/no value: {@code true}/{@code false}, {@code yes}/{@code no},
	 * {@code y}/{@code n}, {@code 1}/{@code 0} (any case) or {@code 是}/{@code 否}.
	 * @param raw the cleaned cell value, not empty
	 * @return the value, or {@link CsvProblems#BOOLEAN_INVALID}
	 */
	public static Parsed<Boolean> bool(String raw) {
		return switch (raw.strip().toLowerCase(Locale.ROOT)) {
			case "true", "yes", "y", "1", "是" -> Parsed.of(Boolean.TRUE);
			case "false", "no", "n", "0", "否" -> Parsed.of(Boolean.FALSE);
			default -> Parsed.problem(CsvProblems.BOOLEAN_INVALID);
		};
	}

	private static boolean isZero(String text) {
		return text.chars().allMatch((c) -> c == '0' || c == '.' || c == ',');
	}

	private static String halfWidth(String raw) {
		StringBuilder text = new StringBuilder(raw.length());
		for (int i = 0; i < raw.length(); i++) {
			char c = raw.charAt(i);
			if (c >= '０' && c <= '９') {
				text.append((char) (c - '０' + '0'));
			}
			else if (c == '．') {
				text.append('.');
			}
			else if (c == '，') {
				text.append(',');
			}
			else if (c == '－') {
				text.append('-');
			}
			else {
				text.append(c);
			}
		}
		return text.toString().strip();
	}

}
