package io.shopops.growth.coupon;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.shopops.growth.coupon.CouponViews.CouponView;
import jakarta.validation.Valid;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.core.Authentication;
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
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The coupon pages: the list with filters, a coupon's page with its figures, codes,
 * issuing history and latest redemptions, the form, disabling after confirmation,
 * publishing a shared code, issuing unique codes to an audience, and the report.
 * Operators read; managers change.
 */
@Controller
@RequestMapping("/crm/coupons")
class CouponController {

	private final Coupons coupons;

	private final CouponIssuing issuing;

	CouponController(Coupons coupons, CouponIssuing issuing) {
		this.coupons = coupons;
		this.issuing = issuing;
	}

	@GetMapping
	String list(@RequestParam(required = false) String q, @RequestParam(required = false) String status,
			@RequestParam(required = false) String expiring, @RequestParam(required = false) String page,
			Authentication user, Model model) {
		Coupons.Filter filter = new Coupons.Filter(q, status(status), "week".equals(expiring));
		var result = this.coupons.page(filter, pageNumber(page), Instant.now());
		model.addAttribute("filter", filter);
		model.addAttribute("page", result);
		model.addAttribute("statuses", Coupon.Status.values());
		model.addAttribute("canEdit", isManager(user));
		model.addAttribute("zone", this.coupons.zone());
		UriComponentsBuilder base = UriComponentsBuilder.fromPath("/crm/coupons");
		if (filter.q() != null) {
			base.queryParam("q", filter.q());
		}
		if (filter.status() != null) {
			base.queryParam("status", filter.status().name());
		}
		if (filter.expiring()) {
			base.queryParam("expiring", "week");
		}
		model.addAttribute("previousUrl", (result.previous() != null)
				? base.cloneBuilder().queryParam("page", result.previous()).encode().toUriString() : null);
		model.addAttribute("nextUrl", (result.next() != null)
				? base.cloneBuilder().queryParam("page", result.next()).encode().toUriString() : null);
		return "growth/coupon/list";
	}

	@GetMapping("/report")
	String report(@RequestParam(required = false) String page, Model model) {
		model.addAttribute("report", this.coupons.report(pageNumber(page)));
		return "growth/coupon/report";
	}

	@GetMapping("/new")
	String showCreateForm(Model model) {
		CouponForm form = new CouponForm();
		LocalDate today = LocalDate.now(this.coupons.zone());
		form.setValidFrom(today);
		form.setValidUntil(today.plusDays(29));
		model.addAttribute("couponForm", form);
		return form(model, null);
	}

	@PostMapping("/new")
	String create(@Valid @ModelAttribute("couponForm") CouponForm form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		form.check(result);
		if (result.hasErrors()) {
			return form(model, null);
		}
		try {
			long id = this.coupons.create(form);
			redirect.addFlashAttribute("message", "coupon.flash.created");
			return "redirect:/crm/coupons/" + id;
		}
		catch (CouponFormException ex) {
			result.rejectValue(ex.field(), ex.code(), ex.args(), null);
			return form(model, null);
		}
	}

	@GetMapping("/{id:\\d+}")
	String show(@PathVariable long id, Authentication user, Model model) {
		return detail(view(id), user, model);
	}

	@GetMapping("/{id:\\d+}/edit")
	String showEditForm(@PathVariable long id, Model model) {
		model.addAttribute("couponForm", this.coupons.form(find(id)));
		return form(model, id);
	}

	@PostMapping("/{id:\\d+}")
	String update(@PathVariable long id, @Valid @ModelAttribute("couponForm") CouponForm form, BindingResult result,
			Model model, RedirectAttributes redirect) {
		find(id);
		form.check(result);
		if (result.hasErrors()) {
			return form(model, id);
		}
		try {
			this.coupons.update(id, form);
			redirect.addFlashAttribute("message", "coupon.flash.updated");
			return "redirect:/crm/coupons/" + id;
		}
		catch (CouponFormException ex) {
			result.rejectValue(ex.field(), ex.code(), ex.args(), null);
			return form(model, id);
		}
		catch (OptimisticLockingFailureException ex) {
			result.reject("coupon.form.stale");
			return form(model, id);
		}
	}

	@GetMapping("/{id:\\d+}/disable")
	String confirmDisable(@PathVariable long id, Model model) {
		model.addAttribute("coupon", find(id));
		return "growth/coupon/disable";
	}

	@PostMapping("/{id:\\d+}/disable")
	String disable(@PathVariable long id, RedirectAttributes redirect) {
		find(id);
		this.coupons.setStatus(id, Coupon.Status.DISABLED);
		redirect.addFlashAttribute("message", "coupon.flash.disabled");
		return "redirect:/crm/coupons/" + id;
	}

	@PostMapping("/{id:\\d+}/enable")
	String enable(@PathVariable long id, RedirectAttributes redirect) {
		find(id);
		this.coupons.setStatus(id, Coupon.Status.ACTIVE);
		redirect.addFlashAttribute("message", "coupon.flash.enabled");
		return "redirect:/crm/coupons/" + id;
	}

	@PostMapping("/{id:\\d+}/code")
	String publish(@PathVariable long id, @RequestParam(required = false) String code, Authentication user, Model model,
			RedirectAttributes redirect) {
		CouponView view = view(id);
		try {
			String published = this.issuing.publish(id, code, user.getName());
			redirect.addFlashAttribute("message", "coupon.flash.published");
			redirect.addFlashAttribute("messageArgs", new Object[] { published });
			return "redirect:/crm/coupons/" + id;
		}
		catch (CouponFormException ex) {
			model.addAttribute("codeError", ex.code());
			model.addAttribute("codeErrorArgs", ex.args());
			model.addAttribute("codeValue", code);
			return detail(view, user, model);
		}
	}

	@GetMapping("/{id:\\d+}/issue")
	String showIssueForm(@PathVariable long id, @RequestParam(required = false) String audience, Model model) {
		return issueForm(find(id), audience, null, model);
	}

	@PostMapping("/{id:\\d+}/issue")
	String issue(@PathVariable long id, @RequestParam(required = false) String audience,
			@RequestParam(required = false) String value, Authentication user, Model model,
			RedirectAttributes redirect) {
		Coupon coupon = find(id);
		if (value != null && value.length() > 200_000) {
			model.addAttribute("issueError", "coupon.issue.list.size");
			return issueForm(coupon, audience, null, model);
		}
		try {
			CouponIssuing.Issued issued = this.issuing.issue(id, audience, value, user.getName());
			redirect.addFlashAttribute("message", "coupon.flash.issued");
			redirect.addFlashAttribute("messageArgs",
					new Object[] { issued.issued(), issued.skipped(), issued.unmatched().size() });
			redirect.addFlashAttribute("unmatched", issued.unmatched());
			return "redirect:/crm/coupons/" + id;
		}
		catch (CouponFormException ex) {
			model.addAttribute("issueError", ex.code());
			model.addAttribute("issueErrorArgs", ex.args());
			return issueForm(coupon, audience, value, model);
		}
	}

	private String issueForm(Coupon coupon, String audienceKey, String value, Model model) {
		List<CouponAudience> audiences = this.issuing.audiences();
		CouponAudience chosen = audiences.stream()
			.filter((a) -> a.key().equals(audienceKey))
			.findFirst()
			.orElse(audiences.get(0));
		model.addAttribute("coupon", coupon);
		model.addAttribute("audiences", audiences);
		model.addAttribute("audience", chosen);
		model.addAttribute("choices", chosen.choices());
		model.addAttribute("value", value);
		return "growth/coupon/issue";
	}

	private String detail(CouponView view, Authentication user, Model model) {
		Map<String, String> audienceLabels = new HashMap<>();
		audienceLabels.put("shared", "coupon.audience.shared");
		this.issuing.audiences().forEach((a) -> audienceLabels.put(a.key(), a.labelKey()));
		model.addAttribute("audienceLabels", audienceLabels);
		model.addAttribute("view", view);
		model.addAttribute("coupon", view.row().coupon());
		model.addAttribute("canEdit", isManager(user));
		model.addAttribute("zone", this.coupons.zone());
		model.addAttribute("lastDay",
				view.row().coupon().terms().validUntil().atZone(this.coupons.zone()).toLocalDate().minusDays(1));
		return "growth/coupon/detail";
	}

	private String form(Model model, Long id) {
		model.addAttribute("couponId", id);
		model.addAttribute("types", CouponTerms.Type.values());
		model.addAttribute("scopes", Coupon.Scope.values());
		model.addAttribute("stackings", Coupon.Stacking.values());
		model.addAttribute("refundRules", Coupon.RefundRule.values());
		model.addAttribute("categories", this.coupons.categories());
		return "growth/coupon/form";
	}

	private Coupon find(long id) {
		return this.coupons.find(id).orElseThrow(() -> new CouponNotFoundException(id));
	}

	private CouponView view(long id) {
		return this.coupons.view(id).orElseThrow(() -> new CouponNotFoundException(id));
	}

	private static Coupon.Status status(String status) {
		for (Coupon.Status s : Coupon.Status.values()) {
			if (s.name().equals(status)) {
				return s;
			}
		}
		return null;
	}

	private static boolean isManager(Authentication user) {
		return user != null && user.getAuthorities()
			.stream()
			.anyMatch((a) -> "ROLE_MANAGER".equals(a.getAuthority()) || "ROLE_ADMIN".equals(a.getAuthority()));
	}

	static int pageNumber(String page) {
		if (page == null || page.isBlank()) {
			return 1;
		}
		try {
			return Math.max(1, Math.min(100_000, Integer.parseInt(page.strip())));
		}
		catch (NumberFormatException ex) {
			return 1;
		}
	}

}
