package io.shopops.fulfilment.inventory;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.shopops.platform.AuditLog;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Seeds the demo shop's purchasing (profile {@code demo}, after the catalog): three
 * suppliers, safety stock for the first SKUs, and purchase orders in every open status,
 * through the same services as the pages. It runs only while its first supplier does not
 * exist, so re-running it changes nothing.
 */
@Component
@Profile("demo")
@Order(40)
class DemoPurchasing implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoPurchasing.class);

	static final String FIRST_SUPPLIER = "义乌优品供应链";

	private final JdbcClient jdbc;

	private final SupplierManagement suppliers;

	private final StockPolicies policies;

	/** The demo's second warehouse, which the received purchase order delivers to. */
	static final String SECOND_WAREHOUSE = "EAST";

	private final PurchaseOrders orders;

	private final WarehouseRepository warehouses;

	private final AuditLog auditLog;

	DemoPurchasing(JdbcClient jdbc, SupplierManagement suppliers, StockPolicies policies, PurchaseOrders orders,
			WarehouseRepository warehouses, AuditLog auditLog) {
		this.jdbc = jdbc;
		this.suppliers = suppliers;
		this.policies = policies;
		this.orders = orders;
		this.warehouses = warehouses;
		this.auditLog = auditLog;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (this.jdbc.sql("SELECT count(*) FROM supplier WHERE name = :name")
			.param("name", FIRST_SUPPLIER)
			.query(Long.class)
			.single() > 0) {
			return;
		}
		if (this.warehouses.insert(SECOND_WAREHOUSE, "华东仓 East China warehouse")) {
			this.auditLog.record("WAREHOUSE_CREATED", "warehouse", SECOND_WAREHOUSE, "华东仓 East China warehouse");
		}
		long[] ids = { supplier(FIRST_SUPPLIER, "王经理", 5), supplier("广州锦绣服装厂", "陈小姐", 12),
				supplier("杭州栖居家居", "李先生", 8) };
		List<Map.Entry<String, BigDecimal>> skus = this.jdbc
			.sql("SELECT sku, coalesce(cost, price * 0.45) AS cost FROM product_variant ORDER BY id LIMIT 24")
			.query((rs, n) -> Map.entry(rs.getString("sku"),
					rs.getBigDecimal("cost").setScale(2, RoundingMode.HALF_UP)))
			.list();
		for (int i = 0; i < skus.size(); i++) {
			this.policies.set(skus.get(i).getKey(), 5 + (i % 4) * 5, ids[i % 3]);
		}
		if (skus.size() >= 11) {
			long partial = order(ids[0], skus.subList(0, 4), LocalDate.now().plusDays(2), Inventory.DEFAULT_WAREHOUSE);
			this.orders.place(partial);
			long firstLine = this.orders.find(partial).orElseThrow().lines().get(0).id();
			this.orders.receive(partial, Map.of(firstLine, 10));
			this.orders
				.place(order(ids[1], skus.subList(4, 7), LocalDate.now().plusDays(9), Inventory.DEFAULT_WAREHOUSE));
			order(ids[2], skus.subList(7, 9), null, Inventory.DEFAULT_WAREHOUSE);
			long received = order(ids[0], skus.subList(9, 11), LocalDate.now().minusDays(3), SECOND_WAREHOUSE);
			this.orders.place(received);
			Map<Long, Integer> all = new LinkedHashMap<>();
			this.orders.find(received).orElseThrow().lines().forEach((l) -> all.put(l.id(), l.quantity()));
			this.orders.receive(received, all);
		}
		log.info("Demo purchasing: {} suppliers, {} SKUs with safety stock", ids.length, skus.size());
	}

	private long supplier(String name, String contact, int leadTimeDays) {
		SupplierForm form = new SupplierForm();
		form.setName(name);
		form.setContact(contact);
		form.setLeadTimeDays(leadTimeDays);
		return this.suppliers.create(form);
	}

	private long order(long supplier, List<Map.Entry<String, BigDecimal>> lines, LocalDate expectedOn,
			String warehouse) {
		PurchaseOrderForm form = new PurchaseOrderForm();
		form.setSupplierId(supplier);
		form.setWarehouse(warehouse);
		form.setExpectedOn(expectedOn);
		long id = this.orders.create(form);
		for (Map.Entry<String, BigDecimal> line : lines) {
			PurchaseOrderLineForm item = new PurchaseOrderLineForm();
			item.setSku(line.getKey());
			item.setQuantity(20);
			item.setUnitCost(line.getValue());
			this.orders.setLine(id, item);
		}
		return id;
	}

}
