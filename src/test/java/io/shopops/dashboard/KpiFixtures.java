package io.shopops.dashboard;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import io.shopops.fulfilment.aftersales.api.RefundCompleted;
import io.shopops.fulfilment.order.Address;
import io.shopops.fulfilment.order.Customer;
import io.shopops.fulfilment.order.OrderSnapshot;
import io.shopops.fulfilment.order.OrderSource;
import io.shopops.fulfilment.order.OrderStatus;
import io.shopops.fulfilment.order.SalesPlatform;
import io.shopops.fulfilment.order.Times;
import io.shopops.fulfilment.order.Utm;

/**
 * Orders and refunds as the events carry them, with ids far above the ones fulfilment
 * hands out and channel codes unique to each test, so that tests sharing the database
 * never see each other's figures.
 */
final class KpiFixtures {

	private static final AtomicLong IDS = new AtomicLong(
			9_000_000_000L + (Math.abs(UUID.randomUUID().getMostSignificantBits()) % 1_000_000_000L) * 100);

	private KpiFixtures() {
	}

	static long nextId() {
		return IDS.incrementAndGet();
	}

	static String channel() {
		return "KPI-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
	}

	static OrderSnapshot order(long id, String channel, Customer customer, Instant paidAt, String amount) {
		OrderStatus status = (paidAt != null) ? OrderStatus.PAID : OrderStatus.PENDING_PAYMENT;
		Instant placedAt = (paidAt != null) ? paidAt.minusSeconds(60) : Instant.now();
		BigDecimal paid = new BigDecimal(amount);
		return new OrderSnapshot(id, channel, SalesPlatform.OWN_SITE, "N" + id, status, Times.placed(placedAt, paidAt),
				customer, new Address(null, null, null, null, null, null, null), List.of(), paid, BigDecimal.ZERO,
				BigDecimal.ZERO, paid, "CNY", null, new Utm(null, null, null, null), null, null, null, OrderSource.API,
				false, "MAIN");
	}

	/**
	 * A paid order of lines {@code sku, quantity, amount}; its paid amount is their sum.
	 */
	static OrderSnapshot order(long id, String channel, Instant paidAt, Object... lines) {
		List<OrderSnapshot.Line> items = new java.util.ArrayList<>();
		BigDecimal total = BigDecimal.ZERO;
		for (int i = 0; i < lines.length; i += 3) {
			int quantity = (Integer) lines[i + 1];
			BigDecimal amount = new BigDecimal((String) lines[i + 2]);
			items.add(new OrderSnapshot.Line(id * 10 + i, (String) lines[i], null, "标题 " + lines[i], quantity,
					amount.divide(BigDecimal.valueOf(quantity), 2, java.math.RoundingMode.HALF_UP), BigDecimal.ZERO,
					amount, 0));
			total = total.add(amount);
		}
		return withLines(order(id, channel, buyerId("sku-buyer-" + id), paidAt, total.toPlainString()), items);
	}

	static OrderSnapshot withLines(OrderSnapshot o, List<OrderSnapshot.Line> lines) {
		return new OrderSnapshot(o.id(), o.channelCode(), o.platform(), o.number(), o.status(), o.times(), o.customer(),
				o.address(), lines, o.goodsAmount(), o.shippingFee(), o.discount(), o.paidAmount(), o.currency(),
				o.couponCode(), o.utm(), o.contentCode(), o.visitorId(), o.note(), o.source(), o.history(),
				o.warehouse());
	}

	/**
	 * A refund of lines {@code sku, quantity, amount}; its amount is their sum.
	 */
	static RefundCompleted refund(long requestId, OrderSnapshot order, Instant at, Object... lines) {
		List<RefundCompleted.Line> items = new java.util.ArrayList<>();
		BigDecimal total = BigDecimal.ZERO;
		for (int i = 0; i < lines.length; i += 3) {
			BigDecimal amount = new BigDecimal((String) lines[i + 2]);
			items.add(new RefundCompleted.Line((String) lines[i], (Integer) lines[i + 1], amount));
			total = total.add(amount);
		}
		return new RefundCompleted(requestId, order.id(), order.number(), order.channelCode(), total, "CNY", items, at);
	}

	static RefundCompleted refund(long requestId, OrderSnapshot order, String amount, Instant at) {
		return new RefundCompleted(requestId, order.id(), order.number(), order.channelCode(), new BigDecimal(amount),
				"CNY", List.of(), at);
	}

	static Customer buyerId(String id) {
		return new Customer("买家", null, null, id);
	}

	static Customer phone(String phone) {
		return new Customer("买家", phone, null, null);
	}

	static Customer email(String email) {
		return new Customer("Buyer", null, email, null);
	}

	static Customer nobody() {
		return new Customer(null, null, null, null);
	}

}
