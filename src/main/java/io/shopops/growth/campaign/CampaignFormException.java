package io.shopops.growth.campaign;

import java.util.List;

/**
 * A form value that only the service can check (a name in use, an unknown sales channel,
 * a day outside the campaign): the field and the message key to show there.
 */
class CampaignFormException extends RuntimeException {

	private final String field;

	private final String code;

	private final transient List<Object> args;

	CampaignFormException(String field, String code, Object... args) {
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
