package io.shopops.fulfilment.catalog;

import io.shopops.platform.AuditLog;

import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
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

	private final AuditLog auditLog;

	BrandController(BrandRepository brands, AuditLog auditLog) {
		this.brands = brands;
		this.auditLog = auditLog;
	}

	@GetMapping
	String list(Model model) {
		model.addAttribute("brands", this.brands.findAllByOrderByNameAsc());
		return "fulfilment/products/brands";
	}

	@PostMapping
	@Transactional
	String create(@RequestParam(defaultValue = "") String name, RedirectAttributes redirect) {
		String clean = name.strip();
		String problem = problem(clean, null);
		if (problem != null) {
			redirect.addFlashAttribute("error", problem);
			return "redirect:/products/brands";
		}
		this.brands.save(new Brand(clean));
		this.auditLog.record("BRAND_CREATED", "brand", clean, null);
		redirect.addFlashAttribute("message", "flash.brand.created");
		return "redirect:/products/brands";
	}

	@PostMapping("/{id}/rename")
	@Transactional
	String rename(@PathVariable long id, @RequestParam(defaultValue = "") String name, RedirectAttributes redirect) {
		Brand brand = this.brands.findById(id).orElseThrow(() -> new ProductNotFoundException(id));
		String clean = name.strip();
		String problem = problem(clean, id);
		if (problem != null) {
			redirect.addFlashAttribute("error", problem);
			return "redirect:/products/brands";
		}
		String before = brand.getName();
		brand.rename(clean);
		this.auditLog.record("BRAND_RENAMED", "brand", clean, before + " -> " + clean);
		redirect.addFlashAttribute("message", "flash.brand.renamed");
		return "redirect:/products/brands";
	}

	@PostMapping("/{id}/delete")
	@Transactional
	String delete(@PathVariable long id, RedirectAttributes redirect) {
		Brand brand = this.brands.findById(id).orElseThrow(() -> new ProductNotFoundException(id));
		if (this.brands.isUsed(id)) {
			redirect.addFlashAttribute("error", "brand.inUse");
			return "redirect:/products/brands";
		}
		this.brands.delete(brand);
		this.auditLog.record("BRAND_DELETED", "brand", brand.getName(), null);
		redirect.addFlashAttribute("message", "flash.brand.deleted");
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
