package io.shopops.growth.content;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * No piece or livestream session has the id asked for.
 */
@ResponseStatus(HttpStatus.NOT_FOUND)
class ContentNotFoundException extends RuntimeException {

	ContentNotFoundException(String what, long id) {
		super(what + " " + id);
	}

}
