package io.shopops.growth.community;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * A group, activity, SOP item or task that does not exist: the page answers 404.
 */
@ResponseStatus(HttpStatus.NOT_FOUND)
class CommunityNotFoundException extends RuntimeException {

	CommunityNotFoundException(String what, long id) {
		super(what + " " + id + " not found");
	}

}
