package io.shopops.dashboard;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import io.shopops.dashboard.DigestDeliveries.DeliveryStatus;
import io.shopops.dashboard.DigestJobs.TestResult;
import io.shopops.platform.ShopSettings;
import jakarta.validation.Valid;

import org.springframework.scheduling.support.CronExpression;
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
 * The admins' page of the daily digest and alerts: the channels (add, test, enable,
 * disable, delete), the alert rules and the deliveries with their status and last error.
 */
@Controller
@RequestMapping("/dashboard/digest")
class DigestController {

	static final int PAGE_SIZE = 25;

	private static final String REDIRECT = "redirect:/dashboard/digest";

	private final DigestChannels channels;

	private final AlertRules rules;

	private final DigestDeliveries deliveries;

	private final DigestJobs jobs;

	private final DigestProperties properties;

	private final ShopSettings settings;

	DigestController(DigestChannels channels, AlertRules rules, DigestDeliveries deliveries, DigestJobs jobs,
			DigestProperties properties, ShopSettings settings) {
		this.channels = channels;
		this.rules = rules;
		this.deliveries = deliveries;
		this.jobs = jobs;
		this.properties = properties;
		this.settings = settings;
	}

	@GetMapping
	String page(@RequestParam(required = false) String page, @RequestParam(required = false) String status,
			Model model) {
		if (!model.containsAttribute("channelForm")) {
			model.addAttribute("channelForm", new DigestChannelForm());
		}
		if (!model.containsAttribute("ruleForm")) {
			model.addAttribute("ruleForm", new AlertRuleForm());
		}
		return render(model, pageNumber(page), status(status));
	}

	@PostMapping("/channels")
	String createChannel(@Valid @ModelAttribute("channelForm") DigestChannelForm form, BindingResult result,
			Model model, RedirectAttributes redirect) {
		if (!result.hasErrors()) {
			try {
				this.channels.create(form);
				redirect.addFlashAttribute("message", "digest.flash.channelCreated");
				return REDIRECT;
			}
			catch (DigestFormException ex) {
				result.rejectValue(ex.field(), ex.code());
			}
		}
		// the secret is never sent back to the browser
		form.setSecret(null);
		model.addAttribute("ruleForm", new AlertRuleForm());
		model.addAttribute("channelFormOpen", true);
		return render(model, 0, null);
	}

	@GetMapping("/channels/{id:\\d+}/edit")
	String editChannel(@PathVariable long id, Model model) {
		DigestChannel channel = this.channels.find(id).orElseThrow(DigestNotFoundException::new);
		if (!model.containsAttribute("editForm")) {
			model.addAttribute("editForm", DigestChannelEditForm.of(channel));
		}
		return editPage(channel, model);
	}

	@PostMapping("/channels/{id:\\d+}/edit")
	String updateChannel(@PathVariable long id, @Valid @ModelAttribute("editForm") DigestChannelEditForm form,
			BindingResult result, Model model, RedirectAttributes redirect) {
		DigestChannel channel = this.channels.find(id).orElseThrow(DigestNotFoundException::new);
		if (!result.hasErrors()) {
			try {
				if (!this.channels.update(id, form)) {
					throw new DigestNotFoundException();
				}
				redirect.addFlashAttribute("message", "digest.flash.channelUpdated");
				return REDIRECT;
			}
			catch (DigestFormException ex) {
				result.rejectValue(ex.field(), ex.code());
			}
		}
		// neither the new target nor the secret goes back to the browser
		form.setSecret(null);
		return editPage(channel, model);
	}

	private String editPage(DigestChannel channel, Model model) {
		model.addAttribute("channel", channel);
		model.addAttribute("languages", List.of("zh_CN", "en"));
		return "dashboard/digest-channel";
	}

	@PostMapping("/channels/{id:\\d+}/enable")
	String enableChannel(@PathVariable long id, RedirectAttributes redirect) {
		return done(this.channels.setEnabled(id, true), "digest.flash.channelEnabled", redirect);
	}

	@PostMapping("/channels/{id:\\d+}/disable")
	String disableChannel(@PathVariable long id, RedirectAttributes redirect) {
		return done(this.channels.setEnabled(id, false), "digest.flash.channelDisabled", redirect);
	}

	@PostMapping("/channels/{id:\\d+}/delete")
	String deleteChannel(@PathVariable long id, RedirectAttributes redirect) {
		return done(this.channels.delete(id), "digest.flash.channelDeleted", redirect);
	}

	@PostMapping("/channels/{id:\\d+}/test")
	String testChannel(@PathVariable long id, RedirectAttributes redirect) {
		Optional<TestResult> result = this.jobs.sendTest(id);
		if (result.isEmpty()) {
			return done(false, null, redirect);
		}
		switch (result.get().status()) {
			case SENT -> redirect.addFlashAttribute("message", "digest.flash.testSent");
			case FAILED, PENDING -> {
				String error = this.deliveries.find(result.get().deliveryId())
					.map(DigestDeliveries.DeliveryRow::lastError)
					.orElse("");
				redirect.addFlashAttribute("error", "digest.flash.testFailed");
				redirect.addFlashAttribute("errorArgs", new Object[] { error });
			}
			default -> redirect.addFlashAttribute("message", "digest.flash.testPending");
		}
		return REDIRECT;
	}

	@PostMapping("/rules")
	String createRule(@Valid @ModelAttribute("ruleForm") AlertRuleForm form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		if (!result.hasErrors()) {
			try {
				this.rules.create(form);
				redirect.addFlashAttribute("message", "digest.flash.ruleCreated");
				return REDIRECT;
			}
			catch (DigestFormException ex) {
				result.rejectValue(ex.field(), ex.code());
			}
		}
		model.addAttribute("channelForm", new DigestChannelForm());
		model.addAttribute("ruleFormOpen", true);
		return render(model, 0, null);
	}

	@PostMapping("/rules/{id:\\d+}/enable")
	String enableRule(@PathVariable long id, RedirectAttributes redirect) {
		return done(this.rules.setEnabled(id, true), "digest.flash.ruleEnabled", redirect);
	}

	@PostMapping("/rules/{id:\\d+}/disable")
	String disableRule(@PathVariable long id, RedirectAttributes redirect) {
		return done(this.rules.setEnabled(id, false), "digest.flash.ruleDisabled", redirect);
	}

	@PostMapping("/rules/{id:\\d+}/delete")
	String deleteRule(@PathVariable long id, RedirectAttributes redirect) {
		return done(this.rules.delete(id), "digest.flash.ruleDeleted", redirect);
	}

	@PostMapping("/deliveries/{id:\\d+}/retry")
	String retry(@PathVariable long id, RedirectAttributes redirect) {
		if (!this.jobs.retry(id)) {
			redirect.addFlashAttribute("error", "digest.flash.notRetried");
			return REDIRECT;
		}
		redirect.addFlashAttribute("message", "digest.flash.retried");
		return REDIRECT;
	}

	@PostMapping("/send-now")
	String sendNow(RedirectAttributes redirect) {
		int queued = this.jobs.sendDigestNow();
		redirect.addFlashAttribute("message", "digest.flash.sentNow");
		redirect.addFlashAttribute("messageArgs", new Object[] { queued });
		return REDIRECT;
	}

	private String render(Model model, int page, DeliveryStatus status) {
		ZoneId zone = this.settings.current().timeZone();
		List<DigestChannel> channels = this.channels.list();
		model.addAttribute("channels", channels);
		model.addAttribute("rules", this.rules.list());
		model.addAttribute("deliveries", this.deliveries.page(page, PAGE_SIZE, status));
		model.addAttribute("status", status);
		model.addAttribute("statuses", DeliveryStatus.values());
		model.addAttribute("kinds", DigestChannelKind.values());
		model.addAttribute("languages", List.of("zh_CN", "en"));
		model.addAttribute("ruleKinds", AlertRuleKind.values());
		model.addAttribute("queueKeys", this.rules.queueKeys());
		model.addAttribute("zone", zone);
		model.addAttribute("cron", this.properties.cron());
		model.addAttribute("nextDigest", nextRun(this.properties.cron(), zone));
		model.addAttribute("retryDelays",
				this.properties.retryDelays()
					.stream()
					.map((delay) -> Long.toString(Math.max(1, delay.toMinutes())))
					.toList());
		return "dashboard/digest";
	}

	/**
	 * The next time the digest is sent, "yyyy-MM-dd HH:mm" in the shop's zone, or
	 * {@code null} when it is off.
	 */
	static String nextRun(String cron, ZoneId zone) {
		if (cron == null || cron.isBlank() || DigestProperties.OFF.equals(cron.strip())) {
			return null;
		}
		try {
			ZonedDateTime next = CronExpression.parse(cron.strip()).next(ZonedDateTime.now(zone));
			return (next != null) ? next.format(java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"))
					: null;
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	/**
	 * A channel that does not exist: the 404 page.
	 */
	@org.springframework.web.bind.annotation.ResponseStatus(org.springframework.http.HttpStatus.NOT_FOUND)
	static class DigestNotFoundException extends RuntimeException {

		DigestNotFoundException() {
			super("no such digest channel");
		}

	}

	private static String done(boolean found, String message, RedirectAttributes redirect) {
		if (found) {
			redirect.addFlashAttribute("message", message);
		}
		else {
			redirect.addFlashAttribute("error", "digest.flash.notFound");
		}
		return REDIRECT;
	}

	static int pageNumber(String page) {
		if (page == null || page.isBlank()) {
			return 0;
		}
		try {
			return Math.max(0, Math.min(100_000, Integer.parseInt(page.strip())));
		}
		catch (NumberFormatException ex) {
			return 0;
		}
	}

	static DeliveryStatus status(String status) {
		if (status == null || status.isBlank()) {
			return null;
		}
		try {
			return DeliveryStatus.valueOf(status.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

}
