package io.shopops.platform.security;

import java.time.Duration;

import org.springframework.security.core.AuthenticationException;

/**
 * Thrown instead of checking a password while a username or IP address has too many
 * recent failures.
 */
class LoginThrottledException extends AuthenticationException {

	private final Duration retryAfter;

	LoginThrottledException(Duration retryAfter) {
		super("Too many failed logins");
		this.retryAfter = retryAfter;
	}

	Duration retryAfter() {
		return this.retryAfter;
	}

}
