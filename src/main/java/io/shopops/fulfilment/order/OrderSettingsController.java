package io.shopops.fulfilment.order;

import jakarta.validation.Valid;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The order settings page for admins: whether short orders are held, the SLAs of the
 * shipping queues and the warehouse orders reserve in.
 */
@Controller
@RequestMapping("/orders/settings")
class OrderSettingsController {

	private final JdbcOrderSettings settings;

	OrderSettingsController(JdbcOrderSettings settings) {
		this.settings = settings;
	}

	@GetMapping
	String showEditForm(Model model) {
		model.addAttribute("form", this.settings.form());
		return show(model);
	}

	@PostMapping
	String update(@Valid @ModelAttribute("form") OrderSettingsForm form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		if (!result.hasFieldErrors("defaultWarehouse")
				&& !this.settings.warehouses().contains(form.getDefaultWarehouse())) {
			result.rejectValue("defaultWarehouse", "order.settings.defaultWarehouse.unknown");
		}
		if (result.hasErrors()) {
			return show(model);
		}
		this.settings.change(form);
		redirect.addFlashAttribute("message", "flash.order.settings.saved");
		return "redirect:/orders/settings";
	}

	private String show(Model model) {
		model.addAttribute("warehouses", this.settings.warehouses());
		return "fulfilment/orders/settings";
	}

}
