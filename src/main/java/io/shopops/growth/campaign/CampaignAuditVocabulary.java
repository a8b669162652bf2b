package io.shopops.growth.campaign;

import java.util.List;

import io.shopops.platform.AuditVocabulary;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The audit actions of paid campaigns, so that the audit log names them.
 */
@Configuration(proxyBeanMethods = false)
class CampaignAuditVocabulary {

	@Bean
	AuditVocabulary campaignActions() {
		return new AuditVocabulary("campaign",
				List.of("CAMPAIGN_CREATED", "CAMPAIGN_UPDATED", "CAMPAIGN_SPEND_RECORDED", "CAMPAIGN_SPEND_REPLACED",
						"CAMPAIGN_SPEND_DELETED", "CAMPAIGN_SPEND_IMPORTED"));
	}

}
