package io.shopops.growth.coupon;

import java.util.List;

/**
 * A form value that only the service can check (an unknown product or category, a limit
 * below the redemptions made): the field and the message key to show there.
 */
class CouponFormException extends RuntimeException {

	private final String field;

	private final String code;

	private final transient List<Object> args;

	CouponFormException(String field, String code, Object... args) {
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
