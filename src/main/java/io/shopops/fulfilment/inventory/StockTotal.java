package io.shopops.fulfilment.inventory;

/**
 * The stock of one SKU over every warehouse.
 *
 * @param sku the SKU
 * @param onHand the units in the warehouses
 * @param reserved the units claimed by orders and not yet shipped
 */
public record StockTotal(String sku, long onHand, long reserved) {

	/**
	 * The units that can still be sold: on hand less reserved.
	 * @return the available units
	 */
	public long available() {
		return this.onHand - this.reserved;
	}

}
