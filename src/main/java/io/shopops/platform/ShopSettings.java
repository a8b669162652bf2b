package io.shopops.platform;

import java.time.ZoneId;
import java.util.Currency;

/**
 * Read access to the shop-wide settings administrators maintain on the settings page.
 */
public interface ShopSettings {

	/**
	 * The current settings.
	 * @return the settings, never {@code null}
	 */
	ShopProfile current();

	/**
	 * The shop-wide settings.
	 *
	 * @param shopName the shop's name shown on every page
	 * @param timeZone the time zone that defines a shop's day (default Asia/Shanghai)
	 * @param currency the one currency prices are kept in (default CNY)
	 */
	record ShopProfile(String shopName, ZoneId timeZone, Currency currency) {
	}

}
