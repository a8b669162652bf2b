package io.shopops.platform.security;

import java.util.List;

import org.apache.catalina.util.NetMask;
import org.apache.catalina.valves.RemoteIpValve;

import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.web.util.matcher.IpAddressMatcher;

/**
 * Believes forwarded headers only from the configured proxies. The client's address
 * decides the login throttle and the audit log, so a client that could name its own
 * address could escape the one and falsify the other. Boot's own handling
 * ({@code server.forward-headers-strategy}) is off; Tomcat's {@link RemoteIpValve} is
 * added here with the proxies as CIDR ranges, and not at all when none is configured.
 */
@Configuration(proxyBeanMethods = false)
class TrustedProxyConfiguration {

	@Bean
	WebServerFactoryCustomizer<TomcatServletWebServerFactory> trustedProxies(TrustedProxyProperties properties) {
		String ranges = ranges(properties.trustedProxies());
		return (factory) -> {
			if (ranges.isEmpty()) {
				return;
			}
			RemoteIpValve valve = new RemoteIpValve();
			valve.setRemoteIpHeader("X-Forwarded-For");
			valve.setProtocolHeader("X-Forwarded-Proto");
			valve.setHostHeader("X-Forwarded-Host");
			valve.setPortHeader("X-Forwarded-Port");
			// a value containing "/" is read as CIDR ranges, not as a regular expression
			valve.setInternalProxies(ranges);
			valve.setTrustedProxies(null);
			factory.addEngineValves(valve);
		};
	}

	/**
	 * The proxies as comma-separated CIDR ranges, a single address as a range of one.
	 * @throws IllegalArgumentException naming an entry that is neither
	 */
	static String ranges(List<String> proxies) {
		return String.join(",", proxies.stream().map(String::strip).filter((entry) -> !entry.isEmpty()).map((entry) -> {
			String range = entry.contains("/") ? entry : entry + (entry.contains(":") ? "/128" : "/32");
			try {
				// IpAddressMatcher refuses host names, which NetMask would look up
				new IpAddressMatcher(range);
				new NetMask(range);
			}
			catch (IllegalArgumentException ex) {
				throw new IllegalArgumentException(
						"SHOPOPS_TRUSTED_PROXIES: '" + entry + "' is neither an IP address nor a CIDR range", ex);
			}
			return range;
		}).toList());
	}

}
