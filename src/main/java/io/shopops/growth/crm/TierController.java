package io.shopops.growth.crm;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The managers' page of member tiers and points rules: add, change and remove tiers,
 * recompute everyone's tier, change the points rate and expiry, and run the expiry job.
 */
@Controller
class TierController {

	private final TierRules tiers;

	private final PointsLedger points;

	TierController(TierRules tiers, PointsLedger points) {
		this.tiers = tiers;
		this.points = points;
	}

	@GetMapping("/crm/tiers")
	String show(Authentication user, Model model) {
		CrmController.requireManager(user);
		model.addAttribute("tiers", this.tiers.tiers());
		model.addAttribute("settings", this.points.settings());
		return "growth/crm/tiers";
	}

	@PostMapping("/crm/tiers")
	String save(@RequestParam(required = false) String code, @RequestParam(required = false) String name,
			@RequestParam(required = false) String position, @RequestParam(required = false) String minNetSpend,
			@RequestParam(required = false) String minOrders, Authentication user, Model model,
			RedirectAttributes redirect) {
		CrmController.requireManager(user);
		List<String> problems = new ArrayList<>();
		String tierCode = (code != null) ? code.strip().toUpperCase(java.util.Locale.ROOT) : "";
		if (!tierCode.matches("[A-Z0-9_-]{1,32}")) {
			problems.add("crm.tiers.code.invalid");
		}
		String tierName = (name != null) ? name.strip() : "";
		if (tierName.isEmpty() || tierName.length() > 60) {
			problems.add("crm.tiers.name.invalid");
		}
		Integer rank = integer(position, 0, 1000);
		if (rank == null) {
			problems.add("crm.tiers.position.invalid");
		}
		BigDecimal spend = null;
		boolean spendGiven = minNetSpend != null && !minNetSpend.isBlank();
		if (spendGiven) {
			spend = decimal(minNetSpend);
			if (spend == null) {
				problems.add("crm.tiers.spend.invalid");
			}
		}
		Integer orders = null;
		boolean ordersGiven = minOrders != null && !minOrders.isBlank();
		if (ordersGiven) {
			orders = integer(minOrders, 0, 100_000);
			if (orders == null) {
				problems.add("crm.tiers.orders.invalid");
			}
		}
		if (!spendGiven && !ordersGiven) {
			problems.add("crm.tiers.rule.required");
		}
		if (rank != null && problems.isEmpty()
				&& this.tiers.tiers().stream().anyMatch((t) -> t.position() == rank && !t.code().equals(tierCode))) {
			problems.add("crm.tiers.position.taken");
		}
		if (!problems.isEmpty()) {
			model.addAttribute("problems", problems);
			model.addAttribute("form",
					new TierRules.Tier(tierCode, tierName, (rank != null) ? rank : 0, spend, orders));
			return show(user, model);
		}
		this.tiers.save(new TierRules.Tier(tierCode, tierName, rank, spend, orders));
		int changed = this.tiers.recomputeAll();
		redirect.addFlashAttribute("message", "crm.tiers.flash.saved");
		redirect.addFlashAttribute("messageArgs", new Object[] { changed });
		return "redirect:/crm/tiers";
	}

	@PostMapping("/crm/tiers/delete")
	String delete(@RequestParam(required = false) String code, Authentication user, RedirectAttributes redirect) {
		CrmController.requireManager(user);
		if (code != null && this.tiers.delete(code)) {
			int changed = this.tiers.recomputeAll();
			redirect.addFlashAttribute("message", "crm.tiers.flash.deleted");
			redirect.addFlashAttribute("messageArgs", new Object[] { changed });
		}
		return "redirect:/crm/tiers";
	}

	@PostMapping("/crm/tiers/recompute")
	String recompute(Authentication user, RedirectAttributes redirect) {
		CrmController.requireManager(user);
		int changed = this.tiers.recomputeAll();
		redirect.addFlashAttribute("message", "crm.tiers.flash.recomputed");
		redirect.addFlashAttribute("messageArgs", new Object[] { changed });
		return "redirect:/crm/tiers";
	}

	@PostMapping("/crm/tiers/points")
	String savePoints(@RequestParam(required = false) String pointsPerYuan,
			@RequestParam(required = false) String expiryMonths, Authentication user, RedirectAttributes redirect) {
		CrmController.requireManager(user);
		BigDecimal rate = decimal(pointsPerYuan);
		Integer months = integer(expiryMonths, 1, 120);
		if (rate == null || rate.compareTo(new BigDecimal("1000")) > 0 || months == null) {
			redirect.addFlashAttribute("error", "crm.points.settings.invalid");
			return "redirect:/crm/tiers";
		}
		this.points.saveSettings(new PointsLedger.Settings(rate, months));
		redirect.addFlashAttribute("message", "crm.points.flash.settings");
		return "redirect:/crm/tiers";
	}

	@PostMapping("/crm/tiers/expire")
	String expire(Authentication user, RedirectAttributes redirect) {
		CrmController.requireManager(user);
		long expired = this.points.expire();
		redirect.addFlashAttribute("message", "crm.points.flash.expired");
		redirect.addFlashAttribute("messageArgs", new Object[] { expired });
		return "redirect:/crm/tiers";
	}

	static Integer integer(String value, int min, int max) {
		if (value == null || !value.strip().matches("-?\\d{1,9}")) {
			return null;
		}
		int parsed = Integer.parseInt(value.strip());
		return (parsed < min || parsed > max) ? null : parsed;
	}

	static BigDecimal decimal(String value) {
		if (value == null || !value.strip().matches("\\d{1,10}(\\.\\d{1,2})?")) {
			return null;
		}
		return new BigDecimal(value.strip());
	}

}
