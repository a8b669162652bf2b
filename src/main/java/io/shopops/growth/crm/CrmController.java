package io.shopops.growth.crm;

import java.time.ZoneId;

import io.shopops.platform.Role;
import io.shopops.platform.ShopSettings;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The customer pages: the list with search and filters, the profile (contact masked for
 * operators, full for managers), tags, and the merge tool for managers.
 */
@Controller
class CrmController {

	private final CustomerQuery query;

	private final CustomerBook customers;

	private final ShopSettings shop;

	private final TierRules tiers;

	private final PointsLedger points;

	private final ObjectProvider<ProfileSection> sections;

	CrmController(CustomerQuery query, CustomerBook customers, ShopSettings shop, TierRules tiers, PointsLedger points,
			ObjectProvider<ProfileSection> sections) {
		this.query = query;
		this.customers = customers;
		this.shop = shop;
		this.tiers = tiers;
		this.points = points;
		this.sections = sections;
	}

	@GetMapping("/crm")
	String list(@RequestParam(required = false) String q, @RequestParam(required = false) String tier,
			@RequestParam(required = false) String channel, @RequestParam(required = false) String page,
			Authentication user, Model model) {
		CustomerQuery.Filter filter = new CustomerQuery.Filter(q, tier, channel);
		int number = pageNumber(page);
		CustomerQuery.Result result = this.query.list(filter, number);
		int pages = (int) Math.max(1, (result.total() + CustomerQuery.PAGE_SIZE - 1) / CustomerQuery.PAGE_SIZE);
		if (number >= pages && number > 0) {
			number = pages - 1;
			result = this.query.list(filter, number);
		}
		boolean full = manager(user);
		model.addAttribute("filter", filter);
		model.addAttribute("rows", result.rows().stream().map((row) -> masked(row, full)).toList());
		model.addAttribute("total", result.total());
		model.addAttribute("pageNumber", number);
		model.addAttribute("pages", pages);
		model.addAttribute("channels", this.query.channels());
		model.addAttribute("tiers", this.query.tiers());
		model.addAttribute("tierNames", tierNames());
		model.addAttribute("manager", full);
		model.addAttribute("zone", zone());
		UriComponentsBuilder base = UriComponentsBuilder.fromPath("/crm");
		if (filter.q() != null) {
			base.queryParam("q", filter.q());
		}
		if (filter.tier() != null) {
			base.queryParam("tier", filter.tier());
		}
		if (filter.channel() != null) {
			base.queryParam("channel", filter.channel());
		}
		model.addAttribute("previousUrl",
				(number > 0) ? base.cloneBuilder().queryParam("page", number - 1).encode().toUriString() : null);
		model.addAttribute("nextUrl", (number + 1 < pages)
				? base.cloneBuilder().queryParam("page", number + 1).encode().toUriString() : null);
		return "growth/crm/list";
	}

	@GetMapping("/crm/customers/{id:\\d{1,18}}")
	String show(@PathVariable long id, Authentication user, Model model) {
		CustomerQuery.Profile profile = this.query.profile(id).orElseThrow(() -> new CustomerNotFoundException(id));
		if (profile.mergedInto() != null) {
			return "redirect:/crm/customers/" + survivor(profile);
		}
		boolean full = manager(user);
		model.addAttribute("customer", profile);
		model.addAttribute("phone", full ? profile.phone() : CustomerKeys.maskPhone(profile.phone()));
		model.addAttribute("email", full ? profile.email() : CustomerKeys.maskEmail(profile.email()));
		model.addAttribute("identities",
				this.query.identities(id)
					.stream()
					.map((identity) -> new CustomerQuery.IdentityRow(identity.kind(), identity.channelCode(),
							full ? identity.value() : switch (identity.kind()) {
								case "PHONE" -> CustomerKeys.maskPhone(identity.value());
								case "EMAIL" -> CustomerKeys.maskEmail(identity.value());
								default -> identity.value();
							}))
					.toList());
		model.addAttribute("addresses",
				this.query.addresses(id)
					.stream()
					.map((a) -> full ? a
							: new CustomerQuery.AddressRow(a.name(), CustomerKeys.maskPhone(a.phone()), a.province(),
									a.city(), a.district(), a.line1(), a.postcode(), a.lastUsedAt()))
					.toList());
		model.addAttribute("orders", this.query.orders(id));
		model.addAttribute("tags", this.query.tags(id));
		model.addAttribute("fullContact", full);
		model.addAttribute("tierNames", tierNames());
		model.addAttribute("tierHistory", this.tiers.history(id));
		model.addAttribute("pointsBalance", this.points.balance(id));
		model.addAttribute("pointsEntries", this.points.entries(id));
		model.addAttribute("zone", zone());
		this.sections.orderedStream().forEach((section) -> model.addAllAttributes(section.attributes(id, full)));
		return "growth/crm/detail";
	}

	@PostMapping("/crm/customers/{id:\\d{1,18}}/tags")
	String tag(@PathVariable long id, @RequestParam(required = false) String tag, RedirectAttributes redirect) {
		try {
			CustomerBook.normaliseTag(tag);
		}
		catch (IllegalArgumentException ex) {
			redirect.addFlashAttribute("error", "crm.tag.invalid");
			return "redirect:/crm/customers/" + id;
		}
		if (this.customers.tag(id, tag)) {
			redirect.addFlashAttribute("message", "crm.flash.tagged");
		}
		return "redirect:/crm/customers/" + id;
	}

	@PostMapping("/crm/customers/{id:\\d{1,18}}/tags/remove")
	String untag(@PathVariable long id, @RequestParam(required = false) String tag, RedirectAttributes redirect) {
		if (tag != null && this.customers.untag(id, tag)) {
			redirect.addFlashAttribute("message", "crm.flash.untagged");
		}
		return "redirect:/crm/customers/" + id;
	}

	@PostMapping("/crm/customers/{id:\\d{1,18}}/points/adjust")
	String adjustPoints(@PathVariable long id, @RequestParam(required = false) String points,
			@RequestParam(required = false) String reason, Authentication user, RedirectAttributes redirect) {
		requireManager(user);
		Integer amount = TierController.integer(points, -10_000_000, 10_000_000);
		try {
			if (amount == null) {
				throw new PointsLedger.PointsException("crm.points.amount.invalid");
			}
			this.points.adjust(id, amount, reason, user.getName());
			redirect.addFlashAttribute("message", "crm.points.flash.adjusted");
		}
		catch (PointsLedger.PointsException ex) {
			redirect.addFlashAttribute("error", ex.code());
		}
		return "redirect:/crm/customers/" + id;
	}

	@PostMapping("/crm/customers/{id:\\d{1,18}}/points/redeem")
	String redeemPoints(@PathVariable long id, @RequestParam(required = false) String points,
			@RequestParam(required = false) String reason, Authentication user, RedirectAttributes redirect) {
		Integer amount = TierController.integer(points, 1, 10_000_000);
		try {
			if (amount == null) {
				throw new PointsLedger.PointsException("crm.points.amount.invalid");
			}
			this.points.redeem(id, amount, reason, user.getName());
			redirect.addFlashAttribute("message", "crm.points.flash.redeemed");
		}
		catch (PointsLedger.PointsException ex) {
			redirect.addFlashAttribute("error", ex.code());
		}
		return "redirect:/crm/customers/" + id;
	}

	@GetMapping("/crm/customers/{id:\\d{1,18}}/merge")
	String showMerge(@PathVariable long id, @RequestParam(required = false) String q,
			@RequestParam(required = false) String duplicate, Authentication user, Model model) {
		requireManager(user);
		CustomerQuery.Profile profile = this.query.profile(id).orElseThrow(() -> new CustomerNotFoundException(id));
		if (profile.mergedInto() != null) {
			return "redirect:/crm/customers/" + survivor(profile) + "/merge";
		}
		String search = new CustomerQuery.Filter(q, null, null).q();
		model.addAttribute("customer", profile);
		model.addAttribute("q", search);
		model.addAttribute("candidates", this.query.candidates(id, search, profile.name()));
		Long duplicateId = parseId(duplicate);
		CustomerQuery.Profile chosen = (duplicateId != null && duplicateId != id)
				? this.query.profile(duplicateId).filter((p) -> p.mergedInto() == null).orElse(null) : null;
		model.addAttribute("duplicate", chosen);
		model.addAttribute("zone", zone());
		return "growth/crm/merge";
	}

	@PostMapping("/crm/customers/{id:\\d{1,18}}/merge")
	String merge(@PathVariable long id, @RequestParam(required = false) String duplicate, Authentication user,
			RedirectAttributes redirect) {
		requireManager(user);
		Long duplicateId = parseId(duplicate);
		if (duplicateId == null || duplicateId == id) {
			redirect.addFlashAttribute("error", "crm.merge.pick");
			return "redirect:/crm/customers/" + id + "/merge";
		}
		try {
			this.customers.merge(id, duplicateId);
		}
		catch (CustomerNotFoundException ex) {
			redirect.addFlashAttribute("error", "crm.merge.gone");
			return "redirect:/crm/customers/" + id + "/merge";
		}
		redirect.addFlashAttribute("message", "crm.flash.merged");
		return "redirect:/crm/customers/" + id;
	}

	private java.util.Map<String, String> tierNames() {
		java.util.Map<String, String> names = new java.util.LinkedHashMap<>();
		this.tiers.tiers().forEach((tier) -> names.put(tier.code(), tier.name()));
		return names;
	}

	private long survivor(CustomerQuery.Profile profile) {
		CustomerQuery.Profile current = profile;
		for (int i = 0; i < 20 && current.mergedInto() != null; i++) {
			long next = current.mergedInto();
			current = this.query.profile(next).orElseThrow(() -> new CustomerNotFoundException(next));
		}
		return current.id();
	}

	private static CustomerQuery.Row masked(CustomerQuery.Row row, boolean full) {
		if (full) {
			return row;
		}
		return new CustomerQuery.Row(row.id(), row.name(), CustomerKeys.maskPhone(row.phone()),
				CustomerKeys.maskEmail(row.email()), row.firstChannel(), row.orderCount(), row.netSpend(),
				row.lastOrderAt(), row.tier());
	}

	private ZoneId zone() {
		return this.shop.current().timeZone();
	}

	static boolean manager(Authentication user) {
		if (user == null) {
			return false;
		}
		for (GrantedAuthority authority : user.getAuthorities()) {
			if (Role.MANAGER.authority().equals(authority.getAuthority())
					|| Role.ADMIN.authority().equals(authority.getAuthority())) {
				return true;
			}
		}
		return false;
	}

	static void requireManager(Authentication user) {
		if (!manager(user)) {
			throw new AccessDeniedException("managers only");
		}
	}

	private static int pageNumber(String page) {
		if (page == null) {
			return 0;
		}
		try {
			int value = Integer.parseInt(page.strip());
			return Math.max(0, Math.min(value, 100_000));
		}
		catch (NumberFormatException ex) {
			return 0;
		}
	}

	private static Long parseId(String value) {
		if (value == null || !value.strip().matches("\\d{1,18}")) {
			return null;
		}
		return Long.valueOf(value.strip());
	}

}
