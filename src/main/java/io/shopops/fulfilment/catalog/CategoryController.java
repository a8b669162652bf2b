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
 * The category tree: add, rename (paths of descendants follow) and delete unused leaves.
 */
@Controller
@RequestMapping("/products/categories")
class CategoryController {

	private final CategoryRepository categories;

	private final CategoryManagement management;

	CategoryController(CategoryRepository categories, CategoryManagement management) {
		this.categories = categories;
		this.management = management;
	}

	@GetMapping
	String list(Model model) {
		model.addAttribute("categories", this.categories.findAllByOrderByPathAsc());
		return "fulfilment/products/categories";
	}

	@PostMapping
	String create(@RequestParam(defaultValue = "") String name, @RequestParam(required = false) Long parentId,
			RedirectAttributes redirect) {
		String clean = name.strip();
		String problem = nameProblem(clean);
		Category parent = (parentId != null) ? this.categories.findById(parentId).orElse(null) : null;
		if (problem == null && parentId != null && parent == null) {
			problem = "category.parent.unknown";
		}
		Category category = (problem == null) ? new Category(parent, clean) : null;
		if (category != null && this.categories.findByPath(category.getPath()).isPresent()) {
			problem = "category.duplicate";
		}
		return change(problem, () -> this.management.create(category), "flash.category.created", redirect);
	}

	@PostMapping("/{id}/rename")
	String rename(@PathVariable long id, @RequestParam(defaultValue = "") String name, RedirectAttributes redirect) {
		Category category = this.categories.findById(id).orElseThrow(() -> new ProductNotFoundException(id));
		String clean = name.strip();
		String problem = nameProblem(clean);
		String oldPath = category.getPath();
		int cut = oldPath.lastIndexOf(Category.SEPARATOR);
		String newPath = ((cut >= 0) ? oldPath.substring(0, cut + Category.SEPARATOR.length()) : "") + clean;
		if (problem == null && !newPath.equals(oldPath) && this.categories.findByPath(newPath).isPresent()) {
			problem = "category.duplicate";
		}
		return change(problem, () -> this.management.rename(id, clean, newPath), "flash.category.renamed", redirect);
	}

	@PostMapping("/{id}/delete")
	String delete(@PathVariable long id, RedirectAttributes redirect) {
		if (!this.management.delete(id)) {
			redirect.addFlashAttribute("error", "category.inUse");
			return "redirect:/products/categories";
		}
		redirect.addFlashAttribute("message", "flash.category.deleted");
		return "redirect:/products/categories";
	}

	private static String change(String problem, Runnable change, String successKey, RedirectAttributes redirect) {
		NameTakenException.flash(problem, change, "category.duplicate", successKey, redirect);
		return "redirect:/products/categories";
	}

	private static String nameProblem(String name) {
		if (!StringUtils.hasText(name)) {
			return "category.name.required";
		}
		if (name.length() > 100 || name.contains(">")) {
			return "category.name.format";
		}
		return null;
	}

}
