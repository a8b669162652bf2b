package io.shopops.growth.segment;

import java.util.List;

import io.shopops.platform.AuditVocabulary;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The audit actions of segments and RFM scoring, so that the audit log names them.
 */
@Configuration(proxyBeanMethods = false)
class SegmentAuditVocabulary {

	@Bean
	AuditVocabulary segmentActions() {
		return new AuditVocabulary("segment", List.of("SEGMENT_CREATED", "SEGMENT_UPDATED", "SEGMENT_DELETED"));
	}

	@Bean
	AuditVocabulary rfmActions() {
		return new AuditVocabulary("rfm", List.of("RFM_RECOMPUTED"));
	}

	@Bean
	AuditVocabulary skuBackfillActions() {
		return new AuditVocabulary("customer_sku", List.of("CUSTOMER_SKUS_BACKFILLED"));
	}

}
