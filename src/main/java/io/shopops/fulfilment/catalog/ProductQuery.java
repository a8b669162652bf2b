package io.shopops.fulfilment.catalog;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import io.shopops.fulfilment.catalog.ProductFilter.ProductSort;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The product list and export queries. Pages are found by seeking past the last row shown
 * (keyset pagination), so page 1,000 costs what page 1 costs, whatever the size of the
 * catalog.
 */
@Component
class ProductQuery {

	static final int PAGE_SIZE = 50;

	private final NamedParameterJdbcTemplate jdbc;

	private final NamedParameterJdbcTemplate streaming;

	ProductQuery(NamedParameterJdbcTemplate jdbc, DataSource dataSource) {
		this.jdbc = jdbc;
		JdbcTemplate fetching = new JdbcTemplate(dataSource);
		// PostgreSQL streams rows in chunks only with a fetch size inside a transaction
		fetching.setFetchSize(1000);
		this.streaming = new NamedParameterJdbcTemplate(fetching);
	}

	/**
	 * One page of products.
	 * @param filter the filters and sort
	 * @param after the cursor of the row the page starts after, or {@code null}
	 * @param before the cursor of the row the page ends before (going back), or
	 * {@code null}
	 */
	@Transactional(readOnly = true)
	ProductPage page(ProductFilter filter, String after, String before) {
		Map<String, Object> params = new LinkedHashMap<>();
		StringBuilder where = where(filter, params);
		ProductSort sort = filter.sort();
		Cursor cursor = Cursor.decode((before != null) ? before : after, sort);
		boolean backwards = before != null && cursor != null;
		boolean ascending = sort.ascending != backwards;
		if (cursor != null) {
			where.append(" AND (").append(sort.column).append(", p.id) ").append(ascending ? ">" : "<");
			where.append(" (:cursorValue, :cursorId)");
			params.put("cursorValue", cursor.value());
			params.put("cursorId", cursor.id());
		}
		String direction = ascending ? "ASC" : "DESC";
		String sql = """
				SELECT p.id, p.handle, p.title, p.status, c.path AS category, b.name AS brand, p.min_price,
				       p.max_price, p.variant_count, p.tags, p.updated_at, %s AS sort_value
				FROM product p
				LEFT JOIN category c ON c.id = p.category_id
				LEFT JOIN brand b ON b.id = p.brand_id
				WHERE %s
				ORDER BY %s %s, p.id %s
				LIMIT %d""".formatted(sort.column, where, sort.column, direction, direction, PAGE_SIZE + 1);
		List<ProductListItem> rows = new ArrayList<>(this.jdbc.query(sql, params, ProductQuery::item));
		boolean more = rows.size() > PAGE_SIZE;
		if (more) {
			rows.remove(rows.size() - 1);
		}
		if (backwards) {
			Collections.reverse(rows);
		}
		boolean hasNext = backwards || more;
		boolean hasPrevious = backwards ? more : cursor != null;
		String next = (hasNext && !rows.isEmpty()) ? Cursor.of(rows.get(rows.size() - 1), sort) : null;
		String previous = (hasPrevious && !rows.isEmpty()) ? Cursor.of(rows.get(0), sort) : null;
		return new ProductPage(rows, next, previous);
	}

	/**
	 * Streams every variant of the matching products, product by product, for the CSV
	 * export.
	 */
	@Transactional(readOnly = true)
	void forEachVariant(ProductFilter filter, Consumer<ExportRow> consumer) {
		Map<String, Object> params = new LinkedHashMap<>();
		StringBuilder where = where(filter, params);
		String sql = """
				SELECT p.handle, p.title, p.description, c.path AS category, b.name AS brand, p.tags, p.status,
				       p.seo_title, p.seo_description, p.option1_name, p.option2_name, p.option3_name, p.images::text,
				       v.sku, v.option1_value, v.option2_value, v.option3_value, v.price, v.compare_at_price, v.cost,
				       v.barcode, v.weight_grams,
				       (SELECT coalesce(sum(s.on_hand), 0) FROM stock_item s WHERE s.variant_id = v.id) AS stock
				FROM product p
				JOIN product_variant v ON v.product_id = p.id
				LEFT JOIN category c ON c.id = p.category_id
				LEFT JOIN brand b ON b.id = p.brand_id
				WHERE %s
				ORDER BY p.id, v.position, v.id""".formatted(where);
		this.streaming.query(sql, params, (ResultSet rs) -> {
			consumer.accept(new ExportRow(rs.getString("handle"), rs.getString("title"), rs.getString("description"),
					rs.getString("category"), rs.getString("brand"), strings(rs.getArray("tags")),
					rs.getString("status"), rs.getString("seo_title"), rs.getString("seo_description"),
					rs.getString("option1_name"), rs.getString("option1_value"), rs.getString("option2_name"),
					rs.getString("option2_value"), rs.getString("option3_name"), rs.getString("option3_value"),
					rs.getString("sku"), rs.getBigDecimal("price"), rs.getBigDecimal("compare_at_price"),
					rs.getBigDecimal("cost"), rs.getString("barcode"), (Integer) rs.getObject("weight_grams"),
					rs.getLong("stock"), rs.getString("images")));
		});
	}

	private static StringBuilder where(ProductFilter filter, Map<String, Object> params) {
		StringBuilder where = new StringBuilder("TRUE");
		if (filter.q() != null) {
			where.append(" AND (p.title ILIKE :qLike OR p.handle = :q OR p.id IN (SELECT v.product_id FROM "
					+ "product_variant v WHERE v.sku = :q OR v.barcode = :q OR v.sku LIKE :qPrefix))");
			String escaped = filter.q().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
			params.put("q", filter.q());
			params.put("qLike", "%" + escaped + "%");
			params.put("qPrefix", escaped + "%");
		}
		if (filter.status() != null) {
			where.append(" AND p.status = :status");
			params.put("status", filter.status().name());
		}
		if (filter.category() != null) {
			where.append(" AND p.category_id IN (SELECT c.id FROM category c JOIN category root ON root.id = :category"
					+ " WHERE c.id = root.id OR starts_with(c.path, root.path || ' > '))");
			params.put("category", filter.category());
		}
		if (filter.brand() != null) {
			where.append(" AND p.brand_id = :brand");
			params.put("brand", filter.brand());
		}
		if (filter.tag() != null) {
			where.append(" AND p.tags @> ARRAY[CAST(:tag AS text)]");
			params.put("tag", filter.tag());
		}
		if (filter.minPrice() != null || filter.maxPrice() != null) {
			BigDecimal min = (filter.minPrice() != null) ? filter.minPrice() : BigDecimal.ZERO;
			BigDecimal max = (filter.maxPrice() != null) ? filter.maxPrice() : new BigDecimal("9999999999.99");
			where.append(" AND p.max_price >= :minPrice AND p.min_price <= :maxPrice AND EXISTS (SELECT 1 FROM "
					+ "product_variant pv WHERE pv.product_id = p.id AND pv.price BETWEEN :minPrice AND :maxPrice)");
			params.put("minPrice", min);
			params.put("maxPrice", max);
		}
		return where;
	}

	private static ProductListItem item(ResultSet rs, int row) throws SQLException {
		Object sortValue = rs.getObject("sort_value");
		String sortText = (sortValue instanceof Timestamp timestamp) ? Cursor.micros(timestamp.toInstant())
				: String.valueOf(sortValue);
		return new ProductListItem(rs.getLong("id"), rs.getString("handle"), rs.getString("title"),
				ProductStatus.valueOf(rs.getString("status")), rs.getString("category"), rs.getString("brand"),
				rs.getBigDecimal("min_price"), rs.getBigDecimal("max_price"), rs.getInt("variant_count"),
				strings(rs.getArray("tags")), rs.getTimestamp("updated_at").toInstant(), sortText);
	}

	static List<String> strings(Array array) throws SQLException {
		return (array != null) ? Arrays.asList((String[]) array.getArray()) : List.of();
	}

	/**
	 * A page of products and the cursors of its neighbours ({@code null} where there is
	 * none).
	 */
	record ProductPage(List<ProductListItem> items, String next, String previous) {
	}

	/**
	 * A variant with its product, as exported.
	 */
	record ExportRow(String handle, String title, String description, String category, String brand, List<String> tags,
			String status, String seoTitle, String seoDescription, String option1Name, String option1Value,
			String option2Name, String option2Value, String option3Name, String option3Value, String sku,
			BigDecimal price, BigDecimal compareAtPrice, BigDecimal cost, String barcode, Integer weightGrams,
			long stock, String imagesJson) {
	}

	/**
	 * The position after (or before) a row in one sort order, opaque to the browser.
	 */
	record Cursor(Object value, long id) {

		private static final long EARLIEST_MICROS = Long.parseLong(micros(Instant.parse("0001-01-01T00:00:00Z")));

		private static final long LATEST_MICROS = Long.parseLong(micros(Instant.parse("9999-12-31T23:59:59.999999Z")));

		/** Above any summary price (the column's precision). */
		private static final BigDecimal MAX_PRICE = new BigDecimal("9999999999.99");

		static String of(ProductListItem item, ProductSort sort) {
			String raw = sort.name() + "|" + item.sortValue() + "|" + item.id();
			return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
		}

		static Cursor decode(String token, ProductSort sort) {
			if (token == null || token.isBlank()) {
				return null;
			}
			try {
				String raw = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
				int first = raw.indexOf('|');
				int last = raw.lastIndexOf('|');
				if (first < 0 || last <= first || !raw.substring(0, first).equals(sort.name())) {
					return null;
				}
				String value = raw.substring(first + 1, last);
				long id = Long.parseLong(raw.substring(last + 1));
				Object typed = switch (sort) {
					case UPDATED -> timestamp(Long.parseLong(value));
					case TITLE -> (value.indexOf('\u0000') < 0) ? value : null;
					case PRICE_ASC, PRICE_DESC -> price(new BigDecimal(value));
				};
				return (typed != null) ? new Cursor(typed, id) : null;
			}
			catch (IllegalArgumentException | ArithmeticException ex) {
				// a tampered or outdated cursor starts from the first page
				return null;
			}
		}

		/**
		 * The time of a cursor, or {@code null} outside the years 1 to 9999, which no row
		 * has and which would overflow the conversion or the database.
		 */
		private static Timestamp timestamp(long micros) {
			if (micros < EARLIEST_MICROS || micros > LATEST_MICROS) {
				return null;
			}
			return Timestamp.from(fromMicros(micros));
		}

		/**
		 * The price of a cursor, or {@code null} for one no SKU can have, such as
		 * {@code 1E-999999999}.
		 */
		private static BigDecimal price(BigDecimal price) {
			return (price.stripTrailingZeros().scale() <= 2 && price.abs().compareTo(MAX_PRICE) <= 0) ? price : null;
		}

		static String micros(Instant instant) {
			return String.valueOf(instant.getEpochSecond() * 1_000_000 + instant.getNano() / 1_000);
		}

		static Instant fromMicros(long micros) {
			return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000), Math.floorMod(micros, 1_000_000) * 1_000L);
		}

	}

}
