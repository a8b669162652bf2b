package io.shopops.growth.coupon;

import io.shopops.fulfilment.aftersales.api.RefundCompleted;
import io.shopops.fulfilment.order.OrderEvents.OrderCancelled;
import io.shopops.fulfilment.order.OrderEvents.OrderPaid;
import io.shopops.fulfilment.order.OrderEvents.OrderPlaced;
import io.shopops.fulfilment.order.OrderSnapshot;
import io.shopops.growth.crm.CustomerBook;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Records coupon redemptions from fulfilment's order events and gives coupons back on
 * cancellations and refunds, after the events' commit and in transactions of its own. The
 * order's customer comes from CRM's {@link CustomerBook#record}, which is idempotent and
 * runs in a short transaction of its own first, so that its customer lock is not held
 * while the coupon's limits are claimed.
 */
@Component
class CouponRecorder {

	private final CouponRedemptions redemptions;

	private final CustomerBook customers;

	private final TransactionTemplate separately;

	CouponRecorder(CouponRedemptions redemptions, CustomerBook customers, PlatformTransactionManager transactions) {
		this.redemptions = redemptions;
		this.customers = customers;
		this.separately = new TransactionTemplate(transactions);
		this.separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	@ApplicationModuleListener
	void on(OrderPlaced event) {
		redeem(event.order());
	}

	@ApplicationModuleListener
	void on(OrderPaid event) {
		redeem(event.order());
	}

	@ApplicationModuleListener
	void on(OrderCancelled event) {
		this.redemptions.cancelled(event.order());
	}

	@ApplicationModuleListener
	void on(RefundCompleted event) {
		this.redemptions.refunded(event);
	}

	private void redeem(OrderSnapshot order) {
		if (!this.redemptions.knows(order.couponCode())) {
			return;
		}
		Long customerId = this.separately.execute((status) -> this.customers.record(order).orElse(null));
		this.redemptions.redeem(order, customerId);
	}

}
