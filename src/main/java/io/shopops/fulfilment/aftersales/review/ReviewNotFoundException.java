package io.shopops.fulfilment.aftersales.review;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * No review has the id asked for.
 */
@ResponseStatus(HttpStatus.NOT_FOUND)
class ReviewNotFoundException extends RuntimeException {

	ReviewNotFoundException(long id) {
		super("review " + id);
	}

}
