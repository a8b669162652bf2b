package io.shopops.growth.traffic;

import java.math.BigDecimal;
import java.text.Normalizer;
import java.time.Instant;
import java.util.Locale;

/**
 * A keyword the shop wants to rank for on search engines.
 *
 * @param id the keyword's id
 * @param keyword the keyword as entered (trimmed, spaces collapsed)
 * @param targetUrl the page it should bring visitors to, may be {@code null}
 * @param targetSku the product (a SKU of the catalog) it should bring visitors to, may be
 * {@code null}
 * @param searchVolume monthly searches, may be {@code null}
 * @param notes free notes, may be {@code null}
 * @param createdBy who added it
 * @param createdAt when
 * @param updatedAt when it was last changed
 * @param ranks where it stands
 */
record SeoKeyword(long id, String keyword, String targetUrl, String targetSku, Long searchVolume, String notes,
		String createdBy, Instant createdAt, Instant updatedAt, SeoRankChange ranks) {

	static final int MAX_KEYWORD = 200;

	static final int MAX_NOTES = 2000;

	static final int MAX_SKU = 100;

	/**
	 * A keyword as stored: trimmed, runs of spaces as one, full-width letters and digits
	 * folded (NFKC).
	 */
	static String clean(String keyword) {
		if (keyword == null) {
			return "";
		}
		return Normalizer.normalize(keyword, Normalizer.Form.NFKC).strip().replaceAll("\\s+", " ");
	}

	/** The key a keyword is unique by: {@link #clean cleaned} and lower-cased. */
	static String key(String keyword) {
		return clean(keyword).toLowerCase(Locale.ROOT);
	}

	/** The key a target is unique by: empty, {@code url:…} or {@code sku:…}. */
	static String targetKey(String url, String sku) {
		if (url != null) {
			return "url:" + url;
		}
		return (sku != null) ? "sku:" + sku : "";
	}

	/** A rank as shown: without a decimal when it is whole. */
	static String shown(BigDecimal rank) {
		if (rank == null) {
			return "";
		}
		BigDecimal plain = rank.stripTrailingZeros();
		return (plain.scale() <= 0) ? plain.setScale(0).toPlainString() : plain.toPlainString();
	}

	/** The target as shown, empty when none. */
	public String target() {
		return (this.targetUrl != null) ? this.targetUrl : ((this.targetSku != null) ? this.targetSku : "");
	}

}
