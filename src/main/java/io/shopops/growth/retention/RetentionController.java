package io.shopops.growth.retention;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import de.siegmar.fastcsv.writer.CsvWriter;
import io.shopops.platform.CsvCells;
import io.shopops.platform.Role;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.ContentDisposition;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The managers' repurchase and LTV pages: the cohort table and LTV curves, the repurchase
 * rate per period and the time between orders ({@code /crm/retention}); the repurchase
 * cycles of products and the customers due to buy again, with a CSV export
 * ({@code /crm/retention/due}).
 */
@Controller
class RetentionController {

	static final int PAGE_SIZE = 50;

	static final List<String> EXPORT_HEADER = List.of("customer_id", "name", "phone", "email", "product_id", "product",
			"cycle_days", "last_purchase_at", "purchases", "days_since", "days_overdue");

	private final RetentionReports reports;

	private final RepurchaseCycles cycles;

	RetentionController(RetentionReports reports, RepurchaseCycles cycles) {
		this.reports = reports;
		this.cycles = cycles;
	}

	@GetMapping("/crm/retention")
	String cohorts(@RequestParam(required = false) String months, @RequestParam(required = false) String period,
			Authentication user, Model model) {
		requireManager(user);
		int shown = number(months, 12, 3, 36);
		RetentionReports.PeriodKind kind = RetentionReports.PeriodKind.parse(period);
		ZoneId zone = this.reports.zone();
		LocalDate today = LocalDate.now(zone);
		List<RetentionReports.Cohort> cohorts = this.reports.cohorts(shown, today);
		List<RetentionReports.GapBucket> gaps = this.reports.gaps();
		model.addAttribute("months", shown);
		model.addAttribute("monthChoices", List.of(6, 12, 24, 36));
		model.addAttribute("offsets", java.util.stream.IntStream.rangeClosed(1, RetentionMath.MONTHS).boxed().toList());
		model.addAttribute("cohorts", cohorts);
		model.addAttribute("ltvJson", ltvJson(cohorts));
		model.addAttribute("period", kind);
		model.addAttribute("periodKinds", RetentionReports.PeriodKind.values());
		model.addAttribute("periods",
				this.reports.periods(kind, (kind == RetentionReports.PeriodKind.YEAR) ? 5 : 12, today));
		model.addAttribute("gaps", gaps);
		model.addAttribute("gapTotal", gaps.stream().mapToLong(RetentionReports.GapBucket::gaps).sum());
		model.addAttribute("zone", zone.getId());
		return "growth/retention/cohorts";
	}

	@GetMapping("/crm/retention/due")
	String due(@RequestParam(required = false) String product, @RequestParam(required = false) String page,
			Authentication user, Model model) {
		requireManager(user);
		List<RepurchaseCycles.Cycle> all = this.cycles.cycles();
		model.addAttribute("cycles", all);
		Optional<RepurchaseCycles.Cycle> chosen = chosen(product, all);
		model.addAttribute("cycle", chosen.orElse(null));
		if (chosen.isPresent()) {
			RepurchaseCycles.Cycle cycle = chosen.get();
			model.addAttribute("due", this.reports.due(cycle, number(page, 0, 0, Integer.MAX_VALUE / PAGE_SIZE),
					PAGE_SIZE, Instant.now()));
			model.addAttribute("baseUrl", "/crm/retention/due?product=" + cycle.productId());
		}
		model.addAttribute("zone", this.reports.zone());
		return "growth/retention/due";
	}

	@GetMapping("/crm/retention/due.csv")
	void exportDue(@RequestParam(required = false) String product, Authentication user, HttpServletResponse response)
			throws IOException {
		requireManager(user);
		RepurchaseCycles.Cycle cycle = chosen(product, this.cycles.cycles())
			.orElseThrow(() -> new org.springframework.web.server.ResponseStatusException(
					org.springframework.http.HttpStatus.NOT_FOUND, "no repurchase cycle for this product"));
		DateTimeFormatter format = DateTimeFormatter.ISO_OFFSET_DATE_TIME.withZone(this.reports.zone());
		response.setContentType("text/csv;charset=UTF-8");
		response.setHeader("Content-Disposition",
				ContentDisposition.attachment()
					.filename("repurchase-due-" + cycle.productId() + ".csv")
					.build()
					.toString());
		Writer writer = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
		writer.write('\uFEFF');
		CsvWriter csv = CsvWriter.builder().build(writer);
		csv.writeRecord(EXPORT_HEADER);
		this.reports.forEachDue(cycle, Instant.now(), (due) -> csv.writeRecord(Long.toString(due.customerId()),
				CsvCells.neutralize(due.name()), CsvCells.neutralize(due.phone()), CsvCells.neutralize(due.email()),
				Long.toString(cycle.productId()), CsvCells.neutralize(cycle.title()),
				Integer.toString(cycle.cycleDays()), format.format(due.lastPurchaseAt()),
				Long.toString(due.purchases()), Long.toString(due.daysSince()), Long.toString(due.daysOverdue())));
		csv.close();
	}

	@PostMapping("/crm/retention/cycles")
	String saveCycle(@RequestParam(required = false) String product, @RequestParam(required = false) String days,
			Authentication user, RedirectAttributes redirect) {
		requireManager(user);
		Integer cycleDays = integer(days);
		try {
			RepurchaseCycles.Cycle cycle = this.cycles.save(product, cycleDays, user.getName());
			redirect.addFlashAttribute("message", "retention.cycle.flash.saved");
			return "redirect:/crm/retention/due?product=" + cycle.productId();
		}
		catch (RepurchaseCycles.CycleException ex) {
			redirect.addFlashAttribute("error", ex.code());
			return "redirect:/crm/retention/due";
		}
	}

	@PostMapping("/crm/retention/cycles/delete")
	String deleteCycle(@RequestParam(required = false) String product, Authentication user,
			RedirectAttributes redirect) {
		requireManager(user);
		Long id = id(product);
		if (id != null && this.cycles.remove(id)) {
			redirect.addFlashAttribute("message", "retention.cycle.flash.removed");
		}
		else {
			redirect.addFlashAttribute("error", "retention.cycle.notFound");
		}
		return "redirect:/crm/retention/due";
	}

	private static Optional<RepurchaseCycles.Cycle> chosen(String product, List<RepurchaseCycles.Cycle> all) {
		Long id = id(product);
		if (id == null) {
			return Optional.empty();
		}
		return all.stream().filter((c) -> c.productId() == id).findFirst();
	}

	/**
	 * The LTV curves as JSON for the chart: per cohort its label, size and cumulative net
	 * spend per customer for months 0..12 ({@code null} when not reached).
	 */
	static String ltvJson(List<RetentionReports.Cohort> cohorts) {
		List<String> series = new ArrayList<>();
		for (RetentionReports.Cohort cohort : cohorts) {
			String values = cohort.ltv()
				.stream()
				.map((v) -> (v != null) ? v.toPlainString() : "null")
				.collect(Collectors.joining(",", "[", "]"));
			series.add("{\"cohort\":\"" + cohort.cohort().toString().substring(0, 7) + "\",\"customers\":"
					+ cohort.customers() + ",\"ltv\":" + values + "}");
		}
		return "{\"cohorts\":" + series.stream().collect(Collectors.joining(",", "[", "]")) + "}";
	}

	/** A rate as a percentage with one decimal, "—" for none. */
	static String percent(BigDecimal rate) {
		return (rate != null) ? rate.movePointRight(2).setScale(1, java.math.RoundingMode.HALF_UP).toPlainString() + "%"
				: "—";
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

	static void requireManager(Authentication user) {
		if (!manager(user)) {
			throw new AccessDeniedException("managers only");
		}
	}

	private static int number(String value, int fallback, int min, int max) {
		Integer parsed = integer(value);
		if (parsed == null) {
			return fallback;
		}
		return Math.max(min, Math.min(max, parsed));
	}

	private static Integer integer(String value) {
		if (value == null || value.isBlank() || value.strip().length() > 9) {
			return null;
		}
		try {
			return Integer.parseInt(value.strip());
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	private static Long id(String value) {
		if (value == null || value.isBlank() || value.strip().length() > 18) {
			return null;
		}
		try {
			return Long.parseLong(value.strip());
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

}
