package io.shopops.fulfilment.order;

/**
 * An order was asked to move to a status it cannot reach from where it is. Nothing was
 * changed.
 */
public class IllegalOrderTransitionException extends RuntimeException {

	private final String number;

	private final OrderStatus from;

	private final OrderStatus to;

	public IllegalOrderTransitionException(String number, OrderStatus from, OrderStatus to) {
		super("Order " + number + " cannot move from " + from + " to " + to);
		this.number = number;
		this.from = from;
		this.to = to;
	}

	public String getNumber() {
		return this.number;
	}

	public OrderStatus getFrom() {
		return this.from;
	}

	public OrderStatus getTo() {
		return this.to;
	}

}
