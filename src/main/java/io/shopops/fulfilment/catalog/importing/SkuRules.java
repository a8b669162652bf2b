package io.shopops.fulfilment.catalog.importing;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.zip.CRC32;

/**
 * Derives SKUs for Shopify and WooCommerce variants that have none, and makes repeated
 * SKUs unique. The rules are deterministic, so importing the same file twice gives the
 * same SKUs:
 * <ol>
 * <li><b>Slug</b> of option values: each value is lower-cased; letters (including CJK)
 * and digits are kept; every run of other characters (whitespace, {@code /}, {@code _},
 * punctuation…) becomes one {@code -}; leading and trailing dashes are dropped. The slugs
 * of a variant's values are joined with {@code -}, for example
 * {@code ["14 Inches", "3B/3C"]} gives {@code 14-inches-3b-3c} and {@code 红色} stays
 * {@code 红色}.</li>
 * <li><b>Derived SKU</b> of a variant without SKU: the product handle, plus {@code -} and
 * the slug of its option values when the product has options
 * ({@code classic-varsity-top-small}); the handle alone otherwise.</li>
 * <li><b>Repeated SKU</b> within a product or across the products of a file (given or
 * derived, as in exports that repeat one SKU on every variant): the first variant keeps
 * it, each later one gets {@code <SKU>-<slug of its option values>}; if that is still
 * taken, or the variant has no option values, {@code -2}, {@code -3}… is appended.</li>
 * <li><b>Length cap</b>: a derived or disambiguated SKU longer than 64 characters is cut
 * to 55 characters (trailing dashes dropped) and gets {@code -} plus the 8 hex digits of
 * the CRC-32 of the full UTF-8 value. A SKU given in the file is never changed this way;
 * a given SKU longer than 64 characters is a problem.</li>
 * </ol>
 * "Taken" means used by an earlier variant of the file, checked with the 64-bit hashes
 * from {@link #hash64(String)}.
 */
final class SkuRules {

	static final int MAX_LENGTH = 64;

	private static final int CUT_LENGTH = 55;

	private SkuRules() {
	}

	static String slug(String value) {
		String lower = value.toLowerCase(Locale.ROOT);
		StringBuilder slug = new StringBuilder(lower.length());
		boolean dash = false;
		for (int i = 0; i < lower.length();) {
			int c = lower.codePointAt(i);
			i += Character.charCount(c);
			if (isKept(c)) {
				if (dash && slug.length() > 0) {
					slug.append('-');
				}
				dash = false;
				slug.appendCodePoint(c);
			}
			else {
				dash = true;
			}
		}
		return slug.toString();
	}

	static String slug(List<String> values) {
		StringBuilder slug = new StringBuilder();
		for (String value : values) {
			String part = slug(value);
			if (!part.isEmpty()) {
				if (slug.length() > 0) {
					slug.append('-');
				}
				slug.append(part);
			}
		}
		return slug.toString();
	}

	/**
	 * Derives the SKU of a variant without one.
	 * @param handle the product handle
	 * @param optionValues the variant's option values (empty without options)
	 * @return the derived SKU, at most 64 characters
	 */
	static String derive(String handle, List<String> optionValues) {
		String slug = slug(optionValues);
		return cap(slug.isEmpty() ? handle : handle + "-" + slug);
	}

	/**
	 * Makes a SKU that is already taken within the product unique.
	 * @param sku the taken SKU
	 * @param optionValues the variant's option values
	 * @param taken whether a SKU is already taken within the product
	 * @return a SKU that is not taken, at most 64 characters
	 */
	static String disambiguate(String sku, List<String> optionValues, Predicate<String> taken) {
		String slug = slug(optionValues);
		String base = slug.isEmpty() ? sku : sku + "-" + slug;
		String candidate = cap(base);
		for (int n = 2; taken.test(candidate); n++) {
			candidate = cap(base + "-" + n);
		}
		return candidate;
	}

	static String cap(String sku) {
		if (sku.length() <= MAX_LENGTH) {
			return sku;
		}
		int end = CUT_LENGTH;
		if (Character.isHighSurrogate(sku.charAt(end - 1))) {
			end--;
		}
		String cut = sku.substring(0, end);
		while (cut.endsWith("-")) {
			cut = cut.substring(0, cut.length() - 1);
		}
		CRC32 crc = new CRC32();
		crc.update(sku.getBytes(StandardCharsets.UTF_8));
		return cut + "-" + String.format("%08x", crc.getValue());
	}

	/**
	 * Returns a well-mixed 64-bit hash of a SKU (FNV-1a over the UTF-16 code units,
	 * finished with the MurmurHash3 mixer). Two different SKUs of a million-row file
	 * share a hash with a probability of about 1 in 37 million.
	 * @param sku the SKU
	 * @return the hash
	 */
	static long hash64(String sku) {
		long hash = 0xcbf29ce484222325L;
		for (int i = 0; i < sku.length(); i++) {
			hash ^= sku.charAt(i);
			hash *= 0x100000001b3L;
		}
		hash ^= sku.length();
		hash ^= hash >>> 33;
		hash *= 0xff51afd7ed558ccdL;
		hash ^= hash >>> 33;
		hash *= 0xc4ceb9fe1a85ec53L;
		hash ^= hash >>> 33;
		return hash;
	}

	private static boolean isKept(int c) {
		if (Character.isLetterOrDigit(c)) {
			return true;
		}
		int type = Character.getType(c);
		return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK;
	}

}
