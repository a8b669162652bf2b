package io.shopops.dashboard;

import io.shopops.fulfilment.aftersales.api.RefundCompleted;
import io.shopops.fulfilment.order.OrderEvents.HistoryRecorded;
import io.shopops.fulfilment.order.OrderEvents.OrderCancelled;
import io.shopops.fulfilment.order.OrderEvents.OrderClosed;
import io.shopops.fulfilment.order.OrderEvents.OrderPaid;
import io.shopops.fulfilment.order.OrderEvents.OrderPlaced;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Feeds the KPI rollups from the order and refund events, after their transactions
 * commit, each in its own transaction; a failure leaves the publication incomplete, and
 * it is delivered again (on restart and by {@link KpiCatchUp}). Placed (a history order
 * with its payment time), paid, cancelled and closed all carry the order with its payment
 * time: recording is idempotent, so the first of them that arrives counts it and the
 * others change nothing unless the order changed. A batch of imported history orders
 * ({@link HistoryRecorded}) is recorded in one transaction.
 */
@Component
class KpiRecorder {

	private final KpiRollups rollups;

	KpiRecorder(KpiRollups rollups) {
		this.rollups = rollups;
	}

	/**
	 * An order that arrived paid is recorded from its {@link OrderPaid}, which carries
	 * the same snapshot: no publication, no second transaction.
	 */
	@ApplicationModuleListener(condition = "!#event.arrivedPaid()")
	void on(OrderPlaced event) {
		this.rollups.recordOrder(event.order());
	}

	@ApplicationModuleListener
	void on(OrderPaid event) {
		this.rollups.recordOrder(event.order());
	}

	@ApplicationModuleListener
	void on(OrderCancelled event) {
		this.rollups.recordOrder(event.order());
	}

	@ApplicationModuleListener
	void on(OrderClosed event) {
		this.rollups.recordOrder(event.order());
	}

	@ApplicationModuleListener
	void on(HistoryRecorded event) {
		this.rollups.recordOrders(event.orders());
	}

	@ApplicationModuleListener
	void on(RefundCompleted event) {
		this.rollups.recordRefund(event);
	}

}
