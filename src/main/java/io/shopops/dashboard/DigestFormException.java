package io.shopops.dashboard;

/**
 * A digest channel or alert rule the form sent that cannot be saved, with the field and
 * the message key that says why.
 */
class DigestFormException extends RuntimeException {

	private final String field;

	private final String code;

	DigestFormException(String field, String code) {
		super(code);
		this.field = field;
		this.code = code;
	}

	String field() {
		return this.field;
	}

	String code() {
		return this.code;
	}

}
