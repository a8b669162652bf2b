package io.shopops.platform.settings;

import java.time.ZoneId;
import java.util.Currency;

import io.shopops.platform.AuditLog;
import io.shopops.platform.ShopSettings;

import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Reads and changes the shop-wide settings. Every page shows the shop's name and
 * currency, so {@link #current()} answers from memory: the profile is read once and read
 * again after a change has been committed.
 */
@Service
class JpaShopSettings implements ShopSettings {

	private final ShopSettingRepository settings;

	private final AuditLog auditLog;

	private final Object lock = new Object();

	private ShopProfile cached;

	/**
	 * Counts committed changes, so that a profile read while a change commits is not
	 * kept.
	 */
	private long changes;

	JpaShopSettings(ShopSettingRepository settings, AuditLog auditLog) {
		this.settings = settings;
		this.auditLog = auditLog;
	}

	@Override
	public ShopProfile current() {
		long changesBefore;
		synchronized (this.lock) {
			if (this.cached != null) {
				return this.cached;
			}
			changesBefore = this.changes;
		}
		ShopSetting setting = load();
		ShopProfile profile = new ShopProfile(setting.getShopName(), ZoneId.of(setting.getTimeZone()),
				Currency.getInstance(setting.getCurrency()));
		synchronized (this.lock) {
			if (this.changes == changesBefore) {
				this.cached = profile;
			}
		}
		return profile;
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
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {

				@Override
				public void afterCommit() {
					forget();
				}

			});
		}
	}

	private void forget() {
		synchronized (this.lock) {
			this.changes++;
			this.cached = null;
		}
	}

	private ShopSetting load() {
		return this.settings.findById(ShopSetting.ID).orElseThrow();
	}

	private static String summary(String name, String zone, String currency) {
		return "name=" + name + ", timeZone=" + zone + ", currency=" + currency;
	}

}
