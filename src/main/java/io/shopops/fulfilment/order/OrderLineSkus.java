package io.shopops.fulfilment.order;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The SKUs of many orders' lines at once, for other modules that keep their own facts of
 * orders and fill in the ones they missed (one statement per call, not one per order).
 */
public interface OrderLineSkus {

	/** The most orders one call accepts. */
	int MAX_ORDERS = 5_000;

	/**
	 * The SKUs of the orders' lines, in line order, each once per order.
	 * @param orderIds the orders, at most {@link #MAX_ORDERS}; unknown ids are left out
	 * @return the SKUs by order id; orders without lines are left out
	 * @throws IllegalArgumentException for more than {@link #MAX_ORDERS} orders
	 */
	Map<Long, List<String>> skusOf(Collection<Long> orderIds);

}
