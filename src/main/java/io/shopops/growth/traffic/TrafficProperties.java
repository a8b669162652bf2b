package io.shopops.growth.traffic;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of traffic collection ({@code shopops.traffic.*}).
 *
 * @param requestsPerSecond the requests per second one site key may send to
 * {@code /collect} on average (default 5000)
 * @param burst the requests a key may send at once above that rate (default 10000)
 */
@ConfigurationProperties("shopops.traffic")
record TrafficProperties(@DefaultValue("5000") int requestsPerSecond, @DefaultValue("10000") int burst) {

	TrafficProperties {
		requestsPerSecond = Math.max(1, requestsPerSecond);
		burst = Math.max(1, burst);
	}

}
