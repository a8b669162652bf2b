package io.shopops.fulfilment.catalog;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * One row of the product list.
 */
record ProductListItem(long id, String handle, String title, ProductStatus status, String category, String brand,
		BigDecimal minPrice, BigDecimal maxPrice, int variantCount, List<String> tags, Instant updatedAt,
		String sortValue) {

	public boolean hasPriceRange() {
		return this.minPrice.compareTo(this.maxPrice) != 0;
	}

}
