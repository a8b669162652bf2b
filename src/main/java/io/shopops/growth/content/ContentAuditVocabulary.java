package io.shopops.growth.content;

import java.util.List;

import io.shopops.platform.AuditVocabulary;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The audit actions of content pieces and livestream sessions, so that the audit log
 * names them.
 */
@Configuration(proxyBeanMethods = false)
class ContentAuditVocabulary {

	@Bean
	AuditVocabulary contentActions() {
		return new AuditVocabulary("content", List.of("CONTENT_CREATED", "CONTENT_UPDATED", "CONTENT_STATUS_CHANGED",
				"CONTENT_METRICS_RECORDED", "CONTENT_METRICS_IMPORTED"));
	}

	@Bean
	AuditVocabulary livestreamActions() {
		return new AuditVocabulary("livestream", List.of("LIVESTREAM_CREATED", "LIVESTREAM_UPDATED"));
	}

}
