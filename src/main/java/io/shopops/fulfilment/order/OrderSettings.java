package io.shopops.fulfilment.order;

/**
 * Read access to the shop's order rules, which admins change on the order settings page.
 * Answers from memory; a change is seen once it is committed.
 */
public interface OrderSettings {

	/**
	 * The current rules.
	 * @return the rules, never {@code null}
	 */
	OrderRules current();

	/**
	 * The shop's order rules.
	 *
	 * @param holdShortOrders whether a paid order whose stock cannot be fully reserved is
	 * kept as {@link OrderStatus#AWAITING_STOCK} instead of being refused (default
	 * {@code false}: refused)
	 * @param shipSlaHours a paid order not shipped after this many hours is overdue
	 * (default 48)
	 * @param deliverySlaDays a shipped order not delivered after this many days is
	 * overdue (default 7)
	 * @param defaultWarehouse the code of the warehouse new orders reserve their stock in
	 * (default {@code MAIN})
	 */
	record OrderRules(boolean holdShortOrders, int shipSlaHours, int deliverySlaDays, String defaultWarehouse) {
	}

}
