package io.shopops.fulfilment.inventory;

/**
 * Why stock moved: the kinds of rows in the movement ledger.
 */
public enum MovementKind {

	/** Goods arrived, e.g. from a purchase order: on hand goes up. */
	RECEIPT,

	/** An order claimed stock: reserved goes up, available down. */
	RESERVATION,

	/** A claim was given back, e.g. a cancelled order: reserved goes down. */
	RELEASE,

	/** Reserved goods left the warehouse: on hand and reserved both go down. */
	SHIPMENT,

	/** Returned goods came back into stock: on hand goes up. */
	RETURN,

	/** A manual correction with a reason. */
	ADJUSTMENT,

	/** A correction to a counted quantity. */
	STOCK_TAKE,

	/** The opening balance of a new stock row. */
	INITIAL,

	/**
	 * Returned goods that cannot be sold again left the stock: on hand goes down, after
	 * their {@link #RETURN}.
	 */
	WRITE_OFF,

	/**
	 * Goods sent out as a free sample, e.g. to a creator: on hand goes down by units that
	 * were available, with a reference to the sample record.
	 */
	SAMPLE

}
