package io.shopops.growth.segment;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.shopops.fulfilment.order.OrderSnapshot;
import io.shopops.growth.crm.CustomerHook;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Keeps the SKUs each customer bought for the "bought product" criterion: whenever CRM
 * records an order, inside its transaction, the order's SKUs are stored for its customer
 * if the order counts (paid and not cancelled, as CRM now has it) and removed otherwise;
 * a merge moves them to the survivor. A re-delivered event changes nothing.
 * <p>
 * Named for its main job; it also drops a merged customer's RFM scores.
 */
@Component
class CustomerSkus implements CustomerHook {

	private final JdbcClient jdbc;

	CustomerSkus(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public void orderRecorded(long customerId, OrderSnapshot order) {
		this.jdbc.sql("DELETE FROM customer_sku WHERE order_id = :order").param("order", order.id()).update();
		boolean counts = this.jdbc
			.sql("SELECT count(*) FROM customer_order WHERE order_id = :order AND paid_at IS NOT NULL "
					+ "AND status <> 'CANCELLED'")
			.param("order", order.id())
			.query(Long.class)
			.single() > 0;
		if (!counts || order.lines() == null) {
			return;
		}
		Set<String> skus = skus(order.lines().stream().map(OrderSnapshot.Line::sku).toList());
		for (String sku : skus) {
			this.jdbc.sql("INSERT INTO customer_sku (order_id, sku, customer_id) VALUES (:order, :sku, :customer)")
				.param("order", order.id())
				.param("sku", sku)
				.param("customer", customerId)
				.update();
		}
	}

	/**
	 * The SKUs of a batch of orders CRM just recorded, in three statements: as
	 * {@link #orderRecorded} for each in turn.
	 */
	@Override
	public void ordersRecorded(List<RecordedOrder> orders) {
		if (orders.isEmpty()) {
			return;
		}
		Long[] ids = orders.stream().map((o) -> o.order().id()).distinct().toArray(Long[]::new);
		if (ids.length != orders.size()) {
			CustomerHook.super.ordersRecorded(orders);
			return;
		}
		this.jdbc.sql("DELETE FROM customer_sku WHERE order_id = ANY (:orders::bigint[])")
			.param("orders", ids)
			.update();
		Set<Long> counting = new HashSet<>(this.jdbc
			.sql("SELECT order_id FROM customer_order WHERE order_id = ANY (:orders::bigint[]) "
					+ "AND paid_at IS NOT NULL AND status <> 'CANCELLED'")
			.param("orders", ids)
			.query(Long.class)
			.list());
		List<Long> rowOrders = new ArrayList<>();
		List<String> rowSkus = new ArrayList<>();
		List<Long> rowCustomers = new ArrayList<>();
		for (RecordedOrder recorded : orders) {
			OrderSnapshot order = recorded.order();
			if (!counting.contains(order.id()) || order.lines() == null) {
				continue;
			}
			for (String sku : skus(order.lines().stream().map(OrderSnapshot.Line::sku).toList())) {
				rowOrders.add(order.id());
				rowSkus.add(sku);
				rowCustomers.add(recorded.customerId());
			}
		}
		if (rowOrders.isEmpty()) {
			return;
		}
		this.jdbc.sql("""
				INSERT INTO customer_sku (order_id, sku, customer_id)
				SELECT * FROM unnest(:orders::bigint[], :skus::text[], :customers::bigint[])""")
			.param("orders", rowOrders.toArray(Long[]::new))
			.param("skus", rowSkus.toArray(String[]::new))
			.param("customers", rowCustomers.toArray(Long[]::new))
			.update();
	}

	/**
	 * The SKUs as stored: stripped, at most 64 characters, blank ones left out, each
	 * once.
	 * @param lineSkus the SKUs of an order's lines
	 * @return the distinct SKUs, in line order
	 */
	static Set<String> skus(java.util.List<String> lineSkus) {
		Set<String> skus = new LinkedHashSet<>();
		for (String value : lineSkus) {
			if (value != null && !value.isBlank()) {
				String sku = value.strip();
				skus.add((sku.length() > 64) ? sku.substring(0, 64) : sku);
			}
		}
		return skus;
	}

	/**
	 * Moves the duplicate's SKUs to the survivor and drops the duplicate's RFM scores
	 * (the survivor's are recomputed with everyone's), so that the scores only ever hold
	 * customers that are not merged.
	 */
	@Override
	public void merged(long survivorId, long duplicateId) {
		this.jdbc.sql("UPDATE customer_sku SET customer_id = :survivor WHERE customer_id = :duplicate")
			.param("survivor", survivorId)
			.param("duplicate", duplicateId)
			.update();
		this.jdbc.sql("DELETE FROM customer_rfm WHERE customer_id = :duplicate")
			.param("duplicate", duplicateId)
			.update();
	}

}
