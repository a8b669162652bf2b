package io.shopops.growth.outreach;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Map;

import io.shopops.growth.outreach.OutreachCampaigns.Campaign;
import io.shopops.growth.outreach.OutreachCampaigns.CampaignStatus;
import io.shopops.platform.Role;
import io.shopops.platform.ShopSettings;
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
 * The outreach campaign pages: the list with the cap and attribution settings, the form,
 * a campaign's page with its figures and outbox rows, sending now or at a time,
 * cancelling after confirmation, and retrying a failed message. Operators read; managers
 * change.
 */
@Controller
@RequestMapping("/crm/outreach")
class OutreachController {

	private final OutreachCampaigns campaigns;

	private final OutreachTemplates templates;

	private final OutreachSettings settings;

	private final ShopSettings shop;

	OutreachController(OutreachCampaigns campaigns, OutreachTemplates templates, OutreachSettings settings,
			ShopSettings shop) {
		this.campaigns = campaigns;
		this.templates = templates;
		this.settings = settings;
		this.shop = shop;
	}

	@GetMapping
	String list(@RequestParam(required = false) String status, @RequestParam(required = false) String page,
			Authentication user, Model model) {
		CampaignStatus filter = campaignStatus(status);
		var result = this.campaigns.page(filter, pageNumber(page));
		model.addAttribute("page", result);
		model.addAttribute("status", filter);
		model.addAttribute("statuses", CampaignStatus.values());
		model.addAttribute("settings", this.settings.current());
		model.addAttribute("canEdit", isManager(user));
		model.addAttribute("zone", zone());
		UriComponentsBuilder base = UriComponentsBuilder.fromPath("/crm/outreach");
		if (filter != null) {
			base.queryParam("status", filter.name());
		}
		model.addAttribute("previousUrl", (result.previous() != null)
				? base.cloneBuilder().queryParam("page", result.previous()).encode().toUriString() : null);
		model.addAttribute("nextUrl", (result.next() != null)
				? base.cloneBuilder().queryParam("page", result.next()).encode().toUriString() : null);
		return "growth/outreach/list";
	}

	@PostMapping("/settings")
	String saveSettings(@RequestParam(required = false) String capMessages,
			@RequestParam(required = false) String capDays, @RequestParam(required = false) String attributionDays,
			RedirectAttributes redirect) {
		Integer cap = integer(capMessages);
		Integer days = integer(capDays);
		Integer attribution = integer(attributionDays);
		if (cap == null || days == null || attribution == null) {
			redirect.addFlashAttribute("error", "outreach.settings.invalid");
			return "redirect:/crm/outreach";
		}
		try {
			if (this.settings.save(new OutreachSettings.Values(cap, days, attribution))) {
				redirect.addFlashAttribute("message", "outreach.flash.settings");
			}
		}
		catch (OutreachException ex) {
			redirect.addFlashAttribute("error", ex.code());
		}
		return "redirect:/crm/outreach";
	}

	@GetMapping("/new")
	String showCreateForm(Model model) {
		model.addAttribute("campaignForm", new CampaignForm());
		return form(model, null);
	}

	@PostMapping("/new")
	String create(@Valid @ModelAttribute("campaignForm") CampaignForm form, BindingResult result, Authentication user,
			Model model, RedirectAttributes redirect) {
		if (result.hasErrors()) {
			return form(model, null);
		}
		try {
			long id = this.campaigns.create(form, user.getName());
			redirect.addFlashAttribute("message", "outreach.flash.created");
			return "redirect:/crm/outreach/" + id;
		}
		catch (OutreachException ex) {
			result.rejectValue(ex.field(), ex.code(), ex.args(), null);
			return form(model, null);
		}
	}

	@GetMapping("/{id:\\d{1,18}}")
	String show(@PathVariable long id, @RequestParam(required = false) String status,
			@RequestParam(required = false) String page, Authentication user, Model model) {
		Campaign campaign = this.campaigns.get(id);
		Outbox.Status filter = messageStatus(status);
		var messages = this.campaigns.messages(id, null, filter, pageNumber(page));
		model.addAttribute("campaign", campaign);
		model.addAttribute("stats", this.campaigns.stats(id));
		model.addAttribute("messages", messages);
		model.addAttribute("messageStatus", filter);
		model.addAttribute("messageStatuses", Outbox.Status.values());
		model.addAttribute("canEdit", isManager(user));
		model.addAttribute("zone", zone());
		model.addAttribute("template", this.templates.find(campaign.templateId()).orElse(null));
		UriComponentsBuilder base = UriComponentsBuilder.fromPath("/crm/outreach/" + id);
		if (filter != null) {
			base.queryParam("status", filter.name());
		}
		model.addAttribute("previousUrl", (messages.previous() != null)
				? base.cloneBuilder().queryParam("page", messages.previous()).encode().toUriString() : null);
		model.addAttribute("nextUrl", (messages.next() != null)
				? base.cloneBuilder().queryParam("page", messages.next()).encode().toUriString() : null);
		return "growth/outreach/detail";
	}

	@GetMapping("/{id:\\d{1,18}}/edit")
	String showEditForm(@PathVariable long id, Model model, RedirectAttributes redirect) {
		Campaign campaign = this.campaigns.get(id);
		if (!campaign.editable()) {
			redirect.addFlashAttribute("error", "outreach.campaign.notDraft");
			return "redirect:/crm/outreach/" + id;
		}
		model.addAttribute("campaignForm", this.campaigns.form(campaign));
		return form(model, id);
	}

	@PostMapping("/{id:\\d{1,18}}")
	String update(@PathVariable long id, @Valid @ModelAttribute("campaignForm") CampaignForm form, BindingResult result,
			Model model, RedirectAttributes redirect) {
		this.campaigns.get(id);
		if (result.hasErrors()) {
			return form(model, id);
		}
		try {
			this.campaigns.update(id, form);
			redirect.addFlashAttribute("message", "outreach.flash.updated");
			return "redirect:/crm/outreach/" + id;
		}
		catch (OutreachException ex) {
			if (ex.field() != null) {
				result.rejectValue(ex.field(), ex.code(), ex.args(), null);
			}
			else {
				result.reject(ex.code(), ex.args(), null);
			}
			return form(model, id);
		}
		catch (OptimisticLockingFailureException ex) {
			result.reject("outreach.form.stale");
			return form(model, id);
		}
	}

	@PostMapping("/{id:\\d{1,18}}/send")
	String send(@PathVariable long id, RedirectAttributes redirect) {
		try {
			Map<Outbox.Status, Integer> counts = this.campaigns.sendNow(id);
			redirect.addFlashAttribute("message", "outreach.flash.sent");
			redirect.addFlashAttribute("messageArgs", new Object[] { counts.getOrDefault(Outbox.Status.QUEUED, 0),
					counts.getOrDefault(Outbox.Status.OPTED_OUT, 0), counts.getOrDefault(Outbox.Status.CAPPED, 0),
					counts.getOrDefault(Outbox.Status.NO_CONTACT, 0) });
		}
		catch (OutreachException ex) {
			redirect.addFlashAttribute("error", ex.code());
		}
		return "redirect:/crm/outreach/" + id;
	}

	@PostMapping("/{id:\\d{1,18}}/schedule")
	String schedule(@PathVariable long id, @RequestParam(required = false) String sendAt, RedirectAttributes redirect) {
		this.campaigns.get(id);
		LocalDateTime at;
		try {
			at = (sendAt != null && sendAt.length() <= 30) ? LocalDateTime.parse(sendAt.strip()) : null;
		}
		catch (DateTimeParseException ex) {
			at = null;
		}
		if (at == null || at.getYear() < 2000 || at.getYear() > 2100) {
			redirect.addFlashAttribute("error", "outreach.campaign.sendAt.invalid");
			return "redirect:/crm/outreach/" + id;
		}
		try {
			this.campaigns.schedule(id, at.atZone(zone()).toInstant());
			redirect.addFlashAttribute("message", "outreach.flash.scheduled");
		}
		catch (OutreachException ex) {
			redirect.addFlashAttribute("error", ex.code());
		}
		return "redirect:/crm/outreach/" + id;
	}

	@GetMapping("/{id:\\d{1,18}}/cancel")
	String confirmCancel(@PathVariable long id, Model model, RedirectAttributes redirect) {
		Campaign campaign = this.campaigns.get(id);
		if (!campaign.status().cancellable()) {
			redirect.addFlashAttribute("error", "outreach.campaign.notCancellable");
			return "redirect:/crm/outreach/" + id;
		}
		model.addAttribute("campaign", campaign);
		model.addAttribute("stats", this.campaigns.stats(id));
		return "growth/outreach/cancel";
	}

	@PostMapping("/{id:\\d{1,18}}/cancel")
	String cancel(@PathVariable long id, RedirectAttributes redirect) {
		try {
			int cancelled = this.campaigns.cancel(id);
			redirect.addFlashAttribute("message", "outreach.flash.cancelled");
			redirect.addFlashAttribute("messageArgs", new Object[] { cancelled });
		}
		catch (OutreachException ex) {
			redirect.addFlashAttribute("error", ex.code());
		}
		return "redirect:/crm/outreach/" + id;
	}

	@PostMapping("/messages/{id:\\d{1,18}}/retry")
	String retry(@PathVariable long id, RedirectAttributes redirect) {
		try {
			Long campaignId = this.campaigns.retry(id);
			redirect.addFlashAttribute("message", "outreach.flash.retried");
			return (campaignId != null) ? "redirect:/crm/outreach/" + campaignId + "?status=QUEUED"
					: "redirect:/crm/outreach";
		}
		catch (OutreachException ex) {
			redirect.addFlashAttribute("error", ex.code());
			return "redirect:/crm/outreach";
		}
	}

	private String form(Model model, Long id) {
		model.addAttribute("campaignId", id);
		model.addAttribute("templates", this.templates.active());
		model.addAttribute("segments", this.campaigns.segmentOptions());
		model.addAttribute("coupons", this.campaigns.couponOptions());
		return "growth/outreach/form";
	}

	private ZoneId zone() {
		return this.shop.current().timeZone();
	}

	static CampaignStatus campaignStatus(String value) {
		for (CampaignStatus s : CampaignStatus.values()) {
			if (s.name().equals(value)) {
				return s;
			}
		}
		return null;
	}

	static Outbox.Status messageStatus(String value) {
		for (Outbox.Status s : Outbox.Status.values()) {
			if (s.name().equals(value)) {
				return s;
			}
		}
		return null;
	}

	static boolean isManager(Authentication user) {
		return user != null && user.getAuthorities()
			.stream()
			.anyMatch((a) -> Role.MANAGER.authority().equals(a.getAuthority())
					|| Role.ADMIN.authority().equals(a.getAuthority()));
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

	private static Integer integer(String value) {
		if (value == null || !value.strip().matches("\\d{1,6}")) {
			return null;
		}
		return Integer.valueOf(value.strip());
	}

}
