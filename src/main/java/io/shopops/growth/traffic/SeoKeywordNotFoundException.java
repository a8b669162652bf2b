package io.shopops.growth.traffic;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * No SEO keyword has this id.
 */
@ResponseStatus(HttpStatus.NOT_FOUND)
class SeoKeywordNotFoundException extends RuntimeException {

	SeoKeywordNotFoundException(long id) {
		super("no SEO keyword " + id);
	}

}
