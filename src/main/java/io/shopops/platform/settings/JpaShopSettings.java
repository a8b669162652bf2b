package io.shopops.platform.settings;

import java.time.ZoneId;
import java.util.Currency;

import io.shopops.platform.AuditLog;
import io.shopops.platform.ShopSettings;

import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads and changes the shop-wide settings.
 */
@Service
class JpaShopSettings implements ShopSettings {

	private final ShopSettingRepository settings;

	private final AuditLog auditLog;

	JpaShopSettings(ShopSettingRepository settings, AuditLog auditLog) {
		this.settings = settings;
		this.auditLog = auditLog;
	}

	@Override
	@Transactional(readOnly = true)
	public ShopProfile current() {
		ShopSetting setting = load();
		return new ShopProfile(setting.getShopName(), ZoneId.of(setting.getTimeZone()),
				Currency.getInstance(setting.getCurrency()));
	}

	@Transactional(readOnly = true)
	SettingsForm form() {
		ShopSetting setting = load();
		return new SettingsForm(setting.getShopName(), setting.getTimeZone(), setting.getCurrency(),
				setting.getVersion());
	}

	@Transactional
	void change(SettingsForm form) {
		ShopSetting setting = load();
		if (setting.getVersion() != form.version().longValue()) {
			throw new ObjectOptimisticLockingFailureException(ShopSetting.class, ShopSetting.ID);
		}
		String before = summary(setting.getShopName(), setting.getTimeZone(), setting.getCurrency());
		setting.change(form.shopName().strip(), form.timeZone().strip(), form.currency().strip().toUpperCase());
		String after = summary(setting.getShopName(), setting.getTimeZone(), setting.getCurrency());
		if (!before.equals(after)) {
			this.auditLog.record("SETTINGS_CHANGED", "settings", "shop", before + " -> " + after);
		}
	}

	private ShopSetting load() {
		return this.settings.findById(ShopSetting.ID).orElseThrow();
	}

	private static String summary(String name, String zone, String currency) {
		return "name=" + name + ", timeZone=" + zone + ", currency=" + currency;
	}

}
