package io.shopops.growth.outreach;

import java.time.ZoneId;

import io.shopops.platform.ShopSettings;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A customer's outreach page (opt-outs per channel, set and cleared by operators, and the
 * messages the customer was sent) and the form that opts out a pasted list of customers.
 */
@Controller
class OptOutController {

	private final OptOuts optOuts;

	private final OutreachCampaigns campaigns;

	private final ShopSettings shop;

	OptOutController(OptOuts optOuts, OutreachCampaigns campaigns, ShopSettings shop) {
		this.optOuts = optOuts;
		this.campaigns = campaigns;
		this.shop = shop;
	}

	@GetMapping("/crm/outreach/customers/{id:\\d{1,18}}")
	String show(@PathVariable long id, @RequestParam(required = false) String page, Model model) {
		String name = this.optOuts.customerName(id).orElseThrow(() -> new OutreachNotFoundException("customer", id));
		var messages = this.campaigns.messages(null, id, null, OutreachController.pageNumber(page));
		model.addAttribute("customerId", id);
		model.addAttribute("customerName", name);
		java.util.Map<String, OptOuts.OptOut> byChannel = new java.util.HashMap<>();
		this.optOuts.of(id).forEach((o) -> byChannel.put(o.channel().code(), o));
		model.addAttribute("optOuts", byChannel);
		model.addAttribute("channels", OutreachChannel.values());
		model.addAttribute("messages", messages);
		model.addAttribute("zone", zone());
		String base = "/crm/outreach/customers/" + id + "?page=";
		model.addAttribute("previousUrl", (messages.previous() != null) ? base + messages.previous() : null);
		model.addAttribute("nextUrl", (messages.next() != null) ? base + messages.next() : null);
		return "growth/outreach/customer";
	}

	@PostMapping("/crm/outreach/customers/{id:\\d{1,18}}/opt-outs")
	String optOut(@PathVariable long id, @RequestParam(required = false) String channel,
			@RequestParam(required = false) String reason, Authentication user, RedirectAttributes redirect) {
		OutreachChannel chosen = OutreachChannel.of(channel).orElse(null);
		if (chosen == null) {
			redirect.addFlashAttribute("error", "outreach.optout.channel.invalid");
		}
		else if (this.optOuts.optOut(id, chosen, reason, user.getName())) {
			redirect.addFlashAttribute("message", "outreach.flash.optedOut");
		}
		return "redirect:/crm/outreach/customers/" + id;
	}

	@PostMapping("/crm/outreach/customers/{id:\\d{1,18}}/opt-outs/clear")
	String clear(@PathVariable long id, @RequestParam(required = false) String channel, RedirectAttributes redirect) {
		OutreachChannel chosen = OutreachChannel.of(channel).orElse(null);
		if (chosen != null && this.optOuts.clear(id, chosen)) {
			redirect.addFlashAttribute("message", "outreach.flash.optOutCleared");
		}
		return "redirect:/crm/outreach/customers/" + id;
	}

	@GetMapping("/crm/outreach/opt-outs")
	String showImport(Model model) {
		model.addAttribute("channels", OutreachChannel.values());
		return "growth/outreach/optouts";
	}

	@PostMapping("/crm/outreach/opt-outs")
	String importList(@RequestParam(required = false) String list, @RequestParam(required = false) String channel,
			@RequestParam(required = false) String reason, Authentication user, Model model,
			RedirectAttributes redirect) {
		OutreachChannel chosen = OutreachChannel.of(channel).orElse(null);
		model.addAttribute("channels", OutreachChannel.values());
		model.addAttribute("list", list);
		model.addAttribute("channel", chosen);
		model.addAttribute("reason", reason);
		if (chosen == null) {
			model.addAttribute("importError", "outreach.optout.channel.invalid");
			return "growth/outreach/optouts";
		}
		if (list != null && list.length() > 500_000) {
			model.addAttribute("importError", "outreach.optout.list.size");
			model.addAttribute("importErrorArgs", new Object[] { OptOuts.MAX_LIST });
			return "growth/outreach/optouts";
		}
		try {
			OptOuts.Imported imported = this.optOuts.importList(list, chosen, reason, user.getName());
			redirect.addFlashAttribute("message", "outreach.flash.optOutsImported");
			redirect.addFlashAttribute("messageArgs",
					new Object[] { imported.added(), imported.already(), imported.unmatched().size() });
			redirect.addFlashAttribute("unmatched", imported.unmatched());
			return "redirect:/crm/outreach/opt-outs";
		}
		catch (OutreachException ex) {
			model.addAttribute("importError", ex.code());
			model.addAttribute("importErrorArgs", ex.args());
			return "growth/outreach/optouts";
		}
	}

	private ZoneId zone() {
		return this.shop.current().timeZone();
	}

}
