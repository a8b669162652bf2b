package io.shopops.fulfilment.order;

import java.util.List;

/**
 * A channel could not be created because another channel has its code. Nothing was
 * changed.
 */
public class ChannelCodeTakenException extends OrderInvalidException {

	private final String code;

	public ChannelCodeTakenException(String code) {
		super(List.of(new Problem("code", "order.channel.code.duplicate", List.of(code))));
		this.code = code;
	}

	public String getCode() {
		return this.code;
	}

}
