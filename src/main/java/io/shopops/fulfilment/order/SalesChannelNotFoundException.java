package io.shopops.fulfilment.order;

/**
 * No active sales channel has the code asked for.
 */
public class SalesChannelNotFoundException extends RuntimeException {

	private final String code;

	public SalesChannelNotFoundException(String code) {
		super("No active sales channel " + code);
		this.code = code;
	}

	public String getCode() {
		return this.code;
	}

}
