package io.shopops.growth.community;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import io.shopops.fulfilment.inventory.Inventory;
import io.shopops.fulfilment.order.OrderDraft;
import io.shopops.fulfilment.order.OrderSource;
import io.shopops.fulfilment.order.OrderStatus;
import io.shopops.fulfilment.order.SalesChannels;
import io.shopops.fulfilment.order.SalesPlatform;
import io.shopops.fulfilment.order.Times;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Unique names, codes, products and order drafts for the community tests.
 */
final class CommunityFixtures {

	private CommunityFixtures() {
	}

	static String unique(String prefix) {
		return prefix + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
	}

	/** A product with one SKU and stock in MAIN. */
	static String sku(JdbcClient jdbc, Inventory inventory, String prefix, int stock) {
		long product = jdbc.sql("INSERT INTO product (handle, title) VALUES (:handle, :title) RETURNING id")
			.param("handle", prefix.toLowerCase(Locale.ROOT))
			.param("title", "社群商品 " + prefix)
			.query(Long.class)
			.single();
		long variant = jdbc
			.sql("INSERT INTO product_variant (product_id, sku, price, position) VALUES (:product, :sku, 10, 1)"
					+ " RETURNING id")
			.param("product", product)
			.param("sku", prefix + "-1")
			.query(Long.class)
			.single();
		inventory.openStock(variant, stock);
		return prefix + "-1";
	}

	static String channel(SalesChannels channels) {
		return channels.create(unique("CM"), "Community channel", SalesPlatform.OWN_SITE).code();
	}

	static OrderDraft paidDraft(String channel, String sku, int quantity, String price, String contentCode,
			Instant paidAt) {
		return new OrderDraft(channel, unique("CMO-"), OrderStatus.PAID, Times.placed(paidAt.minusSeconds(60), paidAt),
				null, null, List.of(new OrderDraft.Line(sku, null, quantity, new BigDecimal(price), null)), null, null,
				null, null, null, contentCode, null, null, null, OrderSource.API);
	}

}
