package io.shopops.growth.lifecycle;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * No lifecycle rule (or task) with that id.
 */
@ResponseStatus(HttpStatus.NOT_FOUND)
class LifecycleNotFoundException extends RuntimeException {

	LifecycleNotFoundException(String what, long id) {
		super("No lifecycle " + what + " " + id);
	}

}
