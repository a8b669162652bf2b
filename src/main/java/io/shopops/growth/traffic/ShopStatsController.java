package io.shopops.growth.traffic;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import io.shopops.platform.ShopSettings;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The imported shop statistics by day and channel, with their totals, CTR and conversion.
 */
@Controller
class ShopStatsController {

	static final int DEFAULT_DAYS = 30;

	static final int MAX_DAYS = 366;

	private final ShopStats stats;

	private final ShopSettings shop;

	ShopStatsController(ShopStats stats, ShopSettings shop) {
		this.stats = stats;
		this.shop = shop;
	}

	@GetMapping("/traffic/stats")
	String list(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			@RequestParam(required = false) String channel, @RequestParam(required = false) String page,
			Authentication user, Model model) {
		ZoneId zone = this.shop.current().timeZone();
		LocalDate today = LocalDate.now(zone);
		List<String> problems = new ArrayList<>();
		LocalDate end = parse(to, problems);
		LocalDate start = parse(from, problems);
		if (end == null) {
			end = today;
		}
		if (start == null) {
			start = end.minusDays(DEFAULT_DAYS - 1);
		}
		if (start.isAfter(end)) {
			problems.add("stats.range.order");
			end = today;
			start = end.minusDays(DEFAULT_DAYS - 1);
		}
		if (ChronoUnit.DAYS.between(start, end) >= MAX_DAYS) {
			problems.add("stats.range.long");
			start = end.minusDays(MAX_DAYS - 1);
		}
		List<String> channels = this.stats.channels();
		String chosen = null;
		if (channel != null && !channel.isBlank()) {
			chosen = channels.stream()
				.filter((code) -> code.equalsIgnoreCase(channel.strip()))
				.findFirst()
				.orElse(null);
			if (chosen == null) {
				problems.add("stats.channel.unknown");
			}
		}
		int number = 1;
		try {
			number = (page != null) ? Math.max(1, Integer.parseInt(page.strip())) : 1;
		}
		catch (NumberFormatException ex) {
			number = 1;
		}
		model.addAttribute("from", start);
		model.addAttribute("to", end);
		model.addAttribute("channel", chosen);
		model.addAttribute("channels", channels);
		model.addAttribute("problems", problems);
		model.addAttribute("maxDays", MAX_DAYS);
		model.addAttribute("canImport",
				user != null && user.getAuthorities()
					.stream()
					.anyMatch((authority) -> "ROLE_ADMIN".equals(authority.getAuthority())));
		model.addAttribute("page", this.stats.page(start, end, chosen, number));
		return "growth/traffic/stats";
	}

	private static LocalDate parse(String text, List<String> problems) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			LocalDate date = LocalDate.parse(text.strip());
			if (date.getYear() >= 2000 && date.getYear() <= 2100) {
				return date;
			}
		}
		catch (DateTimeParseException ex) {
			// reported below
		}
		if (!problems.contains("stats.range.invalid")) {
			problems.add("stats.range.invalid");
		}
		return null;
	}

}
