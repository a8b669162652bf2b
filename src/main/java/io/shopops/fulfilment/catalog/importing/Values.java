package io.shopops.fulfilment.catalog.importing;

import io.shopops.fulfilment.catalog.ProductStatus;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checking of the catalog's own cell values (handles, SKUs, tags, categories, statuses);
 * money and numbers are parsed by the platform's {@link io.shopops.platform.csv.Cells}.
 */
final class Values {

	static final int MAX_HANDLE_LENGTH = 255;

	static final int MAX_TITLE_LENGTH = 255;

	private static final Pattern HANDLE = Pattern.compile("[\\p{L}\\p{M}\\p{N}_.\\-]+");

	private static final Pattern SCIENTIFIC = Pattern.compile("\\d+(\\.\\d+)?[eE]\\+?\\d+");

	private static final Pattern TAG_SEPARATOR = Pattern.compile("[,，]");

	private static final Pattern CATEGORY_SEPARATOR = Pattern.compile("[>＞]");

	private static final String HANDLE_DROPPED = "'\"()[]‘’“”";

	private Values() {
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

}
