package io.shopops.fulfilment.inventory;

import jakarta.validation.Valid;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The manual correction of one stock row. Adjustments are reversible (adjust back), so
 * they need no confirmation, but each is audited and needs a reason.
 */
@Controller
class StockAdjustmentController {

	private final Inventory inventory;

	StockAdjustmentController(Inventory inventory) {
		this.inventory = inventory;
	}

	@GetMapping("/inventory/adjust")
	String showForm(@RequestParam String sku,
			@RequestParam(defaultValue = Inventory.DEFAULT_WAREHOUSE) String warehouse, Model model) {
		model.addAttribute("form", new StockAdjustmentForm());
		return show(sku, warehouse, model);
	}

	@PostMapping("/inventory/adjust")
	String adjust(@RequestParam String sku, @RequestParam String warehouse,
			@Valid @ModelAttribute("form") StockAdjustmentForm form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		if (!result.hasErrors()) {
			try {
				this.inventory.adjust(sku, warehouse, form.getDelta(), form.ledgerReason());
				redirect.addFlashAttribute("message", "flash.stock.adjusted");
				redirect.addAttribute("sku", sku);
				return "redirect:/inventory/movements";
			}
			catch (InsufficientStockException ex) {
				result.rejectValue("delta", "stock.adjustment.belowReserved");
			}
		}
		return show(sku, warehouse, model);
	}

	private String show(String sku, String warehouse, Model model) {
		StockLevel level = this.inventory.find(sku, warehouse)
			.orElseThrow(() -> new StockItemNotFoundException(sku, warehouse));
		model.addAttribute("level", level);
		model.addAttribute("reasons", AdjustmentReason.values());
		return "fulfilment/inventory/adjust";
	}

}
