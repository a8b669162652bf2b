package io.shopops.fulfilment.aftersales.ticket;

import java.time.Instant;

/**
 * A ticket as the queue shows it.
 *
 * @param id the id
 * @param subject the subject
 * @param priority how urgent
 * @param status where it is
 * @param assignee the assignee's username, may be {@code null}
 * @param assigneeName the assignee's display name, may be {@code null}
 * @param orderId the order it is about, may be {@code null}
 * @param orderNumber that order's number, may be {@code null}
 * @param customerName the customer, may be {@code null}
 * @param openedAt when it was opened
 * @param firstResponseAt when it was first replied to, may be {@code null}
 * @param sla its due times
 * @param breached whether a clock ran out while it still needs work
 * @param dueSoon whether a clock runs out within the hour
 * @param version the row version
 */
record TicketRow(long id, String subject, TicketPriority priority, TicketStatus status, String assignee,
		String assigneeName, Long orderId, String orderNumber, String customerName, Instant openedAt,
		Instant firstResponseAt, TicketSla sla, boolean breached, boolean dueSoon, long version) {

	/**
	 * The next due time the ticket is measured against: the first reply until it is sent,
	 * then the resolution.
	 */
	public Instant nextDue() {
		return (this.firstResponseAt == null && this.sla.firstResponseDue().isBefore(this.sla.resolutionDue()))
				? this.sla.firstResponseDue() : this.sla.resolutionDue();
	}

}
