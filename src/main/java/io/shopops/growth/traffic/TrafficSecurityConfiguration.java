package io.shopops.growth.traffic;

import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.HeaderWriterFilter;

/**
 * {@code /collect} and {@code /collect.gif} run in their own filter chain, before the
 * pages' one: open to anyone (the controller checks the site key), no session, no CSRF
 * token, no login redirect, no request cache; preflights are answered by
 * {@link CollectCorsFilter}.
 */
@Configuration(proxyBeanMethods = false)
class TrafficSecurityConfiguration {

	@Bean
	@Order(2)
	SecurityFilterChain collectSecurityFilterChain(HttpSecurity http, Sites sites) throws Exception {
		http.securityMatcher("/collect", "/collect.gif");
		http.authorizeHttpRequests((rules) -> rules.anyRequest().permitAll());
		http.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
		http.csrf((csrf) -> csrf.disable());
		http.requestCache((cache) -> cache.disable());
		http.securityContext((context) -> context.requireExplicitSave(true));
		http.formLogin((form) -> form.disable());
		http.httpBasic((basic) -> basic.disable());
		http.logout((logout) -> logout.disable());
		http.anonymous((anonymous) -> anonymous.disable());
		http.addFilterAfter(new CollectCorsFilter(sites), HeaderWriterFilter.class);
		http.exceptionHandling((exceptions) -> exceptions.authenticationEntryPoint((request, response, ex) -> {
			response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
			response.setContentType(MediaType.APPLICATION_JSON_VALUE);
			response.setCharacterEncoding(StandardCharsets.UTF_8.name());
			response.getWriter().write("{\"error\":\"unknown_key\"}");
		}));
		http.headers((headers) -> headers.contentSecurityPolicy((csp) -> csp.policyDirectives("default-src 'none'"))
			.frameOptions((frames) -> frames.deny()));
		return http.build();
	}

}
