package io.shopops.fulfilment.inventory;

import java.util.List;

/**
 * A purchase order refused a change: an illegal status transition, lines changed outside
 * a draft, a receipt above what is outstanding. Nothing was changed. The message key and
 * its arguments explain why in the user's language.
 */
class PurchaseOrderException extends RuntimeException {

	private final String messageKey;

	private final List<Object> args;

	PurchaseOrderException(String messageKey, Object... args) {
		super(messageKey);
		this.messageKey = messageKey;
		this.args = List.of(args);
	}

	/**
	 * A transition to {@code to} that the status machine does not allow from the order's
	 * status; the message says which statuses may move there.
	 */
	static PurchaseOrderException illegalTransition(PurchaseOrderStatus to) {
		return new PurchaseOrderException("purchaseOrder.transition.illegal." + to.name());
	}

	String messageKey() {
		return this.messageKey;
	}

	Object[] args() {
		return this.args.toArray();
	}

}
