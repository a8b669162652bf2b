package io.shopops.fulfilment.inventory;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import io.shopops.platform.AuditLog;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Safety stock and usual supplier per SKU, and the low-stock list they define: the SKUs
 * with a safety stock whose available units, summed over every warehouse, are at or below
 * it.
 */
@Service
class StockPolicies {

	private final JdbcClient jdbc;

	private final AuditLog auditLog;

	StockPolicies(JdbcClient jdbc, AuditLog auditLog) {
		this.jdbc = jdbc;
		this.auditLog = auditLog;
	}

	/**
	 * The SKU's policy, with empty values when it has none.
	 * @return empty if the SKU does not exist
	 */
	@Transactional(readOnly = true)
	Optional<StockPolicy> find(String sku) {
		return this.jdbc.sql("""
				SELECT v.sku, p.title, sp.safety_stock, sp.supplier_id
				FROM product_variant v JOIN product p ON p.id = v.product_id
				LEFT JOIN stock_policy sp ON sp.variant_id = v.id
				WHERE v.sku = :sku""")
			.param("sku", sku)
			.query((rs, n) -> new StockPolicy(rs.getString("sku"), rs.getString("title"),
					rs.getObject("safety_stock", Integer.class), rs.getObject("supplier_id", Long.class)))
			.optional();
	}

	/**
	 * Sets (or, with both values {@code null}, removes) the SKU's policy, audited.
	 * @throws StockItemNotFoundException if the SKU does not exist
	 * @throws IllegalArgumentException if the supplier does not exist
	 */
	@Transactional
	void set(String sku, Integer safetyStock, Long supplierId) {
		StockPolicy before = find(sku).orElseThrow(() -> new StockItemNotFoundException(sku, "-"));
		if (supplierId != null && this.jdbc.sql("SELECT count(*) FROM supplier WHERE id = :id")
			.param("id", supplierId)
			.query(Long.class)
			.single() == 0) {
			throw new IllegalArgumentException("no supplier " + supplierId);
		}
		if (Objects.equals(before.safetyStock(), safetyStock) && Objects.equals(before.supplierId(), supplierId)) {
			return;
		}
		if (safetyStock == null && supplierId == null) {
			this.jdbc
				.sql("DELETE FROM stock_policy WHERE variant_id = (SELECT id FROM product_variant WHERE sku = :sku)")
				.param("sku", sku)
				.update();
		}
		else {
			this.jdbc.sql("""
					INSERT INTO stock_policy (variant_id, safety_stock, supplier_id)
					SELECT id, :safety, :supplier FROM product_variant WHERE sku = :sku
					ON CONFLICT (variant_id) DO UPDATE SET safety_stock = EXCLUDED.safety_stock,
					  supplier_id = EXCLUDED.supplier_id, updated_at = now()""")
				.param("sku", sku)
				.param("safety", safetyStock)
				.param("supplier", supplierId)
				.update();
		}
		this.auditLog.record("STOCK_POLICY_SET", "stock", sku, "safety stock " + shown(before.safetyStock()) + " → "
				+ shown(safetyStock) + ", supplier " + shown(before.supplierId()) + " → " + shown(supplierId));
	}

	/**
	 * A page of the low-stock list in SKU order (byte by byte, as the SKU index is
	 * sorted), after the given SKU.
	 */
	@Transactional(readOnly = true)
	List<LowStockRow> lowStock(String after, int limit) {
		return this.jdbc.sql("""
				SELECT v.sku, p.id AS product_id, p.title, sp.safety_stock, s.on_hand, s.reserved,
				  coalesce(sold.units, 0) AS sold
				FROM stock_policy sp
				JOIN product_variant v ON v.id = sp.variant_id
				JOIN product p ON p.id = v.product_id
				CROSS JOIN LATERAL (SELECT coalesce(sum(on_hand), 0) AS on_hand, coalesce(sum(reserved), 0) AS reserved
				                    FROM stock_item WHERE variant_id = sp.variant_id) s
				LEFT JOIN LATERAL (SELECT sum(-on_hand_delta) AS units FROM stock_movement
				                   WHERE variant_id = sp.variant_id AND kind = 'SHIPMENT'
				                     AND created_at >= now() - make_interval(days => :days)) sold ON true
				WHERE sp.safety_stock IS NOT NULL AND s.on_hand - s.reserved <= sp.safety_stock
				  AND v.sku ~>~ :after
				ORDER BY v.sku USING ~<~
				LIMIT :limit""")
			.param("days", StockCover.SALES_DAYS)
			.param("after", (after != null) ? after : "")
			.param("limit", limit)
			.query((rs, n) -> new LowStockRow(rs.getString("sku"), rs.getLong("product_id"), rs.getString("title"),
					rs.getInt("safety_stock"), rs.getLong("on_hand"), rs.getLong("reserved"), rs.getLong("sold")))
			.list();
	}

	/**
	 * How many SKUs are low: the operator home's card.
	 */
	@Transactional(readOnly = true)
	long countLow() {
		return this.jdbc.sql("""
				SELECT count(*) FROM stock_policy sp
				WHERE sp.safety_stock IS NOT NULL
				  AND (SELECT coalesce(sum(on_hand - reserved), 0) FROM stock_item s WHERE s.variant_id = sp.variant_id)
				      <= sp.safety_stock""").query(Long.class).single();
	}

	private static String shown(Object value) {
		return (value != null) ? value.toString() : "—";
	}

}
