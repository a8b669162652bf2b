package io.shopops.platform.web;

import java.util.List;

import io.shopops.platform.WorkQueue;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The operator home: every module's work queues the user may open, with their counts.
 */
@Controller
class HomeController {

	private final List<WorkQueue> queues;

	private final Navigation navigation;

	HomeController(List<WorkQueue> queues, Navigation navigation) {
		this.queues = queues;
		this.navigation = navigation;
	}

	@GetMapping("/")
	String home(Authentication user, Model model) {
		List<QueueCard> cards = this.queues.stream()
			.filter((queue) -> this.navigation.canOpen(user, queue.path()))
			.map((queue) -> new QueueCard(queue.labelKey(), queue.path(), queue.icon(), queue.count()))
			.toList();
		model.addAttribute("cards", cards);
		return "platform/home";
	}

	record QueueCard(String labelKey, String path, String icon, long count) {
	}

}
