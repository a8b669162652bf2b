package io.shopops.growth.outreach;

/**
 * A refusal only the outreach services can decide (a taken name, a campaign in the wrong
 * status), with the message key to show and the form field it belongs to.
 */
class OutreachException extends RuntimeException {

	private final String field;

	private final String code;

	private final transient Object[] args;

	OutreachException(String field, String code, Object... args) {
		super(code);
		this.field = field;
		this.code = code;
		this.args = args;
	}

	String field() {
		return this.field;
	}

	String code() {
		return this.code;
	}

	Object[] args() {
		return this.args;
	}

}
