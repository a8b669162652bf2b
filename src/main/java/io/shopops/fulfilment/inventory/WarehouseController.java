package io.shopops.fulfilment.inventory;

import io.shopops.platform.AuditLog;
import io.shopops.platform.Role;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;

import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The warehouses: everyone in fulfilment may see them, admins add them.
 */
@Controller
@RequestMapping("/inventory/warehouses")
class WarehouseController {

	private final WarehouseRepository warehouses;

	private final AuditLog auditLog;

	WarehouseController(WarehouseRepository warehouses, AuditLog auditLog) {
		this.warehouses = warehouses;
		this.auditLog = auditLog;
	}

	@GetMapping
	String list(HttpServletRequest request, Model model) {
		model.addAttribute("form", new WarehouseForm());
		return show(request, model);
	}

	@PostMapping
	@Transactional
	String create(@Valid @ModelAttribute("form") WarehouseForm form, BindingResult result, HttpServletRequest request,
			Model model, RedirectAttributes redirect) {
		if (!result.hasErrors() && !this.warehouses.insert(form.getCode(), form.getName())) {
			result.rejectValue("code", "warehouse.code.duplicate");
		}
		if (result.hasErrors()) {
			return show(request, model);
		}
		this.auditLog.record("WAREHOUSE_CREATED", "warehouse", form.getCode(), form.getName());
		redirect.addFlashAttribute("message", "flash.warehouse.created");
		return "redirect:/inventory/warehouses";
	}

	private String show(HttpServletRequest request, Model model) {
		model.addAttribute("warehouses", this.warehouses.findAll());
		// the form is for admins only (see FulfilmentWebConfiguration); ADMIN is the top
		// role
		model.addAttribute("canAdd", request.isUserInRole(Role.ADMIN.name()));
		return "fulfilment/inventory/warehouses";
	}

}
