package io.shopops.growth.segment;

import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.shopops.platform.Role;
import io.shopops.platform.ShopSettings;

import org.springframework.context.MessageSource;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The segment pages under {@code /crm/segments}: the saved segments, the filter form with
 * its live count, a segment's members, and the RFM overview with its recompute button for
 * managers.
 */
@Controller
class SegmentController {

	private final SegmentBook book;

	private final SegmentQuery query;

	private final RfmScoring rfm;

	private final ShopSettings shop;

	private final MessageSource messages;

	private final CustomerSkuBackfill backfill;

	SegmentController(SegmentBook book, SegmentQuery query, RfmScoring rfm, ShopSettings shop, MessageSource messages,
			CustomerSkuBackfill backfill) {
		this.book = book;
		this.query = query;
		this.rfm = rfm;
		this.shop = shop;
		this.messages = messages;
		this.backfill = backfill;
	}

	@GetMapping("/crm/segments")
	String list(Authentication user, Model model) {
		model.addAttribute("segments", this.book.list());
		model.addAttribute("lastRun", this.rfm.lastRun().orElse(null));
		model.addAttribute("zone", zone());
		boolean manager = manager(user);
		model.addAttribute("manager", manager);
		if (manager) {
			model.addAttribute("backfill", this.backfill.lastRun().orElse(null));
			model.addAttribute("backfillRunning", this.backfill.running());
		}
		return "growth/segment/list";
	}

	@PostMapping("/crm/segments/sku-backfill")
	String backfill(Authentication user, RedirectAttributes redirect) {
		if (!manager(user)) {
			throw new AccessDeniedException("managers only");
		}
		redirect.addFlashAttribute("message", this.backfill.start(user.getName()) ? "segment.backfill.flash.started"
				: "segment.backfill.flash.running");
		return "redirect:/crm/segments";
	}

	@GetMapping("/crm/segments/new")
	String newForm(@ModelAttribute("form") SegmentForm form, Model model) {
		return form(form, null, null, model);
	}

	@PostMapping("/crm/segments")
	String create(@ModelAttribute("form") SegmentForm form, Authentication user, Model model,
			RedirectAttributes redirect) {
		SegmentForm.Parsed parsed = form.parse();
		String name = form.validName();
		if (name == null || !parsed.valid()) {
			return form(form, null, problems(parsed, name), model);
		}
		try {
			long id = this.book.create(name, parsed.filter(), this.query.count(parsed.filter()), user.getName());
			redirect.addFlashAttribute("message", "segment.flash.created");
			return "redirect:/crm/segments/" + id;
		}
		catch (SegmentException ex) {
			return form(form, null, List.of(ex.code()), model);
		}
	}

	@GetMapping("/crm/segments/count")
	@ResponseBody
	Map<String, Object> count(@ModelAttribute("form") SegmentForm form, Locale locale) {
		SegmentForm.Parsed parsed = form.parse();
		Map<String, Object> body = new LinkedHashMap<>();
		if (!parsed.valid()) {
			body.put("problems",
					parsed.problems().stream().map((key) -> this.messages.getMessage(key, null, key, locale)).toList());
			return body;
		}
		long count = this.query.count(parsed.filter());
		body.put("count", count);
		body.put("text", this.messages.getMessage("segment.count", new Object[] { count }, locale));
		return body;
	}

	@GetMapping("/crm/segments/{id:\\d{1,18}}")
	String show(@PathVariable long id, Model model) {
		SegmentBook.Saved saved = this.book.get(id);
		long count = this.query.count(saved.filter());
		this.book.counted(id, count);
		model.addAttribute("segment", saved);
		model.addAttribute("count", count);
		model.addAttribute("criteria", criteria(saved.filter()));
		model.addAttribute("lastRun", this.rfm.lastRun().orElse(null));
		model.addAttribute("zone", zone());
		return "growth/segment/detail";
	}

	@GetMapping("/crm/segments/{id:\\d{1,18}}/edit")
	String edit(@PathVariable long id, @RequestParam(required = false) String preview,
			@ModelAttribute("form") SegmentForm form, Model model) {
		SegmentBook.Saved saved = this.book.get(id);
		return form((preview != null) ? form : SegmentForm.of(saved.name(), saved.filter()), saved, null, model);
	}

	@PostMapping("/crm/segments/{id:\\d{1,18}}")
	String update(@PathVariable long id, @ModelAttribute("form") SegmentForm form, Model model,
			RedirectAttributes redirect) {
		SegmentBook.Saved saved = this.book.get(id);
		SegmentForm.Parsed parsed = form.parse();
		String name = form.validName();
		if (name == null || !parsed.valid()) {
			return form(form, saved, problems(parsed, name), model);
		}
		try {
			this.book.update(id, name, parsed.filter(), this.query.count(parsed.filter()));
		}
		catch (SegmentException ex) {
			return form(form, saved, List.of(ex.code()), model);
		}
		redirect.addFlashAttribute("message", "segment.flash.updated");
		return "redirect:/crm/segments/" + id;
	}

	@PostMapping("/crm/segments/{id:\\d{1,18}}/delete")
	String delete(@PathVariable long id, RedirectAttributes redirect) {
		if (this.book.delete(id)) {
			redirect.addFlashAttribute("message", "segment.flash.deleted");
		}
		return "redirect:/crm/segments";
	}

	@GetMapping("/crm/segments/{id:\\d{1,18}}/members")
	String members(@PathVariable long id, @RequestParam(required = false) String page, Model model) {
		SegmentBook.Saved saved = this.book.get(id);
		long total = this.query.count(saved.filter());
		int pages = (int) Math.max(1, (total + SegmentQuery.PAGE_SIZE - 1) / SegmentQuery.PAGE_SIZE);
		int number = Math.min(pageNumber(page), pages - 1);
		model.addAttribute("segment", saved);
		model.addAttribute("members", this.query.page(saved.filter(), number));
		model.addAttribute("total", total);
		model.addAttribute("pageNumber", number);
		model.addAttribute("pages", pages);
		model.addAttribute("tierNames", this.query.tiers());
		model.addAttribute("zone", zone());
		String base = "/crm/segments/" + id + "/members";
		model.addAttribute("previousUrl", (number > 0) ? base + "?page=" + (number - 1) : null);
		model.addAttribute("nextUrl", (number + 1 < pages) ? base + "?page=" + (number + 1) : null);
		return "growth/segment/members";
	}

	@GetMapping("/crm/segments/rfm")
	String rfm(Authentication user, Model model) {
		model.addAttribute("groups", this.rfm.groups());
		model.addAttribute("lastRun", this.rfm.lastRun().orElse(null));
		model.addAttribute("manager", manager(user));
		model.addAttribute("zone", zone());
		return "growth/segment/rfm";
	}

	@PostMapping("/crm/segments/rfm/recompute")
	String recompute(Authentication user, RedirectAttributes redirect) {
		if (!manager(user)) {
			throw new AccessDeniedException("managers only");
		}
		RfmScoring.Run run = this.rfm.recompute(user.getName());
		redirect.addFlashAttribute("message", "segment.rfm.flash.recomputed");
		redirect.addFlashAttribute("messageArgs", new Object[] { run.scored(), run.millis() });
		return "redirect:/crm/segments/rfm";
	}

	private String form(SegmentForm form, SegmentBook.Saved saved, List<String> problems, Model model) {
		SegmentForm.Parsed parsed = form.parse();
		model.addAttribute("form", form);
		model.addAttribute("segment", saved);
		model.addAttribute("problems", (problems != null) ? problems : parsed.problems());
		model.addAttribute("count", parsed.valid() ? this.query.count(parsed.filter()) : null);
		model.addAttribute("groups", RfmGroup.values());
		model.addAttribute("tierNames", this.query.tiers());
		model.addAttribute("channels", this.query.channels());
		model.addAttribute("lastRun", this.rfm.lastRun().orElse(null));
		return "growth/segment/form";
	}

	private static List<String> problems(SegmentForm.Parsed parsed, String name) {
		List<String> problems = new java.util.ArrayList<>();
		if (name == null) {
			problems.add("segment.form.name.invalid");
		}
		problems.addAll(parsed.problems());
		return problems;
	}

	/**
	 * The filter's criteria as message keys and arguments, for the detail page.
	 */
	private List<Criterion> criteria(SegmentFilter filter) {
		List<Criterion> criteria = new java.util.ArrayList<>();
		if (filter.tier() != null) {
			String name = this.query.tiers().getOrDefault(filter.tier(), filter.tier());
			criteria.add(new Criterion("segment.criterion.tier", name));
		}
		if (!filter.tags().isEmpty()) {
			criteria.add(new Criterion("segment.criterion.tags", String.join(", ", filter.tags())));
		}
		if (filter.rfmGroup() != null) {
			criteria.add(new Criterion("segment.criterion.rfmGroup", filter.rfmGroup().labelKey()));
		}
		range(criteria, "segment.criterion.r", filter.rMin(), filter.rMax());
		range(criteria, "segment.criterion.f", filter.fMin(), filter.fMax());
		range(criteria, "segment.criterion.m", filter.mMin(), filter.mMax());
		if (filter.lastOrderAfter() != null) {
			criteria.add(new Criterion("segment.criterion.after", filter.lastOrderAfter().toString()));
		}
		if (filter.lastOrderBefore() != null) {
			criteria.add(new Criterion("segment.criterion.before", filter.lastOrderBefore().toString()));
		}
		range(criteria, "segment.criterion.spend",
				(filter.spendMin() != null) ? filter.spendMin().toPlainString() : null,
				(filter.spendMax() != null) ? filter.spendMax().toPlainString() : null);
		if (filter.firstChannel() != null) {
			criteria.add(new Criterion("segment.criterion.channel", filter.firstChannel()));
		}
		if (filter.sku() != null) {
			criteria.add(new Criterion("segment.criterion.sku", filter.sku()));
		}
		return criteria;
	}

	private static void range(List<Criterion> criteria, String key, Object min, Object max) {
		if (min != null || max != null) {
			criteria.add(new Criterion(key, ((min != null) ? min : "") + " – " + ((max != null) ? max : "")));
		}
	}

	private ZoneId zone() {
		return this.shop.current().timeZone();
	}

	static boolean manager(Authentication user) {
		if (user == null) {
			return false;
		}
		for (GrantedAuthority authority : user.getAuthorities()) {
			if (Role.MANAGER.authority().equals(authority.getAuthority())
					|| Role.ADMIN.authority().equals(authority.getAuthority())) {
				return true;
			}
		}
		return false;
	}

	private static int pageNumber(String page) {
		if (page == null || !page.strip().matches("\\d{1,6}")) {
			return 0;
		}
		return Integer.parseInt(page.strip());
	}

	/**
	 * One criterion of a segment: its label's message key and its value (itself a message
	 * key for an RFM group).
	 */
	record Criterion(String key, String value) {

		public boolean valueIsKey() {
			return this.value.startsWith("segment.rfm.group.");
		}

	}

}
