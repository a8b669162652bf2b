package io.shopops.growth.coupon;

import io.shopops.fulfilment.aftersales.api.RefundCompleted;
import java.util.List;
import java.util.Map;

import io.shopops.fulfilment.order.OrderEvents.HistoryRecorded;
import io.shopops.fulfilment.order.OrderEvents.OrderCancelled;
import io.shopops.fulfilment.order.OrderEvents.OrderPaid;
import io.shopops.fulfilment.order.OrderEvents.OrderPlaced;
import io.shopops.fulfilment.order.OrderSnapshot;
import io.shopops.fulfilment.order.OrderStatus;
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

	/**
	 * An order that arrived paid is recorded from its {@link OrderPaid}, which carries
	 * the same snapshot: no publication, no second transaction.
	 */
	@ApplicationModuleListener(condition = "!#event.arrivedPaid()")
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

	/**
	 * The orders of an imported batch, as their per-order events would have been: a
	 * cancelled order gives its coupon back, any other one redeems it. Only orders with a
	 * coupon code ShopOps issued cost anything; their customers are recorded first, in
	 * one short transaction of their own.
	 */
	@ApplicationModuleListener
	void on(HistoryRecorded event) {
		List<OrderSnapshot> withCoupons = event.orders()
			.stream()
			.filter((order) -> this.redemptions.knows(order.couponCode()))
			.toList();
		if (withCoupons.isEmpty()) {
			return;
		}
		Map<Long, Long> customerIds = this.separately.execute((status) -> this.customers.recordAll(withCoupons));
		for (OrderSnapshot order : withCoupons) {
			if (order.status() == OrderStatus.CANCELLED) {
				this.redemptions.cancelled(order);
			}
			else {
				this.redemptions.redeem(order, customerIds.get(order.id()));
			}
		}
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
