package io.shopops.platform.security;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Limits on failed logins.
 *
 * @param maxFailuresPerUser failed attempts for one username within the window after
 * which it is refused
 * @param maxFailuresPerIp failed attempts from one IP address within the window after
 * which it is refused
 * @param window how long failures count
 */
@ConfigurationProperties("shopops.security.login")
record LoginThrottleProperties(@DefaultValue("10") int maxFailuresPerUser, @DefaultValue("50") int maxFailuresPerIp,
		@DefaultValue("15m") Duration window) {
}
