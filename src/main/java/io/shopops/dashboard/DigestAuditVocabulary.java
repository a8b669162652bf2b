package io.shopops.dashboard;

import java.util.List;

import io.shopops.platform.AuditVocabulary;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The audit codes of the digest's channels, alert rules and deliveries.
 */
@Configuration(proxyBeanMethods = false)
class DigestAuditVocabulary {

	@Bean
	AuditVocabulary digestChannelAuditVocabulary() {
		return new AuditVocabulary("digest_channel", List.of("DIGEST_CHANNEL_CREATED", "DIGEST_CHANNEL_UPDATED",
				"DIGEST_CHANNEL_ENABLED", "DIGEST_CHANNEL_DISABLED", "DIGEST_CHANNEL_DELETED", "DIGEST_TEST_SENT"));
	}

	@Bean
	AuditVocabulary digestAlertRuleAuditVocabulary() {
		return new AuditVocabulary("digest_alert_rule",
				List.of("ALERT_RULE_CREATED", "ALERT_RULE_ENABLED", "ALERT_RULE_DISABLED", "ALERT_RULE_DELETED"));
	}

	@Bean
	AuditVocabulary digestDeliveryAuditVocabulary() {
		return new AuditVocabulary("digest_delivery", List.of("DIGEST_DELIVERY_SENT", "DIGEST_DELIVERY_FAILED",
				"DIGEST_DELIVERY_RETRIED", "DIGEST_SENT_NOW"));
	}

}
