package io.shopops.platform.settings;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Currency;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * The settings form. The version is a {@code Long} so that a form sent without it is a
 * form error, not a failure to bind.
 */
record SettingsForm(@NotBlank(message = "{settings.shopName.required}") @Size(max = 100,
		message = "{settings.shopName.size}") String shopName, String timeZone, String currency, Long version) {

	boolean hasValidTimeZone() {
		try {
			ZoneId.of(this.timeZone.strip());
			return true;
		}
		catch (DateTimeException | NullPointerException ex) {
			return false;
		}
	}

	boolean hasValidCurrency() {
		try {
			return this.currency != null && Currency.getInstance(this.currency.strip().toUpperCase()) != null;
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

}
