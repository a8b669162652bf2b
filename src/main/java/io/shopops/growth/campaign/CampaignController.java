package io.shopops.growth.campaign;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import io.shopops.growth.campaign.CampaignViews.CampaignRow;
import io.shopops.growth.campaign.CampaignViews.CampaignView;
import io.shopops.growth.campaign.CampaignViews.DayNumbers;
import io.shopops.growth.campaign.CampaignViews.Outcome;
import io.shopops.growth.campaign.CampaignViews.Recorded;
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

/**
 * The paid campaigns: the list with totals and pacing, a campaign's form, its page with
 * the daily rows and the manual spend entry. Operators read; managers change.
 */
@Controller
@RequestMapping("/traffic/campaigns")
class CampaignController {

	private final Campaigns campaigns;

	private final ShopSettings settings;

	CampaignController(Campaigns campaigns, ShopSettings settings) {
		this.campaigns = campaigns;
		this.settings = settings;
	}

	@GetMapping
	String list(@RequestParam(required = false) String page, Authentication user, Model model) {
		model.addAttribute("page", this.campaigns.page(pageNumber(page), today()));
		model.addAttribute("totals", this.campaigns.totals());
		model.addAttribute("canEdit", isManager(user));
		model.addAttribute("canImport", isAdmin(user));
		return "growth/campaign/list";
	}

	@GetMapping("/new")
	String showCreateForm(Model model) {
		CampaignForm form = new CampaignForm();
		form.setStartDate(today());
		form.setEndDate(today().plusDays(29));
		model.addAttribute("campaignForm", form);
		return form(model, null);
	}

	@PostMapping("/new")
	String create(@Valid @ModelAttribute("campaignForm") CampaignForm form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		if (result.hasErrors()) {
			return form(model, null);
		}
		try {
			long id = this.campaigns.create(form);
			redirect.addFlashAttribute("message", "campaign.flash.created");
			return "redirect:/traffic/campaigns/" + id;
		}
		catch (CampaignFormException ex) {
			result.rejectValue(ex.field(), ex.code(), ex.args(), null);
			return form(model, null);
		}
	}

	@GetMapping("/{id:\\d+}")
	String show(@PathVariable long id, Authentication user, Model model) {
		if (!model.containsAttribute("spendForm")) {
			SpendForm form = new SpendForm();
			form.setDate(today());
			model.addAttribute("spendForm", form);
		}
		return detail(find(id), user, model);
	}

	@GetMapping("/{id:\\d+}/edit")
	String showEditForm(@PathVariable long id, Model model) {
		CampaignRow c = find(id).campaign();
		CampaignForm form = new CampaignForm();
		form.setName(c.name());
		form.setPlatform(c.platform());
		form.setChannelCode(c.channelCode());
		form.setExternalId(c.externalId());
		form.setBudgetTotal(c.budgetTotal());
		form.setDailyBudget(c.dailyBudget());
		form.setStartDate(c.startDate());
		form.setEndDate(c.endDate());
		form.setStatus(c.status());
		form.setVersion(c.version());
		model.addAttribute("campaignForm", form);
		return form(model, id);
	}

	@PostMapping("/{id:\\d+}")
	String update(@PathVariable long id, @Valid @ModelAttribute("campaignForm") CampaignForm form, BindingResult result,
			Model model, RedirectAttributes redirect) {
		find(id);
		if (result.hasErrors()) {
			return form(model, id);
		}
		try {
			this.campaigns.update(id, form);
			redirect.addFlashAttribute("message", "campaign.flash.updated");
			return "redirect:/traffic/campaigns/" + id;
		}
		catch (CampaignFormException ex) {
			result.rejectValue(ex.field(), ex.code(), ex.args(), null);
			return form(model, id);
		}
		catch (OptimisticLockingFailureException ex) {
			result.reject("campaign.form.stale");
			return form(model, id);
		}
	}

	@PostMapping("/{id:\\d+}/spend")
	String recordSpend(@PathVariable long id, @Valid @ModelAttribute("spendForm") SpendForm form, BindingResult result,
			Authentication user, Model model, RedirectAttributes redirect) {
		CampaignView view = find(id);
		if (result.hasErrors()) {
			return detail(view, user, model);
		}
		try {
			Recorded recorded = this.campaigns.record(
					id, form.getDate(), new DayNumbers(form.getSpend(), form.getImpressions(), form.getClicks(),
							form.getOrders(), (form.getGmv() != null) ? form.getGmv() : BigDecimal.ZERO),
					SpendSource.MANUAL);
			if (recorded.outcome() == Outcome.REPLACED) {
				// says which source's numbers the entry replaced
				redirect.addFlashAttribute("message", "campaign.flash.spendReplaced." + recorded.previous().name());
			}
			else {
				redirect.addFlashAttribute("message", "campaign.flash.spendRecorded");
			}
			return "redirect:/traffic/campaigns/" + id;
		}
		catch (CampaignFormException ex) {
			result.rejectValue(ex.field(), ex.code(), ex.args(), null);
			return detail(view, user, model);
		}
	}

	@GetMapping("/{id:\\d+}/spend/{date}/delete")
	String confirmDelete(@PathVariable long id, @PathVariable String date, Model model) {
		CampaignView view = find(id);
		LocalDate day = day(date);
		model.addAttribute("campaign", view.campaign());
		model.addAttribute("day",
				view.days()
					.stream()
					.filter((d) -> d.date().equals(day))
					.findFirst()
					.orElseThrow(() -> new CampaignNotFoundException(id)));
		return "growth/campaign/spend-delete";
	}

	@PostMapping("/{id:\\d+}/spend/{date}/delete")
	String deleteDay(@PathVariable long id, @PathVariable String date, RedirectAttributes redirect) {
		find(id);
		if (!this.campaigns.deleteDay(id, day(date))) {
			throw new CampaignNotFoundException(id);
		}
		redirect.addFlashAttribute("message", "campaign.flash.spendDeleted");
		return "redirect:/traffic/campaigns/" + id;
	}

	private String detail(CampaignView view, Authentication user, Model model) {
		model.addAttribute("view", view);
		model.addAttribute("canEdit", isManager(user));
		model.addAttribute("canImport", isAdmin(user));
		return "growth/campaign/detail";
	}

	private String form(Model model, Long id) {
		model.addAttribute("campaignId", id);
		model.addAttribute("platforms", AdPlatform.values());
		model.addAttribute("statuses", CampaignStatus.values());
		model.addAttribute("channels", this.campaigns.channels());
		return "growth/campaign/form";
	}

	private CampaignView find(long id) {
		return this.campaigns.find(id, today()).orElseThrow(() -> new CampaignNotFoundException(id));
	}

	private LocalDate today() {
		return LocalDate.now(this.settings.current().timeZone());
	}

	private static LocalDate day(String date) {
		try {
			return LocalDate.parse(date);
		}
		catch (DateTimeParseException ex) {
			throw new CampaignNotFoundException(-1);
		}
	}

	private static boolean isManager(Authentication user) {
		return user != null && user.getAuthorities()
			.stream()
			.anyMatch((a) -> "ROLE_MANAGER".equals(a.getAuthority()) || "ROLE_ADMIN".equals(a.getAuthority()));
	}

	private static boolean isAdmin(Authentication user) {
		return user != null && user.getAuthorities().stream().anyMatch((a) -> "ROLE_ADMIN".equals(a.getAuthority()));
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
