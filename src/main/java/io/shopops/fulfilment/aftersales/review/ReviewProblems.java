package io.shopops.fulfilment.aftersales.review;

import java.util.List;

/**
 * The message keys of the review import's own problems and warnings; the generic ones are
 * in {@link io.shopops.platform.csv.CsvProblems}.
 */
final class ReviewProblems {

	/** The header matches no review layout; {0} = the columns found. */
	static final String HEADER_UNKNOWN = "reviews.import.refused.header";

	/** No channel was chosen. */
	static final String CHANNEL_MISSING = "reviews.import.refused.noChannel";

	/** The channel is unknown or inactive; {0} = the code. */
	static final String CHANNEL_UNKNOWN = "reviews.import.refused.channel";

	/** Not a rating from 1 to 5 or a rating word (好评/中评/差评). */
	static final String RATING_INVALID = "reviews.import.problem.rating";

	/** The row names no product: no SKU, handle or product name. */
	static final String NO_PRODUCT = "reviews.import.problem.noProduct";

	/** The same review is already in an earlier row; {0} = that row. */
	static final String DUPLICATE = "reviews.import.problem.duplicate";

	/** Warning: no product of the catalog has this SKU, handle or title; {0} = value. */
	static final String WARNING_PRODUCT_UNKNOWN = "reviews.import.warning.productUnknown";

	/** Warning: the channel has no order of this number; {0} = number. */
	static final String WARNING_ORDER_UNKNOWN = "reviews.import.warning.orderUnknown";

	/** Warning: the text was cut to the column's length; {0} = the length. */
	static final String WARNING_TRUNCATED = "reviews.import.warning.truncated";

	/**
	 * Warning: a reply (WooCommerce) whose review is not in the file or the shop; {0}.
	 */
	static final String WARNING_REPLY_ORPHAN = "reviews.import.warning.replyOrphan";

	/** Every key, for the messages test. */
	static final List<String> ALL = List.of(HEADER_UNKNOWN, CHANNEL_MISSING, CHANNEL_UNKNOWN, RATING_INVALID,
			NO_PRODUCT, DUPLICATE, WARNING_PRODUCT_UNKNOWN, WARNING_ORDER_UNKNOWN, WARNING_TRUNCATED,
			WARNING_REPLY_ORPHAN);

	private ReviewProblems() {
	}

}
