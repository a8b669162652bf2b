package io.shopops.growth.segment;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * No saved segment has the id.
 */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class SegmentNotFoundException extends RuntimeException {

	public SegmentNotFoundException(long id) {
		super("segment " + id);
	}

}
