package io.shopops.platform.settings;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

/**
 * The single row of shop-wide settings.
 */
@Entity
class ShopSetting {

	static final short ID = 1;

	@Id
	private Short id;

	private String shopName;

	private String timeZone;

	private String currency;

	@Version
	private long version;

	protected ShopSetting() {
	}

	String getShopName() {
		return this.shopName;
	}

	String getTimeZone() {
		return this.timeZone;
	}

	String getCurrency() {
		return this.currency;
	}

	long getVersion() {
		return this.version;
	}

	void change(String shopName, String timeZone, String currency) {
		this.shopName = shopName;
		this.timeZone = timeZone;
		this.currency = currency;
	}

}
