package io.shopops.fulfilment.order;

import java.util.List;
import java.util.Optional;

/**
 * The shop's sales channels.
 */
public interface SalesChannels {

	/**
	 * Creates a channel, audited.
	 * @param code the code, upper-cased; letters, digits, {@code _} and {@code -}, at
	 * most 32 characters
	 * @param name the name, at most 120 characters
	 * @param platform the platform
	 * @return the new channel
	 * @throws OrderInvalidException if a field is invalid or the code is taken
	 */
	SalesChannel create(String code, String name, SalesPlatform platform);

	/**
	 * Every channel, active first, then by code.
	 * @return the channels
	 */
	List<SalesChannel> list();

	/**
	 * Finds a channel by code, ignoring case.
	 * @param code the code
	 * @return the channel, or empty
	 */
	Optional<SalesChannel> find(String code);

}
