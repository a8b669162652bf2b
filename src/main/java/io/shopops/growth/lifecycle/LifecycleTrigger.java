package io.shopops.growth.lifecycle;

import java.util.Arrays;
import java.util.Optional;

/**
 * What a customer enters for a rule to act: the built-in sets and a saved segment.
 */
enum LifecycleTrigger {

	/** A first order within the last N days (default 30). */
	NEW_CUSTOMER(30),

	/**
	 * Exactly one paid order, and a product of it with a repurchase cycle bought at least
	 * that cycle ago (as the retention page's due list).
	 */
	REPURCHASE_DUE(null),

	/** No order for N days (default 90). */
	DORMANT(90),

	/** In one of the chosen RFM groups (default 重要保持 and 重要挽留). */
	CHURN_RISK(null),

	/** The birthday falls in the current month (shop time). */
	BIRTHDAY_MONTH(null),

	/** In a saved segment. */
	SEGMENT(null);

	private final Integer defaultDays;

	LifecycleTrigger(Integer defaultDays) {
		this.defaultDays = defaultDays;
	}

	/**
	 * The default of the trigger's days.
	 * @return the days, {@code null} if the trigger has none
	 */
	public Integer defaultDays() {
		return this.defaultDays;
	}

	public boolean usesDays() {
		return this.defaultDays != null;
	}

	public String labelKey() {
		return "lifecycle.trigger." + name();
	}

	public String hintKey() {
		return "lifecycle.trigger." + name() + ".hint";
	}

	static Optional<LifecycleTrigger> parse(String code) {
		if (code == null) {
			return Optional.empty();
		}
		return Arrays.stream(values()).filter((t) -> t.name().equals(code.strip())).findFirst();
	}

}
