package io.shopops.growth.traffic;

import tools.jackson.databind.ObjectMapper;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * {@code /collect} and {@code /collect.gif} are answered by {@link CollectEndpoint}, a
 * filter for exactly these paths that runs before every other one (the security chain
 * included) and never passes a request on: open to anyone (it checks the site key
 * itself), no session, no cookie, no CSRF token, no login redirect.
 */
@Configuration(proxyBeanMethods = false)
class CollectConfiguration {

	@Bean
	FilterRegistrationBean<CollectEndpoint> collectEndpoint(Sites sites, TrafficEvents events, CollectWriter writer,
			CollectRateLimiter limiter, ObjectMapper json) {
		FilterRegistrationBean<CollectEndpoint> registration = new FilterRegistrationBean<>(
				new CollectEndpoint(sites, events, writer, limiter, json));
		registration.setName("collectEndpoint");
		registration.addUrlPatterns(CollectEndpoint.COLLECT, CollectEndpoint.PIXEL_PATH);
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
		return registration;
	}

}
