package io.shopops.growth.traffic;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;

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
 * The SEO keywords ({@code /traffic/seo}): the list with each keyword's current rank, its
 * change against a week before, its best rank and search volume, filtered, sorted and
 * paged; a keyword's page with its rank history (a table and a chart) where operators
 * enter ranks; managers add, edit and delete keywords (after a confirmation).
 */
@Controller
class SeoController {

	private final SeoKeywords keywords;

	private final ShopSettings shop;

	SeoController(SeoKeywords keywords, ShopSettings shop) {
		this.keywords = keywords;
		this.shop = shop;
	}

	@GetMapping("/traffic/seo")
	String list(@RequestParam(required = false) String q, @RequestParam(required = false) String position,
			@RequestParam(required = false) String trend, @RequestParam(required = false) String sort,
			@RequestParam(required = false) String dir, @RequestParam(required = false) String page,
			HttpServletRequest request, Model model) {
		int number = 0;
		if (page != null && !page.isBlank()) {
			try {
				number = Math.max(0, Math.min(Integer.parseInt(page.strip()) - 1, 1_000_000));
			}
			catch (NumberFormatException ex) {
				model.addAttribute("filterWarning", "seo.badPage");
			}
		}
		String text = (q != null && q.length() > 200) ? q.substring(0, 200) : q;
		SeoKeywords.SeoFilter filter = new SeoKeywords.SeoFilter(text, position, trend, sort, "desc".equals(dir),
				number);
		model.addAttribute("filter", filter);
		model.addAttribute("keywords", this.keywords.page(filter));
		model.addAttribute("positions", SeoKeywords.SeoFilter.POSITIONS);
		model.addAttribute("trends", SeoKeywords.SeoFilter.TRENDS);
		model.addAttribute("sorts", SeoKeywords.SeoFilter.SORTS);
		model.addAttribute("canEdit", canEdit(request));
		return "growth/traffic/seo";
	}

	@GetMapping("/traffic/seo/new")
	String showCreateForm(Model model) {
		model.addAttribute("form", new SeoKeywordForm());
		return "growth/traffic/seo-form";
	}

	@PostMapping("/traffic/seo")
	String create(@ModelAttribute("form") SeoKeywordForm form, Model model, RedirectAttributes redirect) {
		try {
			SeoKeyword keyword = this.keywords.create(form);
			redirect.addFlashAttribute("message", "seo.flash.created");
			return "redirect:/traffic/seo/" + keyword.id();
		}
		catch (SiteInvalidException ex) {
			model.addAttribute("fieldProblems", problems(ex));
			return "growth/traffic/seo-form";
		}
	}

	@GetMapping("/traffic/seo/{id:\\d{1,18}}")
	String show(@PathVariable long id, HttpServletRequest request, Model model) {
		SeoKeyword keyword = this.keywords.find(id).orElseThrow(() -> new SeoKeywordNotFoundException(id));
		return detail(keyword, today().toString(), request, model);
	}

	@PostMapping("/traffic/seo/{id:\\d{1,18}}/ranks")
	String enterRank(@PathVariable long id, @RequestParam(required = false) String date,
			@RequestParam(required = false) String rank, HttpServletRequest request, Model model,
			RedirectAttributes redirect) {
		SeoKeyword keyword = this.keywords.find(id).orElseThrow(() -> new SeoKeywordNotFoundException(id));
		try {
			this.keywords.enterRank(id, date, rank, today());
			redirect.addFlashAttribute("message", "seo.flash.rankEntered");
			return "redirect:/traffic/seo/" + id;
		}
		catch (SiteInvalidException ex) {
			model.addAttribute("fieldProblems", problems(ex));
			model.addAttribute("rankValue", (rank != null && rank.length() <= 20) ? rank : "");
			return detail(keyword, (date != null && date.length() <= 20) ? date : "", request, model);
		}
	}

	@GetMapping("/traffic/seo/{id:\\d{1,18}}/edit")
	String showEditForm(@PathVariable long id, Model model) {
		SeoKeyword keyword = this.keywords.find(id).orElseThrow(() -> new SeoKeywordNotFoundException(id));
		model.addAttribute("form", SeoKeywordForm.of(keyword));
		model.addAttribute("keyword", keyword);
		return "growth/traffic/seo-form";
	}

	@PostMapping("/traffic/seo/{id:\\d{1,18}}")
	String update(@PathVariable long id, @ModelAttribute("form") SeoKeywordForm form, Model model,
			RedirectAttributes redirect) {
		SeoKeyword keyword = this.keywords.find(id).orElseThrow(() -> new SeoKeywordNotFoundException(id));
		try {
			this.keywords.update(id, form);
			redirect.addFlashAttribute("message", "seo.flash.updated");
			return "redirect:/traffic/seo/" + id;
		}
		catch (SiteInvalidException ex) {
			model.addAttribute("fieldProblems", problems(ex));
			model.addAttribute("keyword", keyword);
			return "growth/traffic/seo-form";
		}
	}

	@GetMapping("/traffic/seo/{id:\\d{1,18}}/delete")
	String confirmDelete(@PathVariable long id, Model model) {
		SeoKeyword keyword = this.keywords.find(id).orElseThrow(() -> new SeoKeywordNotFoundException(id));
		model.addAttribute("keyword", keyword);
		model.addAttribute("rankCount", this.keywords.history(id).size());
		return "growth/traffic/seo-delete";
	}

	@PostMapping("/traffic/seo/{id:\\d{1,18}}/delete")
	String delete(@PathVariable long id, RedirectAttributes redirect) {
		if (!this.keywords.delete(id)) {
			throw new SeoKeywordNotFoundException(id);
		}
		redirect.addFlashAttribute("message", "seo.flash.deleted");
		return "redirect:/traffic/seo";
	}

	private String detail(SeoKeyword keyword, String date, HttpServletRequest request, Model model) {
		List<SeoRank> history = this.keywords.history(keyword.id());
		List<SeoRank> ascending = new ArrayList<>(history);
		Collections.reverse(ascending);
		model.addAttribute("keyword", keyword);
		model.addAttribute("history", history);
		model.addAttribute("chartDates",
				ascending.stream().map((rank) -> rank.date().toString()).collect(Collectors.joining(",")));
		model.addAttribute("chartRanks", ascending.stream().map(SeoRank::shown).collect(Collectors.joining(",")));
		model.addAttribute("dateValue", date);
		model.addAttribute("today", today());
		model.addAttribute("canEdit", canEdit(request));
		return "growth/traffic/seo-detail";
	}

	private LocalDate today() {
		ZoneId zone = this.shop.current().timeZone();
		return LocalDate.now(zone);
	}

	private static boolean canEdit(HttpServletRequest request) {
		return request.isUserInRole("MANAGER") || request.isUserInRole("ADMIN");
	}

	private static Map<String, String> problems(SiteInvalidException ex) {
		return ex.problems()
			.stream()
			.collect(Collectors.toMap(SiteInvalidException.Problem::field, SiteInvalidException.Problem::code,
					(a, b) -> a));
	}

}
