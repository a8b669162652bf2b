package io.shopops.growth.traffic;

import java.util.List;

/**
 * A site that cannot be saved as given, with one problem per field.
 */
class SiteInvalidException extends RuntimeException {

	private final List<Problem> problems;

	SiteInvalidException(List<Problem> problems) {
		super("invalid site: " + problems);
		this.problems = List.copyOf(problems);
	}

	List<Problem> problems() {
		return this.problems;
	}

	/**
	 * One problem.
	 *
	 * @param field the form field
	 * @param code the message key
	 */
	record Problem(String field, String code) {
	}

}
