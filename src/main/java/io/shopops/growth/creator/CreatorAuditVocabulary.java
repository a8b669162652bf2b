package io.shopops.growth.creator;

import java.util.List;

import io.shopops.platform.AuditVocabulary;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The audit actions of creators (with their payout ledger) and cooperation records (with
 * their samples), so that the audit log names them.
 */
@Configuration(proxyBeanMethods = false)
class CreatorAuditVocabulary {

	@Bean
	AuditVocabulary creatorActions() {
		return new AuditVocabulary("creator", List.of("CREATOR_CREATED", "CREATOR_UPDATED", "CREATOR_ARCHIVED",
				"CREATOR_RESTORED", "CREATOR_PAYOUT_RECORDED", "CREATOR_ADJUSTMENT_RECORDED"));
	}

	@Bean
	AuditVocabulary cooperationActions() {
		return new AuditVocabulary("cooperation",
				List.of("COOPERATION_CREATED", "COOPERATION_UPDATED", "COOPERATION_SAMPLE_SENT"));
	}

}
