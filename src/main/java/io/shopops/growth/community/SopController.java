package io.shopops.growth.community;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import io.shopops.growth.community.CommunityQueries.TaskFilter;
import io.shopops.growth.community.CommunityRequests.Range;
import io.shopops.growth.community.CommunityViews.SopRow;
import io.shopops.platform.ShopSettings;
import io.shopops.platform.UserDirectory;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;

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
 * Group SOPs: the form of a recurring post or task, pausing and resuming it, the task
 * list (mine or everyone's) and marking a task done or skipped.
 */
@Controller
@RequestMapping("/community")
class SopController {

	private final CommunityQueries queries;

	private final CommunityService service;

	private final UserDirectory users;

	private final ShopSettings settings;

	SopController(CommunityQueries queries, CommunityService service, UserDirectory users, ShopSettings settings) {
		this.queries = queries;
		this.service = service;
		this.users = users;
		this.settings = settings;
	}

	@GetMapping("/groups/{groupId:\\d+}/sops/new")
	String showCreateForm(@PathVariable long groupId, Authentication user, Model model) {
		String group = groupName(groupId);
		SopForm form = new SopForm();
		form.setKind(SopKind.POST);
		form.setSchedule(SopSchedule.WEEKLY);
		form.setDayOfWeek(DayOfWeek.TUESDAY);
		form.setAtTime(LocalTime.of(10, 0));
		form.setMinutesBefore(60);
		form.setAssignee(user.getName());
		model.addAttribute("sopForm", form);
		return form(model, groupId, group, null);
	}

	@PostMapping("/groups/{groupId:\\d+}/sops/new")
	String create(@PathVariable long groupId, @Valid @ModelAttribute("sopForm") SopForm form, BindingResult result,
			Model model, RedirectAttributes redirect) {
		String group = groupName(groupId);
		if (result.hasErrors()) {
			return form(model, groupId, group, null);
		}
		try {
			this.service.createSop(groupId, form);
			redirect.addFlashAttribute("message", "community.sop.flash.created");
			return "redirect:/community/groups/" + groupId;
		}
		catch (CommunityFormException ex) {
			result.rejectValue(ex.field(), ex.code(), ex.args(), null);
			return form(model, groupId, group, null);
		}
	}

	@GetMapping("/sops/{id:\\d+}/edit")
	String showEditForm(@PathVariable long id, Model model) {
		SopRow sop = find(id);
		SopForm form = new SopForm();
		form.setTitle(sop.title());
		form.setKind(sop.kind());
		form.setSchedule(sop.schedule());
		form.setDayOfWeek(sop.dayOfWeek());
		form.setDayOfMonth(sop.dayOfMonth());
		form.setAtTime(sop.atTime());
		form.setMinutesBefore(sop.minutesBefore());
		form.setAssignee(sop.assignee());
		form.setNotes(sop.notes());
		form.setVersion(sop.version());
		model.addAttribute("sopForm", form);
		return form(model, sop.groupId(), sop.groupName(), id);
	}

	@PostMapping("/sops/{id:\\d+}")
	String update(@PathVariable long id, @Valid @ModelAttribute("sopForm") SopForm form, BindingResult result,
			Model model, RedirectAttributes redirect) {
		SopRow sop = find(id);
		if (result.hasErrors()) {
			return form(model, sop.groupId(), sop.groupName(), id);
		}
		try {
			this.service.updateSop(id, form);
			redirect.addFlashAttribute("message", "community.sop.flash.updated");
			return "redirect:/community/groups/" + sop.groupId();
		}
		catch (CommunityFormException ex) {
			result.rejectValue(ex.field(), ex.code(), ex.args(), null);
			return form(model, sop.groupId(), sop.groupName(), id);
		}
	}

	@PostMapping("/sops/{id:\\d+}/pause")
	String pause(@PathVariable long id, RedirectAttributes redirect) {
		return pause(id, true, redirect);
	}

	@PostMapping("/sops/{id:\\d+}/resume")
	String resume(@PathVariable long id, RedirectAttributes redirect) {
		return pause(id, false, redirect);
	}

	private String pause(long id, boolean paused, RedirectAttributes redirect) {
		SopRow sop = find(id);
		boolean changed = this.service.pause(id, paused);
		redirect.addFlashAttribute("message", !changed ? "community.flash.unchanged"
				: (paused ? "community.sop.flash.paused" : "community.sop.flash.resumed"));
		return "redirect:/community/groups/" + sop.groupId();
	}

	@GetMapping("/tasks")
	String tasks(@RequestParam(required = false) String who, @RequestParam(required = false) String status,
			@RequestParam(required = false) String group, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to, @RequestParam(required = false) String page, Authentication user,
			HttpServletRequest request, Model model) {
		ZoneId zone = zone();
		LocalDate today = LocalDate.now(zone);
		boolean[] invalid = { false };
		Range range = CommunityRequests.range(from, to, today.minusDays(7), today.plusDays(7), invalid);
		String assignee = CommunityRequests.text(who, 64, invalid);
		if (assignee == null) {
			assignee = user.getName();
		}
		else if ("all".equals(assignee)) {
			assignee = null;
		}
		TaskStatus wanted = CommunityRequests.parse(TaskStatus.class, status, invalid);
		Long groupId = CommunityRequests.id(group, invalid);
		if (invalid[0]) {
			model.addAttribute("filterWarning", "community.list.filterInvalid");
		}
		TaskFilter filter = new TaskFilter(range.start(zone), range.end(zone), assignee, wanted, groupId);
		model.addAttribute("range", range);
		model.addAttribute("who", (assignee == null) ? "all" : assignee);
		model.addAttribute("status", wanted);
		model.addAttribute("groupId", groupId);
		model.addAttribute("page", this.queries.tasks(filter, CommunityRequests.pageNumber(page)));
		model.addAttribute("statuses", TaskStatus.values());
		model.addAttribute("users", this.users.enabledUsers());
		model.addAttribute("groups", this.queries.groupOptions());
		model.addAttribute("names", names());
		model.addAttribute("zone", zone);
		model.addAttribute("now", Instant.now());
		String query = request.getQueryString();
		model.addAttribute("back", safeBack("/community/tasks" + ((query != null) ? "?" + query : "")));
		return "growth/community/tasks";
	}

	@PostMapping("/tasks/{id:\\d+}/done")
	String done(@PathVariable long id, @RequestParam(required = false) String note,
			@RequestParam(required = false) String back, Authentication user, RedirectAttributes redirect) {
		return close(id, TaskStatus.DONE, note, back, user, redirect);
	}

	@PostMapping("/tasks/{id:\\d+}/skip")
	String skip(@PathVariable long id, @RequestParam(required = false) String note,
			@RequestParam(required = false) String back, Authentication user, RedirectAttributes redirect) {
		return close(id, TaskStatus.SKIPPED, note, back, user, redirect);
	}

	private String close(long id, TaskStatus status, String note, String back, Authentication user,
			RedirectAttributes redirect) {
		boolean manager = user.getAuthorities()
			.stream()
			.anyMatch((authority) -> "ROLE_MANAGER".equals(authority.getAuthority())
					|| "ROLE_ADMIN".equals(authority.getAuthority()));
		try {
			this.service.close(id, status, user.getName(), note, manager);
			redirect.addFlashAttribute("message", "community.task.flash." + status.name());
		}
		catch (CommunityRuleException ex) {
			redirect.addFlashAttribute("error", ex.code());
		}
		return "redirect:" + safeBack(back);
	}

	/**
	 * Where to go after closing a task: a local path only (never another site).
	 */
	static String safeBack(String back) {
		if (back == null || !back.startsWith("/") || back.startsWith("//") || back.contains("\\") || back.length() > 500
				|| back.chars().anyMatch((c) -> c < 0x20)) {
			return "/community/tasks";
		}
		return back;
	}

	private String form(Model model, long groupId, String groupName, Long id) {
		model.addAttribute("groupId", groupId);
		model.addAttribute("groupName", groupName);
		model.addAttribute("sopId", id);
		model.addAttribute("kinds", SopKind.values());
		model.addAttribute("schedules", SopSchedule.values());
		model.addAttribute("days", DayOfWeek.values());
		model.addAttribute("users", this.users.enabledUsers());
		return "growth/community/sop-form";
	}

	private String groupName(long groupId) {
		return this.queries.activeGroupName(groupId)
			.orElseThrow(() -> new CommunityNotFoundException("group", groupId));
	}

	private SopRow find(long id) {
		return this.queries.sop(id).orElseThrow(() -> new CommunityNotFoundException("sop", id));
	}

	private Map<String, String> names() {
		Map<String, String> names = new HashMap<>();
		this.users.enabledUsers().forEach((u) -> names.put(u.username().toLowerCase(Locale.ROOT), u.displayName()));
		return names;
	}

	private ZoneId zone() {
		return this.settings.current().timeZone();
	}

}
