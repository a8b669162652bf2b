package io.shopops.growth.outreach;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * No outreach template, campaign or message with that id.
 */
@ResponseStatus(HttpStatus.NOT_FOUND)
class OutreachNotFoundException extends RuntimeException {

	OutreachNotFoundException(String what, long id) {
		super(what + " " + id + " not found");
	}

}
