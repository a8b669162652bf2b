package io.shopops.fulfilment.order;

import java.time.Instant;
import java.util.List;

/**
 * The domain events of orders, published through Spring Modulith's event publication
 * registry in the transaction that made the change: a listener in another module that
 * fails is retried, none is lost. Each carries the order as it was right after the change
 * and the time the change happened (the channel's time where it reports one). A history
 * order (already shipped, completed or closed) placed on its own publishes
 * {@link OrderPlaced} and then one event per status it reached, with the times it
 * carries; history orders recorded in bulk (the order import) publish one
 * {@link HistoryRecorded} per batch instead.
 */
public final class OrderEvents {

	private OrderEvents() {
	}

	/**
	 * An order was accepted (in any status).
	 *
	 * @param order the order
	 * @param at when it was placed
	 */
	public record OrderPlaced(OrderSnapshot order, Instant at) {

		/**
		 * Whether the order arrived paid (a live order placed paid, or history with a
		 * payment time): then the same transaction also publishes {@link OrderPaid} with
		 * this very snapshot, so a listener that records an order as it is now can leave
		 * this event to that one, e.g. with
		 * {@code @ApplicationModuleListener(condition = "!#event.arrivedPaid()")}, which
		 * stores no event publication for it at all.
		 * @return whether an {@link OrderPaid} of the same snapshot follows
		 */
		public boolean arrivedPaid() {
			return this.order.status() == OrderStatus.PAID
					|| (this.order.history() && this.order.times() != null && this.order.times().paidAt() != null);
		}

	}

	/**
	 * An order was paid and its stock reserved (or, for history, recorded as paid).
	 *
	 * @param order the order
	 * @param at when it was paid
	 */
	public record OrderPaid(OrderSnapshot order, Instant at) {
	}

	/**
	 * Goods of an order left the warehouse.
	 *
	 * @param order the order
	 * @param at when they were shipped
	 * @param carrier the carrier, may be {@code null}
	 * @param trackingNumber the tracking number, may be {@code null}
	 * @param lines the lines and quantities of this shipment
	 */
	public record OrderShipped(OrderSnapshot order, Instant at, String carrier, String trackingNumber,
			List<ShippedLine> lines) {
	}

	/**
	 * Units of one order line in a shipment.
	 *
	 * @param lineId the order line's id
	 * @param sku the SKU
	 * @param quantity the units shipped
	 */
	public record ShippedLine(long lineId, String sku, int quantity) {
	}

	/**
	 * An order reached its buyer.
	 *
	 * @param order the order
	 * @param at when it was delivered
	 */
	public record OrderDelivered(OrderSnapshot order, Instant at) {
	}

	/**
	 * An order was completed: the buyer confirmed or the channel closed the sale.
	 *
	 * @param order the order
	 * @param at when it was completed
	 */
	public record OrderCompleted(OrderSnapshot order, Instant at) {
	}

	/**
	 * An order was cancelled before it shipped; its reservation was released.
	 *
	 * @param order the order
	 * @param at when it was cancelled
	 * @param reason why, may be {@code null}
	 */
	public record OrderCancelled(OrderSnapshot order, Instant at, String reason) {
	}

	/**
	 * An order was closed (e.g. by the marketplace after a refund).
	 *
	 * @param order the order
	 * @param at when it was closed
	 * @param reason why, may be {@code null}
	 */
	public record OrderClosed(OrderSnapshot order, Instant at, String reason) {
	}

	/**
	 * History orders (arriving shipped, delivered, completed, cancelled or closed) were
	 * recorded in bulk, by the order import: one event per batch of up to a few thousand
	 * orders instead of {@link OrderPlaced} and one event per status reached for each of
	 * them. Every snapshot is the order as it was recorded, in its final status with all
	 * its times, which is what each of those per-order events would have carried, so a
	 * listener that records an order "as it is now" records each snapshot once and gets
	 * the same result. Published in the transaction that wrote the orders.
	 *
	 * @param orders the orders recorded, never empty, each once
	 * @param at when they were recorded
	 */
	public record HistoryRecorded(List<OrderSnapshot> orders, Instant at) {
	}

}
