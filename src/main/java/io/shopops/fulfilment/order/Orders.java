package io.shopops.fulfilment.order;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.shopops.fulfilment.inventory.InsufficientStockException;

/**
 * The orders of every channel: the one way to create orders and move them through their
 * statuses. Every change is one transaction that also writes the order's timeline, the
 * stock ledger (through inventory), the audit log and the domain event of
 * {@link OrderEvents}.
 */
public interface Orders {

	/**
	 * Accepts an order, idempotently: a draft whose channel and number are already known
	 * changes nothing and answers the existing order. A paid draft reserves all its lines
	 * in the order's warehouse at once, or none: when stock is short the order is refused
	 * with {@link InsufficientStockException}, or kept as
	 * {@link OrderStatus#AWAITING_STOCK} when the order settings hold short orders.
	 * @param draft the order, never {@code null}
	 * @return the order and whether it was created now
	 * @throws OrderInvalidException listing every problem of the draft
	 * @throws SalesChannelNotFoundException if the channel is unknown or inactive
	 * @throws InsufficientStockException if a paid order cannot be reserved and is not
	 * held
	 */
	Placement place(OrderDraft draft);

	/**
	 * Records the payment of a pending order and reserves its stock.
	 * @param orderId the order
	 * @param at when it was paid, {@code null} for now
	 * @return the order after the change
	 * @throws IllegalOrderTransitionException if the order is not pending payment
	 * @throws InsufficientStockException if stock is short and short orders are not held
	 */
	OrderSnapshot pay(long orderId, Instant at);

	/**
	 * Tries again to reserve the stock of an order awaiting stock; it becomes paid.
	 * @param orderId the order
	 * @return the order after the change
	 * @throws IllegalOrderTransitionException if the order is not awaiting stock
	 * @throws InsufficientStockException if stock is still short
	 */
	OrderSnapshot reserveAwaitingStock(long orderId);

	/**
	 * Ships goods of a paid order: the given lines and quantities, or everything not yet
	 * shipped when {@code lines} is empty. The order becomes partially shipped or
	 * shipped; the reservation turns into a shipment in the ledger.
	 * @param orderId the order
	 * @param shipment carrier, tracking number, time and lines
	 * @return the order after the change
	 * @throws IllegalOrderTransitionException if the order is not paid or partially
	 * shipped
	 * @throws OrderInvalidException if a quantity exceeds what is left to ship
	 */
	OrderSnapshot ship(long orderId, ShipmentRequest shipment);

	/**
	 * Sets the carrier and tracking number of an order's latest shipment, e.g. from a
	 * bulk tracking upload, without changing its status.
	 * @param orderId the order
	 * @param carrier the carrier
	 * @param trackingNumber the tracking number
	 * @return the order
	 * @throws IllegalOrderTransitionException if the order has not shipped
	 */
	OrderSnapshot track(long orderId, String carrier, String trackingNumber);

	/**
	 * Records that a shipped order reached its buyer.
	 * @param orderId the order
	 * @param at when, {@code null} for now
	 * @return the order after the change
	 */
	OrderSnapshot deliver(long orderId, Instant at);

	/**
	 * Completes a shipped or delivered order.
	 * @param orderId the order
	 * @param at when, {@code null} for now
	 * @return the order after the change
	 */
	OrderSnapshot complete(long orderId, Instant at);

	/**
	 * Cancels an order that has not shipped, releasing its reservation.
	 * @param orderId the order
	 * @param reason why, may be {@code null}
	 * @param at when, {@code null} for now
	 * @return the order after the change
	 */
	OrderSnapshot cancel(long orderId, String reason, Instant at);

	/**
	 * Closes an order, e.g. after the channel refunded it.
	 * @param orderId the order
	 * @param reason why, may be {@code null}
	 * @param at when, {@code null} for now
	 * @return the order after the change
	 */
	OrderSnapshot close(long orderId, String reason, Instant at);

	/**
	 * Moves an order to the given status with the matching operation above: the entry
	 * point of {@code POST /api/orders/{number}/status}.
	 * @param orderId the order
	 * @param target the status asked for
	 * @param change the time, carrier and tracking number that come with it
	 * @return the order after the change
	 * @throws IllegalOrderTransitionException if the order cannot move there
	 */
	OrderSnapshot moveTo(long orderId, OrderStatus target, StatusChange change);

	/**
	 * Finds an order.
	 * @param orderId the id
	 * @return the order, or empty
	 */
	Optional<OrderSnapshot> find(long orderId);

	/**
	 * Finds an order by its channel and number.
	 * @param channelCode the channel's code
	 * @param number the channel's order number
	 * @return the order, or empty
	 */
	Optional<OrderSnapshot> find(String channelCode, String number);

	/**
	 * The outcome of {@link #place(OrderDraft)}.
	 *
	 * @param order the order
	 * @param created {@code true} if it was created now, {@code false} if it existed
	 */
	record Placement(OrderSnapshot order, boolean created) {
	}

	/**
	 * A shipment to make.
	 *
	 * @param carrier the carrier, may be {@code null}
	 * @param trackingNumber the tracking number, may be {@code null}
	 * @param at when it shipped, {@code null} for now
	 * @param lines the order lines and quantities; empty ships everything left
	 */
	record ShipmentRequest(String carrier, String trackingNumber, Instant at, List<LineQuantity> lines) {
	}

	/**
	 * Units of one order line.
	 *
	 * @param lineId the order line's id
	 * @param quantity the units, at least 1
	 */
	record LineQuantity(long lineId, int quantity) {
	}

	/**
	 * What comes with a change of status.
	 *
	 * @param at when, {@code null} for now
	 * @param carrier the carrier of a shipment, may be {@code null}
	 * @param trackingNumber the tracking number of a shipment, may be {@code null}
	 * @param reason why (cancel, close), may be {@code null}
	 */
	record StatusChange(Instant at, String carrier, String trackingNumber, String reason) {
	}

}
