package io.shopops.fulfilment.inventory;

import java.math.BigDecimal;

/**
 * Suppliers and purchase orders for tests, made through the application's services.
 */
final class PurchasingFixtures {

	private PurchasingFixtures() {
	}

	static long supplier(SupplierManagement suppliers, String name, int leadTimeDays) {
		SupplierForm form = new SupplierForm();
		form.setName(name);
		form.setLeadTimeDays(leadTimeDays);
		return suppliers.create(form);
	}

	static long draft(PurchaseOrders orders, long supplier, String warehouse) {
		PurchaseOrderForm form = new PurchaseOrderForm();
		form.setSupplierId(supplier);
		form.setWarehouse(warehouse);
		return orders.create(form);
	}

	static void line(PurchaseOrders orders, long order, String sku, int quantity, String unitCost) {
		PurchaseOrderLineForm form = new PurchaseOrderLineForm();
		form.setSku(sku);
		form.setQuantity(quantity);
		form.setUnitCost(new BigDecimal(unitCost));
		orders.setLine(order, form);
	}

}
