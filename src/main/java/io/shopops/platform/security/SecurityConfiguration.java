package io.shopops.platform.security;

import java.util.List;

import io.shopops.platform.AuditLog;
import io.shopops.platform.RequestAuthorizations;
import io.shopops.platform.user.UserSessions;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * Form login, deny-by-default URL rules, role hierarchy, session and header hardening.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	/**
	 * Pages load scripts, styles, fonts and images only from the application itself
	 * (product images may come from any HTTPS host); no inline script or style is
	 * allowed.
	 */
	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
			+ "img-src 'self' data: https:; font-src 'self'; connect-src 'self'; object-src 'none'; "
			+ "frame-ancestors 'none'; form-action 'self'; base-uri 'self'";

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http, List<RequestAuthorizations> moduleRules,
			UserDetailsService users, PasswordEncoder passwordEncoder, LoginThrottle throttle,
			LoginOutcomeHandler outcomes, UserSessions sessions, AuditLog auditLog) throws Exception {
		DaoAuthenticationProvider passwords = new DaoAuthenticationProvider(users);
		passwords.setPasswordEncoder(passwordEncoder);
		http.authenticationManager(new ProviderManager(new ThrottledAuthenticationProvider(throttle, passwords)));

		http.authorizeHttpRequests((rules) -> {
			rules
				.requestMatchers("/login", "/error", "/webjars/**", "/css/**", "/js/**", "/images/**", "/favicon.ico",
						"/favicon.svg")
				.permitAll();
			rules.requestMatchers("/actuator/health", "/actuator/health/**").permitAll();
			rules.requestMatchers("/actuator/**").hasRole("ADMIN");
			rules.requestMatchers("/admin/**", "/imports/**").hasRole("ADMIN");
			rules.requestMatchers("/", "/account/**").authenticated();
			moduleRules.forEach((module) -> module.configure(rules));
			rules.anyRequest().denyAll();
		});
		http.formLogin((form) -> form.loginPage("/login")
			.usernameParameter("username")
			.passwordParameter("password")
			.successHandler(outcomes)
			.failureHandler(outcomes));
		http.logout((logout) -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout"));
		http.addFilterAfter(new SessionRevocationFilter(sessions, auditLog), SecurityContextHolderFilter.class);
		http.sessionManagement((session) -> session.sessionFixation((fixation) -> fixation.changeSessionId()));
		http.headers((headers) -> headers.contentSecurityPolicy((csp) -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
			.referrerPolicy((referrer) -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
			.frameOptions((frames) -> frames.deny()));
		return http.build();
	}

	@Bean
	static RoleHierarchy roleHierarchy() {
		return RoleHierarchyImpl.withDefaultRolePrefix()
			.role("ADMIN")
			.implies("MANAGER")
			.role("MANAGER")
			.implies("OPERATOR")
			.build();
	}

	@Bean
	PasswordEncoder passwordEncoder() {
		// bcrypt (cost 10) for new hashes; the {id} prefix lets us move to a stronger
		// encoder later
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

}
