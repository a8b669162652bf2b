package io.shopops.fulfilment.catalog;

import java.util.ArrayList;
import java.util.List;

import io.shopops.fulfilment.catalog.ProductManagement.BulkAction;
import io.shopops.platform.AuditVocabulary;
import io.shopops.platform.NavigationItem;
import io.shopops.platform.NavigationItem.Section;
import io.shopops.platform.WorkQueue;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The catalog's entries in the navigation, on the operator home and in the audit log's
 * filters.
 */
@Configuration(proxyBeanMethods = false)
class CatalogWebConfiguration {

	@Bean
	NavigationItem productImportNavigation() {
		return new NavigationItem(Section.ADMIN, 20, "nav.productImport", "/imports/products", "upload");
	}

	@Bean
	WorkQueue draftProductsQueue(ProductCatalog catalog) {
		return new WorkQueue() {

			@Override
			public String labelKey() {
				return "queue.draftProducts";
			}

			@Override
			public String path() {
				return "/products?status=draft";
			}

			@Override
			public String icon() {
				return "pencil-square";
			}

			@Override
			public long count() {
				return catalog.count(ProductStatus.DRAFT);
			}

		};
	}

	@Bean
	AuditVocabulary productAuditVocabulary() {
		List<String> actions = new ArrayList<>(List.of("PRODUCT_CREATED", "PRODUCT_UPDATED"));
		for (BulkAction action : BulkAction.values()) {
			actions.add("PRODUCTS_BULK_" + action.name());
		}
		return new AuditVocabulary("product", actions);
	}

	@Bean
	AuditVocabulary brandAuditVocabulary() {
		return new AuditVocabulary("brand", List.of("BRAND_CREATED", "BRAND_RENAMED", "BRAND_DELETED"));
	}

	@Bean
	AuditVocabulary categoryAuditVocabulary() {
		return new AuditVocabulary("category", List.of("CATEGORY_CREATED", "CATEGORY_RENAMED", "CATEGORY_DELETED"));
	}

}
