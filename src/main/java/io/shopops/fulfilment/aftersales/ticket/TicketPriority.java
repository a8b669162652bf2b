package io.shopops.fulfilment.aftersales.ticket;

/**
 * How urgent a ticket is; the SLA clock is the same for every priority, the queue sorts
 * urgent ones first.
 */
public enum TicketPriority {

	/** Can wait behind everything else. */
	LOW,

	/** The default. */
	NORMAL,

	/** Answer before normal tickets. */
	HIGH,

	/** Answer now: a complaint that can cost a customer or a bad public review. */
	URGENT

}
