package io.shopops.growth.outreach;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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

/**
 * The message template pages: the list with each template's preview, the form with its
 * live preview for a sample customer (the preview button shows it without saving), and
 * archiving and restoring.
 */
@Controller
@RequestMapping("/crm/outreach/templates")
class OutreachTemplateController {

	private final OutreachTemplates templates;

	OutreachTemplateController(OutreachTemplates templates) {
		this.templates = templates;
	}

	@GetMapping
	String list(Authentication user, Model model) {
		List<MessageTemplate> all = this.templates.list();
		Map<Long, OutreachTemplates.Preview> previews = new LinkedHashMap<>();
		all.forEach((t) -> previews.put(t.id(), this.templates.preview(t.channel(), t.subject(), t.body())));
		model.addAttribute("templates", all);
		model.addAttribute("previews", previews);
		model.addAttribute("canEdit", OutreachController.isManager(user));
		return "growth/outreach/templates";
	}

	@GetMapping("/new")
	String showCreateForm(Model model) {
		TemplateForm form = new TemplateForm();
		form.setBody("{{name}}您好，{{shop}}为您准备了专属优惠券 {{coupon}}，7 天内有效。回 T 退订");
		model.addAttribute("templateForm", form);
		return form(form, model, null);
	}

	@PostMapping("/new")
	String create(@Valid @ModelAttribute("templateForm") TemplateForm form, BindingResult result,
			@RequestParam(required = false) String preview, Model model, RedirectAttributes redirect) {
		form.check(result);
		if (result.hasErrors() || preview != null) {
			return form(form, model, null);
		}
		try {
			long id = this.templates.create(form);
			redirect.addFlashAttribute("message", "outreach.flash.templateCreated");
			return "redirect:/crm/outreach/templates#template-" + id;
		}
		catch (OutreachException ex) {
			result.rejectValue(ex.field(), ex.code(), ex.args(), null);
			return form(form, model, null);
		}
	}

	@GetMapping("/{id:\\d{1,18}}/edit")
	String showEditForm(@PathVariable long id, Model model) {
		TemplateForm form = this.templates.form(this.templates.get(id));
		model.addAttribute("templateForm", form);
		return form(form, model, id);
	}

	@PostMapping("/{id:\\d{1,18}}")
	String update(@PathVariable long id, @Valid @ModelAttribute("templateForm") TemplateForm form, BindingResult result,
			@RequestParam(required = false) String preview, Model model, RedirectAttributes redirect) {
		this.templates.get(id);
		form.check(result);
		if (result.hasErrors() || preview != null) {
			return form(form, model, id);
		}
		try {
			this.templates.update(id, form);
			redirect.addFlashAttribute("message", "outreach.flash.templateUpdated");
			return "redirect:/crm/outreach/templates#template-" + id;
		}
		catch (OutreachException ex) {
			result.rejectValue(ex.field(), ex.code(), ex.args(), null);
			return form(form, model, id);
		}
		catch (OptimisticLockingFailureException ex) {
			result.reject("outreach.form.stale");
			return form(form, model, id);
		}
	}

	@PostMapping("/{id:\\d{1,18}}/archive")
	String archive(@PathVariable long id, RedirectAttributes redirect) {
		if (this.templates.setActive(id, false)) {
			redirect.addFlashAttribute("message", "outreach.flash.templateArchived");
		}
		return "redirect:/crm/outreach/templates";
	}

	@PostMapping("/{id:\\d{1,18}}/restore")
	String restore(@PathVariable long id, RedirectAttributes redirect) {
		if (this.templates.setActive(id, true)) {
			redirect.addFlashAttribute("message", "outreach.flash.templateRestored");
		}
		return "redirect:/crm/outreach/templates";
	}

	private String form(TemplateForm form, Model model, Long id) {
		model.addAttribute("templateId", id);
		model.addAttribute("channels", OutreachChannel.values());
		model.addAttribute("variables", TemplateRenderer.VARIABLES);
		model.addAttribute("sample", this.templates.sampleValues());
		OutreachChannel channel = (form.getChannel() != null) ? form.getChannel() : OutreachChannel.SMS;
		model.addAttribute("preview", (form.getBody() != null && TemplateRenderer.length(form.getBody()) <= 4000)
				? this.templates.preview(channel, form.getSubject(), form.getBody()) : null);
		return "growth/outreach/template-form";
	}

}
