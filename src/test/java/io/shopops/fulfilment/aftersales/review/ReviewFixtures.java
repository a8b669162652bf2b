package io.shopops.fulfilment.aftersales.review;

import java.util.Locale;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Products, channels and orders for review tests. The products the fixture files name are
 * created once and shared (reviews are kept apart by a channel of each test's own);
 * everything else gets a unique name.
 */
final class ReviewFixtures {

	/** The products the files in {@code src/test/resources/reviews} name. */
	static final String TEE_SKU = "RV-TEE-M";

	static final String MUG_SKU = "RV-MUG-01";

	static final String TAOBAO_TITLE = "评价导入测试T恤";

	private ReviewFixtures() {
	}

	static String unique(String prefix) {
		return prefix + "-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
	}

	static void fileProducts(JdbcClient jdbc) {
		product(jdbc, TEE_SKU, "rv-tee", TAOBAO_TITLE);
		product(jdbc, MUG_SKU, "rv-mug", "Review test mug");
	}

	/** The product of a SKU, created with the handle and title if the SKU is new. */
	static synchronized long product(JdbcClient jdbc, String sku, String handle, String title) {
		Long existing = jdbc.sql("SELECT product_id FROM product_variant WHERE sku = :sku")
			.param("sku", sku)
			.query(Long.class)
			.optional()
			.orElse(null);
		if (existing != null) {
			return existing;
		}
		long product = jdbc
			.sql("INSERT INTO product (handle, title, status) VALUES (:handle, :title, 'ACTIVE') RETURNING id")
			.param("handle", handle)
			.param("title", title)
			.query(Long.class)
			.single();
		jdbc.sql("INSERT INTO product_variant (product_id, sku, price, position) VALUES (:product, :sku, 59, 1)")
			.param("product", product)
			.param("sku", sku)
			.update();
		return product;
	}

	static String channel(JdbcClient jdbc) {
		String code = unique("RV");
		jdbc.sql("INSERT INTO sales_channel (code, name, platform) VALUES (:code, :name, 'TMALL')")
			.param("code", code)
			.param("name", "评价测试 " + code)
			.update();
		return code;
	}

	/** A completed history order of one line. */
	static long order(JdbcClient jdbc, String channel, String number, String sku) {
		long order = jdbc.sql("""
				INSERT INTO shop_order (channel_id, number, status, source, history, currency, goods_amount,
				    paid_amount, customer_name, placed_at, paid_at, completed_at)
				SELECT id, :number, 'COMPLETED', 'IMPORT', true, 'CNY', 59, 59, '王女士', now() - interval '5 days',
				    now() - interval '5 days', now() - interval '1 day' FROM sales_channel WHERE code = :channel
				RETURNING id""").param("channel", channel).param("number", number).query(Long.class).single();
		jdbc.sql("""
				INSERT INTO order_line (order_id, line_no, sku, variant_id, title, quantity, unit_price, amount)
				SELECT :order, 1, v.sku, v.id, 'T恤', 1, 59, 59 FROM product_variant v WHERE v.sku = :sku""")
			.param("order", order)
			.param("sku", sku)
			.update();
		return order;
	}

}
