package io.shopops.fulfilment.inventory;

import java.util.List;

/**
 * A stock-take could not be applied, refreshed or discarded: it was decided already, it
 * has problems, or a counted row's stock changed since the preview. Nothing was changed;
 * the message key and its arguments say why.
 */
class StockTakeException extends RuntimeException {

	private final String messageKey;

	private final List<Object> args;

	StockTakeException(String messageKey, Object... args) {
		super(messageKey);
		this.messageKey = messageKey;
		this.args = List.of(args);
	}

	String messageKey() {
		return this.messageKey;
	}

	Object[] args() {
		return this.args.toArray();
	}

}
