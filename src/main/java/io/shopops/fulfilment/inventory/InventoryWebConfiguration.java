package io.shopops.fulfilment.inventory;

import io.shopops.platform.NavigationItem;
import io.shopops.platform.NavigationItem.Section;
import io.shopops.platform.WorkQueue;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Inventory's purchasing entries in the navigation (after "Inventory") and its card on
 * the operator home.
 */
@Configuration(proxyBeanMethods = false)
class InventoryWebConfiguration {

	@Bean
	NavigationItem lowStockNavigation() {
		return new NavigationItem(Section.FULFILMENT, 21, "nav.lowStock", "/inventory/low-stock",
				"exclamation-triangle");
	}

	@Bean
	NavigationItem reorderNavigation() {
		return new NavigationItem(Section.FULFILMENT, 22, "nav.reorder", "/inventory/reorder", "arrow-repeat");
	}

	@Bean
	NavigationItem purchaseOrdersNavigation() {
		return new NavigationItem(Section.FULFILMENT, 23, "nav.purchaseOrders", "/inventory/purchase-orders",
				"cart-plus");
	}

	@Bean
	NavigationItem suppliersNavigation() {
		return new NavigationItem(Section.FULFILMENT, 24, "nav.suppliers", "/inventory/suppliers", "truck");
	}

	@Bean
	NavigationItem stockTakeNavigation() {
		return new NavigationItem(Section.FULFILMENT, 25, "nav.stockTake", "/inventory/stock-take", "clipboard-check");
	}

	@Bean
	WorkQueue lowStockQueue(StockPolicies policies) {
		return WorkQueue.of("queue.lowStock", "/inventory/low-stock", "exclamation-triangle", policies::countLow);
	}

	@Bean
	WorkQueue purchaseOrdersToReceiveQueue(PurchaseOrders orders) {
		return WorkQueue.of("queue.purchaseOrdersToReceive", "/inventory/purchase-orders?receivable=true",
				"box-arrow-in-down", orders::countReceivable);
	}

}
