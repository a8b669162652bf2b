package io.shopops.fulfilment;

import java.util.UUID;

import io.shopops.fulfilment.catalog.ProductCatalog;
import io.shopops.fulfilment.catalog.ProductStatus;
import io.shopops.platform.ImportHandler;
import io.shopops.platform.NavigationItem;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

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

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PlatformTransactionManager transactions;

	@Test
	void startsWithoutGrowthOrDashboard() {
		assertThat(this.importHandlers).extracting(ImportHandler::kind)
			.containsExactlyInAnyOrder("products", "orders", "reviews");
		assertThat(this.navigation).extracting(NavigationItem::path)
			.contains("/products", "/inventory", "/orders", "/after-sales", "/after-sales/tickets",
					"/after-sales/reviews", "/imports/products", "/imports/orders", "/imports/reviews")
			.doesNotContain("/crm", "/dashboard");
	}

	@Test
	void theCatalogCountsTheProductsOfEachStatus() {
		TransactionTemplate transaction = new TransactionTemplate(this.transactions);
		transaction.executeWithoutResult((status) -> {
			long archived = this.catalog.count(ProductStatus.ARCHIVED);
			long active = this.catalog.count(ProductStatus.ACTIVE);
			String prefix = "module-test-" + UUID.randomUUID();
			for (int i = 0; i < 3; i++) {
				insertProduct(prefix + "-archived-" + i, "ARCHIVED");
			}
			insertProduct(prefix + "-active", "ACTIVE");
			assertThat(this.catalog.count(ProductStatus.ARCHIVED)).isEqualTo(archived + 3);
			assertThat(this.catalog.count(ProductStatus.ACTIVE)).isEqualTo(active + 1);
			status.setRollbackOnly();
		});
	}

	private void insertProduct(String handle, String status) {
		this.jdbc.sql("INSERT INTO product (handle, title, status) VALUES (?, ?, ?)")
			.params(handle, handle, status)
			.update();
	}

}
