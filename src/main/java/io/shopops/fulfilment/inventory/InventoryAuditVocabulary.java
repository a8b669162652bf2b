package io.shopops.fulfilment.inventory;

import java.util.List;

import io.shopops.platform.AuditVocabulary;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The audit actions inventory records, so that the audit log names them.
 */
@Configuration(proxyBeanMethods = false)
class InventoryAuditVocabulary {

	@Bean
	AuditVocabulary stockAuditVocabulary() {
		return new AuditVocabulary("stock", List.of("STOCK_ADJUSTED"));
	}

	@Bean
	AuditVocabulary warehouseAuditVocabulary() {
		return new AuditVocabulary("warehouse", List.of("WAREHOUSE_CREATED"));
	}

}
