package io.shopops.fulfilment.order.importing;

import java.util.List;

/**
 * The message keys of the order import's own problems and warnings; the generic ones are
 * in {@link io.shopops.platform.csv.CsvProblems}.
 */
final class OrderProblems {

	/** The header matches no order layout; {0} = the columns found. */
	static final String HEADER_UNKNOWN = "order.import.refused.header";

	/** A Shopify export without line items; nothing to import. */
	static final String SHOPIFY_NO_LINES = "order.import.refused.shopifyNoLines";

	/** A 淘宝 order report without its item report, or the reverse. */
	static final String TAOBAO_PAIR = "order.import.refused.taobaoPair";

	/** Two files that are not a 淘宝 order report and item report. */
	static final String FILES_NOT_A_PAIR = "order.import.refused.notAPair";

	/** No channel was chosen. */
	static final String CHANNEL_MISSING = "order.import.refused.noChannel";

	/** The channel is unknown or inactive; {0} = the code. */
	static final String CHANNEL_UNKNOWN = "order.import.refused.channel";

	/** The status is not one this layout knows; {0} = the value. */
	static final String STATUS_UNKNOWN = "order.import.problem.status";

	/** Not an ISO 4217 currency code; {0} = the value. */
	static final String CURRENCY_INVALID = "order.import.problem.currency";

	/** The order has no line. */
	static final String NO_LINES = "order.import.problem.noLines";

	/** The quantity is 0. */
	static final String QUANTITY_ZERO = "order.import.problem.quantityZero";

	/** A line's discount is more than the line is worth. */
	static final String DISCOUNT_TOO_LARGE = "order.import.problem.discountTooLarge";

	/** An item of the 宝贝报表 names an order that is not in the 订单报表; {0} = number. */
	static final String ITEM_WITHOUT_ORDER = "order.import.problem.itemWithoutOrder";

	/** An order still to ship has a line whose SKU is not in the catalog; {0} = SKU. */
	static final String SKU_UNKNOWN = "order.import.problem.skuUnknown";

	/** The order was refused when placed (e.g. stock short); {0} = SKU. */
	static final String STOCK_SHORT = "order.import.problem.stockShort";

	/** Warning: a history line's SKU is unknown; kept with its title and price. */
	static final String WARNING_SKU_UNKNOWN = "order.import.warning.skuUnknown";

	/** Warning: the order's currency is not the shop's; {0} = currency, {1} = shop's. */
	static final String WARNING_CURRENCY = "order.import.warning.currency";

	/** Warning: Shopify "partial" fulfilment imported as shipped. */
	static final String WARNING_PARTIAL = "order.import.warning.partial";

	/** Warning: the text was cut to the column's length; {0} = the length. */
	static final String WARNING_TRUNCATED = "order.import.warning.truncated";

	/** Warning: the order exists in a status the file cannot move it to; {0}, {1}. */
	static final String WARNING_STATUS_KEPT = "order.import.warning.statusKept";

	/** A refund above what the buyer paid for the order: only what was paid is taken. */
	static final String WARNING_REFUND_ABOVE_PAID = "afterSales.import.warning.abovePaid";

	/** Part of a channel's refund found nothing left to refund on the order's lines. */
	static final String WARNING_REFUND_CAPPED = "afterSales.import.warning.capped";

	/** A refund on an order that was never paid: nothing is recorded. */
	static final String WARNING_REFUND_NOT_PAID = "afterSales.import.warning.notPaid";

	/** Every key, for the messages test. */
	static final List<String> ALL = List.of(HEADER_UNKNOWN, SHOPIFY_NO_LINES, TAOBAO_PAIR, FILES_NOT_A_PAIR,
			CHANNEL_MISSING, CHANNEL_UNKNOWN, STATUS_UNKNOWN, CURRENCY_INVALID, NO_LINES, QUANTITY_ZERO,
			DISCOUNT_TOO_LARGE, ITEM_WITHOUT_ORDER, SKU_UNKNOWN, STOCK_SHORT, WARNING_SKU_UNKNOWN, WARNING_CURRENCY,
			WARNING_PARTIAL, WARNING_TRUNCATED, WARNING_STATUS_KEPT, WARNING_REFUND_ABOVE_PAID, WARNING_REFUND_CAPPED,
			WARNING_REFUND_NOT_PAID);

	private OrderProblems() {
	}

}
