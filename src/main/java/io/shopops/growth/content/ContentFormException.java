package io.shopops.growth.content;

import java.util.List;

/**
 * A form value that only the service can check (unknown owner or SKU, a tracking code in
 * use, a missing publish time): the field and the message key to show there.
 */
class ContentFormException extends RuntimeException {

	private final String field;

	private final String code;

	private final transient List<Object> args;

	ContentFormException(String field, String code, Object... args) {
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
