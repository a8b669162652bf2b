package io.shopops.platform.user;

/**
 * A rule of user management that the request breaks, identified by its message key.
 */
class UserException extends RuntimeException {

	private final String messageKey;

	UserException(String messageKey) {
		super(messageKey);
		this.messageKey = messageKey;
	}

	String messageKey() {
		return this.messageKey;
	}

}
