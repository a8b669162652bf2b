package io.shopops.growth.segment;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import io.shopops.fulfilment.order.Address;
import io.shopops.fulfilment.order.Customer;
import io.shopops.fulfilment.order.OrderDraft;
import io.shopops.fulfilment.order.OrderSource;
import io.shopops.fulfilment.order.OrderStatus;
import io.shopops.fulfilment.order.SalesChannels;
import io.shopops.fulfilment.order.SalesPlatform;
import io.shopops.fulfilment.order.Times;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.awaitility.Awaitility.await;

/**
 * Channels, buyers and history orders with unique values, so that tests sharing the
 * database never see each other's customers: a segment test narrows by its own channel.
 */
final class SegmentFixtures {

	private SegmentFixtures() {
	}

	static String unique(String prefix) {
		return prefix + "-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
	}

	static String phone() {
		return "18" + String.format("%09d", ThreadLocalRandom.current().nextInt(1_000_000_000));
	}

	static String channel(SalesChannels channels) {
		return channels.create(unique("SEG"), "Segment test channel", SalesPlatform.OWN_SITE).code();
	}

	static Customer buyer(String name) {
		return new Customer(name, phone(), null, null);
	}

	/**
	 * A completed history order (it never touches stock) of one line of the given SKU and
	 * value, placed {@code daysAgo} days ago.
	 */
	static OrderDraft completed(String channel, String number, Customer customer, String sku, String amount,
			int daysAgo) {
		Instant placed = Instant.now().minus(Duration.ofDays(daysAgo)).truncatedTo(ChronoUnit.SECONDS);
		Times times = new Times(placed, placed.plusSeconds(60), placed.plusSeconds(3600), placed.plusSeconds(86400),
				placed.plusSeconds(2 * 86400), null, null);
		return new OrderDraft(channel, number, OrderStatus.COMPLETED, times, customer,
				new Address(customer.name(), customer.phone(), "浙江省", "杭州市", "西湖区", "文三路 1 号", "310000"),
				List.of(new OrderDraft.Line(sku, "Test item", 1, new BigDecimal(amount), null)), null, null, null, null,
				null, null, null, null, null, OrderSource.API);
	}

	static OrderDraft cancelled(String channel, String number, Customer customer, String sku, String amount,
			int daysAgo) {
		Instant placed = Instant.now().minus(Duration.ofDays(daysAgo)).truncatedTo(ChronoUnit.SECONDS);
		Times times = new Times(placed, null, null, null, null, placed.plusSeconds(600), null);
		return new OrderDraft(channel, number, OrderStatus.CANCELLED, times, customer, null,
				List.of(new OrderDraft.Line(sku, "Test item", 1, new BigDecimal(amount), null)), null, null, null, null,
				null, null, null, null, null, OrderSource.API);
	}

	/**
	 * Waits until CRM has recorded the order (and with it its SKUs), and returns its
	 * customer.
	 */
	static long customerOf(JdbcClient jdbc, long orderId) {
		await().atMost(Duration.ofSeconds(30))
			.until(() -> jdbc.sql("SELECT count(*) FROM customer_order WHERE order_id = :id")
				.param("id", orderId)
				.query(Long.class)
				.single() == 1);
		return jdbc.sql("SELECT customer_id FROM customer_order WHERE order_id = :id")
			.param("id", orderId)
			.query(Long.class)
			.single();
	}

}
