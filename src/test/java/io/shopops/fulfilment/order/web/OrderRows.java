package io.shopops.fulfilment.order.web;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.shopops.fulfilment.inventory.Inventory;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Writes order rows straight into the tables, for the queries and pages to read: a
 * channel of its own per test, so tests sharing one database never see each other's
 * orders.
 */
final class OrderRows {

	private final JdbcClient jdbc;

	final String channelCode;

	final long channelId;

	OrderRows(JdbcClient jdbc) {
		this.jdbc = jdbc;
		this.channelCode = "T" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
		this.channelId = jdbc
			.sql("INSERT INTO sales_channel (code, name, platform) VALUES (?, ?, 'TMALL') RETURNING id")
			.params(this.channelCode, "测试店 " + this.channelCode)
			.query(Long.class)
			.single();
	}

	/**
	 * A product with one SKU per given stock, {@code prefix-1}, {@code prefix-2} …, each
	 * priced 50.00, with its stock opened through inventory.
	 */
	List<String> skus(Inventory inventory, String prefix, int... stock) {
		long product = this.jdbc.sql("INSERT INTO product (handle, title, status) VALUES (?, ?, 'ACTIVE') RETURNING id")
			.params(prefix.toLowerCase(), "商品 " + prefix)
			.query(Long.class)
			.single();
		List<String> skus = new ArrayList<>();
		for (int i = 0; i < stock.length; i++) {
			String sku = prefix + "-" + (i + 1);
			long variant = this.jdbc.sql(
					"INSERT INTO product_variant (product_id, sku, price, position) VALUES (?, ?, 50.00, ?) RETURNING id")
				.params(product, sku, i + 1)
				.query(Long.class)
				.single();
			inventory.openStock(variant, stock[i]);
			skus.add(sku);
		}
		return skus;
	}

	static String unique(String prefix) {
		return prefix + "-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
	}

	long order(String number, String status, Instant placedAt, Instant paidAt, Instant shippedAt, String customerName,
			String phone, String email) {
		return this.jdbc.sql("""
				INSERT INTO shop_order (channel_id, number, status, source, currency, goods_amount, shipping_fee,
				                        paid_amount, customer_name, customer_phone, customer_email, buyer_id, ship_name,
				                        ship_phone, ship_province, ship_city, ship_district, ship_line1, placed_at,
				                        paid_at, shipped_at)
				VALUES (?, ?, ?, 'MANUAL', 'CNY', 198.00, 10.00, 208.00, ?, ?, ?, ?, ?, ?, '浙江省', '杭州市', '西湖区',
				        '文三路 1 号', ?, ?, ?)
				RETURNING id""")
			.params(this.channelId, number, status, customerName, phone, email, "buyer-" + number, customerName, phone,
					Timestamp.from(placedAt), (paidAt != null) ? Timestamp.from(paidAt) : null,
					(shippedAt != null) ? Timestamp.from(shippedAt) : null)
			.query(Long.class)
			.single();
	}

	long line(long orderId, int lineNo, String sku, String title, int quantity, String unitPrice, int shipped) {
		BigDecimal amount = new BigDecimal(unitPrice).multiply(BigDecimal.valueOf(quantity));
		return this.jdbc.sql("""
				INSERT INTO order_line (order_id, line_no, sku, title, quantity, unit_price, amount, shipped_quantity)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")
			.params(orderId, lineNo, sku, title, quantity, new BigDecimal(unitPrice), amount, shipped)
			.query(Long.class)
			.single();
	}

	long shipment(long orderId, String carrier, String tracking, Instant at, long lineId, int quantity) {
		long id = this.jdbc.sql(
				"INSERT INTO shipment (order_id, carrier, tracking_number, shipped_at, actor) VALUES (?, ?, ?, ?, 'test') "
						+ "RETURNING id")
			.params(orderId, carrier, tracking, Timestamp.from(at))
			.query(Long.class)
			.single();
		this.jdbc.sql("INSERT INTO shipment_line (shipment_id, order_line_id, quantity) VALUES (?, ?, ?)")
			.params(id, lineId, quantity)
			.update();
		return id;
	}

	void change(long orderId, String from, String to, Instant at, String note) {
		this.jdbc
			.sql("INSERT INTO order_status_change (order_id, from_status, to_status, at, actor, note) "
					+ "VALUES (?, ?, ?, ?, 'test', ?)")
			.params(orderId, from, to, Timestamp.from(at), note)
			.update();
	}

}
