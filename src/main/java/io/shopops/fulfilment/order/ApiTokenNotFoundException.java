package io.shopops.fulfilment.order;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * No API token has the id asked for.
 */
@ResponseStatus(HttpStatus.NOT_FOUND)
class ApiTokenNotFoundException extends RuntimeException {

	ApiTokenNotFoundException(long id) {
		super("No API token " + id);
	}

}
