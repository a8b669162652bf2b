package io.shopops.growth.community;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import io.shopops.growth.community.CommunityQueries.ActivityFilter;
import io.shopops.growth.community.CommunityQueries.GroupOption;
import io.shopops.growth.community.CommunityViews.ActivityRow;
import io.shopops.growth.community.CommunityViews.ActivityView;
import io.shopops.platform.ShopSettings;
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
 * Community activities (group-buys, drops, Q&amp;A): the list, the form and an activity's
 * page with its attributed orders.
 */
@Controller
@RequestMapping("/community/activities")
class ActivityController {

	private static final List<String> PHASES = List.of("UPCOMING", "RUNNING", "ENDED");

	private final CommunityQueries queries;

	private final CommunityService service;

	private final ShopSettings settings;

	ActivityController(CommunityQueries queries, CommunityService service, ShopSettings settings) {
		this.queries = queries;
		this.service = service;
		this.settings = settings;
	}

	@GetMapping
	String list(@RequestParam(required = false) String group, @RequestParam(required = false) String type,
			@RequestParam(required = false) String phase, @RequestParam(required = false) String page, Model model) {
		boolean[] invalid = { false };
		String wanted = CommunityRequests.text(phase, 16, invalid);
		if (wanted != null && !PHASES.contains(wanted)) {
			invalid[0] = true;
			wanted = null;
		}
		ActivityFilter filter = new ActivityFilter(CommunityRequests.id(group, invalid),
				CommunityRequests.parse(ActivityType.class, type, invalid), wanted);
		if (invalid[0]) {
			model.addAttribute("filterWarning", "community.list.filterInvalid");
		}
		Instant now = Instant.now();
		model.addAttribute("filter", filter);
		model.addAttribute("page", this.queries.activities(filter, now, CommunityRequests.pageNumber(page)));
		model.addAttribute("groups", groups());
		model.addAttribute("types", ActivityType.values());
		model.addAttribute("phases", PHASES);
		model.addAttribute("zone", zone());
		model.addAttribute("now", now);
		return "growth/community/activities";
	}

	@GetMapping("/new")
	String showCreateForm(@RequestParam(required = false) String group, Model model) {
		ActivityForm form = new ActivityForm();
		form.setType(ActivityType.GROUP_BUY);
		form.setGroupId(CommunityRequests.id(group, new boolean[1]));
		LocalDate tomorrow = LocalDate.now(zone()).plusDays(1);
		form.setStartsAt(tomorrow.atTime(10, 0));
		form.setEndsAt(tomorrow.plusDays(2).atTime(22, 0));
		model.addAttribute("activityForm", form);
		return form(model, null);
	}

	@PostMapping("/new")
	String create(@Valid @ModelAttribute("activityForm") ActivityForm form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		if (result.hasErrors()) {
			return form(model, null);
		}
		try {
			long id = this.service.createActivity(form, zone());
			redirect.addFlashAttribute("message", "community.activity.flash.created");
			return "redirect:/community/activities/" + id;
		}
		catch (CommunityFormException ex) {
			result.rejectValue(ex.field(), ex.code(), ex.args(), null);
			return form(model, null);
		}
	}

	@GetMapping("/{id:\\d+}")
	String show(@PathVariable long id, Model model) {
		model.addAttribute("view", find(id));
		model.addAttribute("zone", zone());
		model.addAttribute("now", Instant.now());
		return "growth/community/activity";
	}

	@GetMapping("/{id:\\d+}/edit")
	String showEditForm(@PathVariable long id, Model model) {
		ActivityView view = find(id);
		ActivityRow activity = view.activity();
		ZoneId zone = zone();
		ActivityForm form = new ActivityForm();
		form.setGroupId(activity.groupId());
		form.setType(activity.type());
		form.setTitle(activity.title());
		form.setStartsAt(activity.startsAt().atZone(zone).toLocalDateTime());
		form.setEndsAt(activity.endsAt().atZone(zone).toLocalDateTime());
		form.setTrackingCode(activity.trackingCode());
		form.setNotes(view.notes());
		form.setVersion(view.version());
		model.addAttribute("activityForm", form);
		return form(model, id);
	}

	@PostMapping("/{id:\\d+}")
	String update(@PathVariable long id, @Valid @ModelAttribute("activityForm") ActivityForm form, BindingResult result,
			Model model, RedirectAttributes redirect) {
		find(id);
		if (result.hasErrors()) {
			return form(model, id);
		}
		try {
			this.service.updateActivity(id, form, zone());
			redirect.addFlashAttribute("message", "community.activity.flash.updated");
			return "redirect:/community/activities/" + id;
		}
		catch (CommunityFormException ex) {
			result.rejectValue(ex.field(), ex.code(), ex.args(), null);
			return form(model, id);
		}
	}

	private String form(Model model, Long id) {
		model.addAttribute("activityId", id);
		model.addAttribute("types", ActivityType.values());
		model.addAttribute("groups", groups());
		return "growth/community/activity-form";
	}

	/**
	 * The groups an activity can belong to (at most 500, enough for a select).
	 */
	private List<GroupOption> groups() {
		return this.queries.groupOptions();
	}

	private ActivityView find(long id) {
		return this.queries.activity(id).orElseThrow(() -> new CommunityNotFoundException("activity", id));
	}

	private ZoneId zone() {
		return this.settings.current().timeZone();
	}

}
