package io.shopops.platform.settings;

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
 * The shop settings page for admins.
 */
@Controller
@RequestMapping("/admin/settings")
class SettingsController {

	private final JpaShopSettings settings;

	SettingsController(JpaShopSettings settings) {
		this.settings = settings;
	}

	@GetMapping
	String showEditForm(Model model) {
		model.addAttribute("form", this.settings.form());
		return "platform/settings/form";
	}

	@PostMapping
	String update(@Valid @ModelAttribute("form") SettingsForm form, BindingResult result, RedirectAttributes redirect) {
		if (!form.hasValidTimeZone()) {
			result.rejectValue("timeZone", "settings.timeZone.invalid");
		}
		if (!form.hasValidCurrency()) {
			result.rejectValue("currency", "settings.currency.invalid");
		}
		if (form.version() == null) {
			result.reject("settings.version.missing");
		}
		if (result.hasErrors()) {
			return "platform/settings/form";
		}
		this.settings.change(form);
		redirect.addFlashAttribute("message", "flash.settings.saved");
		return "redirect:/admin/settings";
	}

}
