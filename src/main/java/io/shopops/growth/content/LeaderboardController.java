package io.shopops.growth.content;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

import io.shopops.platform.ShopSettings;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The content leaderboard: pieces ranked by attributed GMV, views or engagement for a
 * period (the last 30 days by default).
 */
@Controller
class LeaderboardController {

	static final int MAX_DAYS = 366;

	private final ContentQueries queries;

	private final ShopSettings settings;

	LeaderboardController(ContentQueries queries, ShopSettings settings) {
		this.queries = queries;
		this.settings = settings;
	}

	@GetMapping("/content/leaderboard")
	String leaderboard(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			@RequestParam(required = false) String sort, Model model) {
		ZoneId zone = this.settings.current().timeZone();
		LocalDate today = LocalDate.now(zone);
		boolean[] invalid = { false };
		LocalDate last = date(to, invalid);
		if (last == null) {
			last = today;
		}
		LocalDate first = date(from, invalid);
		if (first == null) {
			first = last.minusDays(29);
		}
		if (first.isAfter(last) || first.plusDays(MAX_DAYS).isBefore(last)) {
			invalid[0] = true;
			last = today;
			first = today.minusDays(29);
		}
		LeaderboardSort order = ContentController.parse(LeaderboardSort.class, sort, invalid);
		if (order == null) {
			order = LeaderboardSort.GMV;
		}
		if (invalid[0]) {
			model.addAttribute("filterWarning", "content.leaderboard.filterInvalid");
		}
		model.addAttribute("from", first);
		model.addAttribute("to", last);
		model.addAttribute("sort", order);
		model.addAttribute("sorts", LeaderboardSort.values());
		model.addAttribute("rows", this.queries.leaderboard(first, last, order, zone));
		return "growth/content/leaderboard";
	}

	private static LocalDate date(String text, boolean[] invalid) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			LocalDate date = LocalDate.parse(text.strip());
			if (date.getYear() < 2000 || date.getYear() > 2100) {
				invalid[0] = true;
				return null;
			}
			return date;
		}
		catch (DateTimeParseException ex) {
			invalid[0] = true;
			return null;
		}
	}

}
