package io.shopops.fulfilment.inventory;

import org.springframework.util.Assert;

/**
 * A quantity of one SKU in one warehouse, e.g. one order line to reserve.
 *
 * @param sku the SKU
 * @param warehouse the warehouse code
 * @param quantity the units, at least 1
 */
public record StockRequest(String sku, String warehouse, int quantity) {

	public StockRequest {
		Assert.hasText(sku, "sku must not be empty");
		Assert.hasText(warehouse, "warehouse must not be empty");
		Assert.isTrue(quantity > 0, "quantity must be positive");
	}

}
