package io.shopops.fulfilment.order;

import java.security.Principal;

/**
 * A channel integration calling the JSON API with one of its channel's tokens. Its name,
 * {@code api:<channel code>}, is the actor of what it changes.
 *
 * @param tokenId the token's id
 * @param channelCode the code of the token's channel
 */
public record ApiCaller(long tokenId, String channelCode) implements Principal {

	@Override
	public String getName() {
		return "api:" + this.channelCode;
	}

}
