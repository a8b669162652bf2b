package io.shopops.platform;

import java.util.Optional;

import org.springframework.security.core.Authentication;

/**
 * Checks the bearer tokens of the JSON API under {@code /api/**}, contributed by the
 * module that issues them. The platform runs {@code /api/**} in its own stateless filter
 * chain (no session, no CSRF, no login page, JSON errors) and asks this bean for each
 * request's {@code Authorization: Bearer} token; with no such bean every API request is
 * refused.
 */
@FunctionalInterface
public interface ApiAuthenticator {

	/**
	 * The caller a token stands for.
	 * @param token the bearer token as sent, never {@code null}
	 * @return an authenticated {@link Authentication} (its authorities decide what the
	 * caller may do), or empty when the token is unknown or revoked
	 */
	Optional<Authentication> authenticate(String token);

}
