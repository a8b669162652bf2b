package io.shopops.fulfilment.aftersales.review;

/**
 * The filters of the review list; {@code null} means any.
 *
 * @param rating the stars, 1 to 5
 * @param product a product's title, SKU or handle, or a part of it
 * @param channel a sales channel's code
 * @param replied whether the shop replied
 * @param bad {@link Bad#ALL} for every bad review (at most 2 stars), {@link Bad#OPEN} for
 * those without a reply or ticket
 * @param hidden {@code false} (the default) for visible reviews only, {@code true} for
 * hidden ones only, {@code null} for both
 */
record ReviewFilter(Integer rating, String product, String channel, Boolean replied, Bad bad, Boolean hidden) {

	static final ReviewFilter NONE = new ReviewFilter(null, null, null, null, null, false);

	public boolean isFiltered() {
		return !equals(NONE);
	}

	public String repliedParam() {
		return (this.replied == null) ? null : this.replied ? "yes" : "no";
	}

	public String badParam() {
		return (this.bad == null) ? null : this.bad.name().toLowerCase(java.util.Locale.ROOT);
	}

	public String hiddenParam() {
		return (this.hidden == null) ? "all" : this.hidden ? "yes" : null;
	}

	/**
	 * Which bad reviews.
	 */
	enum Bad {

		ALL, OPEN

	}

}
