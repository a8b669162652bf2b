package io.shopops.fulfilment.inventory;

import java.math.BigDecimal;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The suggested-reorder list and the drafts made from it. The candidates are the SKUs
 * with a stock policy or with sales in the last {@value StockCover#SALES_DAYS} days; the
 * query keeps those {@link StockCover#needsReorder} would keep (its condition, written in
 * SQL so that the list pages by seek on the SKU).
 */
@Service
class ReorderSuggestions {

	private final JdbcClient jdbc;

	private final PurchaseOrders orders;

	ReorderSuggestions(JdbcClient jdbc, PurchaseOrders orders) {
		this.jdbc = jdbc;
		this.orders = orders;
	}

	/**
	 * A page of suggestions in SKU order after the given SKU.
	 * @param supplierId only SKUs usually bought from this supplier, 0 for SKUs without a
	 * usual supplier, {@code null} for all
	 */
	@Transactional(readOnly = true)
	List<ReorderSuggestion> list(Long supplierId, String after, int limit) {
		return query(supplierId, null, after, limit);
	}

	/**
	 * Creates a draft purchase order with the suggested quantities of the given SKUs
	 * (those whose suggestion is still above 0).
	 * @return the draft's id
	 * @throws PurchaseOrderException if none of the SKUs needs ordering any more, or the
	 * supplier or warehouse is unknown
	 */
	@Transactional
	long createDraft(long supplierId, String warehouse, List<String> skus) {
		List<PurchaseOrders.DraftLine> lines = query(null, skus, null, skus.size()).stream()
			.filter((s) -> s.suggestedQuantity() > 0)
			.map((s) -> new PurchaseOrders.DraftLine(s.variantId(), s.sku(), s.suggestedQuantity(), s.unitCost()))
			.toList();
		if (lines.isEmpty()) {
			throw new PurchaseOrderException("reorder.nothing");
		}
		return this.orders.createDraft(supplierId, warehouse, lines);
	}

	private List<ReorderSuggestion> query(Long supplierId, List<String> skus, String after, int limit) {
		return this.jdbc
			.sql("""
					WITH sold AS (
					  SELECT variant_id, sum(-on_hand_delta) AS units FROM stock_movement
					  WHERE kind = 'SHIPMENT' AND created_at >= now() - make_interval(days => :days)
					  GROUP BY variant_id
					), candidate AS (
					  SELECT variant_id FROM stock_policy UNION SELECT variant_id FROM sold
					)
					SELECT v.id, v.sku, p.title, sp.safety_stock, sp.supplier_id, su.name AS supplier_name,
					  coalesce(su.lead_time_days, 0) AS lead_time, st.available, coalesce(sold.units, 0) AS sold,
					  oo.units AS on_order, coalesce(lc.unit_cost, v.cost, 0) AS unit_cost
					FROM candidate c
					JOIN product_variant v ON v.id = c.variant_id
					JOIN product p ON p.id = v.product_id
					LEFT JOIN stock_policy sp ON sp.variant_id = v.id
					LEFT JOIN supplier su ON su.id = sp.supplier_id
					LEFT JOIN sold ON sold.variant_id = v.id
					CROSS JOIN LATERAL (SELECT coalesce(sum(on_hand - reserved), 0) AS available
					                    FROM stock_item WHERE variant_id = v.id) st
					CROSS JOIN LATERAL (SELECT coalesce(sum(l.quantity - l.received), 0) AS units
					                    FROM purchase_order_line l JOIN purchase_order o ON o.id = l.purchase_order_id
					                    WHERE l.variant_id = v.id AND o.status IN ('DRAFT', 'ORDERED', 'PARTIALLY_RECEIVED')) oo
					LEFT JOIN LATERAL (SELECT l.unit_cost FROM purchase_order_line l
					                   JOIN purchase_order o ON o.id = l.purchase_order_id
					                   WHERE l.variant_id = v.id AND o.status <> 'CANCELLED'
					                   ORDER BY l.id DESC LIMIT 1) lc ON true
					WHERE ((sp.safety_stock IS NOT NULL AND st.available <= sp.safety_stock)
					    OR (coalesce(sold.units, 0) > 0
					        AND st.available * :days < (coalesce(su.lead_time_days, 0) + :buffer) * sold.units))
					  AND (:anySupplier OR coalesce(sp.supplier_id, 0) = :supplier)
					  AND (:anySku OR v.sku = ANY(:skus))
					  AND v.sku ~>~ :after
					ORDER BY v.sku USING ~<~
					LIMIT :limit""")
			.param("days", StockCover.SALES_DAYS)
			.param("buffer", StockCover.BUFFER_DAYS)
			.param("anySupplier", supplierId == null)
			.param("supplier", (supplierId != null) ? supplierId : 0L)
			.param("anySku", skus == null)
			.param("skus", (skus != null) ? skus.toArray(String[]::new) : new String[0])
			.param("after", (after != null) ? after : "")
			.param("limit", limit)
			.query((rs, n) -> new ReorderSuggestion(rs.getLong("id"), rs.getString("sku"), rs.getString("title"),
					rs.getObject("safety_stock", Integer.class), rs.getObject("supplier_id", Long.class),
					rs.getString("supplier_name"), rs.getInt("lead_time"), rs.getLong("available"), rs.getLong("sold"),
					rs.getLong("on_order"), scaled(rs.getBigDecimal("unit_cost"))))
			.list();
	}

	private static BigDecimal scaled(BigDecimal cost) {
		return cost.setScale(2, java.math.RoundingMode.HALF_UP);
	}

}
