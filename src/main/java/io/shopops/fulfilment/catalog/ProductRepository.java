package io.shopops.fulfilment.catalog;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.shopops.fulfilment.catalog.ProductDetail.VariantDetail;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Products and their SKUs in SQL: the product row holds JSON images and a tag array, and
 * bulk changes and imports work on many rows per statement, which plain SQL expresses
 * better than entity mapping.
 */
@Repository
class ProductRepository {

	private static final TypeReference<List<ProductImage>> IMAGES = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	private final JsonMapper json;

	ProductRepository(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	Optional<ProductDetail> find(long id) {
		return this.jdbc.sql("""
				SELECT p.*, p.images::text AS images_json, c.path AS category, b.name AS brand
				FROM product p LEFT JOIN category c ON c.id = p.category_id LEFT JOIN brand b ON b.id = p.brand_id
				WHERE p.id = :id""").param("id", id).query((rs, row) -> detail(rs, variants(id))).optional();
	}

	Optional<Long> idByHandle(String handle) {
		return this.jdbc.sql("SELECT id FROM product WHERE handle = :handle")
			.param("handle", handle)
			.query(Long.class)
			.optional();
	}

	Set<Long> variantIds(long productId) {
		return new HashSet<>(this.jdbc.sql("SELECT id FROM product_variant WHERE product_id = :product")
			.param("product", productId)
			.query(Long.class)
			.list());
	}

	List<String> existingSkus(Collection<String> skus, Long exceptProduct) {
		if (skus.isEmpty()) {
			return List.of();
		}
		return this.jdbc
			.sql("SELECT sku FROM product_variant WHERE sku IN (:skus) AND product_id <> :product ORDER BY sku")
			.param("skus", skus)
			.param("product", (exceptProduct != null) ? exceptProduct : -1L)
			.query(String.class)
			.list();
	}

	long insert(ProductForm form, String description) {
		return this.jdbc.sql("""
				INSERT INTO product (handle, title, description, category_id, brand_id, tags, status, seo_title,
				  seo_description, option1_name, option2_name, option3_name, images)
				VALUES (:handle, :title, :description, :category, :brand, :tags, :status, :seoTitle,
				  :seoDescription, :option1, :option2, :option3, CAST(:images AS jsonb))
				RETURNING id""").paramSource(productParams(form, description)).query(Long.class).single();
	}

	/**
	 * Updates the product if nobody changed it since {@code form.getVersion()}.
	 * @return false when the version no longer matches
	 */
	boolean update(long id, ProductForm form, String description) {
		return this.jdbc.sql("""
				UPDATE product SET handle = :handle, title = :title, description = :description,
				  category_id = :category, brand_id = :brand, tags = :tags, status = :status, seo_title = :seoTitle,
				  seo_description = :seoDescription, option1_name = :option1, option2_name = :option2,
				  option3_name = :option3, images = CAST(:images AS jsonb), updated_at = now(), version = version + 1
				WHERE id = :id AND version = :version""")
			.paramSource(productParams(form, description).addValue("id", id).addValue("version", form.getVersion()))
			.update() == 1;
	}

	void deleteVariantsExcept(long productId, Collection<Long> keep) {
		this.jdbc.sql("DELETE FROM product_variant WHERE product_id = :product AND NOT (id = ANY(:keep))")
			.param("product", productId)
			.param("keep", keep.toArray(Long[]::new))
			.update();
	}

	void updateVariant(long productId, int position, VariantForm variant) {
		this.jdbc.sql("""
				UPDATE product_variant SET sku = :sku, option1_value = :o1, option2_value = :o2, option3_value = :o3,
				  price = :price, compare_at_price = :compareAt, cost = :cost, barcode = :barcode,
				  weight_grams = :weight, position = :position, updated_at = now()
				WHERE id = :id AND product_id = :product
				  AND (sku, option1_value, option2_value, option3_value, price, compare_at_price, cost, barcode,
				       weight_grams, position) IS DISTINCT FROM
				      (CAST(:sku AS varchar), CAST(:o1 AS varchar), CAST(:o2 AS varchar), CAST(:o3 AS varchar),
				       CAST(:price AS numeric), CAST(:compareAt AS numeric), CAST(:cost AS numeric),
				       CAST(:barcode AS varchar), CAST(:weight AS int), CAST(:position AS int))""")
			.params(variantParams(variant))
			.param("id", variant.getId())
			.param("product", productId)
			.param("position", position)
			.update();
	}

	/**
	 * Inserts a SKU without stock: its stock row belongs to inventory.
	 * @return the new variant's id
	 */
	long insertVariant(long productId, int position, VariantForm variant) {
		long id = this.jdbc.sql("""
				INSERT INTO product_variant (product_id, sku, option1_value, option2_value, option3_value, price,
				  compare_at_price, cost, barcode, weight_grams, position)
				VALUES (:product, :sku, :o1, :o2, :o3, :price, :compareAt, :cost, :barcode, :weight, :position)
				RETURNING id""")
			.params(variantParams(variant))
			.param("product", productId)
			.param("position", position)
			.query(Long.class)
			.single();
		return id;
	}

	/**
	 * Refreshes the price range and SKU count the list page sorts and filters by.
	 */
	void refreshSummaries(Collection<Long> productIds) {
		this.jdbc.sql("""
				UPDATE product p SET min_price = coalesce(s.min_price, 0), max_price = coalesce(s.max_price, 0),
				  variant_count = coalesce(s.count, 0)
				FROM (SELECT id FROM product WHERE id = ANY(:ids)) target
				LEFT JOIN (SELECT product_id, min(price) AS min_price, max(price) AS max_price, count(*) AS count
				           FROM product_variant WHERE product_id = ANY(:ids) GROUP BY product_id) s
				  ON s.product_id = target.id
				WHERE p.id = target.id
				  AND (p.min_price, p.max_price, p.variant_count)
				      IS DISTINCT FROM (coalesce(s.min_price, 0), coalesce(s.max_price, 0), coalesce(s.count, 0))""")
			.param("ids", productIds.toArray(Long[]::new))
			.update();
	}

	int setStatus(Collection<Long> ids, ProductStatus status) {
		return this.jdbc.sql("""
				UPDATE product SET status = :status, updated_at = now(), version = version + 1
				WHERE id = ANY(:ids) AND status <> :status""")
			.param("ids", ids.toArray(Long[]::new))
			.param("status", status.name())
			.update();
	}

	int addTag(Collection<Long> ids, String tag) {
		return this.jdbc.sql("""
				UPDATE product SET tags = array_append(tags, CAST(:tag AS text)), updated_at = now(),
				  version = version + 1
				WHERE id = ANY(:ids) AND NOT (tags @> ARRAY[CAST(:tag AS text)])""")
			.param("ids", ids.toArray(Long[]::new))
			.param("tag", tag)
			.update();
	}

	/**
	 * Changes every SKU price of the products by a percentage or an amount, never below
	 * zero; rounds to cents.
	 * @return the number of SKUs whose price changed
	 */
	int changePrices(Collection<Long> ids, BigDecimal percent, BigDecimal amount) {
		String newPrice = (percent != null) ? "round(price * (100 + :change) / 100, 2)" : "round(price + :change, 2)";
		int changed = this.jdbc
			.sql("""
					UPDATE product_variant SET price = least(greatest(%s, 0), 99999999.99), updated_at = now()
					WHERE product_id = ANY(:ids) AND least(greatest(%s, 0), 99999999.99) <> price""".formatted(newPrice,
					newPrice))
			.param("ids", ids.toArray(Long[]::new))
			.param("change", (percent != null) ? percent : amount)
			.update();
		this.jdbc.sql("UPDATE product SET updated_at = now(), version = version + 1 WHERE id = ANY(:ids)")
			.param("ids", ids.toArray(Long[]::new))
			.update();
		refreshSummaries(ids);
		return changed;
	}

	List<String> titles(Collection<Long> ids) {
		return this.jdbc.sql("SELECT handle FROM product WHERE id = ANY(:ids) ORDER BY id")
			.param("ids", ids.toArray(Long[]::new))
			.query(String.class)
			.list();
	}

	long count(ProductStatus status) {
		return this.jdbc.sql("SELECT count(*) FROM product WHERE status = :status")
			.param("status", status.name())
			.query(Long.class)
			.single();
	}

	private List<VariantDetail> variants(long productId) {
		return this.jdbc.sql("""
				SELECT v.*, (SELECT coalesce(sum(s.on_hand), 0) FROM stock_item s WHERE s.variant_id = v.id) AS stock
				FROM product_variant v WHERE v.product_id = :id ORDER BY v.position, v.id""")
			.param("id", productId)
			.query((rs, row) -> new VariantDetail(rs.getLong("id"), rs.getString("sku"), rs.getString("option1_value"),
					rs.getString("option2_value"), rs.getString("option3_value"), rs.getBigDecimal("price"),
					rs.getBigDecimal("compare_at_price"), rs.getBigDecimal("cost"), rs.getString("barcode"),
					(Integer) rs.getObject("weight_grams"), rs.getLong("stock")))
			.list();
	}

	private ProductDetail detail(ResultSet rs, List<VariantDetail> variants) throws SQLException {
		return new ProductDetail(rs.getLong("id"), rs.getString("handle"), rs.getString("title"),
				rs.getString("description"), (Long) rs.getObject("category_id"), rs.getString("category"),
				(Long) rs.getObject("brand_id"), rs.getString("brand"), ProductQuery.strings(rs.getArray("tags")),
				ProductStatus.valueOf(rs.getString("status")), rs.getString("seo_title"),
				rs.getString("seo_description"), rs.getString("option1_name"), rs.getString("option2_name"),
				rs.getString("option3_name"), images(rs.getString("images_json")), variants, rs.getLong("version"),
				rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant());
	}

	List<ProductImage> images(String json) {
		return (json == null) ? List.of() : this.json.readValue(json, IMAGES);
	}

	String imagesJson(List<ProductImage> images) {
		return this.json.writeValueAsString(images);
	}

	private MapSqlParameterSource productParams(ProductForm form, String description) {
		List<String> urls = form.imageList();
		List<ProductImage> images = new ArrayList<>();
		for (int i = 0; i < urls.size(); i++) {
			images.add(new ProductImage(urls.get(i), i + 1, form.getTitle()));
		}
		return new MapSqlParameterSource().addValue("handle", form.getHandle())
			.addValue("title", form.getTitle())
			.addValue("description", description)
			.addValue("category", form.getCategoryId())
			.addValue("brand", form.getBrandId())
			.addValue("tags", form.tagList().toArray(String[]::new))
			.addValue("status", form.getStatus().name())
			.addValue("seoTitle", form.getSeoTitle())
			.addValue("seoDescription", form.getSeoDescription())
			.addValue("option1", form.getOption1Name())
			.addValue("option2", form.getOption2Name())
			.addValue("option3", form.getOption3Name())
			.addValue("images", imagesJson(images));
	}

	private static Map<String, Object> variantParams(VariantForm variant) {
		Map<String, Object> params = new HashMap<>();
		params.put("sku", variant.getSku());
		params.put("o1", variant.getOption1Value());
		params.put("o2", variant.getOption2Value());
		params.put("o3", variant.getOption3Value());
		params.put("price", variant.getPrice());
		params.put("compareAt", variant.getCompareAtPrice());
		params.put("cost", variant.getCost());
		params.put("barcode", variant.getBarcode());
		params.put("weight", variant.getWeightGrams());
		return params;
	}

}
