package io.shopops.growth.segment;

import java.util.LinkedHashSet;
import java.util.Set;

import io.shopops.fulfilment.order.OrderEvents.OrderCompleted;
import io.shopops.fulfilment.order.OrderEvents.OrderPaid;
import io.shopops.fulfilment.order.OrderEvents.OrderPlaced;
import io.shopops.fulfilment.order.OrderSnapshot;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the SKUs of every order for the "bought product" criterion, from fulfilment's
 * order events, after their commit; a re-delivered event changes nothing. Whether the
 * order counts (paid, not cancelled) and whose it is are read from CRM's order facts when
 * a segment is evaluated.
 */
@Component
class OrderSkuRecorder {

	private final JdbcClient jdbc;

	OrderSkuRecorder(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@ApplicationModuleListener
	void on(OrderPlaced event) {
		record(event.order());
	}

	@ApplicationModuleListener
	void on(OrderPaid event) {
		record(event.order());
	}

	@ApplicationModuleListener
	void on(OrderCompleted event) {
		record(event.order());
	}

	void record(OrderSnapshot order) {
		if (order.lines() == null) {
			return;
		}
		Set<String> skus = new LinkedHashSet<>();
		for (OrderSnapshot.Line line : order.lines()) {
			if (line.sku() != null && !line.sku().isBlank()) {
				String sku = line.sku().strip();
				skus.add((sku.length() > 64) ? sku.substring(0, 64) : sku);
			}
		}
		for (String sku : skus) {
			this.jdbc.sql("INSERT INTO segment_order_sku (order_id, sku) VALUES (:order, :sku) ON CONFLICT DO NOTHING")
				.param("order", order.id())
				.param("sku", sku)
				.update();
		}
	}

}
