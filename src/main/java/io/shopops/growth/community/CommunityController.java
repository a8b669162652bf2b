package io.shopops.growth.community;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.shopops.growth.community.CommunityQueries.GroupFilter;
import io.shopops.growth.community.CommunityRequests.Range;
import io.shopops.growth.community.CommunityViews.GroupRow;
import io.shopops.growth.community.CommunityViews.GroupView;
import io.shopops.platform.ShopSettings;
import io.shopops.platform.UserDirectory;
import jakarta.validation.Valid;

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
 * Community (私域): the group list with attributed orders over a range, a group's form and
 * page (member count history, activities, SOP items, upcoming tasks), and GMV and tasks
 * per member of staff.
 */
@Controller
@RequestMapping("/community")
class CommunityController {

	private final CommunityQueries queries;

	private final CommunityService service;

	private final UserDirectory users;

	private final ShopSettings settings;

	CommunityController(CommunityQueries queries, CommunityService service, UserDirectory users,
			ShopSettings settings) {
		this.queries = queries;
		this.service = service;
		this.users = users;
		this.settings = settings;
	}

	@GetMapping
	String list(@RequestParam(required = false) String kind, @RequestParam(required = false) String owner,
			@RequestParam(required = false) String q, @RequestParam(required = false) String archived,
			@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			@RequestParam(required = false) String page, Model model) {
		ZoneId zone = zone();
		boolean[] invalid = { false };
		Range range = defaultRange(from, to, zone, invalid);
		GroupFilter filter = new GroupFilter(CommunityRequests.parse(GroupKind.class, kind, invalid),
				CommunityRequests.text(owner, 64, invalid), CommunityRequests.text(q, 120, invalid),
				"true".equals(archived));
		if (invalid[0]) {
			model.addAttribute("filterWarning", "community.list.filterInvalid");
		}
		model.addAttribute("filter", filter);
		model.addAttribute("range", range);
		model.addAttribute("page",
				this.queries.groups(filter, range.start(zone), range.end(zone), CommunityRequests.pageNumber(page)));
		model.addAttribute("total", this.queries.total(range.start(zone), range.end(zone)));
		model.addAttribute("kinds", GroupKind.values());
		model.addAttribute("owners", this.users.enabledUsers());
		model.addAttribute("names", names());
		return "growth/community/list";
	}

	@GetMapping("/groups/new")
	String showCreateForm(Model model) {
		GroupForm form = new GroupForm();
		form.setKind(GroupKind.WECHAT_GROUP);
		model.addAttribute("groupForm", form);
		return form(model, null);
	}

	@PostMapping("/groups/new")
	String create(@Valid @ModelAttribute("groupForm") GroupForm form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		if (result.hasErrors()) {
			return form(model, null);
		}
		try {
			long id = this.service.createGroup(form);
			redirect.addFlashAttribute("message", "community.flash.created");
			return "redirect:/community/groups/" + id;
		}
		catch (CommunityFormException ex) {
			result.rejectValue(ex.field(), ex.code(), ex.args(), null);
			return form(model, null);
		}
	}

	@GetMapping("/groups/{id:\\d+}")
	String show(@PathVariable long id, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to, Model model) {
		if (!model.containsAttribute("memberCountForm")) {
			MemberCountForm form = new MemberCountForm();
			form.setDate(LocalDate.now(zone()));
			model.addAttribute("memberCountForm", form);
		}
		return detail(id, from, to, model);
	}

	private String detail(long id, String from, String to, Model model) {
		ZoneId zone = zone();
		boolean[] invalid = { false };
		Range range = defaultRange(from, to, zone, invalid);
		if (invalid[0]) {
			model.addAttribute("filterWarning", "community.list.filterInvalid");
		}
		Instant now = Instant.now();
		GroupView view = this.queries.group(id, range.start(zone), range.end(zone), now)
			.orElseThrow(() -> new CommunityNotFoundException("group", id));
		model.addAttribute("view", view);
		model.addAttribute("range", range);
		model.addAttribute("zone", zone);
		model.addAttribute("now", now);
		model.addAttribute("names", names());
		return "growth/community/detail";
	}

	@GetMapping("/groups/{id:\\d+}/edit")
	String showEditForm(@PathVariable long id, Model model) {
		GroupView view = find(id);
		GroupRow group = view.group();
		GroupForm form = new GroupForm();
		form.setName(group.name());
		form.setKind(group.kind());
		form.setOwner(group.owner());
		form.setTrackingCode(group.trackingCode());
		form.setNotes(view.notes());
		form.setVersion(view.version());
		model.addAttribute("groupForm", form);
		return form(model, id);
	}

	@PostMapping("/groups/{id:\\d+}")
	String update(@PathVariable long id, @Valid @ModelAttribute("groupForm") GroupForm form, BindingResult result,
			Model model, RedirectAttributes redirect) {
		exists(id);
		if (result.hasErrors()) {
			return form(model, id);
		}
		try {
			this.service.updateGroup(id, form);
			redirect.addFlashAttribute("message", "community.flash.updated");
			return "redirect:/community/groups/" + id;
		}
		catch (CommunityFormException ex) {
			result.rejectValue(ex.field(), ex.code(), ex.args(), null);
			return form(model, id);
		}
	}

	@PostMapping("/groups/{id:\\d+}/archive")
	String archive(@PathVariable long id, RedirectAttributes redirect) {
		boolean changed = this.service.archive(id, true);
		redirect.addFlashAttribute("message", changed ? "community.flash.archived" : "community.flash.unchanged");
		return "redirect:/community/groups/" + id;
	}

	@PostMapping("/groups/{id:\\d+}/restore")
	String restore(@PathVariable long id, RedirectAttributes redirect) {
		boolean changed = this.service.archive(id, false);
		redirect.addFlashAttribute("message", changed ? "community.flash.restored" : "community.flash.unchanged");
		return "redirect:/community/groups/" + id;
	}

	@PostMapping("/groups/{id:\\d+}/members")
	String recordMembers(@PathVariable long id, @Valid @ModelAttribute("memberCountForm") MemberCountForm form,
			BindingResult result, Model model, RedirectAttributes redirect) {
		exists(id);
		if (!result.hasErrors()) {
			try {
				this.service.recordMembers(id, form, LocalDate.now(zone()));
				redirect.addFlashAttribute("message", "community.flash.members");
				return "redirect:/community/groups/" + id;
			}
			catch (CommunityFormException ex) {
				result.rejectValue(ex.field(), ex.code(), ex.args(), null);
			}
		}
		return detail(id, null, null, model);
	}

	@GetMapping("/staff")
	String staff(@RequestParam(required = false) String from, @RequestParam(required = false) String to, Model model) {
		ZoneId zone = zone();
		boolean[] invalid = { false };
		Range range = defaultRange(from, to, zone, invalid);
		if (invalid[0]) {
			model.addAttribute("filterWarning", "community.list.filterInvalid");
		}
		model.addAttribute("range", range);
		model.addAttribute("rows", this.queries.staff(range.start(zone), range.end(zone), Instant.now(), names()));
		return "growth/community/staff";
	}

	private Range defaultRange(String from, String to, ZoneId zone, boolean[] invalid) {
		LocalDate today = LocalDate.now(zone);
		return CommunityRequests.range(from, to, today.minusDays(29), today, invalid);
	}

	private String form(Model model, Long id) {
		model.addAttribute("groupId", id);
		model.addAttribute("kinds", GroupKind.values());
		model.addAttribute("owners", this.users.enabledUsers());
		return "growth/community/form";
	}

	private void exists(long id) {
		if (!this.queries.groupExists(id)) {
			throw new CommunityNotFoundException("group", id);
		}
	}

	private GroupView find(long id) {
		Instant now = Instant.now();
		return this.queries.group(id, now, now, now).orElseThrow(() -> new CommunityNotFoundException("group", id));
	}

	/**
	 * Display names by lower-case username, for owners and assignees.
	 */
	private Map<String, String> names() {
		Map<String, String> names = new HashMap<>();
		List<UserDirectory.DirectoryUser> users = this.users.enabledUsers();
		users.forEach((user) -> names.put(user.username().toLowerCase(Locale.ROOT), user.displayName()));
		return names;
	}

	private ZoneId zone() {
		return this.settings.current().timeZone();
	}

}
