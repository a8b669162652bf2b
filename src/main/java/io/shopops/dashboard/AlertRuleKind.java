package io.shopops.dashboard;

/**
 * What an alert rule watches, and what its threshold means.
 */
enum AlertRuleKind {

	/**
	 * Yesterday's conversion is more than {@code threshold} percent below the average of
	 * the 7 days before.
	 */
	CONVERSION_DROP,

	/**
	 * Yesterday's refund rate is more than {@code threshold} percentage points above the
	 * average of the 7 days before.
	 */
	REFUND_SPIKE,

	/**
	 * A work queue (e.g. unshipped orders past their SLA) holds more than
	 * {@code threshold} items.
	 */
	SLA_BACKLOG,

	/** A promoted SKU has {@code threshold} or fewer units available. */
	PROMOTED_STOCK_OUT

}
