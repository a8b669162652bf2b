package io.shopops.fulfilment.inventory;

import java.util.List;

import jakarta.validation.Valid;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The suppliers: a list by name, paged by seek, and one form to add or edit one.
 * Suppliers are never deleted (purchase orders name them); an inactive one is no longer
 * offered for new purchase orders.
 */
@Controller
@RequestMapping("/inventory/suppliers")
class SupplierController {

	static final int PAGE_SIZE = 50;

	private final SupplierRepository suppliers;

	private final SupplierManagement management;

	SupplierController(SupplierRepository suppliers, SupplierManagement management) {
		this.suppliers = suppliers;
		this.management = management;
	}

	@GetMapping
	String list(@RequestParam(required = false) String afterName, @RequestParam(defaultValue = "0") long afterId,
			Model model) {
		List<Supplier> rows = this.suppliers.page(afterName, afterId, PAGE_SIZE + 1);
		boolean more = rows.size() > PAGE_SIZE;
		List<Supplier> shown = more ? rows.subList(0, PAGE_SIZE) : rows;
		model.addAttribute("suppliers", shown);
		model.addAttribute("next", more ? shown.get(shown.size() - 1) : null);
		model.addAttribute("paged", afterName != null);
		return "fulfilment/inventory/suppliers";
	}

	@GetMapping("/new")
	String showCreateForm(Model model) {
		model.addAttribute("form", new SupplierForm());
		return "fulfilment/inventory/supplier-form";
	}

	@PostMapping
	String create(@Valid @ModelAttribute("form") SupplierForm form, BindingResult result, RedirectAttributes redirect) {
		if (!result.hasErrors()) {
			try {
				this.management.create(form);
				redirect.addFlashAttribute("message", "flash.supplier.created");
				return "redirect:/inventory/suppliers";
			}
			catch (DuplicateKeyException ex) {
				result.rejectValue("name", "supplier.name.duplicate");
			}
		}
		return "fulfilment/inventory/supplier-form";
	}

	@GetMapping("/{id}/edit")
	String showEditForm(@PathVariable long id, Model model) {
		Supplier supplier = this.suppliers.find(id).orElseThrow(() -> new SupplierNotFoundException(id));
		model.addAttribute("form", SupplierForm.of(supplier));
		model.addAttribute("supplierId", id);
		return "fulfilment/inventory/supplier-form";
	}

	@PostMapping("/{id}")
	String update(@PathVariable long id, @Valid @ModelAttribute("form") SupplierForm form, BindingResult result,
			Model model, RedirectAttributes redirect) {
		if (!result.hasErrors()) {
			try {
				this.management.update(id, form);
				redirect.addFlashAttribute("message", "flash.supplier.updated");
				return "redirect:/inventory/suppliers";
			}
			catch (DuplicateKeyException ex) {
				result.rejectValue("name", "supplier.name.duplicate");
			}
		}
		model.addAttribute("supplierId", id);
		return "fulfilment/inventory/supplier-form";
	}

}
