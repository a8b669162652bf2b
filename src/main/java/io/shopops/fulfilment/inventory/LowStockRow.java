package io.shopops.fulfilment.inventory;

import java.math.BigDecimal;

/**
 * A SKU whose available units over every warehouse are at or below its safety stock.
 *
 * @param sku the SKU
 * @param productId the product's id
 * @param title the product's title
 * @param safetyStock the safety stock
 * @param onHand the units on hand over every warehouse
 * @param reserved the units reserved over every warehouse
 * @param sold the units sold (shipped) in the last {@value StockCover#SALES_DAYS} days
 */
record LowStockRow(String sku, long productId, String title, int safetyStock, long onHand, long reserved, long sold) {

	public long available() {
		return this.onHand - this.reserved;
	}

	public BigDecimal dailySales() {
		return StockCover.dailySales(this.sold);
	}

	/**
	 * The days of cover, {@code null} without sales (shown as "—").
	 */
	public Integer daysOfCover() {
		return StockCover.daysOfCover(available(), this.sold);
	}

}
