package io.shopops.growth.outreach;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The outbox dispatcher's settings ({@code shopops.outreach.*}).
 *
 * @param dispatchInterval the pause between two dispatcher runs; zero or negative turns
 * the dispatcher off (tests run it by hand)
 * @param batchSize the most messages one run sends
 * @param maxAttempts the attempts before a message is given up as failed
 * @param retryBackoff the wait after the first failed attempt, doubled after each further
 * one
 * @param outboxFile the file the default sender appends messages to; empty for the log
 * only
 */
@ConfigurationProperties("shopops.outreach")
record OutreachProperties(Duration dispatchInterval, Integer batchSize, Integer maxAttempts, Duration retryBackoff,
		Path outboxFile) {

	OutreachProperties {
		dispatchInterval = (dispatchInterval != null) ? dispatchInterval : Duration.ofSeconds(15);
		batchSize = (batchSize != null && batchSize > 0) ? batchSize : 200;
		maxAttempts = (maxAttempts != null && maxAttempts > 0) ? maxAttempts : 5;
		retryBackoff = (retryBackoff != null && !retryBackoff.isNegative()) ? retryBackoff : Duration.ofMinutes(1);
	}

	boolean dispatcherEnabled() {
		return !this.dispatchInterval.isZero() && !this.dispatchInterval.isNegative();
	}

}
