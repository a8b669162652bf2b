package io.shopops.fulfilment.inventory;

/**
 * A movement would take more than there is: more than is available for a reservation or a
 * reducing adjustment, more than is reserved for a release or shipment. Nothing was
 * changed.
 */
public class InsufficientStockException extends RuntimeException {

	private final String sku;

	private final String warehouse;

	InsufficientStockException(String sku, String warehouse) {
		super("Not enough stock of " + sku + " in " + warehouse);
		this.sku = sku;
		this.warehouse = warehouse;
	}

	public String getSku() {
		return this.sku;
	}

	public String getWarehouse() {
		return this.warehouse;
	}

}
