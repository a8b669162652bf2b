package io.shopops.fulfilment.order;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * Where an order is in its life. The normal path is pending payment → paid → shipped
 * (through partially shipped when it ships in parts) → delivered → completed. An order is
 * cancelled before it ships and closed after (e.g. a marketplace closes a refunded
 * order). {@link #AWAITING_STOCK} is a paid order that could not be fully reserved and is
 * held, when the shop's order settings say so, instead of being refused.
 */
public enum OrderStatus {

	PENDING_PAYMENT, AWAITING_STOCK, PAID, PARTIALLY_SHIPPED, SHIPPED, DELIVERED, COMPLETED, CANCELLED, CLOSED;

	/**
	 * Whether an order in this status may move to {@code target}.
	 * @param target the status asked for
	 * @return {@code true} if the transition is allowed
	 */
	public boolean canMoveTo(OrderStatus target) {
		return next().contains(target);
	}

	/**
	 * The statuses an order in this status may move to.
	 * @return the allowed targets, empty for a final status
	 */
	public Set<OrderStatus> next() {
		return switch (this) {
			case PENDING_PAYMENT -> EnumSet.of(PAID, AWAITING_STOCK, CANCELLED, CLOSED);
			case AWAITING_STOCK -> EnumSet.of(PAID, CANCELLED);
			case PAID -> EnumSet.of(PARTIALLY_SHIPPED, SHIPPED, CANCELLED);
			case PARTIALLY_SHIPPED -> EnumSet.of(PARTIALLY_SHIPPED, SHIPPED, CLOSED);
			case SHIPPED -> EnumSet.of(DELIVERED, COMPLETED, CLOSED);
			case DELIVERED -> EnumSet.of(COMPLETED, CLOSED);
			case COMPLETED -> EnumSet.of(CLOSED);
			case CANCELLED, CLOSED -> EnumSet.noneOf(OrderStatus.class);
		};
	}

	/**
	 * Whether the order still holds (or waits for) stock: paid and not yet fully shipped.
	 * @return {@code true} for {@link #PAID}, {@link #AWAITING_STOCK} and
	 * {@link #PARTIALLY_SHIPPED}
	 */
	public boolean toShip() {
		return this == PAID || this == AWAITING_STOCK || this == PARTIALLY_SHIPPED;
	}

	/**
	 * The status as written in the JSON API, e.g. {@code pending_payment}.
	 * @return the lower-case name
	 */
	public String apiName() {
		return name().toLowerCase(Locale.ROOT);
	}

	/**
	 * Reads a status as written in the JSON API.
	 * @param value e.g. {@code paid}
	 * @return the status
	 * @throws IllegalArgumentException if the value names no status
	 */
	public static OrderStatus fromApiName(String value) {
		return valueOf(value.strip().toUpperCase(Locale.ROOT));
	}

}
