package io.shopops.dashboard;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the daily digest and the alerts ({@code shopops.dashboard.digest.*}). A
 * cron of {@code -} turns its job off (the tests do).
 *
 * @param cron when the digest of yesterday is sent, a Spring cron expression in the
 * shop's time zone (default {@code 0 30 8 * * *}, 08:30)
 * @param alertCron when the alert rules are evaluated (default every 15 minutes)
 * @param deliveryCron when due deliveries and retries are sent (default every 20 seconds)
 * @param retryDelays the waits after the first, second, … failed attempt; after as many
 * failures as there are waits plus one the delivery is failed (default 1, 5 and 15
 * minutes: four attempts)
 * @param lease how long a sender holds a claimed delivery before another may take it
 * @param connectTimeout the robots' connection timeout
 * @param requestTimeout the robots' answer timeout
 * @param baseUrl the application's address for the link to the KPI page in the digest,
 * e.g. {@code https://ops.example.com}; no link when empty
 * @param mailFrom the sender address of digest e-mails; {@code spring.mail.username} when
 * empty
 */
@ConfigurationProperties("shopops.dashboard.digest")
record DigestProperties(@DefaultValue("0 30 8 * * *") String cron, @DefaultValue("0 */15 * * * *") String alertCron,
		@DefaultValue("*/20 * * * * *") String deliveryCron, @DefaultValue( {
				"PT1M", "PT5M", "PT15M" }) List<Duration> retryDelays,
		@DefaultValue("PT2M") Duration lease, @DefaultValue("PT5S") Duration connectTimeout,
		@DefaultValue("PT10S") Duration requestTimeout, @DefaultValue("") String baseUrl,
		@DefaultValue("") String mailFrom){

	/** The cron value that turns a job off. */
	static final String OFF = "-";

	DigestProperties {
		retryDelays = List.copyOf(retryDelays);
		baseUrl = (baseUrl.endsWith("/")) ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
	}

}
