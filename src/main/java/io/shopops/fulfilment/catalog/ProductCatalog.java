package io.shopops.fulfilment.catalog;

import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Read access to the catalog for the rest of the application.
 */
@Service
public class ProductCatalog {

	private final ProductRepository products;

	private final JdbcClient jdbc;

	ProductCatalog(ProductRepository products, JdbcClient jdbc) {
		this.products = products;
		this.jdbc = jdbc;
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

	/**
	 * Finds the product of a SKU.
	 * @param sku the SKU, exactly as in the catalog
	 * @return the product and the SKU's variant, or empty
	 */
	@Transactional(readOnly = true)
	public Optional<ProductMatch> findBySku(String sku) {
		return this.jdbc.sql("""
				SELECT p.id, v.id AS variant_id, v.sku, p.handle, p.title FROM product_variant v
				JOIN product p ON p.id = v.product_id WHERE v.sku = :sku""")
			.param("sku", sku)
			.query((rs, row) -> new ProductMatch(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
					rs.getString(5)))
			.optional();
	}

	/**
	 * Finds a product by its handle, ignoring case.
	 * @param handle the handle
	 * @return the product, or empty
	 */
	@Transactional(readOnly = true)
	public Optional<ProductMatch> findByHandle(String handle) {
		return this.jdbc.sql("SELECT id, handle, title FROM product WHERE lower(handle) = lower(:handle)")
			.param("handle", handle)
			.query((rs, row) -> new ProductMatch(rs.getLong(1), null, null, rs.getString(2), rs.getString(3)))
			.list()
			.stream()
			.findFirst();
	}

	/**
	 * Finds the one product with exactly this title (what marketplaces' review lists name
	 * a product by).
	 * @param title the title
	 * @return the product, or empty when no product or more than one has the title
	 */
	@Transactional(readOnly = true)
	public Optional<ProductMatch> findByTitle(String title) {
		List<ProductMatch> found = this.jdbc.sql("SELECT id, handle, title FROM product WHERE title = :title LIMIT 2")
			.param("title", title)
			.query((rs, row) -> new ProductMatch(rs.getLong(1), null, null, rs.getString(2), rs.getString(3)))
			.list();
		return (found.size() == 1) ? Optional.of(found.get(0)) : Optional.empty();
	}

}
