package io.shopops.fulfilment.order;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import io.shopops.fulfilment.inventory.Inventory;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Products, stock and channels with unique names, so that tests sharing the database
 * never see each other's rows.
 */
final class OrderFixtures {

	private OrderFixtures() {
	}

	static String unique(String prefix) {
		return prefix + "-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
	}

	/**
	 * A product with one SKU per given stock, {@code prefix-1}, {@code prefix-2} …, its
	 * stock opened in MAIN through {@link Inventory}.
	 */
	static List<String> skus(JdbcClient jdbc, Inventory inventory, String prefix, int... stock) {
		long product = jdbc.sql("INSERT INTO product (handle, title) VALUES (:handle, :title) RETURNING id")
			.param("handle", prefix.toLowerCase(Locale.ROOT))
			.param("title", "Product " + prefix)
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

	static String channel(SalesChannels channels) {
		return channels.create(unique("CH"), "Test channel", SalesPlatform.OWN_SITE).code();
	}

	static OrderDraft draft(String channel, String number, OrderStatus status, List<OrderDraft.Line> lines) {
		return new OrderDraft(channel, number, status, null, null, null, lines, null, null, null, null, null, null,
				null, null, null, OrderSource.API);
	}

	static OrderDraft.Line line(String sku, int quantity) {
		return new OrderDraft.Line(sku, null, quantity, new BigDecimal("10.00"), null);
	}

	static long stockMovements(JdbcClient jdbc, long orderId, String kind) {
		return jdbc
			.sql("SELECT coalesce(sum(abs(reserved_delta) + abs(on_hand_delta)), 0) FROM stock_movement "
					+ "WHERE reference_type = 'order' AND reference_id = :id AND kind = :kind")
			.param("id", String.valueOf(orderId))
			.param("kind", kind)
			.query(Long.class)
			.single();
	}

}
