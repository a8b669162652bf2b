package io.shopops.fulfilment.inventory;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a purchase order stands: draft → ordered → partially received → received, or
 * cancelled from draft or ordered. Lines change only in a draft; receiving needs an
 * ordered or partially received order.
 */
enum PurchaseOrderStatus {

	DRAFT, ORDERED, PARTIALLY_RECEIVED, RECEIVED, CANCELLED;

	/** The statuses whose outstanding units count as on order. */
	static final Set<PurchaseOrderStatus> OPEN = EnumSet.of(DRAFT, ORDERED, PARTIALLY_RECEIVED);

	/**
	 * Whether an order in this status may move to {@code next}.
	 */
	boolean canBecome(PurchaseOrderStatus next) {
		return switch (this) {
			case DRAFT -> next == ORDERED || next == CANCELLED;
			case ORDERED -> next == PARTIALLY_RECEIVED || next == RECEIVED || next == CANCELLED;
			case PARTIALLY_RECEIVED -> next == PARTIALLY_RECEIVED || next == RECEIVED;
			case RECEIVED, CANCELLED -> false;
		};
	}

	public boolean isEditable() {
		return this == DRAFT;
	}

	public boolean isReceivable() {
		return this == ORDERED || this == PARTIALLY_RECEIVED;
	}

	public boolean isCancellable() {
		return canBecome(CANCELLED);
	}

	/**
	 * The status after a receipt: received when nothing is outstanding any more.
	 */
	static PurchaseOrderStatus afterReceipt(long outstanding) {
		return (outstanding > 0) ? PARTIALLY_RECEIVED : RECEIVED;
	}

}
