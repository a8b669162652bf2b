package io.shopops.growth.crm;

import io.shopops.fulfilment.aftersales.api.RefundCompleted;
import io.shopops.fulfilment.order.OrderSnapshot;

/**
 * Lets other parts of growth (points, coupons, segments, repurchase and LTV) keep their
 * own rows per customer in step with CRM: {@link CustomerBook} tells every bean of this
 * type of each order and refund it records for a customer and of each merge, inside that
 * recording's or merge's transaction, so that they always know the customer and a failure
 * rolls back both. Events are re-delivered: every method must be idempotent. Each method
 * does nothing unless overridden; hooks are called in {@code @Order} order.
 */
public interface CustomerHook {

	/**
	 * An order of a customer was recorded (any status; again for a re-delivered event).
	 * @param customerId the customer the order belongs to now (never a merged one)
	 * @param order the order as the event had it
	 */
	default void orderRecorded(long customerId, OrderSnapshot order) {
	}

	/**
	 * A refund of a customer's order was recorded, the first time it was seen.
	 * @param customerId the customer the order belongs to
	 * @param refund the event
	 */
	default void refundRecorded(long customerId, RefundCompleted refund) {
	}

	/**
	 * Two customers were merged: move the duplicate's rows to the survivor. Called after
	 * the duplicate's identities, orders, addresses and tags moved and before either
	 * customer's totals are recomputed.
	 * @param survivorId the customer kept
	 * @param duplicateId the customer merged away
	 */
	default void merged(long survivorId, long duplicateId) {
	}

}
