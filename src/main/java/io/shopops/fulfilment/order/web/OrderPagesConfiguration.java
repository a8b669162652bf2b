package io.shopops.fulfilment.order.web;

import java.time.Duration;
import java.util.function.LongSupplier;

import io.shopops.fulfilment.order.OrderSettings;
import io.shopops.platform.NavigationItem;
import io.shopops.platform.NavigationItem.Section;
import io.shopops.platform.WorkQueue;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The order pages' SLA deadlines (from the order settings), their cards on the operator
 * home and their navigation entry.
 */
@Configuration(proxyBeanMethods = false)
class OrderPagesConfiguration {

	/**
	 * The deadlines of the order settings an admin keeps at {@code /orders/settings}.
	 */
	@Bean
	ShippingDeadlines shippingDeadlines(OrderSettings settings) {
		return new ShippingDeadlines() {

			@Override
			public Duration shipWithin() {
				return Duration.ofHours(settings.current().shipSlaHours());
			}

			@Override
			public Duration deliverWithin() {
				return Duration.ofDays(settings.current().deliverySlaDays());
			}

		};
	}

	@Bean
	NavigationItem orderQueuesNavigation() {
		return new NavigationItem(Section.FULFILMENT, 32, "nav.orderQueues", "/orders/queues", "alarm");
	}

	@Bean
	WorkQueue lateToShipQueue(OrderQuery query) {
		return queue("queue.ordersToShip", "/orders/queues", "truck", query::countLateToShip);
	}

	@Bean
	WorkQueue lateToDeliverQueue(OrderQuery query) {
		return queue("queue.ordersToDeliver", "/orders/queues", "hourglass-split", query::countLateToDeliver);
	}

	private static WorkQueue queue(String labelKey, String path, String icon, LongSupplier count) {
		return new WorkQueue() {

			@Override
			public String labelKey() {
				return labelKey;
			}

			@Override
			public String path() {
				return path;
			}

			@Override
			public String icon() {
				return icon;
			}

			@Override
			public long count() {
				return count.getAsLong();
			}

		};
	}

}
