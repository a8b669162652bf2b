package io.shopops.growth.retention;

import java.util.List;

import io.shopops.platform.AuditVocabulary;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The audit actions of repurchase and LTV, so that the audit log names them.
 */
@Configuration(proxyBeanMethods = false)
class RetentionAuditVocabulary {

	@Bean
	AuditVocabulary repurchaseCycleActions() {
		return new AuditVocabulary("repurchaseCycle", List.of("REPURCHASE_CYCLE_SET", "REPURCHASE_CYCLE_REMOVED"));
	}

	@Bean
	AuditVocabulary retentionActions() {
		return new AuditVocabulary("retention", List.of("RETENTION_REBUILT"));
	}

}
