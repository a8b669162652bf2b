package io.shopops.growth.traffic;

import java.util.List;

import io.shopops.growth.traffic.TrafficClassifier.Classification;
import jakarta.servlet.http.HttpServletRequest;

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
 * The traffic sources and the rules that map a visit to one ({@code /traffic/sources}):
 * operators read them and test a UTM; managers add, edit and delete rules (under
 * {@code /traffic/sources/rules/**}), because a rule re-labels all traffic collected from
 * then on.
 */
@Controller
class TrafficSourceController {

	private static final int MAX_TEST = 2048;

	private final SourceRules rules;

	TrafficSourceController(SourceRules rules) {
		this.rules = rules;
	}

	@GetMapping("/traffic/sources")
	String list(@RequestParam(required = false) String testSource, @RequestParam(required = false) String testMedium,
			@RequestParam(required = false) String testReferrer, HttpServletRequest request, Model model) {
		List<SourceRule> all = this.rules.list();
		model.addAttribute("rules", all);
		model.addAttribute("sources", TrafficSource.values());
		model.addAttribute("canEdit", request.isUserInRole("MANAGER") || request.isUserInRole("ADMIN"));
		String source = bounded(testSource);
		String medium = bounded(testMedium);
		String referrer = bounded(testReferrer);
		model.addAttribute("testSource", source);
		model.addAttribute("testMedium", medium);
		model.addAttribute("testReferrer", referrer);
		if (source != null || medium != null || referrer != null) {
			Classification result = TrafficClassifier.classify(all, source, medium, referrer, null);
			model.addAttribute("testResult", result);
		}
		return "growth/traffic/sources";
	}

	@GetMapping("/traffic/sources/rules/new")
	String showCreateForm(Model model) {
		model.addAttribute("form", new SourceRuleForm());
		return form(model, null);
	}

	@PostMapping("/traffic/sources/rules")
	String create(@ModelAttribute("form") SourceRuleForm form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		SourceRuleForm.Values values = form.validate(result);
		if (values == null) {
			return form(model, null);
		}
		SourceRule rule = this.rules.create(values);
		redirect.addFlashAttribute("message", "flash.traffic.rule.created");
		redirect.addFlashAttribute("messageArgs", new Object[] { rule.priority() });
		return "redirect:/traffic/sources";
	}

	@GetMapping("/traffic/sources/rules/{id:\\d{1,18}}/edit")
	String showEditForm(@PathVariable long id, Model model) {
		SourceRule rule = find(id);
		model.addAttribute("form", SourceRuleForm.of(rule));
		return form(model, rule);
	}

	@PostMapping("/traffic/sources/rules/{id:\\d{1,18}}")
	String update(@PathVariable long id, @ModelAttribute("form") SourceRuleForm form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		SourceRule rule = find(id);
		SourceRuleForm.Values values = form.validate(result);
		if (values == null) {
			return form(model, rule);
		}
		this.rules.update(id, form.getVersion(), values);
		redirect.addFlashAttribute("message", "flash.traffic.rule.updated");
		redirect.addFlashAttribute("messageArgs", new Object[] { values.priority() });
		return "redirect:/traffic/sources";
	}

	@GetMapping("/traffic/sources/rules/{id:\\d{1,18}}/delete")
	String confirmDelete(@PathVariable long id, Model model) {
		model.addAttribute("rule", find(id));
		return "growth/traffic/rule-delete";
	}

	@PostMapping("/traffic/sources/rules/{id:\\d{1,18}}/delete")
	String delete(@PathVariable long id, RedirectAttributes redirect) {
		SourceRule rule = find(id);
		this.rules.delete(id);
		redirect.addFlashAttribute("message", "flash.traffic.rule.deleted");
		redirect.addFlashAttribute("messageArgs", new Object[] { rule.priority() });
		return "redirect:/traffic/sources";
	}

	private SourceRule find(long id) {
		return this.rules.find(id).orElseThrow(() -> new SourceRuleNotFoundException(id));
	}

	private String form(Model model, SourceRule rule) {
		model.addAttribute("rule", rule);
		model.addAttribute("sources", TrafficSource.values());
		return "growth/traffic/rule-form";
	}

	private static String bounded(String value) {
		if (value == null || value.isBlank() || value.indexOf('\u0000') >= 0) {
			return null;
		}
		String text = value.strip();
		return (text.length() > MAX_TEST) ? text.substring(0, MAX_TEST) : text;
	}

}
