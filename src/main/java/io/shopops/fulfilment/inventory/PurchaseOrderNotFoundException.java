package io.shopops.fulfilment.inventory;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * No purchase order with this id.
 */
@ResponseStatus(HttpStatus.NOT_FOUND)
class PurchaseOrderNotFoundException extends RuntimeException {

	PurchaseOrderNotFoundException(long id) {
		super("No purchase order " + id);
	}

}
