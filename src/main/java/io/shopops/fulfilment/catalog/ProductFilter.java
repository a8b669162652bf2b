package io.shopops.fulfilment.catalog;

import java.math.BigDecimal;

import org.springframework.util.StringUtils;

/**
 * The product list's search, filters and sort order, as bound from the query string.
 */
record ProductFilter(String q, ProductStatus status, Long category, Long brand, String tag, BigDecimal minPrice,
		BigDecimal maxPrice, ProductSort sort) {

	ProductFilter {
		q = StringUtils.hasText(q) ? q.strip() : null;
		tag = StringUtils.hasText(tag) ? tag.strip() : null;
		sort = (sort != null) ? sort : ProductSort.UPDATED;
	}

	static ProductFilter none() {
		return new ProductFilter(null, null, null, null, null, null, null, null);
	}

	public boolean isFiltered() {
		return this.q != null || this.status != null || this.category != null || this.brand != null || this.tag != null
				|| this.minPrice != null || this.maxPrice != null;
	}

	/**
	 * The sort orders of the product list; each is a seek order ending with the id.
	 */
	enum ProductSort {

		UPDATED("p.updated_at", false), TITLE("p.title", true), PRICE_ASC("p.min_price", true),
		PRICE_DESC("p.min_price", false);

		final String column;

		final boolean ascending;

		ProductSort(String column, boolean ascending) {
			this.column = column;
			this.ascending = ascending;
		}

	}

}
