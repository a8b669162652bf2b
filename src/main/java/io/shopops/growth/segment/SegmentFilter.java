package io.shopops.growth.segment;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Which customers a segment holds: every criterion that is not {@code null} (or empty)
 * narrows, all of them together. Tags match customers with any of them; scores are
 * inclusive ranges 1..5; last order after is inclusive, before exclusive (shop days);
 * spend is the net spend, inclusive; the SKU is one bought on a paid, not cancelled
 * order.
 *
 * @param tier a tier's code
 * @param tags tags, any of which
 * @param rfmGroup an RFM group
 * @param rMin lowest recency score
 * @param rMax highest recency score
 * @param fMin lowest frequency score
 * @param fMax highest frequency score
 * @param mMin lowest monetary score
 * @param mMax highest monetary score
 * @param lastOrderAfter last order on or after this day
 * @param lastOrderBefore last order before this day
 * @param spendMin least net spend
 * @param spendMax most net spend
 * @param firstChannel the channel of the first order
 * @param sku a SKU bought
 */
public record SegmentFilter(String tier, List<String> tags, RfmGroup rfmGroup, Integer rMin, Integer rMax, Integer fMin,
		Integer fMax, Integer mMin, Integer mMax, LocalDate lastOrderAfter, LocalDate lastOrderBefore,
		BigDecimal spendMin, BigDecimal spendMax, String firstChannel, String sku) {

	/** No narrowing at all: every customer. */
	public static final SegmentFilter ALL = new SegmentFilter(null, List.of(), null, null, null, null, null, null, null,
			null, null, null, null, null, null);

	public SegmentFilter {
		tags = (tags != null) ? List.copyOf(tags) : List.of();
		spendMin = (spendMin != null) ? spendMin.setScale(2, RoundingMode.HALF_UP) : null;
		spendMax = (spendMax != null) ? spendMax.setScale(2, RoundingMode.HALF_UP) : null;
	}

	/**
	 * Whether any RFM criterion is set, so that only scored customers can match.
	 * @return whether the filter reads the RFM scores
	 */
	public boolean usesRfm() {
		return this.rfmGroup != null || this.rMin != null || this.rMax != null || this.fMin != null || this.fMax != null
				|| this.mMin != null || this.mMax != null;
	}

	/**
	 * Whether nothing narrows.
	 * @return whether this matches every customer
	 */
	public boolean isEmpty() {
		return equals(ALL);
	}

	/**
	 * A short, language-neutral description for the audit log.
	 * @return e.g. {@code tier=GOLD; rfm=IMPORTANT_VALUE; spend 100–}
	 */
	String describe() {
		List<String> parts = new ArrayList<>();
		if (this.tier != null) {
			parts.add("tier=" + this.tier);
		}
		if (!this.tags.isEmpty()) {
			parts.add("tags=" + String.join(",", this.tags));
		}
		if (this.rfmGroup != null) {
			parts.add("rfm=" + this.rfmGroup.name());
		}
		range(parts, "R", this.rMin, this.rMax);
		range(parts, "F", this.fMin, this.fMax);
		range(parts, "M", this.mMin, this.mMax);
		range(parts, "last order", this.lastOrderAfter, this.lastOrderBefore);
		range(parts, "spend", this.spendMin, this.spendMax);
		if (this.firstChannel != null) {
			parts.add("first channel=" + this.firstChannel);
		}
		if (this.sku != null) {
			parts.add("sku=" + this.sku);
		}
		return parts.isEmpty() ? "all customers" : String.join("; ", parts);
	}

	private static void range(List<String> parts, String label, Object min, Object max) {
		if (min != null || max != null) {
			parts.add(label + " " + ((min != null) ? min : "") + "–" + ((max != null) ? max : ""));
		}
	}

}
