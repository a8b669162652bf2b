package io.shopops.fulfilment.catalog;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
	 * Finds the products of many SKUs at once, as {@link #findBySku} for each.
	 * @param skus the SKUs, exactly as in the catalog
	 * @return the product and variant of each SKU the catalog knows, by SKU
	 */
	@Transactional(readOnly = true)
	public Map<String, ProductMatch> findBySkus(Collection<String> skus) {
		Map<String, ProductMatch> matches = new HashMap<>();
		if (skus.isEmpty()) {
			return matches;
		}
		this.jdbc.sql("""
				SELECT p.id, v.id AS variant_id, v.sku, p.handle, p.title FROM product_variant v
				JOIN product p ON p.id = v.product_id WHERE v.sku = ANY (:skus::text[])""")
			.param("skus", skus.toArray(String[]::new))
			.query((rs, row) -> matches.put(rs.getString(3),
					new ProductMatch(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5))))
			.list();
		return matches;
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

	/**
	 * The categories, for pickers: every node of the tree by its path.
	 * @return the categories sorted by path
	 */
	@Transactional(readOnly = true)
	public List<CategoryOption> categories() {
		return this.jdbc.sql("SELECT id, path FROM category ORDER BY path")
			.query((rs, row) -> new CategoryOption(rs.getLong(1), rs.getString(2)))
			.list();
	}

	/**
	 * Where SKUs sit in the catalog: each known SKU's product and its category with every
	 * ancestor, in one query (for rules scoped to products or categories).
	 * @param skus the SKUs, exactly as in the catalog
	 * @return the placements of the known SKUs by SKU; unknown SKUs are missing
	 */
	@Transactional(readOnly = true)
	public Map<String, SkuPlacement> placements(Collection<String> skus) {
		Map<String, SkuPlacement> found = new HashMap<>();
		if (skus.isEmpty()) {
			return found;
		}
		this.jdbc.sql("""
				WITH RECURSIVE placed AS (
				  SELECT v.sku, p.id AS product_id, p.category_id AS category_id FROM product_variant v
				  JOIN product p ON p.id = v.product_id WHERE v.sku IN (:skus)
				  UNION
				  SELECT placed.sku, placed.product_id, c.parent_id FROM placed
				  JOIN category c ON c.id = placed.category_id WHERE c.parent_id IS NOT NULL
				)
				SELECT sku, product_id, category_id FROM placed""")
			.param("skus", List.copyOf(skus))
			.query((rs, row) -> {
				String sku = rs.getString(1);
				long productId = rs.getLong(2);
				Long categoryId = (Long) rs.getObject(3);
				SkuPlacement placement = found.computeIfAbsent(sku,
						(key) -> new SkuPlacement(key, productId, new java.util.ArrayList<>()));
				if (categoryId != null) {
					placement.categoryIds().add(categoryId);
				}
				return sku;
			})
			.list();
		return found;
	}

	/**
	 * A category as pickers list it.
	 *
	 * @param id the category's id
	 * @param path its path, e.g. {@code 服装 > 女装}
	 */
	public record CategoryOption(long id, String path) {

		/**
		 * Whether a category path is this category or one below it.
		 * @param other a category path, may be {@code null}
		 * @return whether it lies in this category
		 */
		public boolean contains(String other) {
			return other != null && (other.equals(this.path) || other.startsWith(this.path + Category.SEPARATOR));
		}

	}

	/**
	 * Where one SKU sits in the catalog.
	 *
	 * @param sku the SKU
	 * @param productId its product's id
	 * @param categoryIds the product's category and all its ancestors, empty for a
	 * product without category
	 */
	public record SkuPlacement(String sku, long productId, List<Long> categoryIds) {
	}

	/**
	 * The catalog's facts of many SKUs and of their products' other SKUs, at once (one
	 * statement, the SKUs joined as a set rather than compared with a list), for reports.
	 * @param skus the SKUs, exactly as in the catalog
	 * @return the facts of the SKUs the catalog knows and of every other SKU of their
	 * products, in no particular order
	 */
	@Transactional(readOnly = true)
	public List<SkuFacts> skuFacts(java.util.Collection<String> skus) {
		if (skus.isEmpty()) {
			return List.of();
		}
		return this.jdbc.sql("""
				SELECT v.sku, p.id, p.title, p.handle,
				  nullif(concat_ws(' / ', v.option1_value, v.option2_value, v.option3_value), '') AS options,
				  c.id AS category_id, c.path, v.cost, v.price
				FROM product_variant v JOIN product p ON p.id = v.product_id
				LEFT JOIN category c ON c.id = p.category_id
				WHERE v.product_id IN (SELECT w.product_id FROM unnest(?::text[]) AS s(sku)
				                       JOIN product_variant w ON w.sku = s.sku)""")
			.param(skus.toArray(String[]::new))
			.query((rs, row) -> new SkuFacts(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getString(4),
					rs.getString(5), (Long) rs.getObject(6), rs.getString(7), rs.getBigDecimal(8), rs.getBigDecimal(9)))
			.list();
	}

}
