package io.shopops.growth.content;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.util.Locale;

import io.shopops.fulfilment.aftersales.api.RefundCompleted;
import io.shopops.fulfilment.order.OrderEvents.HistoryRecorded;
import io.shopops.fulfilment.order.OrderEvents.OrderCancelled;
import io.shopops.fulfilment.order.OrderEvents.OrderClosed;
import io.shopops.fulfilment.order.OrderEvents.OrderCompleted;
import io.shopops.fulfilment.order.OrderEvents.OrderPaid;
import io.shopops.fulfilment.order.OrderEvents.OrderPlaced;
import io.shopops.fulfilment.order.OrderEvents.OrderShipped;
import io.shopops.fulfilment.order.OrderSnapshot;
import io.shopops.fulfilment.order.OrderStatus;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the order facts of attribution ({@code content_order}) from fulfilment's events:
 * every order that carries a content code, with what was paid and when, whether it was
 * cancelled, and what was refunded. Which piece or livestream an order counts for is
 * decided when reading (tracking code, and for a session its window), so that changing a
 * tracking code re-attributes at once.
 * <p>
 * Idempotent: an order's row is an upsert from the event's snapshot that never forgets a
 * payment or a cancellation (events may arrive out of order), and a refund is counted
 * once per after-sales request and time. A refund of an order without a content code is
 * ignored.
 */
@Component
class ContentAttribution {

	static final int MAX_CODE = 64;

	private final JdbcClient jdbc;

	ContentAttribution(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * An order that arrived paid is recorded from its {@link OrderPaid}, which carries
	 * the same snapshot: no publication, no second transaction.
	 */
	@ApplicationModuleListener(condition = "!#event.arrivedPaid()")
	void on(OrderPlaced event) {
		record(event.order());
	}

	@ApplicationModuleListener
	void on(OrderPaid event) {
		record(event.order());
	}

	@ApplicationModuleListener
	void on(OrderShipped event) {
		record(event.order());
	}

	@ApplicationModuleListener
	void on(OrderCompleted event) {
		record(event.order());
	}

	@ApplicationModuleListener
	void on(OrderCancelled event) {
		record(event.order());
	}

	@ApplicationModuleListener
	void on(OrderClosed event) {
		record(event.order());
	}

	@ApplicationModuleListener
	void on(HistoryRecorded event) {
		for (OrderSnapshot order : event.orders()) {
			record(order);
		}
	}

	@ApplicationModuleListener
	void on(RefundCompleted event) {
		int counted = this.jdbc.sql("""
				INSERT INTO content_refund (request_id, refunded_at, order_id, amount)
				SELECT :request, :at, :order, :amount WHERE EXISTS (SELECT 1 FROM content_order WHERE order_id = :order)
				ON CONFLICT DO NOTHING""")
			.param("request", event.requestId())
			.param("at", Timestamp.from(event.at()))
			.param("order", event.orderId())
			.param("amount", event.amount())
			.update();
		if (counted > 0) {
			this.jdbc.sql("""
					UPDATE content_order SET refunded = (SELECT coalesce(sum(amount), 0) FROM content_refund
					    WHERE order_id = :order), updated_at = now()
					WHERE order_id = :order""").param("order", event.orderId()).update();
		}
	}

	/**
	 * The code as attribution compares it: trimmed, upper case, at most 64 characters.
	 * @param code an order's content code, may be {@code null}
	 * @return the code, or {@code null} when blank
	 */
	static String code(String code) {
		if (code == null || code.isBlank()) {
			return null;
		}
		String normalized = code.strip().toUpperCase(Locale.ROOT);
		return (normalized.length() > MAX_CODE) ? normalized.substring(0, MAX_CODE) : normalized;
	}

	private void record(OrderSnapshot order) {
		String code = code(order.contentCode());
		if (code == null) {
			return;
		}
		BigDecimal paid = (order.paidAmount() != null) ? order.paidAmount() : BigDecimal.ZERO;
		this.jdbc.sql("""
				INSERT INTO content_order (order_id, order_number, channel_code, content_code, paid_amount, currency,
				    placed_at, paid_at, cancelled)
				VALUES (:id, :number, :channel, :code, :paid, :currency, :placed, :paidAt, :cancelled)
				ON CONFLICT (order_id) DO UPDATE SET content_code = EXCLUDED.content_code,
				    paid_amount = EXCLUDED.paid_amount,
				    paid_at = coalesce(EXCLUDED.paid_at, content_order.paid_at),
				    cancelled = content_order.cancelled OR EXCLUDED.cancelled, updated_at = now()
				WHERE (content_order.content_code, content_order.paid_amount, content_order.paid_at,
				       content_order.cancelled)
				    IS DISTINCT FROM (EXCLUDED.content_code, EXCLUDED.paid_amount,
				       coalesce(EXCLUDED.paid_at, content_order.paid_at),
				       content_order.cancelled OR EXCLUDED.cancelled)""")
			.param("id", order.id())
			.param("number", order.number())
			.param("channel", order.channelCode())
			.param("code", code)
			.param("paid", paid)
			.param("currency", order.currency())
			.param("placed", Timestamp.from(order.times().placedAt()))
			.param("paidAt", (order.times().paidAt() != null) ? Timestamp.from(order.times().paidAt()) : null)
			.param("cancelled", order.status() == OrderStatus.CANCELLED)
			.update();
	}

}
