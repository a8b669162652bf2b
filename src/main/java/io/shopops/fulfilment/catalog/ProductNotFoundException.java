package io.shopops.fulfilment.catalog;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

@ResponseStatus(HttpStatus.NOT_FOUND)
class ProductNotFoundException extends RuntimeException {

	ProductNotFoundException(long id) {
		super("No product " + id);
	}

}
