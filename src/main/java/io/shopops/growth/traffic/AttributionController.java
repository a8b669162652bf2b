package io.shopops.growth.traffic;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import de.siegmar.fastcsv.writer.CsvWriter;
import io.shopops.platform.CsvCells;
import io.shopops.platform.ShopSettings;
import jakarta.servlet.http.HttpServletResponse;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The attribution page ({@code /traffic/attribution}): where a range of shop days' GMV
 * (by default yesterday's) came from, by sales channel, traffic source, campaign, content
 * piece, community group and rule, with spend and ROI; its CSV export; and the touch
 * window setting (managers). Dates that cannot be read, are in the wrong order or span
 * more than {@link #MAX_DAYS} days give a message and the default (or a shortened) range.
 */
@Controller
class AttributionController {

	static final int MAX_DAYS = 366;

	static final int RENDERED = 100;

	private final AttributionReport report;

	private final Attributions attributions;

	private final ShopSettings shop;

	private final MessageSource messages;

	private final ITemplateEngine templates;

	/**
	 * The report's totals and tables as HTML, per report (sums, names and spend) and
	 * language: most of what the page costs to render, so a manager reloading a range
	 * that did not change gets them without rendering them again.
	 */
	private final Map<Rendered, String> rendered = new LinkedHashMap<>(32, 0.75f, true) {

		@Override
		protected boolean removeEldestEntry(Map.Entry<Rendered, String> eldest) {
			return size() > RENDERED;
		}

	};

	AttributionController(AttributionReport report, Attributions attributions, ShopSettings shop,
			MessageSource messages, ITemplateEngine templates) {
		this.report = report;
		this.attributions = attributions;
		this.shop = shop;
		this.messages = messages;
		this.templates = templates;
	}

	@GetMapping("/traffic/attribution")
	String index(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			Authentication user, Model model) {
		List<String> problems = new ArrayList<>();
		LocalDate[] range = range(from, to, problems);
		model.addAttribute("from", range[0]);
		model.addAttribute("to", range[1]);
		model.addAttribute("maxDays", MAX_DAYS);
		model.addAttribute("problems", problems.stream().distinct().toList());
		AttributionReport.Report report = this.report.report(range[0], range[1]);
		model.addAttribute("report", report);
		model.addAttribute("reportHtml", report.isEmpty() ? "" : render(report));
		model.addAttribute("windowDays", this.attributions.windowDays());
		boolean manager = isManager(user);
		model.addAttribute("canEdit", manager);
		model.addAttribute("rework", manager ? this.attributions.pendingRework() : null);
		model.addAttribute("csvUrl",
				UriComponentsBuilder.fromPath("/traffic/attribution.csv")
					.queryParam("from", range[0])
					.queryParam("to", range[1])
					.build()
					.toUriString());
		return "growth/traffic/attribution";
	}

	@GetMapping("/traffic/attribution.csv")
	void csv(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			HttpServletResponse response) throws IOException {
		LocalDate[] range = range(from, to, new ArrayList<>());
		AttributionReport.Report report = this.report.report(range[0], range[1]);
		Locale locale = LocaleContextHolder.getLocale();
		response.setContentType("text/csv;charset=UTF-8");
		response.setHeader("Content-Disposition",
				ContentDisposition.attachment()
					.filename("attribution-" + range[0] + "-" + range[1] + ".csv")
					.build()
					.toString());
		Writer writer = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
		writer.write('\uFEFF');
		CsvWriter out = CsvWriter.builder().build(writer);
		List<String> header = new ArrayList<>();
		for (String key : List.of("section", "key", "name", "orders", "gmv", "refunds", "refundAmount", "net", "spend",
				"roi")) {
			header.add(message("attribution.csv." + key, locale));
		}
		out.writeRecord(header);
		write(out, "total", List.of(report.totals()), locale);
		write(out, "channel", report.channels(), locale);
		write(out, "source", report.sources(), locale);
		write(out, "campaign", report.campaigns(), locale);
		write(out, "piece", report.pieces(), locale);
		write(out, "group", report.groups(), locale);
		write(out, "rule", report.rules(), locale);
		out.close();
	}

	@PostMapping("/traffic/attribution/window")
	String window(@RequestParam(required = false) String days, RedirectAttributes redirect) {
		int value;
		try {
			value = Integer.parseInt((days != null) ? days.strip() : "");
		}
		catch (NumberFormatException ex) {
			value = -1;
		}
		if (value < 1 || value > 90) {
			redirect.addFlashAttribute("error", "attribution.window.invalid");
			return "redirect:/traffic/attribution";
		}
		boolean changed = this.attributions.changeWindow(value);
		redirect.addFlashAttribute("message", changed ? "attribution.window.saved" : "attribution.window.unchanged");
		return "redirect:/traffic/attribution";
	}

	private String render(AttributionReport.Report report) {
		Locale locale = LocaleContextHolder.getLocale();
		Rendered key = new Rendered(report, locale);
		synchronized (this.rendered) {
			String html = this.rendered.get(key);
			if (html != null) {
				return html;
			}
		}
		String html = this.templates.process("growth/traffic/attribution-report", Set.of("report"),
				new Context(locale, Map.of("report", report)));
		synchronized (this.rendered) {
			this.rendered.put(key, html);
		}
		return html;
	}

	private record Rendered(AttributionReport.Report report, Locale locale) {
	}

	private void write(CsvWriter out, String section, List<AttributionReport.Line> lines, Locale locale) {
		String sectionName = message("attribution.section." + section, locale);
		for (AttributionReport.Line line : lines) {
			String name = line.label();
			if (name == null) {
				name = switch (section) {
					case "source" -> message("traffic.source." + line.key(), locale);
					case "rule" -> message("attribution.rule." + line.key(), locale);
					case "total" -> message("attribution.totals", locale);
					default -> (line.key().isEmpty()) ? message("attribution.noChannel", locale) : line.key();
				};
			}
			List<String> cells = new ArrayList<>();
			cells.add(CsvCells.neutralize(sectionName));
			cells.add(CsvCells.neutralize(line.key()));
			cells.add(CsvCells.neutralize(name));
			cells.add(String.valueOf(line.orders()));
			cells.add(plain(line.gmv()));
			cells.add(String.valueOf(line.refunds()));
			cells.add(plain(line.refundAmount()));
			cells.add(plain(line.net()));
			cells.add(plain(line.spend()));
			cells.add(plain("total".equals(section) ? line.grossRoi() : line.roi()));
			out.writeRecord(cells);
		}
	}

	private static String plain(BigDecimal value) {
		return (value != null) ? CsvCells.neutralize(value.toPlainString()) : "";
	}

	private String message(String key, Locale locale) {
		return this.messages.getMessage(key, null, key, locale);
	}

	/** The range asked for, or yesterday, with problems for what could not be used. */
	private LocalDate[] range(String from, String to, List<String> problems) {
		ZoneId zone = this.shop.current().timeZone();
		LocalDate yesterday = LocalDate.now(zone).minusDays(1);
		LocalDate end = parse(to, problems);
		LocalDate start = parse(from, problems);
		if (end == null) {
			end = (start != null && start.isAfter(yesterday)) ? start : yesterday;
		}
		if (start == null) {
			start = end;
		}
		if (start.isAfter(end)) {
			problems.add("attribution.range.order");
			start = yesterday;
			end = yesterday;
		}
		if (ChronoUnit.DAYS.between(start, end) >= MAX_DAYS) {
			problems.add("attribution.range.long");
			start = end.minusDays(MAX_DAYS - 1);
		}
		return new LocalDate[] { start, end };
	}

	/** A date from 2000 to 9999, or {@code null} (with a problem if it was given). */
	private static LocalDate parse(String value, List<String> problems) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			LocalDate date = LocalDate.parse(value.strip());
			if (date.getYear() < 2000 || date.getYear() > 9999) {
				problems.add("attribution.date.range");
				return null;
			}
			return date;
		}
		catch (DateTimeParseException ex) {
			problems.add("attribution.date.invalid");
			return null;
		}
	}

	private static boolean isManager(Authentication user) {
		return user != null && user.getAuthorities()
			.stream()
			.anyMatch((a) -> "ROLE_MANAGER".equals(a.getAuthority()) || "ROLE_ADMIN".equals(a.getAuthority()));
	}

}
