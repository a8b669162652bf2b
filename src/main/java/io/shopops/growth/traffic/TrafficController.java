package io.shopops.growth.traffic;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import io.shopops.platform.ShopSettings;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The traffic overview ({@code /traffic}): the collected traffic of a range of shop days
 * (by default the last 7), optionally of one site. Dates that cannot be read, lie out of
 * range, are in the wrong order or span more than {@link #MAX_DAYS} days give a message
 * and the default (or a shortened) range, never an error page.
 */
@Controller
class TrafficController {

	static final int DEFAULT_DAYS = 7;

	static final int MAX_DAYS = 366;

	private final TrafficOverview overview;

	private final Sites sites;

	private final ShopSettings shop;

	TrafficController(TrafficOverview overview, Sites sites, ShopSettings shop) {
		this.overview = overview;
		this.sites = sites;
		this.shop = shop;
	}

	@GetMapping("/traffic")
	String index(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			@RequestParam(required = false) String site, Model model) {
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
			problems.add("traffic.overview.range.order");
			end = today;
			start = end.minusDays(DEFAULT_DAYS - 1);
		}
		if (ChronoUnit.DAYS.between(start, end) >= MAX_DAYS) {
			problems.add("traffic.overview.range.long");
			start = end.minusDays(MAX_DAYS - 1);
		}
		List<Sites.Site> all = this.sites.list();
		Long siteId = null;
		if (site != null && !site.isBlank()) {
			siteId = all.stream()
				.filter((s) -> String.valueOf(s.id()).equals(site.strip()))
				.map(Sites.Site::id)
				.findFirst()
				.orElse(null);
			if (siteId == null) {
				problems.add("traffic.overview.site.unknown");
			}
		}
		model.addAttribute("from", start);
		model.addAttribute("to", end);
		model.addAttribute("siteId", siteId);
		model.addAttribute("sites", all);
		model.addAttribute("maxDays", MAX_DAYS);
		model.addAttribute("problems", problems.stream().distinct().toList());
		model.addAttribute("report", this.overview.report(start, end, zone, siteId));
		return "growth/traffic/index";
	}

	/** A date from 2000 to 9999, or {@code null} (with a problem if it was given). */
	private static LocalDate parse(String value, List<String> problems) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			LocalDate date = LocalDate.parse(value.strip());
			if (date.getYear() < 2000 || date.getYear() > 9999) {
				problems.add("traffic.overview.date.range");
				return null;
			}
			return date;
		}
		catch (DateTimeParseException ex) {
			problems.add("traffic.overview.date.invalid");
			return null;
		}
	}

}
