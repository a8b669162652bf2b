package io.shopops.fulfilment.order.importing;

import java.util.List;

import io.shopops.platform.AuditVocabulary;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The audit action the order import records besides the platform's import entries.
 */
@Configuration(proxyBeanMethods = false)
class OrderImportAuditVocabulary {

	@Bean
	AuditVocabulary orderBatchAuditVocabulary() {
		return new AuditVocabulary("orders", List.of("ORDERS_IMPORTED"));
	}

}
