package io.shopops.fulfilment.catalog;

import io.shopops.platform.NavigationItem;
import io.shopops.platform.NavigationItem.Section;
import io.shopops.platform.WorkQueue;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The catalog's entries in the navigation and on the operator home.
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

}
