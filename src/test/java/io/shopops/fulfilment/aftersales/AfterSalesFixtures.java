package io.shopops.fulfilment.aftersales;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import io.shopops.fulfilment.inventory.Inventory;
import io.shopops.fulfilment.order.OrderDraft;
import io.shopops.fulfilment.order.OrderSnapshot;
import io.shopops.fulfilment.order.OrderSource;
import io.shopops.fulfilment.order.OrderStatus;
import io.shopops.fulfilment.order.Orders;
import io.shopops.fulfilment.order.SalesChannels;
import io.shopops.fulfilment.order.SalesPlatform;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Products, channels and orders with unique names for the after-sales tests.
 */
final class AfterSalesFixtures {

	private AfterSalesFixtures() {
	}

	static String unique(String prefix) {
		return prefix + "-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
	}

	/** SKUs {@code prefix-1} … with the given stock in MAIN. */
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
		return channels.create(unique("AS"), "After-sales test channel", SalesPlatform.OWN_SITE).code();
	}

	/** A paid order of one line: {@code quantity} units at {@code unitPrice}. */
	static OrderSnapshot order(Orders orders, String channel, String sku, int quantity, String unitPrice,
			OrderStatus status) {
		OrderDraft draft = new OrderDraft(channel, unique("N"), status, null, null, null,
				List.of(new OrderDraft.Line(sku, null, quantity, new BigDecimal(unitPrice), null)), null, null, null,
				null, null, null, null, null, null, OrderSource.API);
		return orders.place(draft).order();
	}

	static OrderSnapshot shipped(Orders orders, String channel, String sku, int quantity, String unitPrice) {
		OrderSnapshot order = order(orders, channel, sku, quantity, unitPrice, OrderStatus.PAID);
		return orders.ship(order.id(), new Orders.ShipmentRequest("SF", "SF1", null, List.of()));
	}

}
