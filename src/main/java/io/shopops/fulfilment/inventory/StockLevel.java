package io.shopops.fulfilment.inventory;

/**
 * The stock of one SKU in one warehouse after a movement.
 *
 * @param sku the SKU
 * @param warehouse the warehouse code
 * @param onHand the units in the warehouse
 * @param reserved the units claimed by orders and not yet shipped
 */
public record StockLevel(String sku, String warehouse, int onHand, int reserved) {

	public int available() {
		return this.onHand - this.reserved;
	}

}
