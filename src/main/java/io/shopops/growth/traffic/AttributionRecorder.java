package io.shopops.growth.traffic;

import io.shopops.fulfilment.aftersales.api.RefundCompleted;
import io.shopops.fulfilment.order.OrderEvents.HistoryRecorded;
import io.shopops.fulfilment.order.OrderEvents.OrderCancelled;
import io.shopops.fulfilment.order.OrderEvents.OrderClosed;
import io.shopops.fulfilment.order.OrderEvents.OrderCompleted;
import io.shopops.fulfilment.order.OrderEvents.OrderPaid;
import io.shopops.fulfilment.order.OrderEvents.OrderPlaced;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the attribution facts from fulfilment's order and refund events, after their
 * commit and in a transaction of its own; every reaction is idempotent, so a retried or
 * re-delivered event changes nothing. Placed (a history order with its payment time),
 * paid, completed, cancelled and closed all carry the order with its payment time, as for
 * the KPI rollups: a paid order counts on its payment day whatever happened later.
 */
@Component
class AttributionRecorder {

	private final Attributions attributions;

	AttributionRecorder(Attributions attributions) {
		this.attributions = attributions;
	}

	/**
	 * An order that arrived paid is recorded from its {@link OrderPaid}, which carries
	 * the same snapshot: no publication, no second transaction.
	 */
	@ApplicationModuleListener(condition = "!#event.arrivedPaid()")
	void on(OrderPlaced event) {
		this.attributions.record(event.order());
	}

	@ApplicationModuleListener
	void on(OrderPaid event) {
		this.attributions.record(event.order());
	}

	@ApplicationModuleListener
	void on(OrderCompleted event) {
		this.attributions.record(event.order());
	}

	@ApplicationModuleListener
	void on(OrderCancelled event) {
		this.attributions.record(event.order());
	}

	@ApplicationModuleListener
	void on(OrderClosed event) {
		this.attributions.record(event.order());
	}

	@ApplicationModuleListener
	void on(HistoryRecorded event) {
		this.attributions.recordAll(event.orders());
	}

	@ApplicationModuleListener
	void on(RefundCompleted event) {
		this.attributions.refund(event);
	}

}
