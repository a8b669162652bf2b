package io.shopops.fulfilment.catalog;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.StringUtils;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Brands: add, rename and delete unused ones.
 */
@Controller
@RequestMapping("/products/brands")
class BrandController {

	private final BrandRepository brands;

	private final BrandManagement management;

	BrandController(BrandRepository brands, BrandManagement management) {
		this.brands = brands;
		this.management = management;
	}

	@GetMapping
	String list(Model model) {
		model.addAttribute("brands", this.brands.findAllByOrderByNameAsc());
		return "fulfilment/products/brands";
	}

	@PostMapping
	String create(@RequestParam(defaultValue = "") String name, RedirectAttributes redirect) {
		String clean = name.strip();
		return change(problem(clean, null), () -> this.management.create(clean), "flash.brand.created", redirect);
	}

	@PostMapping("/{id}/rename")
	String rename(@PathVariable long id, @RequestParam(defaultValue = "") String name, RedirectAttributes redirect) {
		this.brands.findById(id).orElseThrow(() -> new ProductNotFoundException(id));
		String clean = name.strip();
		return change(problem(clean, id), () -> this.management.rename(id, clean), "flash.brand.renamed", redirect);
	}

	@PostMapping("/{id}/delete")
	String delete(@PathVariable long id, RedirectAttributes redirect) {
		if (!this.management.delete(id)) {
			redirect.addFlashAttribute("error", "brand.inUse");
			return "redirect:/products/brands";
		}
		redirect.addFlashAttribute("message", "flash.brand.deleted");
		return "redirect:/products/brands";
	}

	private static String change(String problem, Runnable change, String successKey, RedirectAttributes redirect) {
		NameTakenException.flash(problem, change, "brand.duplicate", successKey, redirect);
		return "redirect:/products/brands";
	}

	private String problem(String name, Long id) {
		if (!StringUtils.hasText(name)) {
			return "brand.name.required";
		}
		if (name.length() > 100) {
			return "brand.name.format";
		}
		return this.brands.findByNameIgnoringCase(name).filter((existing) -> !existing.getId().equals(id)).isPresent()
				? "brand.duplicate" : null;
	}

}
