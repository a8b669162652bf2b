package io.shopops.fulfilment.inventory;

import java.util.Arrays;
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
		return new AuditVocabulary("stock", List.of("STOCK_ADJUSTED", "STOCK_POLICY_SET"));
	}

	@Bean
	AuditVocabulary warehouseAuditVocabulary() {
		return new AuditVocabulary("warehouse", List.of("WAREHOUSE_CREATED"));
	}

	@Bean
	AuditVocabulary supplierAuditVocabulary() {
		return new AuditVocabulary("supplier", List.of("SUPPLIER_CREATED", "SUPPLIER_UPDATED"));
	}

	@Bean
	AuditVocabulary stockTakeAuditVocabulary() {
		return new AuditVocabulary("stocktake",
				List.of("STOCK_TAKE_PREVIEWED", "STOCK_TAKE_REFRESHED", "STOCK_TAKE_APPLIED", "STOCK_TAKE_DISCARDED"));
	}

	@Bean
	AuditVocabulary purchaseOrderAuditVocabulary() {
		return new AuditVocabulary("purchaseorder",
				Arrays.stream(PurchaseOrderAction.values())
					.map((action) -> "PURCHASE_ORDER_" + action.name())
					.toList());
	}

}
