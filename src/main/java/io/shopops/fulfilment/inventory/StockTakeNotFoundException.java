package io.shopops.fulfilment.inventory;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * No stock-take with this id.
 */
@ResponseStatus(HttpStatus.NOT_FOUND)
class StockTakeNotFoundException extends RuntimeException {

	StockTakeNotFoundException(long id) {
		super("No stock-take " + id);
	}

}
