package io.shopops.growth.creator;

import java.util.List;

/**
 * A form value that only the service can check (a handle taken on the platform, a
 * tracking code in use, terms that do not fit the type, an unknown SKU or piece, too
 * little stock, a payout above the balance): the field and the message key to show there.
 */
class CreatorFormException extends RuntimeException {

	private final String field;

	private final String code;

	private final transient List<Object> args;

	CreatorFormException(String field, String code, Object... args) {
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
