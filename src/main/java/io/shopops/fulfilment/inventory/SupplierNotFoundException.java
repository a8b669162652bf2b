package io.shopops.fulfilment.inventory;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * No supplier with this id.
 */
@ResponseStatus(HttpStatus.NOT_FOUND)
class SupplierNotFoundException extends RuntimeException {

	SupplierNotFoundException(long id) {
		super("No supplier " + id);
	}

}
