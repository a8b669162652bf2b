package io.shopops.fulfilment.inventory;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Creates products whose SKUs carry a unique prefix, with their stock opened through
 * {@link Inventory}, so that tests sharing the database never see each other's rows.
 */
final class StockFixtures {

	private StockFixtures() {
	}

	static String unique(String prefix) {
		return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
	}

	/**
	 * A product with one SKU per given stock, named {@code prefix-1}, {@code prefix-2}, …
	 */
	static List<String> skus(JdbcClient jdbc, Inventory inventory, String prefix, int... stock) {
		long product = jdbc.sql("INSERT INTO product (handle, title) VALUES (:handle, :title) RETURNING id")
			.param("handle", prefix.toLowerCase())
			.param("title", "Stock " + prefix)
			.query(Long.class)
			.single();
		List<String> skus = new ArrayList<>();
		for (int i = 0; i < stock.length; i++) {
			String sku = prefix + "-" + (i + 1);
			long variant = jdbc
				.sql("INSERT INTO product_variant (product_id, sku, price, position) "
						+ "VALUES (:product, :sku, 10, :position) RETURNING id")
				.param("product", product)
				.param("sku", sku)
				.param("position", i + 1)
				.query(Long.class)
				.single();
			inventory.openStock(variant, stock[i]);
			skus.add(sku);
		}
		return skus;
	}

	static List<LedgerCheck.Mismatch> mismatchesOf(LedgerCheck check, String prefix) {
		return check.mismatches().stream().filter((m) -> m.sku().startsWith(prefix)).toList();
	}

}
