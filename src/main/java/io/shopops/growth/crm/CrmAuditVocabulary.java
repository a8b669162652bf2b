package io.shopops.growth.crm;

import java.util.List;

import io.shopops.platform.AuditVocabulary;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The audit actions of customers, so that the audit log names them.
 */
@Configuration(proxyBeanMethods = false)
class CrmAuditVocabulary {

	@Bean
	AuditVocabulary customerActions() {
		return new AuditVocabulary("customer",
				List.of("CUSTOMER_CREATED", "CUSTOMER_MERGED", "CUSTOMER_TAGGED", "CUSTOMER_UNTAGGED", "TIER_CHANGED",
						"POINTS_EARNED", "POINTS_REVERSED", "POINTS_ADJUSTED", "POINTS_REDEEMED",
						"CUSTOMER_BIRTHDAY_CHANGED"));
	}

	@Bean
	AuditVocabulary tierActions() {
		return new AuditVocabulary("tier", List.of("TIER_SAVED", "TIER_DELETED"));
	}

	@Bean
	AuditVocabulary pointsActions() {
		return new AuditVocabulary("points", List.of("POINTS_SETTINGS_CHANGED", "POINTS_EXPIRED"));
	}

}
