package io.shopops.growth.creator;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.Collectors;

import io.shopops.fulfilment.inventory.Inventory;
import io.shopops.growth.content.ContentPlatform;
import io.shopops.growth.creator.CreatorQueries.Filter;
import io.shopops.growth.creator.CreatorViews.Cooperation;
import io.shopops.growth.creator.CreatorViews.CooperationView;
import io.shopops.growth.creator.CreatorViews.Creator;
import io.shopops.growth.creator.CreatorViews.CreatorRow;
import io.shopops.growth.creator.CreatorViews.CreatorView;
import io.shopops.growth.creator.CreatorViews.PageOf;
import io.shopops.platform.Role;
import io.shopops.platform.ShopSettings;
import jakarta.validation.Valid;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
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
 * The creator pages (达人/KOL): the list with filters, a creator's form and page (its
 * cooperations with what they brought and cost, and the payout ledger), a cooperation's
 * form and page (linked pieces, samples sent, attributed orders). Operators see contacts
 * masked and record creators, cooperations and samples; managers and admins also record
 * payouts and adjustments.
 */
@Controller
@RequestMapping("/content/creators")
class CreatorController {

	private final CreatorQueries queries;

	private final CreatorService service;

	private final Inventory inventory;

	private final ShopSettings settings;

	CreatorController(CreatorQueries queries, CreatorService service, Inventory inventory, ShopSettings settings) {
		this.queries = queries;
		this.service = service;
		this.inventory = inventory;
		this.settings = settings;
	}

	@GetMapping
	String list(@RequestParam(required = false) String q, @RequestParam(required = false) String platform,
			@RequestParam(required = false) String category, @RequestParam(required = false) String archived,
			@RequestParam(required = false) String page, Authentication user, Model model) {
		boolean[] invalid = { false };
		Filter filter = new Filter(CreatorRequests.text(q, 80, invalid),
				CreatorRequests.parse(ContentPlatform.class, platform, invalid),
				CreatorRequests.text(category, 60, invalid), "true".equals(archived));
		int number = CreatorRequests.page(page, invalid);
		if (invalid[0]) {
			model.addAttribute("filterWarning", "creator.list.filterInvalid");
		}
		boolean manager = manager(user);
		PageOf<CreatorRow> rows = this.queries.creators(filter, number);
		List<CreatorRow> shown = rows.items()
			.stream()
			.map((row) -> new CreatorRow(masked(row.creator(), manager), row.cooperations(), row.earnings(),
					row.balance()))
			.toList();
		model.addAttribute("filter", filter);
		model.addAttribute("page", new PageOf<>(shown, rows.page(), rows.pages(), rows.total()));
		model.addAttribute("platforms", ContentPlatform.values());
		model.addAttribute("categories", this.queries.categories());
		model.addAttribute("manager", manager);
		return "growth/creator/list";
	}

	@GetMapping("/new")
	String showCreateForm(Model model) {
		CreatorForm form = new CreatorForm();
		form.setPlatform(ContentPlatform.DOUYIN);
		model.addAttribute("creatorForm", form);
		return form(model, null);
	}

	@PostMapping("/new")
	String create(@Valid @ModelAttribute("creatorForm") CreatorForm form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		if (result.hasErrors()) {
			return form(model, null);
		}
		try {
			long id = this.service.createCreator(form);
			redirect.addFlashAttribute("message", "creator.flash.created");
			return "redirect:/content/creators/" + id;
		}
		catch (CreatorFormException ex) {
			result.rejectValue(ex.field(), ex.code(), ex.args(), null);
			return form(model, null);
		}
	}

	@GetMapping("/{id:\\d{1,18}}")
	String show(@PathVariable long id, Authentication user, Model model) {
		if (!model.containsAttribute("payoutForm")) {
			PayoutForm form = new PayoutForm();
			form.setKind(PayoutKind.PAYOUT);
			form.setDate(today());
			model.addAttribute("payoutForm", form);
		}
		return detail(id, user, model);
	}

	private String detail(long id, Authentication user, Model model) {
		CreatorView view = this.queries.view(id).orElseThrow(() -> new CreatorNotFoundException("creator", id));
		boolean manager = manager(user);
		model.addAttribute("view", view);
		model.addAttribute("creator", masked(view.creator(), manager));
		model.addAttribute("manager", manager);
		model.addAttribute("kinds", PayoutKind.values());
		return "growth/creator/detail";
	}

	@GetMapping("/{id:\\d{1,18}}/edit")
	String showEditForm(@PathVariable long id, Authentication user, Model model) {
		Creator creator = masked(find(id), manager(user));
		CreatorForm form = new CreatorForm();
		form.setPlatform(creator.platform());
		form.setHandle(creator.handle());
		form.setDisplayName(creator.displayName());
		form.setFollowers(creator.followers());
		form.setCategory(creator.category());
		form.setContact(creator.contact());
		form.setNotes(creator.notes());
		form.setVersion(creator.version());
		model.addAttribute("creatorForm", form);
		return form(model, id);
	}

	@PostMapping("/{id:\\d{1,18}}")
	String update(@PathVariable long id, @Valid @ModelAttribute("creatorForm") CreatorForm form, BindingResult result,
			Authentication user, Model model, RedirectAttributes redirect) {
		find(id);
		if (result.hasErrors()) {
			return form(model, id);
		}
		try {
			this.service.updateCreator(id, form, manager(user));
			redirect.addFlashAttribute("message", "creator.flash.updated");
			return "redirect:/content/creators/" + id;
		}
		catch (CreatorFormException ex) {
			result.rejectValue(ex.field(), ex.code(), ex.args(), null);
			return form(model, id);
		}
	}

	@PostMapping("/{id:\\d{1,18}}/archive")
	String archive(@PathVariable long id, RedirectAttributes redirect) {
		boolean changed = this.service.archive(id, true);
		redirect.addFlashAttribute("message", changed ? "creator.flash.archived" : "creator.flash.unchanged");
		return "redirect:/content/creators/" + id;
	}

	@PostMapping("/{id:\\d{1,18}}/restore")
	String restore(@PathVariable long id, RedirectAttributes redirect) {
		boolean changed = this.service.archive(id, false);
		redirect.addFlashAttribute("message", changed ? "creator.flash.restored" : "creator.flash.unchanged");
		return "redirect:/content/creators/" + id;
	}

	/**
	 * A payout or an adjustment: managers and admins only (see the growth module's
	 * rules).
	 */
	@PostMapping("/{id:\\d{1,18}}/ledger")
	String recordEntry(@PathVariable long id, @Valid @ModelAttribute("payoutForm") PayoutForm form,
			BindingResult result, Authentication user, Model model, RedirectAttributes redirect) {
		find(id);
		if (!result.hasErrors()) {
			try {
				this.service.recordEntry(id, form, today());
				redirect.addFlashAttribute("message",
						(form.getKind() == PayoutKind.PAYOUT) ? "creator.flash.payout" : "creator.flash.adjustment");
				return "redirect:/content/creators/" + id + "#ledger";
			}
			catch (CreatorFormException ex) {
				result.rejectValue(ex.field(), ex.code(), ex.args(), null);
			}
		}
		return detail(id, user, model);
	}

	@GetMapping("/{id:\\d{1,18}}/cooperations/new")
	String showNewCooperation(@PathVariable long id, Model model) {
		Creator creator = find(id);
		CooperationForm form = new CooperationForm();
		form.setType(CooperationType.COMMISSION);
		form.setStatus(CooperationStatus.ACTIVE);
		form.setStartsOn(today());
		model.addAttribute("cooperationForm", form);
		return cooperationForm(model, creator, null);
	}

	@PostMapping("/{id:\\d{1,18}}/cooperations/new")
	String createCooperation(@PathVariable long id, @Valid @ModelAttribute("cooperationForm") CooperationForm form,
			BindingResult result, Model model, RedirectAttributes redirect) {
		Creator creator = find(id);
		if (result.hasErrors()) {
			return cooperationForm(model, creator, null);
		}
		try {
			long cooperation = this.service.createCooperation(id, form);
			redirect.addFlashAttribute("message", "creator.flash.cooperationCreated");
			return "redirect:/content/creators/cooperations/" + cooperation;
		}
		catch (CreatorFormException ex) {
			result.rejectValue(ex.field(), ex.code(), ex.args(), null);
			return cooperationForm(model, creator, null);
		}
	}

	@GetMapping("/cooperations/{id:\\d{1,18}}")
	String showCooperation(@PathVariable long id, Model model) {
		if (!model.containsAttribute("sampleForm")) {
			SampleForm form = new SampleForm();
			form.setWarehouse(Inventory.DEFAULT_WAREHOUSE);
			form.setSentOn(today());
			form.setQuantity(1);
			model.addAttribute("sampleForm", form);
		}
		return cooperation(id, model);
	}

	private String cooperation(long id, Model model) {
		CooperationView view = this.queries.cooperationView(id)
			.orElseThrow(() -> new CreatorNotFoundException("cooperation", id));
		model.addAttribute("view", view);
		model.addAttribute("warehouses", this.inventory.activeWarehouses());
		return "growth/creator/cooperation";
	}

	@GetMapping("/cooperations/{id:\\d{1,18}}/edit")
	String showEditCooperation(@PathVariable long id, Model model) {
		Cooperation cooperation = findCooperation(id);
		CooperationForm form = new CooperationForm();
		form.setTitle(cooperation.title());
		form.setType(cooperation.type());
		form.setStatus(cooperation.status());
		form.setStartsOn(cooperation.startsOn());
		form.setEndsOn(cooperation.endsOn());
		form.setFixedFee(cooperation.fixedFee());
		form.setCommissionRate(cooperation.commissionRate());
		form.setTrackingCode(cooperation.trackingCode());
		form.setPieces(this.queries.pieces(id)
			.stream()
			.map(CreatorViews.Piece::trackingCode)
			.collect(Collectors.joining(", ")));
		form.setNotes(cooperation.notes());
		form.setVersion(cooperation.version());
		model.addAttribute("cooperationForm", form);
		return cooperationForm(model, find(cooperation.creatorId()), id);
	}

	@PostMapping("/cooperations/{id:\\d{1,18}}")
	String updateCooperation(@PathVariable long id, @Valid @ModelAttribute("cooperationForm") CooperationForm form,
			BindingResult result, Model model, RedirectAttributes redirect) {
		Cooperation cooperation = findCooperation(id);
		Creator creator = find(cooperation.creatorId());
		if (result.hasErrors()) {
			return cooperationForm(model, creator, id);
		}
		try {
			this.service.updateCooperation(id, form);
			redirect.addFlashAttribute("message", "creator.flash.cooperationUpdated");
			return "redirect:/content/creators/cooperations/" + id;
		}
		catch (CreatorFormException ex) {
			result.rejectValue(ex.field(), ex.code(), ex.args(), null);
			return cooperationForm(model, creator, id);
		}
	}

	@PostMapping("/cooperations/{id:\\d{1,18}}/samples")
	String sendSample(@PathVariable long id, @Valid @ModelAttribute("sampleForm") SampleForm form, BindingResult result,
			Model model, RedirectAttributes redirect) {
		findCooperation(id);
		if (!result.hasErrors()) {
			try {
				this.service.sendSample(id, form, today());
				redirect.addFlashAttribute("message", "creator.flash.sample");
				return "redirect:/content/creators/cooperations/" + id;
			}
			catch (CreatorFormException ex) {
				result.rejectValue(ex.field(), ex.code(), ex.args(), null);
			}
		}
		return cooperation(id, model);
	}

	private String form(Model model, Long id) {
		model.addAttribute("creatorId", id);
		model.addAttribute("platforms", ContentPlatform.values());
		return "growth/creator/form";
	}

	private String cooperationForm(Model model, Creator creator, Long id) {
		model.addAttribute("creator", creator);
		model.addAttribute("cooperationId", id);
		model.addAttribute("types", CooperationType.values());
		model.addAttribute("statuses", CooperationStatus.values());
		return "growth/creator/cooperation-form";
	}

	private Creator find(long id) {
		return this.queries.creator(id).orElseThrow(() -> new CreatorNotFoundException("creator", id));
	}

	private Cooperation findCooperation(long id) {
		return this.queries.cooperation(id).orElseThrow(() -> new CreatorNotFoundException("cooperation", id));
	}

	private static Creator masked(Creator creator, boolean manager) {
		return manager ? creator : creator.withContact(CreatorContacts.mask(creator.contact()));
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

	private LocalDate today() {
		return LocalDate.now(zone());
	}

	private ZoneId zone() {
		return this.settings.current().timeZone();
	}

}
