package io.shopops.fulfilment.catalog.importing;

import io.shopops.fulfilment.catalog.ProductStatus;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parsing and checking of single cell values. Parsers return a {@link Parsed} holding
 * either the value or a problem code; they never throw for bad data.
 */
final class Values {

	static final int MAX_HANDLE_LENGTH = 255;

	static final int MAX_TITLE_LENGTH = 255;

	static final BigDecimal MAX_AMOUNT = new BigDecimal("99999999.99");

	private static final Pattern DECIMAL = Pattern.compile("(\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.(\\d+))?");

	private static final Pattern HANDLE = Pattern.compile("[\\p{L}\\p{M}\\p{N}_.\\-]+");

	private static final Pattern SCIENTIFIC = Pattern.compile("\\d+(\\.\\d+)?[eE]\\+?\\d+");

	private static final Pattern TAG_SEPARATOR = Pattern.compile("[,，]");

	private static final Pattern CATEGORY_SEPARATOR = Pattern.compile("[>＞]");

	private static final String CURRENCY_SYMBOLS = "¥￥$€£";

	private static final String HANDLE_DROPPED = "'\"()[]‘’“”";

	private Values() {
	}

	/**
	 * Parses an amount of money: a plain decimal number, optionally with thousands commas
	 * ({@code 1,299.00}) and a leading currency symbol ({@code ¥}, {@code ￥}, {@code $},
	 * {@code €}, {@code £}), at least 0, at most 99,999,999.99, with at most 2 decimals
	 * (further zeros are accepted). Full-width digits are accepted.
	 * @param raw the trimmed cell value, not empty
	 * @return the amount with scale 2, or a problem
	 */
	static Parsed<BigDecimal> money(String raw) {
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
			return Parsed.problem(CatalogProblemCodes.PRICE_INVALID);
		}
		if (negative && !isZero(text)) {
			return Parsed.problem(CatalogProblemCodes.PRICE_NEGATIVE);
		}
		String fraction = matcher.group(2);
		if (fraction != null && fraction.length() > 2 && !fraction.substring(2).chars().allMatch((c) -> c == '0')) {
			return Parsed.problem(CatalogProblemCodes.PRICE_DECIMALS);
		}
		BigDecimal amount = new BigDecimal(text.replace(",", "")).setScale(2, RoundingMode.UNNECESSARY);
		if (amount.compareTo(MAX_AMOUNT) > 0) {
			return Parsed.problem(CatalogProblemCodes.PRICE_TOO_LARGE);
		}
		return Parsed.of(amount);
	}

	/**
	 * Parses a whole number of at least 0: digits, optionally with thousands commas and a
	 * zero fraction ({@code 200.0}).
	 * @param raw the trimmed cell value, not empty
	 * @param roundFraction whether a non-zero fraction is rounded half up instead of
	 * being a problem (Shopify's grams are converted from other units)
	 * @return the number, or a problem
	 */
	static Parsed<Integer> wholeNumber(String raw, boolean roundFraction) {
		String text = halfWidth(raw);
		boolean negative = text.startsWith("-");
		if (negative) {
			text = text.substring(1).strip();
		}
		Matcher matcher = DECIMAL.matcher(text);
		if (!matcher.matches()) {
			return Parsed.problem(CatalogProblemCodes.NUMBER_INVALID);
		}
		String fraction = matcher.group(2);
		boolean wholeFraction = fraction == null || fraction.chars().allMatch((c) -> c == '0');
		if (!wholeFraction && !roundFraction) {
			return Parsed.problem(CatalogProblemCodes.NUMBER_INVALID);
		}
		BigInteger value = new BigDecimal(text.replace(",", "")).setScale(0, RoundingMode.HALF_UP).toBigInteger();
		if (negative && value.signum() != 0) {
			return Parsed.problem(CatalogProblemCodes.NUMBER_NEGATIVE);
		}
		if (value.compareTo(BigInteger.valueOf(Integer.MAX_VALUE)) > 0) {
			return Parsed.problem(CatalogProblemCodes.NUMBER_TOO_LARGE);
		}
		return Parsed.of(value.intValue());
	}

	/**
	 * Checks a handle: at most 255 letters, digits, {@code -}, {@code _} and {@code .}.
	 * @param handle the trimmed handle, not empty
	 * @return the problem code, or {@code null} if the handle is fine
	 */
	static String handleProblem(String handle) {
		if (handle.length() > MAX_HANDLE_LENGTH) {
			return CatalogProblemCodes.HANDLE_TOO_LONG;
		}
		return HANDLE.matcher(handle).matches() ? null : CatalogProblemCodes.HANDLE_INVALID;
	}

	/**
	 * Checks a given SKU: at most 64 characters, no whitespace, control or invisible
	 * format characters (such as zero-width spaces).
	 * @param sku the trimmed SKU, not empty
	 * @return the problem code, or {@code null} if the SKU is fine
	 */
	static String skuProblem(String sku) {
		if (sku.length() > SkuRules.MAX_LENGTH) {
			return CatalogProblemCodes.SKU_TOO_LONG;
		}
		boolean bad = sku.codePoints()
			.anyMatch((c) -> Character.isWhitespace(c) || Character.isSpaceChar(c) || Character.isISOControl(c)
					|| Character.getType(c) == Character.FORMAT);
		return bad ? CatalogProblemCodes.SKU_INVALID : null;
	}

	/**
	 * Returns whether a value is an absolute {@code http} or {@code https} URL with a
	 * host.
	 * @param url the trimmed URL
	 * @return whether the URL is acceptable
	 */
	static boolean isWebUrl(String url) {
		String lower = url.toLowerCase(Locale.ROOT);
		if (!lower.startsWith("http://") && !lower.startsWith("https://")) {
			return false;
		}
		try {
			URI uri = new URI(url);
			return uri.getHost() != null && !uri.getHost().isEmpty();
		}
		catch (URISyntaxException ex) {
			return false;
		}
	}

	/**
	 * Returns whether a barcode looks like a number a spreadsheet wrote in scientific
	 * notation ({@code 6.9E+12}), which has lost its digits.
	 * @param barcode the trimmed barcode
	 * @return whether the barcode was mangled
	 */
	static boolean isScientific(String barcode) {
		return SCIENTIFIC.matcher(barcode).matches();
	}

	/**
	 * Splits tags at {@code ,} and {@code ，}, trims them and drops empty and duplicate
	 * ones.
	 * @param raw the cell value
	 * @return the tags in order
	 */
	static List<String> tags(String raw) {
		Set<String> tags = new LinkedHashSet<>();
		for (String tag : TAG_SEPARATOR.split(raw)) {
			String trimmed = tag.strip();
			if (!trimmed.isEmpty()) {
				tags.add(trimmed);
			}
		}
		return new ArrayList<>(tags);
	}

	/**
	 * Normalises a category path: levels separated by {@code >} or {@code ＞} are trimmed
	 * and joined with {@code " > "}.
	 * @param raw the cell value
	 * @return the path, or {@code null} if empty
	 */
	static String categoryPath(String raw) {
		List<String> levels = new ArrayList<>();
		for (String level : CATEGORY_SEPARATOR.split(raw)) {
			String trimmed = level.strip();
			if (!trimmed.isEmpty()) {
				levels.add(trimmed);
			}
		}
		return levels.isEmpty() ? null : String.join(" > ", levels);
	}

	/**
	 * Parses a status: {@code draft}, {@code active}, {@code archived} (any case) or
	 * {@code 草稿}, {@code 在售}, {@code 已归档}; Shopify's {@code unlisted} (active but hidden
	 * from search and collections) is active.
	 * @param raw the trimmed cell value, not empty
	 * @return the status, or {@code null} if unknown
	 */
	static ProductStatus status(String raw) {
		return switch (raw.toLowerCase(Locale.ROOT)) {
			case "draft", "草稿" -> ProductStatus.DRAFT;
			case "active", "在售", "unlisted" -> ProductStatus.ACTIVE;
			case "archived", "已归档" -> ProductStatus.ARCHIVED;
			default -> null;
		};
	}

	/**
	 * Normalises a handle the way Shopify does when it imports one: lower case; quotes,
	 * apostrophes and brackets removed; every run of other characters that are not
	 * letters (of any script, Chinese and Arabic included), digits, combining marks or
	 * {@code _} becomes one {@code -}; leading and trailing dashes dropped. A handle
	 * Shopify exported is returned unchanged.
	 * @param raw the handle as written in the file
	 * @return the handle, {@code ""} if nothing is left
	 */
	static String shopifyHandle(String raw) {
		String lower = raw.toLowerCase(Locale.ROOT);
		StringBuilder handle = new StringBuilder(lower.length());
		boolean dash = false;
		for (int i = 0; i < lower.length();) {
			int c = lower.codePointAt(i);
			i += Character.charCount(c);
			if (HANDLE_DROPPED.indexOf(c) >= 0) {
				continue;
			}
			int type = Character.getType(c);
			if (Character.isLetterOrDigit(c) || c == '_' || type == Character.NON_SPACING_MARK
					|| type == Character.COMBINING_SPACING_MARK) {
				if (dash && handle.length() > 0) {
					handle.append('-');
				}
				dash = false;
				handle.appendCodePoint(c);
			}
			else {
				dash = true;
			}
		}
		return handle.toString();
	}

	static String emptyToNull(String value) {
		return value.isEmpty() ? null : value;
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

	/**
	 * A parsed value or the code of the problem that prevented parsing.
	 *
	 * @param <T> the value type
	 * @param value the value, or {@code null} if there is a problem
	 * @param problem the problem code, or {@code null}
	 */
	record Parsed<T>(T value, String problem) {

		static <T> Parsed<T> of(T value) {
			return new Parsed<>(value, null);
		}

		static <T> Parsed<T> problem(String code) {
			return new Parsed<>(null, code);
		}

	}

}
