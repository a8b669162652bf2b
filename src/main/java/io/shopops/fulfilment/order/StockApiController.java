package io.shopops.fulfilment.order;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/stock/{sku}}: what a channel may still sell of a SKU, per warehouse and
 * in total.
 */
@RestController
class StockApiController {

	private final JdbcClient jdbc;

	StockApiController(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@GetMapping(path = "/api/stock/{sku}", produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<Map<String, Object>> show(@PathVariable String sku) {
		List<Map<String, Object>> warehouses = new ArrayList<>();
		long[] totals = new long[2];
		boolean[] known = new boolean[1];
		// one statement, so that the rows are one snapshot; a SKU without stock rows has
		// none
		this.jdbc.sql("""
				SELECT s.warehouse, s.on_hand, s.reserved FROM product_variant v
				LEFT JOIN stock_item s ON s.variant_id = v.id WHERE v.sku = :sku ORDER BY s.warehouse""")
			.param("sku", sku)
			.query((rs) -> {
				known[0] = true;
				if (rs.getString(1) == null) {
					return;
				}
				Map<String, Object> row = new LinkedHashMap<>();
				row.put("warehouse", rs.getString(1));
				row.put("onHand", rs.getInt(2));
				row.put("reserved", rs.getInt(3));
				row.put("available", rs.getInt(2) - rs.getInt(3));
				warehouses.add(row);
				totals[0] += rs.getInt(2);
				totals[1] += rs.getInt(3);
			});
		if (!known[0]) {
			return ResponseEntity.status(HttpStatus.NOT_FOUND).body(Map.of("error", "not_found", "sku", sku));
		}
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("sku", sku);
		body.put("onHand", totals[0]);
		body.put("reserved", totals[1]);
		body.put("available", totals[0] - totals[1]);
		body.put("warehouses", warehouses);
		return ResponseEntity.ok(body);
	}

}
