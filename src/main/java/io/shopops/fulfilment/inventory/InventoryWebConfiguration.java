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
		return new WorkQueue() {

			@Override
			public String labelKey() {
				return "queue.lowStock";
			}

			@Override
			public String path() {
				return "/inventory/low-stock";
			}

			@Override
			public String icon() {
				return "exclamation-triangle";
			}

			@Override
			public long count() {
				return policies.countLow();
			}

		};
	}

	@Bean
	WorkQueue purchaseOrdersToReceiveQueue(PurchaseOrders orders) {
		return new WorkQueue() {

			@Override
			public String labelKey() {
				return "queue.purchaseOrdersToReceive";
			}

			@Override
			public String path() {
				return "/inventory/purchase-orders?receivable=true";
			}

			@Override
			public String icon() {
				return "box-arrow-in-down";
			}

			@Override
			public long count() {
				return orders.countReceivable();
			}

		};
	}

}
