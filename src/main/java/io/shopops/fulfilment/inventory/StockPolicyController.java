package io.shopops.fulfilment.inventory;

import java.util.List;

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
 * The safety stock and usual supplier of a SKU, and the low-stock list with days of
 * cover, paged by seek on the SKU.
 */
@Controller
class StockPolicyController {

	static final int PAGE_SIZE = 50;

	private final StockPolicies policies;

	private final SupplierRepository suppliers;

	StockPolicyController(StockPolicies policies, SupplierRepository suppliers) {
		this.policies = policies;
		this.suppliers = suppliers;
	}

	@GetMapping("/inventory/low-stock")
	String lowStock(@RequestParam(required = false) String after, Model model) {
		List<LowStockRow> rows = this.policies.lowStock(after, PAGE_SIZE + 1);
		boolean more = rows.size() > PAGE_SIZE;
		List<LowStockRow> shown = more ? rows.subList(0, PAGE_SIZE) : rows;
		model.addAttribute("rows", shown);
		model.addAttribute("next", more ? shown.get(shown.size() - 1).sku() : null);
		model.addAttribute("paged", after != null);
		model.addAttribute("salesDays", StockCover.SALES_DAYS);
		return "fulfilment/inventory/low-stock";
	}

	@GetMapping("/inventory/policy")
	String showForm(@RequestParam String sku, Model model) {
		StockPolicy policy = find(sku);
		model.addAttribute("form", StockPolicyForm.of(policy));
		return show(policy, model);
	}

	@PostMapping("/inventory/policy")
	String update(@RequestParam String sku, @Valid @ModelAttribute("form") StockPolicyForm form, BindingResult result,
			Model model, RedirectAttributes redirect) {
		StockPolicy policy = find(sku);
		if (form.getSupplierId() != null && this.suppliers.find(form.getSupplierId()).isEmpty()) {
			result.rejectValue("supplierId", "stockPolicy.supplier.unknown");
		}
		if (result.hasErrors()) {
			return show(policy, model);
		}
		this.policies.set(sku, form.getSafetyStock(), form.getSupplierId());
		redirect.addFlashAttribute("message", "flash.stockPolicy.saved");
		redirect.addAttribute("sku", sku);
		return "redirect:/inventory/movements";
	}

	private String show(StockPolicy policy, Model model) {
		model.addAttribute("policy", policy);
		// the usual supplier stays selectable even when it was deactivated since
		model.addAttribute("suppliers",
				this.suppliers.findActive()
					.stream()
					.filter((s) -> policy.supplierId() == null || s.id() != policy.supplierId())
					.toList());
		model.addAttribute("current",
				(policy.supplierId() != null) ? this.suppliers.find(policy.supplierId()).orElse(null) : null);
		return "fulfilment/inventory/policy";
	}

	private StockPolicy find(String sku) {
		return this.policies.find(sku).orElseThrow(() -> new StockItemNotFoundException(sku, "-"));
	}

}
