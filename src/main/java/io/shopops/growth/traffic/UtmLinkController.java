package io.shopops.growth.traffic;

import java.util.Map;
import java.util.stream.Collectors;

import io.shopops.platform.ShopSettings;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The UTM link builder ({@code /traffic/links}, operators): tracked links for a product
 * or page, kept in a list to copy again, deleted after a confirmation.
 */
@Controller
class UtmLinkController {

	private final UtmLinks links;

	private final Sites sites;

	private final ShopSettings shop;

	UtmLinkController(UtmLinks links, Sites sites, ShopSettings shop) {
		this.links = links;
		this.sites = sites;
		this.shop = shop;
	}

	@GetMapping("/traffic/links")
	String list(@RequestParam(required = false) String page, Model model) {
		model.addAttribute("form", new UtmLinkForm());
		return page(model, page);
	}

	@PostMapping("/traffic/links")
	String create(@ModelAttribute("form") UtmLinkForm form, @RequestParam(required = false) String preview, Model model,
			RedirectAttributes redirect) {
		try {
			if (preview != null) {
				model.addAttribute("previewLink", this.links.preview(form));
				return page(model, null);
			}
			UtmLink link = this.links.create(form);
			redirect.addFlashAttribute("message", "traffic.link.created");
			redirect.addFlashAttribute("createdId", link.id());
			return "redirect:/traffic/links";
		}
		catch (SiteInvalidException ex) {
			Map<String, String> problems = ex.problems()
				.stream()
				.collect(Collectors.toMap(SiteInvalidException.Problem::field, SiteInvalidException.Problem::code,
						(a, b) -> a));
			model.addAttribute("fieldProblems", problems);
			return page(model, null);
		}
	}

	@GetMapping("/traffic/links/{id:\\d{1,18}}/delete")
	String confirmDelete(@PathVariable long id, Model model) {
		model.addAttribute("link", this.links.find(id).orElseThrow(() -> new SiteNotFoundException(id)));
		return "growth/traffic/link-delete";
	}

	@PostMapping("/traffic/links/{id:\\d{1,18}}/delete")
	String delete(@PathVariable long id, RedirectAttributes redirect) {
		if (!this.links.delete(id)) {
			throw new SiteNotFoundException(id);
		}
		redirect.addFlashAttribute("message", "traffic.link.deleted");
		return "redirect:/traffic/links";
	}

	private String page(Model model, String page) {
		int number = 0;
		if (page != null) {
			try {
				number = Math.max(0, Math.min(Integer.parseInt(page.strip()) - 1, 1_000_000));
			}
			catch (NumberFormatException ex) {
				model.addAttribute("filterWarning", "traffic.link.badPage");
			}
		}
		model.addAttribute("links", this.links.page(number));
		model.addAttribute("sites", this.sites.list().stream().filter(Sites.Site::enabled).toList());
		model.addAttribute("zone", this.shop.current().timeZone());
		return "growth/traffic/links";
	}

}
