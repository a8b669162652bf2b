package io.shopops.dashboard;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import de.siegmar.fastcsv.writer.CsvWriter;
import io.shopops.dashboard.KpiRange.InvalidKpiRequestException;
import io.shopops.dashboard.KpiReports.KpiReport;
import io.shopops.fulfilment.order.SalesChannel;
import io.shopops.fulfilment.order.SalesChannels;
import io.shopops.platform.CsvCells;
import io.shopops.platform.Role;
import io.shopops.platform.ShopSettings;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The managers' daily KPI page, its stable JSON for scripts and its CSV export.
 */
@Controller
class DashboardController {

	private final KpiReports reports;

	private final SalesChannels channels;

	private final ShopSettings settings;

	private final MessageSource messages;

	private final OperationsPanel operations;

	private final KpiFunnel funnel;

	private final KpiBreakdowns breakdowns;

	DashboardController(KpiReports reports, SalesChannels channels, ShopSettings settings, MessageSource messages,
			OperationsPanel operations, KpiFunnel funnel, KpiBreakdowns breakdowns) {
		this.reports = reports;
		this.breakdowns = breakdowns;
		this.operations = operations;
		this.funnel = funnel;
		this.channels = channels;
		this.settings = settings;
		this.messages = messages;
	}

	@GetMapping("/dashboard")
	String index(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			@RequestParam(required = false) String channel, Model model, HttpServletRequest request,
			Authentication user) {
		ZoneId zone = this.settings.current().timeZone();
		KpiRange range;
		String code;
		String problem = null;
		try {
			range = KpiRange.parse(from, to, zone);
			code = KpiRange.channel(channel);
		}
		catch (InvalidKpiRequestException ex) {
			problem = ex.messageKey();
			range = KpiRange.parse(null, null, zone);
			code = null;
		}
		Locale locale = LocaleContextHolder.getLocale();
		KpiReport report = this.reports.report(range, code);
		KpiRow previous = this.reports.totals(range.previous(), code);
		KpiRow weekEarlier = this.reports.totals(range.weekEarlier(), code);
		List<Tile> tiles = new ArrayList<>();
		for (String field : KpiRow.KPIS) {
			Object value = report.totals().value(field);
			tiles.add(new Tile(field, KpiFormat.value(field, value, locale),
					comparison(field, value, previous.value(field), locale),
					comparison(field, value, weekEarlier.value(field), locale)));
		}
		List<TableRow> days = new ArrayList<>();
		for (KpiRow row : report.days()) {
			days.add(new TableRow(row.date().toString(), cells(row, locale)));
		}
		List<TableRow> byChannel = new ArrayList<>();
		Map<String, String> names = channelNames();
		for (Map.Entry<String, KpiRow> entry : this.reports.byChannel(range).entrySet()) {
			byChannel
				.add(new TableRow(names.getOrDefault(entry.getKey(), entry.getKey()), cells(entry.getValue(), locale)));
		}
		LocalDate yesterday = LocalDate.now(zone).minusDays(1);
		model.addAttribute("range", range);
		model.addAttribute("channel", code);
		model.addAttribute("channels", this.channels.list());
		model.addAttribute("problem", problem);
		model.addAttribute("zone", report.zone().getId());
		model.addAttribute("kpis", KpiRow.KPIS);
		model.addAttribute("tiles", tiles);
		model.addAttribute("days", days);
		model.addAttribute("totals", cells(report.totals(), locale));
		model.addAttribute("byChannel", byChannel);
		model.addAttribute("empty", report.totals().paidOrders() == 0 && report.totals().refundAmount().signum() == 0);
		model.addAttribute("single", range.days() == 1);
		model.addAttribute("yesterday", yesterday);
		model.addAttribute("weekStart", yesterday.minusDays(6));
		model.addAttribute("monthStart", yesterday.minusDays(29));
		model.addAttribute("jsonUrl", url("/dashboard/kpi", range, code));
		model.addAttribute("csvUrl", url("/dashboard/kpi.csv", range, code));
		model.addAttribute("operations", this.operations.visibleTo(user));
		List<FunnelRow> funnelRows = new ArrayList<>();
		this.funnel.funnel(range, code)
			.ifPresent((steps) -> steps.forEach((step) -> funnelRows.add(new FunnelRow(step.key(),
					KpiFormat.value("paidOrders", step.count(), locale), step.share(),
					(step.conversion() != null) ? KpiFormat.value("conversion", step.conversion(), locale) : null))));
		model.addAttribute("funnel", funnelRows);
		model.addAttribute("products",
				this.breakdowns.products(range, code)
					.stream()
					.map((p) -> new BreakdownRow(p.sku(), p.title(), KpiFormat.value("paidOrders", p.units(), locale),
							KpiFormat.value("paidOrders", p.orders(), locale), KpiFormat.value("gmv", p.gmv(), locale)))
					.toList());
		model.addAttribute("categories",
				this.breakdowns.categories(range, code)
					.stream()
					.map((c) -> new BreakdownRow(c.path(), null, KpiFormat.value("paidOrders", c.units(), locale), null,
							KpiFormat.value("gmv", c.gmv(), locale)))
					.toList());
		model.addAttribute("contents", sourceRows(this.breakdowns.contents(range, code), locale));
		model.addAttribute("campaigns", sourceRows(this.breakdowns.campaigns(range, code), locale));
		model.addAttribute("canVerify", request.isUserInRole(Role.ADMIN.name()));
		return "dashboard/index";
	}

	@GetMapping(path = "/dashboard/kpi", produces = MediaType.APPLICATION_JSON_VALUE)
	@ResponseBody
	ResponseEntity<String> json(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			@RequestParam(required = false) String channel) {
		try {
			KpiRange range = KpiRange.parse(from, to, this.settings.current().timeZone());
			String code = KpiRange.channel(channel);
			return ResponseEntity.ok()
				.contentType(MediaType.APPLICATION_JSON)
				.body(KpiJson.report(this.reports.report(range, code)));
		}
		catch (InvalidKpiRequestException ex) {
			String message = this.messages.getMessage(ex.messageKey(), null, LocaleContextHolder.getLocale());
			return ResponseEntity.badRequest()
				.contentType(MediaType.APPLICATION_JSON)
				.body(KpiJson.error(ex.messageKey(), message));
		}
	}

	@GetMapping(path = "/dashboard/kpi", produces = MediaType.TEXT_HTML_VALUE)
	String jsonInABrowser(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			@RequestParam(required = false) String channel) {
		return "redirect:" + UriComponentsBuilder.fromPath("/dashboard")
			.queryParamIfPresent("from", java.util.Optional.ofNullable(from))
			.queryParamIfPresent("to", java.util.Optional.ofNullable(to))
			.queryParamIfPresent("channel", java.util.Optional.ofNullable(channel))
			.encode()
			.build()
			.toUriString();
	}

	@GetMapping("/dashboard/kpi.csv")
	void csv(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			@RequestParam(required = false) String channel, HttpServletResponse response) throws IOException {
		KpiRange range;
		String code;
		try {
			range = KpiRange.parse(from, to, this.settings.current().timeZone());
			code = KpiRange.channel(channel);
		}
		catch (InvalidKpiRequestException ex) {
			response.sendError(HttpServletResponse.SC_BAD_REQUEST);
			return;
		}
		KpiReport report = this.reports.report(range, code);
		Locale locale = LocaleContextHolder.getLocale();
		response.setContentType("text/csv;charset=UTF-8");
		response.setHeader("Content-Disposition",
				ContentDisposition.attachment()
					.filename("kpi-" + range.from() + "-" + range.to() + ".csv")
					.build()
					.toString());
		Writer writer = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
		writer.write('\uFEFF');
		CsvWriter out = CsvWriter.builder().build(writer);
		List<String> header = new ArrayList<>();
		header.add(this.messages.getMessage("kpi.date", null, locale));
		for (String field : KpiRow.KPIS) {
			header.add(this.messages.getMessage("kpi." + field, null, locale));
		}
		out.writeRecord(header);
		for (KpiRow row : report.days()) {
			out.writeRecord(csvCells(row.date().toString(), row));
		}
		out.writeRecord(csvCells(this.messages.getMessage("kpi.totals", null, locale), report.totals()));
		out.close();
	}

	private static List<String> csvCells(String first, KpiRow row) {
		List<String> cells = new ArrayList<>();
		cells.add(CsvCells.neutralize(first));
		for (String field : KpiRow.KPIS) {
			Object value = row.value(field);
			String text;
			if (value == null) {
				text = "";
			}
			else if (value instanceof BigDecimal decimal) {
				text = decimal.setScale(KpiRow.isMoney(field) ? 2 : 4, java.math.RoundingMode.HALF_UP).toPlainString();
			}
			else {
				text = value.toString();
			}
			cells.add(CsvCells.neutralize(text));
		}
		return cells;
	}

	private static List<BreakdownRow> sourceRows(List<KpiBreakdowns.Source> sources, Locale locale) {
		return sources.stream()
			.map((source) -> new BreakdownRow(source.code(), null, null,
					KpiFormat.value("paidOrders", source.orders(), locale),
					KpiFormat.value("gmv", source.gmv(), locale)))
			.toList();
	}

	private Map<String, String> channelNames() {
		Map<String, String> names = new java.util.HashMap<>();
		for (SalesChannel channel : this.channels.list()) {
			names.put(channel.code(), channel.name());
		}
		return names;
	}

	private static List<String> cells(KpiRow row, Locale locale) {
		List<String> cells = new ArrayList<>();
		for (String field : KpiRow.KPIS) {
			cells.add(KpiFormat.value(field, row.value(field), locale));
		}
		return cells;
	}

	private static Comparison comparison(String field, Object now, Object before, Locale locale) {
		BigDecimal change = KpiFormat.change(now, before);
		String direction = (change == null || change.signum() == 0) ? "flat" : (change.signum() > 0) ? "up" : "down";
		String tone = "neutral";
		if (!direction.equals("flat")) {
			boolean good = direction.equals("up") != KpiFormat.lowerIsBetter(field);
			tone = good ? "good" : "bad";
		}
		return new Comparison(change != null, KpiFormat.changeText(change, locale), direction, tone,
				KpiFormat.value(field, before, locale));
	}

	private static String url(String path, KpiRange range, String channel) {
		UriComponentsBuilder url = UriComponentsBuilder.fromPath(path)
			.queryParam("from", range.from())
			.queryParam("to", range.to());
		if (channel != null) {
			url.queryParam("channel", channel);
		}
		return url.encode().build().toUriString();
	}

	/**
	 * A KPI tile: the value of the range and its changes.
	 */
	record Tile(String field, String value, Comparison previous, Comparison weekEarlier) {
	}

	/**
	 * The change of a KPI against an earlier period.
	 *
	 * @param known whether the change could be computed
	 * @param text e.g. {@code +12.5%}, "—" when it cannot be computed
	 * @param direction {@code up}, {@code down} or {@code flat}
	 * @param tone {@code good}, {@code bad} or {@code neutral}
	 * @param before the earlier period's value
	 */
	record Comparison(boolean known, String text, String direction, String tone, String before) {
	}

	/**
	 * A step of the funnel as shown.
	 *
	 * @param key the step's name
	 * @param count the formatted count
	 * @param share the percentage of the first step, for the bar
	 * @param conversion the formatted conversion from the step before, {@code null} for
	 * none
	 */
	record FunnelRow(String key, String count, int share, String conversion) {
	}

	/**
	 * A row of a breakdown, formatted.
	 *
	 * @param code the SKU, content code or campaign
	 * @param title a product's title, {@code null} otherwise
	 * @param units a product's units, {@code null} otherwise
	 * @param orders the paid orders
	 * @param gmv the GMV
	 */
	record BreakdownRow(String code, String title, String units, String orders, String gmv) {
	}

	/**
	 * A row of a KPI table: its label and one formatted cell per KPI.
	 */
	record TableRow(String label, List<String> cells) {
	}

}
