package io.shopops.growth.lifecycle;

import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.shopops.growth.coupon.CouponGrants;
import io.shopops.growth.segment.RfmGroup;
import io.shopops.growth.segment.Segments;
import io.shopops.platform.ShopSettings;
import io.shopops.platform.UserDirectory;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The lifecycle pages under {@code /crm/lifecycle} (managers and admins): the rules with
 * their closed loop, the rule form, a rule's page with its history and the "run now"
 * button; and the done/skip buttons of the rules' staff tasks.
 */
@Controller
class LifecycleController {

	private final LifecycleRules rules;

	private final LifecycleEvaluator evaluator;

	private final LifecycleTasks tasks;

	private final Segments segments;

	private final CouponGrants coupons;

	private final UserDirectory users;

	private final ShopSettings shop;

	LifecycleController(LifecycleRules rules, LifecycleEvaluator evaluator, LifecycleTasks tasks, Segments segments,
			CouponGrants coupons, UserDirectory users, ShopSettings shop) {
		this.rules = rules;
		this.evaluator = evaluator;
		this.tasks = tasks;
		this.segments = segments;
		this.coupons = coupons;
		this.users = users;
		this.shop = shop;
	}

	@GetMapping("/crm/lifecycle")
	String list(Model model) {
		List<LifecycleRule> all = this.rules.list();
		Map<Long, LifecycleRules.Loop> loops = new LinkedHashMap<>();
		for (LifecycleRule rule : all) {
			loops.put(rule.id(), this.rules.loop(rule));
		}
		model.addAttribute("rules", all);
		model.addAttribute("loops", loops);
		model.addAttribute("messagesAvailable", this.rules.messagesAvailable());
		model.addAttribute("zone", zone());
		return "growth/lifecycle/list";
	}

	@GetMapping("/crm/lifecycle/new")
	String newForm(Model model) {
		model.addAttribute("form", LifecycleRuleForm.empty());
		return form(model, null);
	}

	@PostMapping("/crm/lifecycle")
	String create(@ModelAttribute("form") LifecycleRuleForm form, BindingResult result, Authentication user,
			Model model, RedirectAttributes redirect) {
		LifecycleRule.Definition definition = this.rules.validate(form, result);
		if (definition == null) {
			return form(model, null);
		}
		try {
			long id = this.rules.create(definition, user.getName());
			redirect.addFlashAttribute("message", "lifecycle.flash.created");
			return "redirect:/crm/lifecycle/" + id;
		}
		catch (DuplicateKeyException ex) {
			result.rejectValue("name", "lifecycle.form.name.taken");
			return form(model, null);
		}
	}

	@GetMapping("/crm/lifecycle/{id:\\d{1,18}}")
	String show(@PathVariable long id, @RequestParam(required = false) String page, Model model) {
		LifecycleRule rule = this.rules.get(id);
		model.addAttribute("rule", rule);
		model.addAttribute("loop", this.rules.loop(rule));
		model.addAttribute("firings", this.rules.firings(id, pageNumber(page)));
		model.addAttribute("members", this.rules.memberCount(id));
		model.addAttribute("openTasks", this.tasks.openCount(id));
		model.addAttribute("target", target(rule));
		model.addAttribute("messagesAvailable", this.rules.messagesAvailable());
		model.addAttribute("baseUrl", "/crm/lifecycle/" + id);
		model.addAttribute("zone", zone());
		return "growth/lifecycle/detail";
	}

	@GetMapping("/crm/lifecycle/{id:\\d{1,18}}/edit")
	String edit(@PathVariable long id, Model model) {
		LifecycleRule rule = this.rules.get(id);
		model.addAttribute("form", LifecycleRuleForm.of(rule));
		return form(model, rule);
	}

	@PostMapping("/crm/lifecycle/{id:\\d{1,18}}")
	String update(@PathVariable long id, @ModelAttribute("form") LifecycleRuleForm form, BindingResult result,
			Model model, RedirectAttributes redirect) {
		LifecycleRule rule = this.rules.get(id);
		LifecycleRule.Definition definition = this.rules.validate(form, result);
		if (definition == null) {
			return form(model, rule);
		}
		try {
			this.rules.update(id, definition, form.getVersion());
			redirect.addFlashAttribute("message", "lifecycle.flash.updated");
			return "redirect:/crm/lifecycle/" + id;
		}
		catch (DuplicateKeyException ex) {
			result.rejectValue("name", "lifecycle.form.name.taken");
			return form(model, rule);
		}
		catch (OptimisticLockingFailureException ex) {
			result.reject("lifecycle.form.stale");
			return form(model, rule);
		}
	}

	@PostMapping("/crm/lifecycle/{id:\\d{1,18}}/enable")
	String enable(@PathVariable long id, RedirectAttributes redirect) {
		if (this.rules.setEnabled(id, true)) {
			redirect.addFlashAttribute("message", "lifecycle.flash.enabled");
		}
		return "redirect:/crm/lifecycle/" + id;
	}

	@PostMapping("/crm/lifecycle/{id:\\d{1,18}}/disable")
	String disable(@PathVariable long id, RedirectAttributes redirect) {
		if (this.rules.setEnabled(id, false)) {
			redirect.addFlashAttribute("message", "lifecycle.flash.disabled");
		}
		return "redirect:/crm/lifecycle/" + id;
	}

	@PostMapping("/crm/lifecycle/{id:\\d{1,18}}/delete")
	String delete(@PathVariable long id, RedirectAttributes redirect) {
		String name = this.rules.delete(id);
		redirect.addFlashAttribute("message", "lifecycle.flash.deleted");
		redirect.addFlashAttribute("messageArgs", new Object[] { name });
		return "redirect:/crm/lifecycle";
	}

	@PostMapping("/crm/lifecycle/{id:\\d{1,18}}/run")
	String run(@PathVariable long id, Authentication user, RedirectAttributes redirect) {
		LifecycleRule rule = this.rules.get(id);
		if (!rule.enabled()) {
			redirect.addFlashAttribute("error", "lifecycle.run.disabled");
			return "redirect:/crm/lifecycle/" + id;
		}
		LifecycleEvaluator.Run run = this.evaluator.evaluate(id, Instant.now(), user.getName());
		redirect.addFlashAttribute("message", "lifecycle.flash.run");
		redirect.addFlashAttribute("messageArgs",
				new Object[] { run.entered(), run.left(), run.acted(), run.passedOver() });
		return "redirect:/crm/lifecycle/" + id;
	}

	@PostMapping("/crm/lifecycle/tasks/{id:\\d{1,18}}/done")
	String done(@PathVariable long id, @RequestParam(required = false) String back, Authentication user,
			RedirectAttributes redirect) {
		return close(id, true, back, user, redirect);
	}

	@PostMapping("/crm/lifecycle/tasks/{id:\\d{1,18}}/skip")
	String skip(@PathVariable long id, @RequestParam(required = false) String back, Authentication user,
			RedirectAttributes redirect) {
		return close(id, false, back, user, redirect);
	}

	private String close(long id, boolean done, String back, Authentication user, RedirectAttributes redirect) {
		boolean manager = user.getAuthorities()
			.stream()
			.anyMatch((authority) -> "ROLE_MANAGER".equals(authority.getAuthority())
					|| "ROLE_ADMIN".equals(authority.getAuthority()));
		String problem = this.tasks.close(id, done, user.getName(), manager);
		if (problem != null) {
			redirect.addFlashAttribute("error", problem);
		}
		else {
			redirect.addFlashAttribute("message", done ? "lifecycle.task.flash.done" : "lifecycle.task.flash.skipped");
		}
		return "redirect:" + safeBack(back);
	}

	static String safeBack(String back) {
		if (back == null || !back.startsWith("/") || back.startsWith("//") || back.contains("\\") || back.length() > 500
				|| back.chars().anyMatch((c) -> c < 0x20)) {
			return "/";
		}
		return back;
	}

	private String form(Model model, LifecycleRule rule) {
		model.addAttribute("rule", rule);
		model.addAttribute("triggers", LifecycleTrigger.values());
		model.addAttribute("actions", LifecycleAction.values());
		model.addAttribute("rfmGroups", RfmGroup.values());
		model.addAttribute("segments", this.segments.list());
		model.addAttribute("coupons", this.coupons.grantable());
		model.addAttribute("users", this.users.enabledUsers());
		model.addAttribute("templates", this.rules.templates());
		model.addAttribute("messagesAvailable", this.rules.messagesAvailable());
		return "growth/lifecycle/form";
	}

	/**
	 * The trigger's and action's targets by name, for the rule's page.
	 */
	private Map<String, String> target(LifecycleRule rule) {
		LifecycleRule.Definition d = rule.definition();
		Map<String, String> target = new LinkedHashMap<>();
		if (d.segmentId() != null) {
			target.put("segment",
					this.segments.find(d.segmentId()).map(Segments.Summary::name).orElse("#" + d.segmentId()));
		}
		if (d.couponId() != null) {
			target.put("coupon", this.coupons.name(d.couponId()).orElse("#" + d.couponId()));
		}
		if (d.templateId() != null) {
			target.put("template",
					this.rules.templates()
						.stream()
						.filter((t) -> t.id() == d.templateId())
						.map((t) -> t.name())
						.findFirst()
						.orElse("#" + d.templateId()));
		}
		return target;
	}

	private static int pageNumber(String page) {
		Integer number = LifecycleRules.number(page, 0, Integer.MAX_VALUE / LifecycleRules.PAGE_SIZE);
		return (number != null) ? number : 0;
	}

	private ZoneId zone() {
		return this.shop.current().timeZone();
	}

}
