package io.shopops.fulfilment.aftersales.ticket;

/**
 * An action the ticket's state does not allow (a closed ticket, an illegal status change,
 * an assignee who is not an enabled user); the page shows the message key.
 */
class TicketActionException extends RuntimeException {

	private final String messageKey;

	TicketActionException(String messageKey) {
		super(messageKey);
		this.messageKey = messageKey;
	}

	String messageKey() {
		return this.messageKey;
	}

}
