package io.shopops.fulfilment.aftersales.ticket;

/**
 * Opens service tickets for other parts of the shop, audited as the signed-in user.
 */
public interface Tickets {

	/**
	 * Opens a ticket, or returns the open ticket that already came from the same source
	 * and reference (so a second click on "make a ticket" does not open two).
	 * @param draft the ticket
	 * @return the ticket's id; its page is {@code /after-sales/tickets/{id}}
	 * @throws IllegalArgumentException if the subject is blank or longer than 200
	 * characters, the priority is missing, the source is not one of those
	 * {@link TicketDraft} names, the reference is longer than 64 characters, or the order
	 * does not exist
	 */
	long open(TicketDraft draft);

	/**
	 * The latest ticket that came from a source and reference, open or not.
	 * @param source {@code review} or {@code after_sales}
	 * @param reference the review's or request's id
	 * @return the ticket's id, or empty
	 */
	java.util.Optional<Long> find(String source, String reference);

}
