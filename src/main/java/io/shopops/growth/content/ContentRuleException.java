package io.shopops.growth.content;

/**
 * A rule of content that only the service can check, carrying the message key shown to
 * the operator.
 */
class ContentRuleException extends RuntimeException {

	private final String code;

	ContentRuleException(String code) {
		super(code);
		this.code = code;
	}

	String code() {
		return this.code;
	}

}
