package io.shopops.growth.retention;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import io.shopops.fulfilment.order.Address;
import io.shopops.fulfilment.order.Customer;
import io.shopops.fulfilment.order.OrderDraft;
import io.shopops.fulfilment.order.OrderSnapshot;
import io.shopops.fulfilment.order.OrderSource;
import io.shopops.fulfilment.order.OrderStatus;
import io.shopops.fulfilment.order.Orders;
import io.shopops.fulfilment.order.SalesChannels;
import io.shopops.fulfilment.order.SalesPlatform;
import io.shopops.fulfilment.order.Times;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.awaitility.Awaitility.await;

/**
 * Channels, buyers, products and history orders with unique values for the retention
 * tests, and waiting until retention has recorded an order.
 */
final class RetentionFixtures {

	private final Orders orders;

	private final JdbcClient jdbc;

	final String channel;

	RetentionFixtures(Orders orders, SalesChannels channels, JdbcClient jdbc) {
		this.orders = orders;
		this.jdbc = jdbc;
		this.channel = channels.create(unique("RET"), "Retention test channel", SalesPlatform.OWN_SITE).code();
	}

	static String unique(String prefix) {
		return prefix + "-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
	}

	static Customer buyer(String name) {
		String phone = "17" + String.format("%09d", ThreadLocalRandom.current().nextInt(1_000_000_000));
		return new Customer(name, phone, null, null);
	}

	/** A catalog product with one SKU; answers the SKU. */
	String product(String title) {
		String sku = unique("RSKU");
		long product = this.jdbc.sql("INSERT INTO product (handle, title, status) VALUES (?, ?, 'ACTIVE') RETURNING id")
			.params(sku.toLowerCase(Locale.ROOT), title)
			.query(Long.class)
			.single();
		this.jdbc.sql("INSERT INTO product_variant (product_id, sku, price, position) VALUES (?, ?, 10, 1)")
			.params(product, sku)
			.update();
		return sku;
	}

	long productId(String sku) {
		return this.jdbc.sql("SELECT product_id FROM product_variant WHERE sku = ?")
			.param(sku)
			.query(Long.class)
			.single();
	}

	/** A completed history order paid at the given time (ISO offset date-time). */
	OrderSnapshot paid(Customer buyer, String paidAt, String amount, String sku) {
		return place(buyer, OffsetDateTime.parse(paidAt).toInstant(), amount, sku, OrderStatus.COMPLETED);
	}

	OrderSnapshot place(Customer buyer, Instant paid, String amount, String sku, OrderStatus status) {
		Instant placed = paid.minusSeconds(60);
		Times times = (status == OrderStatus.CLOSED)
				? new Times(placed, paid, paid.plusSeconds(3600), paid.plusSeconds(86400), null, null,
						paid.plusSeconds(2 * 86400))
				: new Times(placed, paid, paid.plusSeconds(3600), paid.plusSeconds(86400), paid.plusSeconds(2 * 86400),
						null, null);
		OrderDraft draft = new OrderDraft(this.channel, unique("RO"), status, times, buyer,
				new Address(buyer.name(), buyer.phone(), "浙江省", "杭州市", "西湖区", "文三路 1 号", "310000"),
				List.of(new OrderDraft.Line((sku != null) ? sku : "RET-SKU", "Test item", 1, new BigDecimal(amount),
						null)),
				null, null, null, null, null, null, null, new OrderDraft.Shipment("顺丰速运", "SF1"), null,
				OrderSource.API);
		OrderSnapshot order = this.orders.place(draft).order();
		awaitRecorded(order.id());
		return order;
	}

	void awaitRecorded(long orderId) {
		await().atMost(Duration.ofSeconds(20))
			.until(() -> this.jdbc.sql("SELECT count(*) FROM retention_order WHERE order_id = ?")
				.param(orderId)
				.query(Long.class)
				.single() == 1);
	}

	long customerOf(long orderId) {
		return this.jdbc.sql("SELECT customer_id FROM customer_order WHERE order_id = ?")
			.param(orderId)
			.query(Long.class)
			.single();
	}

	static Timestamp at(String iso) {
		return Timestamp.from(OffsetDateTime.parse(iso).toInstant());
	}

}
