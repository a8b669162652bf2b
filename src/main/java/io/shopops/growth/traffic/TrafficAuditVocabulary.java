package io.shopops.growth.traffic;

import java.util.List;

import io.shopops.platform.AuditVocabulary;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The audit actions of sites and traffic source rules, so that the audit log names them.
 */
@Configuration(proxyBeanMethods = false)
class TrafficAuditVocabulary {

	@Bean
	AuditVocabulary siteActions() {
		return new AuditVocabulary("site",
				List.of("SITE_CREATED", "SITE_ENABLED", "SITE_DISABLED", "SITE_KEY_ROTATED"));
	}

	@Bean
	AuditVocabulary trafficRuleActions() {
		return new AuditVocabulary("trafficrule",
				List.of("TRAFFIC_RULE_CREATED", "TRAFFIC_RULE_UPDATED", "TRAFFIC_RULE_DELETED"));
	}

	@Bean
	AuditVocabulary shopStatsActions() {
		return new AuditVocabulary("shop_stats", List.of("SHOP_STATS_IMPORTED"));
	}

	@Bean
	AuditVocabulary utmLinkActions() {
		return new AuditVocabulary("utmlink", List.of("UTM_LINK_CREATED", "UTM_LINK_DELETED"));
	}

	@Bean
	AuditVocabulary seoKeywordActions() {
		return new AuditVocabulary("seokeyword", List.of("SEO_KEYWORD_CREATED", "SEO_KEYWORD_UPDATED",
				"SEO_KEYWORD_DELETED", "SEO_RANK_ENTERED", "SEO_RANKS_IMPORTED"));
	}

	@Bean
	AuditVocabulary attributionActions() {
		return new AuditVocabulary("attribution", List.of("ATTRIBUTION_WINDOW_CHANGED", "ATTRIBUTION_REATTRIBUTED"));
	}

}
