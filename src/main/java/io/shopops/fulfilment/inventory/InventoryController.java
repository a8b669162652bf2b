package io.shopops.fulfilment.inventory;

import java.time.OffsetDateTime;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.StringUtils;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Stock per SKU and warehouse (on hand, reserved, available), searchable by SKU prefix,
 * paged by seek on (SKU, warehouse), which stays unique with several warehouses; and the
 * movement ledger of one SKU, newest first, paged by seek on the movement id.
 */
@Controller
class InventoryController {

	static final int PAGE_SIZE = 50;

	private final JdbcClient jdbc;

	InventoryController(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@GetMapping("/inventory")
	String index(@RequestParam(required = false) String q, @RequestParam(required = false) String after,
			@RequestParam(required = false) String afterWarehouse, Model model) {
		String prefix = StringUtils.hasText(q) ? q.strip() : "";
		// ~>=~ and ~<~ compare byte by byte, as the SKU index (text_pattern_ops) is
		// sorted,
		// so the page is read from the index in order instead of sorting every stock row;
		// the cursor is (SKU, warehouse), unique with several warehouses per SKU
		List<StockRow> rows = this.jdbc.sql("""
				SELECT v.sku, p.id AS product_id, p.title, s.warehouse, s.on_hand, s.reserved
				FROM product_variant v
				JOIN stock_item s ON s.variant_id = v.id
				JOIN product p ON p.id = v.product_id
				WHERE v.sku LIKE :prefix AND v.sku ~>=~ :after
				  AND (v.sku <> :after OR s.warehouse > :afterWarehouse)
				ORDER BY v.sku USING ~<~, s.warehouse
				LIMIT :limit""")
			.param("prefix", prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%")
			.param("after", (after != null) ? after : "")
			.param("afterWarehouse", (after != null && afterWarehouse != null) ? afterWarehouse : "")
			.param("limit", PAGE_SIZE + 1)
			.query((rs, n) -> new StockRow(rs.getString("sku"), rs.getLong("product_id"), rs.getString("title"),
					rs.getString("warehouse"), rs.getInt("on_hand"), rs.getInt("reserved")))
			.list();
		boolean more = rows.size() > PAGE_SIZE;
		List<StockRow> shown = more ? rows.subList(0, PAGE_SIZE) : rows;
		model.addAttribute("rows", shown);
		model.addAttribute("q", prefix);
		model.addAttribute("next", more ? shown.get(shown.size() - 1) : null);
		model.addAttribute("paged", after != null);
		return "fulfilment/inventory/index";
	}

	@GetMapping("/inventory/movements")
	String movements(@RequestParam String sku, @RequestParam(required = false) Long before, Model model) {
		List<StockLevel> levels = this.jdbc.sql("""
				SELECT v.sku, s.warehouse, s.on_hand, s.reserved FROM stock_item s
				JOIN product_variant v ON v.id = s.variant_id WHERE v.sku = :sku ORDER BY s.warehouse""")
			.param("sku", sku)
			.query((rs, n) -> new StockLevel(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getInt(4)))
			.list();
		if (levels.isEmpty()) {
			throw new StockItemNotFoundException(sku, Inventory.DEFAULT_WAREHOUSE);
		}
		List<Movement> rows = this.jdbc.sql("""
				SELECT m.id, m.created_at, m.warehouse, m.kind, m.on_hand_delta, m.reserved_delta, m.reference_type,
				  m.reference_id, m.reason, m.actor
				FROM stock_movement m JOIN product_variant v ON v.id = m.variant_id
				WHERE v.sku = :sku AND m.id < :before
				ORDER BY m.id DESC
				LIMIT :limit""")
			.param("sku", sku)
			.param("before", (before != null) ? before : Long.MAX_VALUE)
			.param("limit", PAGE_SIZE + 1)
			.query((rs, n) -> new Movement(rs.getLong("id"), rs.getObject("created_at", OffsetDateTime.class),
					rs.getString("warehouse"), MovementKind.valueOf(rs.getString("kind")), rs.getInt("on_hand_delta"),
					rs.getInt("reserved_delta"), rs.getString("reference_type"), rs.getString("reference_id"),
					rs.getString("reason"), rs.getString("actor")))
			.list();
		boolean more = rows.size() > PAGE_SIZE;
		List<Movement> shown = more ? rows.subList(0, PAGE_SIZE) : rows;
		model.addAttribute("sku", sku);
		model.addAttribute("levels", levels);
		model.addAttribute("movements", shown);
		model.addAttribute("next", more ? shown.get(shown.size() - 1).id() : null);
		model.addAttribute("paged", before != null);
		return "fulfilment/inventory/movements";
	}

	/**
	 * One row of the movement ledger.
	 */
	record Movement(long id, OffsetDateTime at, String warehouse, MovementKind kind, int onHandDelta, int reservedDelta,
			String referenceType, String referenceId, String reason, String actor) {

	}

	/**
	 * Stock of one SKU in one warehouse.
	 */
	record StockRow(String sku, long productId, String title, String warehouse, int onHand, int reserved) {

		public int available() {
			return this.onHand - this.reserved;
		}

	}

}
