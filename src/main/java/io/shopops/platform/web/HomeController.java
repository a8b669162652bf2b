package io.shopops.platform.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;

import io.shopops.platform.ShopSettings;
import io.shopops.platform.StaffTasks;
import io.shopops.platform.StaffTasks.StaffTask;
import io.shopops.platform.WorkQueue;
import io.shopops.platform.WorkQueueCounts;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The operator home: the user's own tasks due today (and overdue ones), then every
 * module's work queues the user may open, with their counts (each at most
 * {@code shopops.home.count-ttl} old, see {@link WorkQueueCounts}).
 */
@Controller
class HomeController {

	private final List<WorkQueue> queues;

	static final int MAX_TASKS = 20;

	private final Navigation navigation;

	private final List<StaffTasks> tasks;

	private final ShopSettings settings;

	private final WorkQueueCounts counts;

	HomeController(List<WorkQueue> queues, Navigation navigation, List<StaffTasks> tasks, ShopSettings settings,
			WorkQueueCounts counts) {
		this.queues = queues;
		this.counts = counts;
		this.navigation = navigation;
		this.tasks = tasks;
		this.settings = settings;
	}

	@GetMapping("/")
	String home(Authentication user, Model model) {
		List<QueueCard> cards = this.queues.stream()
			.filter((queue) -> this.navigation.canOpen(user, queue.path()))
			.map((queue) -> new QueueCard(queue.labelKey(), queue.path(), queue.icon(), this.counts.count(queue)))
			.toList();
		model.addAttribute("cards", cards);
		ZoneId zone = this.settings.current().timeZone();
		Instant until = LocalDate.now(zone).plusDays(1).atStartOfDay(zone).toInstant();
		List<StaffTask> mine = this.tasks.stream()
			.flatMap((source) -> source.openFor(user.getName(), until, MAX_TASKS).stream())
			.filter((task) -> this.navigation.canOpen(user, task.path()))
			.sorted(Comparator.comparing(StaffTask::dueAt))
			.limit(MAX_TASKS)
			.toList();
		model.addAttribute("tasks", mine);
		model.addAttribute("zone", zone);
		model.addAttribute("now", Instant.now());
		return "platform/home";
	}

	record QueueCard(String labelKey, String path, String icon, long count) {
	}

}
