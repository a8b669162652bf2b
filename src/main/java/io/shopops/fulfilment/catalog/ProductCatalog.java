package io.shopops.fulfilment.catalog;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Read access to the catalog for the rest of the application.
 */
@Service
public class ProductCatalog {

	private final ProductRepository products;

	ProductCatalog(ProductRepository products) {
		this.products = products;
	}

	/**
	 * How many products have the given status.
	 * @param status the status, never {@code null}
	 * @return the count
	 */
	@Transactional(readOnly = true)
	public long count(ProductStatus status) {
		return this.products.count(status);
	}

}
