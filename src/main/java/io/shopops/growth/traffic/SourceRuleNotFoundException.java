package io.shopops.growth.traffic;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * No traffic source rule has this id.
 */
@ResponseStatus(HttpStatus.NOT_FOUND)
class SourceRuleNotFoundException extends RuntimeException {

	SourceRuleNotFoundException(long id) {
		super("no traffic source rule " + id);
	}

}
