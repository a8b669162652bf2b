package io.shopops.growth.traffic;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * No site has this id.
 */
@ResponseStatus(HttpStatus.NOT_FOUND)
class SiteNotFoundException extends RuntimeException {

	SiteNotFoundException(long id) {
		super("no site " + id);
	}

}
