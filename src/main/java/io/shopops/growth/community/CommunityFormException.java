package io.shopops.growth.community;

import java.util.List;

/**
 * A form value that only the service can check (unknown owner or group, a tracking code
 * in use, a window that ends before it starts, a schedule missing its day or time): the
 * field and the message key to show there.
 */
class CommunityFormException extends RuntimeException {

	private final String field;

	private final String code;

	private final transient List<Object> args;

	CommunityFormException(String field, String code, Object... args) {
		super(field + ": " + code);
		this.field = field;
		this.code = code;
		this.args = List.of(args);
	}

	String field() {
		return this.field;
	}

	String code() {
		return this.code;
	}

	Object[] args() {
		return this.args.toArray();
	}

}
