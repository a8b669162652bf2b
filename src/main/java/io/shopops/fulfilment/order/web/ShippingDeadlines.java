package io.shopops.fulfilment.order.web;

import java.time.Duration;

/**
 * How long an order may wait before the SLA queues show it: paid and not shipped within
 * {@link #shipWithin()}, shipped and not delivered within {@link #deliverWithin()}.
 */
interface ShippingDeadlines {

	/**
	 * The time between payment and shipment the shop promises.
	 * @return a positive duration
	 */
	Duration shipWithin();

	/**
	 * The time between shipment and delivery after which an order needs a look.
	 * @return a positive duration
	 */
	Duration deliverWithin();

}
