package io.shopops.fulfilment.inventory;

import java.util.List;

import io.shopops.platform.AuditLog;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo purchasing seeds suppliers and purchase orders in every open status through
 * the services, keeps stock equal to the ledger, and changes nothing when run again.
 */
@SpringBootTest
class DemoPurchasingTests {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Inventory inventory;

	@Autowired
	SupplierManagement suppliers;

	@Autowired
	StockPolicies policies;

	@Autowired
	PurchaseOrders orders;

	@Autowired
	WarehouseRepository warehouses;

	@Autowired
	AuditLog auditLog;

	@Test
	void seedsSuppliersAndPurchaseOrdersOnce() {
		StockFixtures.skus(this.jdbc, this.inventory, StockFixtures.unique("DEMO"), new int[11]);
		DemoPurchasing demo = new DemoPurchasing(this.jdbc, this.suppliers, this.policies, this.orders, this.warehouses,
				this.auditLog);
		demo.run(null);
		String statuses = """
				SELECT o.status FROM purchase_order o JOIN supplier s ON s.id = o.supplier_id
				WHERE s.name IN ('义乌优品供应链', '广州锦绣服装厂', '杭州栖居家居') ORDER BY o.id""";
		assertThat(this.jdbc.sql(statuses).query(String.class).list()).containsExactly("PARTIALLY_RECEIVED", "ORDERED",
				"DRAFT", "RECEIVED");
		long movements = this.jdbc.sql("SELECT count(*) FROM stock_movement").query(Long.class).single();
		demo.run(null);
		assertThat(this.jdbc.sql(statuses).query(String.class).list()).hasSize(4);
		assertThat(this.jdbc.sql("SELECT count(*) FROM stock_movement").query(Long.class).single())
			.isEqualTo(movements);
		// other tests write stock rows by hand on purpose, so only the demo's SKUs are
		// checked
		List<String> received = this.jdbc.sql("""
				SELECT DISTINCT l.sku FROM purchase_order_line l JOIN purchase_order o ON o.id = l.purchase_order_id
				JOIN supplier s ON s.id = o.supplier_id
				WHERE s.name IN ('义乌优品供应链', '广州锦绣服装厂', '杭州栖居家居') AND l.received > 0""").query(String.class).list();
		assertThat(received).hasSize(3);
		assertThat(this.inventory.checkLedger().mismatches()).noneMatch((m) -> received.contains(m.sku()));
		// the received order went to the second warehouse, so the demo lists stock in two
		assertThat(this.jdbc.sql("SELECT count(*) FROM stock_item WHERE warehouse = :warehouse")
			.param("warehouse", DemoPurchasing.SECOND_WAREHOUSE)
			.query(Long.class)
			.single()).isEqualTo(2);
	}

}
