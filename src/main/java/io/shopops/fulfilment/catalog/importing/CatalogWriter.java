package io.shopops.fulfilment.catalog.importing;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.shopops.fulfilment.catalog.ProductImage;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes batches of imported products with a handful of set-based statements: the batch
 * is copied into temporary tables with PostgreSQL's {@code COPY}, then upserted by handle
 * (products) and by SKU (variants). A row is only rewritten when one of its values
 * differs, which is what makes re-importing an unchanged file change nothing and lets
 * each SKU row be counted as created, updated or unchanged.
 * <p>
 * Everything runs on the caller's connection inside its transaction; temporary tables
 * vanish at commit or rollback. Empty optional cells clear the stored value, except
 * images (kept when a product row has none) and stock, which this writer never touches:
 * it returns the new SKUs with their initial stock, which the import hands to inventory
 * (only a new SKU's initial stock is recorded; later stock changes belong to inventory).
 */
class CatalogWriter {

	private final Connection connection;

	private final CopyManager copy;

	private final JsonMapper json;

	private final Map<String, Long> categories = new HashMap<>();

	private final Map<String, Long> brands = new HashMap<>();

	private final Timings timings;

	CatalogWriter(Connection connection, JsonMapper json, Timings timings) throws SQLException {
		this.connection = connection;
		this.copy = connection.unwrap(PGConnection.class).getCopyAPI();
		this.json = json;
		this.timings = timings;
	}

	void prepare() throws SQLException {
		try (Statement statement = this.connection.createStatement()) {
			statement.execute("""
					CREATE TEMP TABLE import_product (
					  handle varchar(255), title varchar(255), description text, category_id bigint, brand_id bigint,
					  tags text[], status varchar(16), seo_title varchar(255), seo_description varchar(1000),
					  option1_name varchar(100), option2_name varchar(100), option3_name varchar(100), images jsonb
					) ON COMMIT DROP""");
			statement.execute("""
					CREATE TEMP TABLE import_variant (
					  handle varchar(255), sku varchar(64), option1_value varchar(100), option2_value varchar(100),
					  option3_value varchar(100), price numeric(12, 2), compare_at_price numeric(12, 2),
					  cost numeric(12, 2), barcode varchar(64), weight_grams int, initial_stock int, position int
					) ON COMMIT DROP""");
			// what the catalog already holds for the batch, looked up before anything is
			// written: see write()
			statement.execute("""
					CREATE TEMP TABLE import_product_id (
					  handle varchar(255), id bigint, same boolean, images jsonb
					) ON COMMIT DROP""");
			statement.execute("""
					CREATE TEMP TABLE import_known_variant (
					  sku varchar(64), product_id bigint, same boolean
					) ON COMMIT DROP""");
		}
	}

	/**
	 * Upserts one batch; product handles must be distinct within it.
	 */
	Counts write(List<ProductRecord> batch) throws SQLException, IOException {
		long start = System.nanoTime();
		StringBuilder products = new StringBuilder(batch.size() * 256);
		StringBuilder variants = new StringBuilder(batch.size() * 256);
		for (ProductRecord product : batch) {
			Long category = category(product.categoryPath());
			Long brand = brand(product.brand());
			row(products, product.handle(), product.title(), product.descriptionHtml(), category, brand,
					array(product.tags()), product.status().name(), product.seoTitle(), product.seoDescription(),
					option(product.optionNames(), 0), option(product.optionNames(), 1),
					option(product.optionNames(), 2), imagesJson(product));
			int position = 1;
			for (VariantRecord variant : product.variants()) {
				row(variants, product.handle(), variant.sku(), option(variant.optionValues(), 0),
						option(variant.optionValues(), 1), option(variant.optionValues(), 2), variant.price(),
						variant.compareAtPrice(), variant.cost(), variant.barcode(), variant.weightGrams(),
						variant.initialStock(), position++);
			}
		}
		long built = System.nanoTime();
		this.timings.build += built - start;
		try (Statement statement = this.connection.createStatement()) {
			statement.execute("TRUNCATE import_product, import_variant, import_product_id, import_known_variant");
		}
		this.copy.copyIn("COPY import_product FROM STDIN", new StringReader(products.toString()));
		this.copy.copyIn("COPY import_variant FROM STDIN", new StringReader(variants.toString()));
		long copied = System.nanoTime();
		this.timings.copy += copied - built;

		// First the batch's existing products are looked up by handle, one index probe
		// each (OFFSET 0 keeps the probe from turning into a scan of the whole catalog
		// per batch), into a temporary table; the upsert then reads temporary tables
		// only. A statement that both probes and inserts into the same table degrades
		// badly when the planner believes the table empty (a freshly emptied catalog):
		// each probe becomes a sequential scan over every row the statement has
		// inserted so far, quadratic in the batch.
		int known;
		try (Statement statement = this.connection.createStatement()) {
			known = statement.executeUpdate("""
					INSERT INTO import_product_id (handle, id, same, images)
					SELECT t.handle, e.id,
					  (e.title, e.description, e.category_id, e.brand_id, e.tags, e.status, e.seo_title,
					   e.seo_description, e.option1_name, e.option2_name, e.option3_name, e.images)
					  IS NOT DISTINCT FROM
					  (t.title, t.description, t.category_id, t.brand_id, coalesce(t.tags, '{}'), t.status,
					   t.seo_title, t.seo_description, t.option1_name, t.option2_name, t.option3_name,
					   coalesce(t.images, e.images)),
					  -- kept only where the file has no images for the product
					  CASE WHEN t.images IS NULL THEN e.images END
					FROM import_product t
					CROSS JOIN LATERAL (SELECT e.* FROM product e WHERE e.handle = t.handle OFFSET 0) e""");
		}

		// Rows already as the file says are left out before the upsert, which would
		// otherwise lock (and so write) each of them. Products by id: inserted ones
		// already carry exact summaries (all their SKUs are in this batch) and, like
		// changed ones, their new version. The ids of inserted products join those of
		// the existing ones, for the SKUs.
		Map<Long, Boolean> written = new HashMap<>();
		Set<String> changedProducts = new HashSet<>();
		try (Statement statement = this.connection.createStatement(); ResultSet rs = statement.executeQuery("""
				WITH up AS (
				  INSERT INTO product AS p (handle, title, description, category_id, brand_id, tags, status,
				    seo_title, seo_description, option1_name, option2_name, option3_name, images, min_price,
				    max_price, variant_count)
				  SELECT t.handle, t.title, t.description, t.category_id, t.brand_id, coalesce(t.tags, '{}'),
				    t.status, t.seo_title, t.seo_description, t.option1_name, t.option2_name, t.option3_name,
				    coalesce(t.images, k.images, '[]'), coalesce(s.min_price, 0), coalesce(s.max_price, 0),
				    coalesce(s.count, 0)
				  FROM import_product t
				  LEFT JOIN import_product_id k ON k.handle = t.handle
				  LEFT JOIN (SELECT handle, min(price) AS min_price, max(price) AS max_price, count(*) AS count
				             FROM import_variant GROUP BY handle) s ON s.handle = t.handle
				  WHERE k.same IS NOT TRUE
				  ON CONFLICT (handle) DO UPDATE SET title = EXCLUDED.title, description = EXCLUDED.description,
				    category_id = EXCLUDED.category_id, brand_id = EXCLUDED.brand_id, tags = EXCLUDED.tags,
				    status = EXCLUDED.status, seo_title = EXCLUDED.seo_title,
				    seo_description = EXCLUDED.seo_description, option1_name = EXCLUDED.option1_name,
				    option2_name = EXCLUDED.option2_name, option3_name = EXCLUDED.option3_name,
				    images = EXCLUDED.images, updated_at = now(), version = p.version + 1
				  WHERE (p.title, p.description, p.category_id, p.brand_id, p.tags, p.status, p.seo_title,
				         p.seo_description, p.option1_name, p.option2_name, p.option3_name, p.images)
				    IS DISTINCT FROM
				        (EXCLUDED.title, EXCLUDED.description, EXCLUDED.category_id, EXCLUDED.brand_id,
				         EXCLUDED.tags, EXCLUDED.status, EXCLUDED.seo_title, EXCLUDED.seo_description,
				         EXCLUDED.option1_name, EXCLUDED.option2_name, EXCLUDED.option3_name, EXCLUDED.images)
				  RETURNING p.id, p.handle, (xmax = 0) AS inserted
				), ids AS (
				  INSERT INTO import_product_id (handle, id)
				  SELECT up.handle, up.id FROM up
				  WHERE NOT EXISTS (SELECT 1 FROM import_product_id k WHERE k.handle = up.handle)
				)
				SELECT id, handle, inserted FROM up""")) {
			while (rs.next()) {
				boolean inserted = rs.getBoolean("inserted");
				written.put(rs.getLong("id"), inserted);
				if (!inserted) {
					changedProducts.add(rs.getString("handle"));
				}
			}
		}
		if (known + written.size() - changedProducts.size() < batch.size()) {
			// another transaction committed some of the batch's handles after the lookup:
			// their ids are still needed for the SKUs
			try (Statement statement = this.connection.createStatement()) {
				statement.execute("""
						INSERT INTO import_product_id (handle, id)
						SELECT t.handle, p.id FROM import_product t JOIN product p ON p.handle = t.handle
						WHERE NOT EXISTS (SELECT 1 FROM import_product_id k WHERE k.handle = t.handle)""");
			}
		}

		long productsDone = System.nanoTime();
		this.timings.products += productsDone - copied;
		Set<String> createdSkus = new HashSet<>();
		Set<String> updatedSkus = new HashSet<>();
		// existing products whose SKUs changed, or that lost a SKU to another product:
		// their summaries are recomputed below
		Map<Long, Boolean> touched = new HashMap<>();
		NewStock opened = new NewStock(batch.size());
		// the existing SKUs by SKU, probed one by one as the products were
		try (Statement statement = this.connection.createStatement()) {
			statement.execute("""
					INSERT INTO import_known_variant (sku, product_id, same)
					SELECT t.sku, e.product_id,
					  (e.product_id, e.option1_value, e.option2_value, e.option3_value, e.price,
					   e.compare_at_price, e.cost, e.barcode, e.weight_grams, e.position)
					  IS NOT DISTINCT FROM
					  (i.id, t.option1_value, t.option2_value, t.option3_value, t.price, t.compare_at_price,
					   t.cost, t.barcode, t.weight_grams, t.position)
					FROM import_variant t JOIN import_product_id i ON i.handle = t.handle
					CROSS JOIN LATERAL (SELECT e.* FROM product_variant e WHERE e.sku = t.sku OFFSET 0) e""");
		}
		try (Statement statement = this.connection.createStatement(); ResultSet rs = statement.executeQuery("""
				WITH up AS (
				  INSERT INTO product_variant AS v (product_id, sku, option1_value, option2_value,
				    option3_value, price, compare_at_price, cost, barcode, weight_grams, position)
				  SELECT i.id, t.sku, t.option1_value, t.option2_value, t.option3_value, t.price,
				    t.compare_at_price, t.cost, t.barcode, t.weight_grams, t.position
				  FROM import_variant t JOIN import_product_id i ON i.handle = t.handle
				  LEFT JOIN import_known_variant k ON k.sku = t.sku
				  WHERE k.same IS NOT TRUE
				  ON CONFLICT (sku) DO UPDATE SET product_id = EXCLUDED.product_id,
				    option1_value = EXCLUDED.option1_value, option2_value = EXCLUDED.option2_value,
				    option3_value = EXCLUDED.option3_value, price = EXCLUDED.price,
				    compare_at_price = EXCLUDED.compare_at_price, cost = EXCLUDED.cost,
				    barcode = EXCLUDED.barcode, weight_grams = EXCLUDED.weight_grams,
				    position = EXCLUDED.position, updated_at = now()
				  WHERE (v.product_id, v.option1_value, v.option2_value, v.option3_value, v.price,
				         v.compare_at_price, v.cost, v.barcode, v.weight_grams, v.position)
				    IS DISTINCT FROM
				        (EXCLUDED.product_id, EXCLUDED.option1_value, EXCLUDED.option2_value,
				         EXCLUDED.option3_value, EXCLUDED.price, EXCLUDED.compare_at_price, EXCLUDED.cost,
				         EXCLUDED.barcode, EXCLUDED.weight_grams, EXCLUDED.position)
				  RETURNING v.id, v.sku, v.product_id, (xmax = 0) AS inserted
				)
				-- an updated SKU's product before the statement, from the lookup
				SELECT up.id, up.sku, up.product_id, up.inserted,
				  CASE WHEN NOT up.inserted THEN k.product_id END AS old_product_id, t.initial_stock
				FROM up JOIN import_variant t ON t.sku = up.sku
				LEFT JOIN import_known_variant k ON k.sku = up.sku""")) {
			while (rs.next()) {
				boolean inserted = rs.getBoolean("inserted");
				(inserted ? createdSkus : updatedSkus).add(rs.getString("sku"));
				if (inserted) {
					opened.add(rs.getLong("id"), rs.getInt("initial_stock"));
				}
				touch(touched, written, rs.getLong("product_id"));
				long previous = rs.getLong("old_product_id");
				if (!rs.wasNull()) {
					touch(touched, written, previous);
				}
			}
		}

		long variantsDone = System.nanoTime();
		this.timings.variants += variantsDone - productsDone;
		if (!touched.isEmpty()) {
			Long[] ids = new Long[touched.size()];
			Boolean[] bumped = new Boolean[touched.size()];
			int i = 0;
			for (Map.Entry<Long, Boolean> product : touched.entrySet()) {
				ids[i] = product.getKey();
				bumped[i++] = product.getValue();
			}
			// a product whose SKUs changed changes too (its version guards the edit
			// form),
			// unless the product upsert has just given it a new version
			try (PreparedStatement statement = this.connection.prepareStatement("""
					UPDATE product p SET min_price = s.min_price, max_price = s.max_price, variant_count = s.count,
					  version = p.version + CASE WHEN s.bumped THEN 0 ELSE 1 END,
					  updated_at = CASE WHEN s.bumped THEN p.updated_at ELSE now() END
					FROM (SELECT t.id, t.bumped, coalesce(min(v.price), 0) AS min_price,
					        coalesce(max(v.price), 0) AS max_price, count(v.id) AS count
					      FROM unnest(?::bigint[], ?::boolean[]) AS t(id, bumped)
					      LEFT JOIN product_variant v ON v.product_id = t.id
					      GROUP BY t.id, t.bumped) s
					WHERE p.id = s.id
					  AND (NOT s.bumped
					       OR (p.min_price, p.max_price, p.variant_count)
					          IS DISTINCT FROM (s.min_price, s.max_price, s.count))""")) {
				statement.setArray(1, this.connection.createArrayOf("bigint", ids));
				statement.setArray(2, this.connection.createArrayOf("boolean", bumped));
				statement.executeUpdate();
			}
		}

		this.timings.summaries += System.nanoTime() - variantsDone;
		long created = 0;
		long updated = 0;
		long unchanged = 0;
		for (ProductRecord product : batch) {
			boolean productChanged = changedProducts.contains(product.handle());
			for (VariantRecord variant : product.variants()) {
				if (createdSkus.contains(variant.sku())) {
					created++;
				}
				else if (updatedSkus.contains(variant.sku()) || productChanged) {
					updated++;
				}
				else {
					unchanged++;
				}
			}
		}
		return new Counts(created, updated, unchanged, opened.variantIds(), opened.quantities());
	}

	/**
	 * Marks an existing product for a fresh summary; whether the product upsert has
	 * already given it a new version is kept as the value.
	 */
	private static void touch(Map<Long, Boolean> touched, Map<Long, Boolean> written, long product) {
		Boolean inserted = written.get(product);
		if (inserted == null || !inserted) {
			touched.put(product, inserted != null);
		}
	}

	private Long category(String path) throws SQLException {
		if (path == null || path.isBlank()) {
			return null;
		}
		List<String> names = Arrays.stream(path.split(">")).map(String::strip).filter((n) -> !n.isEmpty()).toList();
		Long parent = null;
		StringBuilder current = new StringBuilder();
		for (String name : names) {
			if (!current.isEmpty()) {
				current.append(" > ");
			}
			current.append(name);
			String key = current.toString();
			Long id = this.categories.get(key);
			if (id == null) {
				id = ensure(
						"INSERT INTO category (parent_id, name, path) VALUES (?, ?, ?) ON CONFLICT (path) DO NOTHING "
								+ "RETURNING id",
						"SELECT id FROM category WHERE path = ?", key, parent, name, key);
				this.categories.put(key, id);
			}
			parent = id;
		}
		return parent;
	}

	private Long brand(String name) throws SQLException {
		if (name == null || name.isBlank()) {
			return null;
		}
		String clean = name.strip();
		String key = clean.toLowerCase(Locale.ROOT);
		Long id = this.brands.get(key);
		if (id == null) {
			id = ensure("INSERT INTO brand (name) VALUES (?) ON CONFLICT ((lower(name))) DO NOTHING RETURNING id",
					"SELECT id FROM brand WHERE lower(name) = lower(?)", clean, clean);
			this.brands.put(key, id);
		}
		return id;
	}

	private long ensure(String insert, String select, String selectKey, Object... values) throws SQLException {
		try (PreparedStatement statement = this.connection.prepareStatement(insert)) {
			for (int i = 0; i < values.length; i++) {
				statement.setObject(i + 1, values[i]);
			}
			try (ResultSet rs = statement.executeQuery()) {
				if (rs.next()) {
					return rs.getLong(1);
				}
			}
		}
		try (PreparedStatement statement = this.connection.prepareStatement(select)) {
			statement.setString(1, selectKey);
			try (ResultSet rs = statement.executeQuery()) {
				rs.next();
				return rs.getLong(1);
			}
		}
	}

	private String imagesJson(ProductRecord product) {
		if (product.images().isEmpty()) {
			return null;
		}
		List<ProductImage> images = new ArrayList<>();
		for (ImageRecord image : product.images()) {
			images.add(new ProductImage(image.url(), image.position(), image.altText()));
		}
		return this.json.writeValueAsString(images);
	}

	private static String option(List<String> values, int index) {
		return (values != null && values.size() > index) ? values.get(index) : null;
	}

	private static String array(List<String> values) {
		if (values == null || values.isEmpty()) {
			return "{}";
		}
		return values.stream()
			.map((value) -> "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"")
			.collect(Collectors.joining(",", "{", "}"));
	}

	/**
	 * Appends one line in COPY's text format: tab-separated, {@code \N} for null,
	 * backslash escapes.
	 */
	private static void row(StringBuilder out, Object... values) {
		for (int i = 0; i < values.length; i++) {
			if (i > 0) {
				out.append('\t');
			}
			Object value = values[i];
			if (value == null) {
				out.append("\\N");
			}
			else if (value instanceof BigDecimal decimal) {
				out.append(decimal.toPlainString());
			}
			else {
				escape(out, value.toString());
			}
		}
		out.append('\n');
	}

	private static void escape(StringBuilder out, String text) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			switch (c) {
				case '\\' -> out.append("\\\\");
				case '\n' -> out.append("\\n");
				case '\r' -> out.append("\\r");
				case '\t' -> out.append("\\t");
				case '\u0000' -> {
					// PostgreSQL text cannot hold NUL; it carries no meaning in catalog
					// data
				}
				default -> out.append(c);
			}
		}
	}

	/**
	 * Where an import spent its time, in nanoseconds: scanning the file (encoding,
	 * format, record count), parsing and assembling its rows, building batches in COPY
	 * format, copying them, upserting products, upserting SKUs with their stock,
	 * refreshing product summaries and committing.
	 */
	static final class Timings {

		long scan;

		long parse;

		long build;

		long copy;

		long products;

		long variants;

		long summaries;

		long commit;

		@Override
		public String toString() {
			return "scan %.2f s, parse %.2f s, build %.2f s, copy %.2f s, products %.2f s, SKUs %.2f s, summaries %.2f s, commit %.2f s"
				.formatted(this.scan / 1e9, this.parse / 1e9, this.build / 1e9, this.copy / 1e9, this.products / 1e9,
						this.variants / 1e9, this.summaries / 1e9, this.commit / 1e9);
		}

	}

	/**
	 * SKU rows of a batch by what happened to them, and the new SKUs' initial stock for
	 * {@link io.shopops.fulfilment.inventory.Inventory#openStock(long[], int[], String)}.
	 *
	 * @param created SKU rows created
	 * @param updated SKU rows changed
	 * @param unchanged SKU rows left as they were
	 * @param newVariantIds the ids of the created SKUs
	 * @param initialStock their initial units on hand, index by index
	 */
	record Counts(long created, long updated, long unchanged, long[] newVariantIds, int[] initialStock) {
	}

	/**
	 * The created SKUs of a batch with their initial stock, in two growing primitive
	 * arrays.
	 */
	private static final class NewStock {

		private long[] ids;

		private int[] quantities;

		private int size;

		NewStock(int capacity) {
			this.ids = new long[Math.max(capacity, 16)];
			this.quantities = new int[this.ids.length];
		}

		void add(long id, int quantity) {
			if (this.size == this.ids.length) {
				this.ids = Arrays.copyOf(this.ids, this.size * 2);
				this.quantities = Arrays.copyOf(this.quantities, this.size * 2);
			}
			this.ids[this.size] = id;
			this.quantities[this.size++] = quantity;
		}

		long[] variantIds() {
			return Arrays.copyOf(this.ids, this.size);
		}

		int[] quantities() {
			return Arrays.copyOf(this.quantities, this.size);
		}

	}

}
