package io.shopops.fulfilment.inventory;

import org.springframework.util.Assert;

/**
 * What caused a movement, e.g. {@code order}/{@code 1001} or
 * {@code purchase_order}/{@code 7}.
 *
 * @param type the kind of document, at most 32 characters
 * @param id the document's id or number, at most 128 characters
 */
public record StockReference(String type, String id) {

	public StockReference {
		Assert.hasText(type, "type must not be empty");
		Assert.hasText(id, "id must not be empty");
		Assert.isTrue(type.length() <= 32, "type must be at most 32 characters");
		Assert.isTrue(id.length() <= 128, "id must be at most 128 characters");
	}

	public static StockReference order(String number) {
		return new StockReference("order", number);
	}

}
