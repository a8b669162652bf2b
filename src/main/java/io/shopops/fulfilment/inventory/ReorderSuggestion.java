package io.shopops.fulfilment.inventory;

import java.math.BigDecimal;

/**
 * A SKU to reorder: at or below its safety stock, or with fewer days of cover than its
 * supplier's lead time plus {@value StockCover#BUFFER_DAYS} days.
 *
 * @param variantId the SKU's variant id
 * @param sku the SKU
 * @param title the product's title
 * @param safetyStock the safety stock, or {@code null}
 * @param supplierId the usual supplier, or {@code null}
 * @param supplierName the usual supplier's name, or {@code null}
 * @param leadTimeDays the usual supplier's lead time, 0 without one
 * @param available the available units over every warehouse
 * @param sold the units shipped in the last {@value StockCover#SALES_DAYS} days
 * @param onOrder the units outstanding on draft and open purchase orders
 * @param unitCost the unit cost of its latest purchase order line, else the SKU's cost,
 * else 0
 */
record ReorderSuggestion(long variantId, String sku, String title, Integer safetyStock, Long supplierId,
		String supplierName, int leadTimeDays, long available, long sold, long onOrder, BigDecimal unitCost) {

	public BigDecimal dailySales() {
		return StockCover.dailySales(this.sold);
	}

	public Integer daysOfCover() {
		return StockCover.daysOfCover(this.available, this.sold);
	}

	public int suggestedQuantity() {
		return StockCover.suggestedQuantity(this.available, this.safetyStock, this.sold, this.leadTimeDays,
				this.onOrder);
	}

}
