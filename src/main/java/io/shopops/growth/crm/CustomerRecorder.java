package io.shopops.growth.crm;

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
 * Builds customers from fulfilment's order and refund events, after their commit and in a
 * transaction of its own; every reaction is idempotent, so a retried or re-delivered
 * event changes nothing.
 */
@Component
class CustomerRecorder {

	private final CustomerBook customers;

	CustomerRecorder(CustomerBook customers) {
		this.customers = customers;
	}

	/**
	 * An order that arrived paid is recorded from its {@link OrderPaid}, which carries
	 * the same snapshot: no publication, no second transaction.
	 */
	@ApplicationModuleListener(condition = "!#event.arrivedPaid()")
	void on(OrderPlaced event) {
		this.customers.record(event.order());
	}

	@ApplicationModuleListener
	void on(OrderPaid event) {
		this.customers.record(event.order());
	}

	@ApplicationModuleListener
	void on(OrderCompleted event) {
		this.customers.record(event.order());
	}

	@ApplicationModuleListener
	void on(OrderCancelled event) {
		this.customers.record(event.order());
	}

	@ApplicationModuleListener
	void on(OrderClosed event) {
		this.customers.record(event.order());
	}

	@ApplicationModuleListener
	void on(HistoryRecorded event) {
		this.customers.recordAll(event.orders());
	}

	@ApplicationModuleListener
	void on(RefundCompleted event) {
		this.customers.refund(event);
	}

}
