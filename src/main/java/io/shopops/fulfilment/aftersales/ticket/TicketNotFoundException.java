package io.shopops.fulfilment.aftersales.ticket;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * No ticket (or canned reply) with the id asked for.
 */
@ResponseStatus(HttpStatus.NOT_FOUND)
class TicketNotFoundException extends RuntimeException {

	TicketNotFoundException(String what) {
		super("No " + what);
	}

}
