package io.shopops.platform;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;

/**
 * The access rules of a module's URLs, contributed by the module as a bean. The platform
 * applies every module's rules and denies any request no rule matches.
 */
@FunctionalInterface
public interface RequestAuthorizations {

	/**
	 * Adds the module's rules, e.g.
	 * {@code rules.requestMatchers("/orders/**").hasRole("OPERATOR")}.
	 * @param rules the registry to add to, never {@code null}
	 */
	void configure(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules);

}
