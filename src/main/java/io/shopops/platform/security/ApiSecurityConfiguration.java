package io.shopops.platform.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import io.shopops.platform.ApiAuthenticator;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.util.function.SingletonSupplier;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The JSON API under {@code /api/**}: its own filter chain, before the pages' one.
 * Callers authenticate with {@code Authorization: Bearer <token>}, checked by the
 * module's {@link ApiAuthenticator}; there is no session, no CSRF token (no cookie is
 * involved), no login redirect, and every refusal is a JSON body.
 */
@Configuration(proxyBeanMethods = false)
class ApiSecurityConfiguration {

	/** The authority an API caller must have. */
	static final String API_ROLE = "API";

	@Bean
	@Order(1)
	SecurityFilterChain apiSecurityFilterChain(HttpSecurity http, ObjectProvider<ApiAuthenticator> authenticators)
			throws Exception {
		http.securityMatcher("/api/**");
		http.authorizeHttpRequests((rules) -> rules.anyRequest().hasRole(API_ROLE));
		http.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
		http.csrf((csrf) -> csrf.disable());
		http.requestCache((cache) -> cache.disable());
		http.securityContext((context) -> context.requireExplicitSave(true));
		http.formLogin((form) -> form.disable());
		http.httpBasic((basic) -> basic.disable());
		http.logout((logout) -> logout.disable());
		http.anonymous((anonymous) -> anonymous.disable());
		http.addFilterBefore(new BearerTokenFilter(authenticators), AnonymousAuthenticationFilter.class);
		http.exceptionHandling((exceptions) -> exceptions.authenticationEntryPoint((request, response, ex) -> json(
				response, HttpServletResponse.SC_UNAUTHORIZED,
				"{\"error\":\"unauthorized\",\"message\":\"Send a valid API token: Authorization: Bearer <token>\"}"))
			.accessDeniedHandler((request, response, ex) -> json(response, HttpServletResponse.SC_FORBIDDEN,
					"{\"error\":\"forbidden\"}")));
		http.headers((headers) -> headers.contentSecurityPolicy((csp) -> csp.policyDirectives("default-src 'none'"))
			.frameOptions((frames) -> frames.deny()));
		return http.build();
	}

	static void json(HttpServletResponse response, int status, String body) throws IOException {
		response.setStatus(status);
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		if (status == HttpServletResponse.SC_UNAUTHORIZED) {
			response.setHeader("WWW-Authenticate", "Bearer");
		}
		response.getWriter().write(body);
	}

	/**
	 * Sets the caller of a request that carries a token the module knows; a request
	 * without one goes on unauthenticated and is refused with 401 by the entry point.
	 */
	static final class BearerTokenFilter extends OncePerRequestFilter {

		private static final String PREFIX = "Bearer ";

		/** The module's authenticator, looked up once rather than on every request. */
		private final SingletonSupplier<ApiAuthenticator> authenticators;

		BearerTokenFilter(ObjectProvider<ApiAuthenticator> authenticators) {
			this.authenticators = SingletonSupplier.of(authenticators::getIfAvailable);
		}

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			String header = request.getHeader("Authorization");
			if (header != null && header.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
				String token = header.substring(PREFIX.length()).strip();
				ApiAuthenticator authenticator = this.authenticators.get();
				Optional<Authentication> caller = (authenticator != null && !token.isEmpty())
						? authenticator.authenticate(token) : Optional.empty();
				if (caller.isPresent()) {
					SecurityContext context = SecurityContextHolder.createEmptyContext();
					context.setAuthentication(caller.get());
					SecurityContextHolder.setContext(context);
				}
			}
			try {
				chain.doFilter(request, response);
			}
			finally {
				SecurityContextHolder.clearContext();
			}
		}

	}

}
