package io.shopops.fulfilment.aftersales.ticket;

import io.shopops.fulfilment.aftersales.ticket.CannedReplies.CannedReply;
import jakarta.validation.Valid;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The ticket settings for managers: the SLA hours and the canned replies.
 */
@Controller
@RequestMapping("/after-sales/tickets/settings")
class TicketSettingsController {

	private static final String VIEW = "fulfilment/after-sales/tickets/settings";

	private static final String CANNED_VIEW = "fulfilment/after-sales/tickets/canned-reply";

	private final TicketSettings settings;

	private final CannedReplies cannedReplies;

	TicketSettingsController(TicketSettings settings, CannedReplies cannedReplies) {
		this.settings = settings;
		this.cannedReplies = cannedReplies;
	}

	@GetMapping
	String show(Model model) {
		model.addAttribute("slaForm", TicketSettingsForm.of(this.settings.current()));
		return page(model);
	}

	@PostMapping
	String update(@Valid @ModelAttribute("slaForm") TicketSettingsForm form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		if (!result.hasFieldErrors("resolutionHours") && form.resolutionBeforeFirstResponse()) {
			result.rejectValue("resolutionHours", "tickets.settings.order");
		}
		if (result.hasErrors()) {
			return page(model);
		}
		this.settings.change(form.getFirstResponseHours(), form.getResolutionHours(), form.getVersion());
		redirect.addFlashAttribute("message", "tickets.flash.settingsSaved");
		return "redirect:/after-sales/tickets/settings";
	}

	@GetMapping("/canned/new")
	String showCreateForm(Model model) {
		model.addAttribute("cannedForm", new CannedReplyForm());
		return CANNED_VIEW;
	}

	@PostMapping("/canned")
	String create(@Valid @ModelAttribute("cannedForm") CannedReplyForm form, BindingResult result,
			RedirectAttributes redirect) {
		if (!result.hasErrors()) {
			try {
				this.cannedReplies.create(form.getTitle(), form.getBody());
				redirect.addFlashAttribute("message", "tickets.flash.cannedCreated");
				return "redirect:/after-sales/tickets/settings";
			}
			catch (DuplicateKeyException ex) {
				result.rejectValue("title", "tickets.canned.title.duplicate");
			}
		}
		return CANNED_VIEW;
	}

	@GetMapping("/canned/{id}")
	String showEditForm(@PathVariable long id, Model model) {
		CannedReply reply = this.cannedReplies.find(id)
			.orElseThrow(() -> new TicketNotFoundException("canned reply " + id));
		CannedReplyForm form = new CannedReplyForm();
		form.setTitle(reply.title());
		form.setBody(reply.body());
		model.addAttribute("cannedForm", form);
		model.addAttribute("replyId", id);
		return CANNED_VIEW;
	}

	@PostMapping("/canned/{id}")
	String update(@PathVariable long id, @Valid @ModelAttribute("cannedForm") CannedReplyForm form,
			BindingResult result, Model model, RedirectAttributes redirect) {
		if (!result.hasErrors()) {
			try {
				this.cannedReplies.update(id, form.getTitle(), form.getBody());
				redirect.addFlashAttribute("message", "tickets.flash.cannedUpdated");
				return "redirect:/after-sales/tickets/settings";
			}
			catch (DuplicateKeyException ex) {
				result.rejectValue("title", "tickets.canned.title.duplicate");
			}
		}
		model.addAttribute("replyId", id);
		return CANNED_VIEW;
	}

	@PostMapping("/canned/{id}/delete")
	String delete(@PathVariable long id, RedirectAttributes redirect) {
		this.cannedReplies.delete(id);
		redirect.addFlashAttribute("message", "tickets.flash.cannedDeleted");
		return "redirect:/after-sales/tickets/settings";
	}

	private String page(Model model) {
		model.addAttribute("cannedReplies", this.cannedReplies.list());
		return VIEW;
	}

}
