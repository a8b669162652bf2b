package io.shopops.growth.content;

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
 * Unique products, channels, pieces and order drafts for the content tests.
 */
final class ContentFixtures {

	private ContentFixtures() {
	}

	static String unique(String prefix) {
		return prefix + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
	}

	/** A product with one SKU and stock in MAIN. */
	static String sku(JdbcClient jdbc, Inventory inventory, String prefix, int stock) {
		long product = jdbc.sql("INSERT INTO product (handle, title) VALUES (:handle, :title) RETURNING id")
			.param("handle", prefix.toLowerCase(Locale.ROOT))
			.param("title", "直播商品 " + prefix)
			.query(Long.class)
			.single();
		String sku = prefix + "-1";
		long variant = jdbc
			.sql("INSERT INTO product_variant (product_id, sku, price, position) VALUES (:product, :sku, 10, 1)"
					+ " RETURNING id")
			.param("product", product)
			.param("sku", sku)
			.query(Long.class)
			.single();
		inventory.openStock(variant, stock);
		return sku;
	}

	static String channel(SalesChannels channels) {
		return channels.create(unique("CC"), "Content channel", SalesPlatform.DOUYIN).code();
	}

	static OrderDraft paidDraft(String channel, String number, String sku, int quantity, String price,
			String contentCode, Instant paidAt) {
		return new OrderDraft(channel, number, OrderStatus.PAID, Times.placed(paidAt.minusSeconds(60), paidAt), null,
				null, List.of(new OrderDraft.Line(sku, null, quantity, new BigDecimal(price), null)), null, null, null,
				null, null, contentCode, null, null, null, OrderSource.API);
	}

	static long piece(JdbcClient jdbc, String type, String status, String code, Instant publishAt) {
		return jdbc.sql("""
				INSERT INTO content_piece (type, platform, title, status, publish_at, tracking_code)
				VALUES (:type, 'DOUYIN', :title, :status, :publishAt, :code) RETURNING id""")
			.param("type", type)
			.param("title", "测试内容 " + code)
			.param("status", status)
			.param("publishAt", (publishAt != null) ? java.sql.Timestamp.from(publishAt) : null)
			.param("code", code)
			.query(Long.class)
			.single();
	}

}
