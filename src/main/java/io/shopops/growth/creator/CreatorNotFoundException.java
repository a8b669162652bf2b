package io.shopops.growth.creator;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * A creator or cooperation that does not exist: the page answers 404.
 */
@ResponseStatus(HttpStatus.NOT_FOUND)
class CreatorNotFoundException extends RuntimeException {

	CreatorNotFoundException(String what, long id) {
		super(what + " " + id + " not found");
	}

}
