package io.shopops.growth.community;

/**
 * A change the rules do not allow (closing a task that is not open, or someone else's):
 * the page shows the message key.
 */
class CommunityRuleException extends RuntimeException {

	private final String code;

	CommunityRuleException(String code) {
		super(code);
		this.code = code;
	}

	String code() {
		return this.code;
	}

}
