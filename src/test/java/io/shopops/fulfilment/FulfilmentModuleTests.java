package io.shopops.fulfilment;

import io.shopops.fulfilment.catalog.ProductCatalog;
import io.shopops.fulfilment.catalog.ProductStatus;
import io.shopops.platform.ImportHandler;
import io.shopops.platform.NavigationItem;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fulfilment module starts with only the modules it depends on (platform and the
 * shared kernel) and contributes its navigation, its import kind and its catalog facade.
 */
@ApplicationModuleTest(mode = BootstrapMode.DIRECT_DEPENDENCIES)
class FulfilmentModuleTests {

	@Autowired
	ProductCatalog catalog;

	@Autowired
	java.util.List<ImportHandler> importHandlers;

	@Autowired
	java.util.List<NavigationItem> navigation;

	@Test
	void startsWithoutGrowthOrDashboard() {
		assertThat(this.catalog.count(ProductStatus.ARCHIVED)).isGreaterThanOrEqualTo(0);
		assertThat(this.importHandlers).extracting(ImportHandler::kind).containsExactly("products");
		assertThat(this.navigation).extracting(NavigationItem::path)
			.contains("/products", "/inventory", "/orders", "/after-sales", "/imports/products")
			.doesNotContain("/crm", "/dashboard");
	}

}
