package io.shopops.platform.security;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Refuses a login before its password is checked while the username or the client's IP
 * address is throttled.
 */
class ThrottledAuthenticationProvider implements AuthenticationProvider {

	private final LoginThrottle throttle;

	private final AuthenticationProvider delegate;

	ThrottledAuthenticationProvider(LoginThrottle throttle, AuthenticationProvider delegate) {
		this.throttle = throttle;
		this.delegate = delegate;
	}

	@Override
	public Authentication authenticate(Authentication authentication) throws AuthenticationException {
		String ip = (authentication.getDetails() instanceof WebAuthenticationDetails details)
				? details.getRemoteAddress() : "";
		var refusal = this.throttle.refusedFor(authentication.getName(), ip);
		if (refusal.isPresent()) {
			throw new LoginThrottledException(refusal.get());
		}
		return this.delegate.authenticate(authentication);
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return this.delegate.supports(authentication);
	}

}
