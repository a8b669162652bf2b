package io.shopops.fulfilment.aftersales.api;

import java.util.Locale;

/**
 * What a buyer asks for: refund only (仅退款), return and refund (退货退款) or exchange (换货).
 */
public enum RequestType {

	REFUND_ONLY, RETURN_REFUND, EXCHANGE;

	/**
	 * Whether money goes back to the buyer.
	 * @return {@code true} for the refund types
	 */
	public boolean refunds() {
		return this != EXCHANGE;
	}

	/**
	 * Whether goods come back.
	 * @return {@code true} for returns and exchanges
	 */
	public boolean returnsGoods() {
		return this != REFUND_ONLY;
	}

	/**
	 * The type as written in the JSON API, e.g. {@code refund_only}.
	 * @return the lower-case name
	 */
	public String apiName() {
		return name().toLowerCase(Locale.ROOT);
	}

	/**
	 * Reads a type as written in the JSON API.
	 * @param value e.g. {@code return_refund}
	 * @return the type
	 * @throws IllegalArgumentException if the value names no type
	 */
	public static RequestType fromApiName(String value) {
		return valueOf(value.strip().toUpperCase(Locale.ROOT));
	}

}
