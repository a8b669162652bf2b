package io.shopops.growth.crm;

import java.util.List;

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
	 * A batch of orders (imported history) was recorded, in this order, none of which CRM
	 * had seen before. Must leave what {@link #orderRecorded} for each in turn leaves; by
	 * default it calls exactly that. Each hook gets the whole batch in turn, in
	 * {@code @Order} order.
	 * @param orders the orders with their customers, each order once
	 */
	default void ordersRecorded(List<RecordedOrder> orders) {
		for (RecordedOrder recorded : orders) {
			orderRecorded(recorded.customerId(), recorded.order());
		}
	}

	/**
	 * An order of a batch and the customer it belongs to.
	 *
	 * @param customerId the customer (never a merged one)
	 * @param order the order as the event had it
	 */
	record RecordedOrder(long customerId, OrderSnapshot order) {
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
