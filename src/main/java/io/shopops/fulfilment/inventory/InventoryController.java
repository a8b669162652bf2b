package io.shopops.fulfilment.inventory;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.StringUtils;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Stock per SKU and warehouse (on hand, reserved, available), searchable by SKU prefix,
 * paged by seek on the SKU.
 */
@Controller
class InventoryController {

	static final int PAGE_SIZE = 50;

	private final JdbcClient jdbc;

	InventoryController(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@GetMapping("/inventory")
	String index(@RequestParam(required = false) String q, @RequestParam(required = false) String after, Model model) {
		String prefix = StringUtils.hasText(q) ? q.strip() : "";
		// ~>~ and ~<~ compare byte by byte, as the SKU index (text_pattern_ops) is
		// sorted:
		// the page is read from the index in order instead of sorting every stock row
		List<StockRow> rows = this.jdbc.sql("""
				SELECT v.sku, p.id AS product_id, p.title, s.warehouse, s.on_hand, s.reserved
				FROM product_variant v
				JOIN stock_item s ON s.variant_id = v.id
				JOIN product p ON p.id = v.product_id
				WHERE v.sku LIKE :prefix AND v.sku ~>~ :after
				ORDER BY v.sku USING ~<~, s.warehouse
				LIMIT :limit""")
			.param("prefix", prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%")
			.param("after", (after != null) ? after : "")
			.param("limit", PAGE_SIZE + 1)
			.query((rs, n) -> new StockRow(rs.getString("sku"), rs.getLong("product_id"), rs.getString("title"),
					rs.getString("warehouse"), rs.getInt("on_hand"), rs.getInt("reserved")))
			.list();
		boolean more = rows.size() > PAGE_SIZE;
		List<StockRow> shown = more ? rows.subList(0, PAGE_SIZE) : rows;
		model.addAttribute("rows", shown);
		model.addAttribute("q", prefix);
		model.addAttribute("next", more ? shown.get(shown.size() - 1).sku() : null);
		model.addAttribute("paged", after != null);
		return "fulfilment/inventory/index";
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
