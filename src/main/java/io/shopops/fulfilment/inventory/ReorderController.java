package io.shopops.fulfilment.inventory;

import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The suggested-reorder list, by supplier, paged by seek on the SKU, and the button that
 * turns the selected suggestions into a draft purchase order.
 */
@Controller
class ReorderController {

	static final int PAGE_SIZE = 50;

	static final int MAX_SELECTED = 500;

	private final ReorderSuggestions suggestions;

	private final SupplierRepository suppliers;

	private final WarehouseRepository warehouses;

	ReorderController(ReorderSuggestions suggestions, SupplierRepository suppliers, WarehouseRepository warehouses) {
		this.suggestions = suggestions;
		this.suppliers = suppliers;
		this.warehouses = warehouses;
	}

	@GetMapping("/inventory/reorder")
	String list(@RequestParam(required = false) Long supplier, @RequestParam(required = false) String after,
			Model model) {
		List<ReorderSuggestion> rows = this.suggestions.list(supplier, after, PAGE_SIZE + 1);
		boolean more = rows.size() > PAGE_SIZE;
		List<ReorderSuggestion> shown = more ? rows.subList(0, PAGE_SIZE) : rows;
		model.addAttribute("rows", shown);
		model.addAttribute("supplierId", supplier);
		model.addAttribute("suppliers", this.suppliers.findActive());
		model.addAttribute("warehouses",
				this.warehouses.findAll().stream().filter(WarehouseRepository.Warehouse::active).toList());
		model.addAttribute("next", more ? shown.get(shown.size() - 1).sku() : null);
		model.addAttribute("paged", after != null);
		model.addAttribute("salesDays", StockCover.SALES_DAYS);
		model.addAttribute("bufferDays", StockCover.BUFFER_DAYS);
		model.addAttribute("coverDays", StockCover.TARGET_COVER_DAYS);
		return "fulfilment/inventory/reorder";
	}

	@PostMapping("/inventory/reorder")
	String createDraft(@RequestParam(required = false) Long supplier,
			@RequestParam(required = false) Long orderSupplier,
			@RequestParam(defaultValue = Inventory.DEFAULT_WAREHOUSE) String warehouse,
			@RequestParam(name = "sku", required = false) List<String> skus, RedirectAttributes redirect) {
		String refusal = null;
		if (skus == null || skus.isEmpty()) {
			refusal = "reorder.select.none";
		}
		else if (orderSupplier == null) {
			refusal = "reorder.supplier.required";
		}
		else if (skus.size() > MAX_SELECTED) {
			refusal = "reorder.select.tooMany";
		}
		else {
			try {
				long id = this.suggestions.createDraft(orderSupplier, warehouse, skus.stream().distinct().toList());
				redirect.addFlashAttribute("message", "flash.reorder.drafted");
				return "redirect:/inventory/purchase-orders/" + id;
			}
			catch (PurchaseOrderException ex) {
				refusal = ex.messageKey();
			}
		}
		redirect.addFlashAttribute("error", refusal);
		if (supplier != null) {
			redirect.addAttribute("supplier", supplier);
		}
		return "redirect:/inventory/reorder";
	}

}
