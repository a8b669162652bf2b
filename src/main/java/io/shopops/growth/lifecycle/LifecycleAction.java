package io.shopops.growth.lifecycle;

import java.util.Arrays;
import java.util.Optional;

/**
 * What a rule does for a customer who enters its trigger.
 */
enum LifecycleAction {

	/** Issue a unique code of a coupon. */
	COUPON,

	/** Create a task for a member of staff, on their home page. */
	TASK,

	/** Queue a templated message through the outreach outbox. */
	MESSAGE;

	public String labelKey() {
		return "lifecycle.action." + name();
	}

	static Optional<LifecycleAction> parse(String code) {
		if (code == null) {
			return Optional.empty();
		}
		return Arrays.stream(values()).filter((a) -> a.name().equals(code.strip())).findFirst();
	}

}
