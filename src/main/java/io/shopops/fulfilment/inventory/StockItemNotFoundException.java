package io.shopops.fulfilment.inventory;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * No stock row for this SKU and warehouse (unknown SKU or warehouse).
 */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class StockItemNotFoundException extends RuntimeException {

	private final String sku;

	StockItemNotFoundException(String sku, String warehouse) {
		super("No stock of " + sku + " in " + warehouse);
		this.sku = sku;
	}

	public String getSku() {
		return this.sku;
	}

}
