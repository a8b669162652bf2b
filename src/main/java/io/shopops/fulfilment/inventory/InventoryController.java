package io.shopops.fulfilment.inventory;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * Inventory: stock per SKU and warehouse. Until warehouses exist the page explains how
 * stock arrives.
 */
@Controller
class InventoryController {

	@GetMapping("/inventory")
	String index() {
		return "fulfilment/inventory/index";
	}

}
