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
import java.util.Set;

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
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

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

	private final ITemplateEngine templates;

	/** The rendered tiles and tables of the last {@value #RENDERED} figures asked. */
	private final Map<RenderKey, Rendered> rendered = new java.util.LinkedHashMap<>(32, 0.75f, true) {

		@Override
		protected boolean removeEldestEntry(Map.Entry<RenderKey, Rendered> eldest) {
			return size() > RENDERED;
		}

	};

	static final int RENDERED = 64;

	DashboardController(KpiReports reports, SalesChannels channels, ShopSettings settings, MessageSource messages,
			OperationsPanel operations, KpiFunnel funnel, KpiBreakdowns breakdowns, ITemplateEngine templates) {
		this.templates = templates;
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
		List<SalesChannel> channels = this.channels.list();
		Map<String, String> names = new java.util.HashMap<>();
		for (SalesChannel known : channels) {
			names.put(known.code(), known.name());
		}
		List<ChannelTotals> byChannel = new ArrayList<>();
		this.reports.byChannel(range)
			.forEach((key, row) -> byChannel.add(new ChannelTotals(names.getOrDefault(key, key), row)));
		String productsUrl = request.getContextPath() + UriComponentsBuilder.fromPath("/dashboard/products")
			.queryParam("from", range.from())
			.queryParam("to", range.to())
			.queryParamIfPresent("channel", java.util.Optional.ofNullable(code))
			.encode()
			.build()
			.toUriString();
		Figures figures = new Figures(report, this.reports.totals(range.previous(), code),
				this.reports.totals(range.weekEarlier(), code), List.copyOf(byChannel), this.funnel.funnel(range, code),
				this.breakdowns.products(range, code), this.breakdowns.categories(range, code),
				this.breakdowns.contents(range, code), this.breakdowns.campaigns(range, code), productsUrl);
		LocalDate yesterday = LocalDate.now(zone).minusDays(1);
		model.addAttribute("range", range);
		model.addAttribute("channel", code);
		model.addAttribute("channels", channels);
		model.addAttribute("problem", problem);
		model.addAttribute("zone", report.zone().getId());
		model.addAttribute("kpis", KpiRow.KPIS);
		model.addAttribute("rendered", render(figures, locale));
		model.addAttribute("empty", report.totals().paidOrders() == 0 && report.totals().refundAmount().signum() == 0);
		model.addAttribute("single", range.days() == 1);
		model.addAttribute("yesterday", yesterday);
		model.addAttribute("weekStart", yesterday.minusDays(6));
		model.addAttribute("monthStart", yesterday.minusDays(29));
		model.addAttribute("jsonUrl", url("/dashboard/kpi", range, code));
		model.addAttribute("csvUrl", url("/dashboard/kpi.csv", range, code));
		model.addAttribute("operations", this.operations.visibleTo(user));
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

	/**
	 * The page's tiles and tables as HTML: rendered once per figures and language, then
	 * kept while the same figures are asked again (the figures are the key, so a change
	 * of any of them renders afresh); formatting and rendering a year's table costs more
	 * than reading its figures from the rollups.
	 */
	private Rendered render(Figures figures, Locale locale) {
		RenderKey key = new RenderKey(figures, locale);
		synchronized (this.rendered) {
			Rendered html = this.rendered.get(key);
			if (html != null) {
				return html;
			}
		}
		Map<String, Object> view = view(figures, locale);
		Rendered html = new Rendered(
				this.templates.process("dashboard/kpi-report", Set.of("tiles"), new Context(locale, view)),
				this.templates.process("dashboard/kpi-report", Set.of("tables"), new Context(locale, view)));
		synchronized (this.rendered) {
			this.rendered.put(key, html);
		}
		return html;
	}

	private static Map<String, Object> view(Figures figures, Locale locale) {
		KpiFormat.Formats formats = new KpiFormat.Formats(locale);
		KpiReport report = figures.report();
		List<Tile> tiles = new ArrayList<>();
		for (String field : KpiRow.KPIS) {
			Object value = report.totals().value(field);
			tiles.add(new Tile(field, formats.value(field, value),
					comparison(field, value, figures.previous().value(field), formats),
					comparison(field, value, figures.weekEarlier().value(field), formats)));
		}
		List<TableRow> days = new ArrayList<>(report.days().size());
		for (KpiRow row : report.days()) {
			days.add(new TableRow(row.date().toString(), cells(row, formats)));
		}
		List<TableRow> byChannel = new ArrayList<>();
		for (ChannelTotals channel : figures.byChannel()) {
			byChannel.add(new TableRow(channel.name(), cells(channel.totals(), formats)));
		}
		List<FunnelRow> funnelRows = new ArrayList<>();
		figures.funnel()
			.ifPresent((steps) -> steps.forEach((step) -> funnelRows
				.add(new FunnelRow(step.key(), formats.value("paidOrders", step.count()), step.share(),
						(step.conversion() != null) ? formats.value("conversion", step.conversion()) : null))));
		Map<String, Object> view = new java.util.HashMap<>();
		view.put("kpis", KpiRow.KPIS);
		view.put("tiles", tiles);
		view.put("days", days);
		view.put("totals", cells(report.totals(), formats));
		view.put("byChannel", byChannel);
		view.put("funnel", funnelRows);
		view.put("products",
				figures.products()
					.stream()
					.map((p) -> new BreakdownRow(p.sku(), p.title(), formats.value("paidOrders", p.units()),
							formats.value("paidOrders", p.orders()), formats.value("gmv", p.gmv())))
					.toList());
		view.put("categories",
				figures.categories()
					.stream()
					.map((c) -> new BreakdownRow(c.path(), null, formats.value("paidOrders", c.units()), null,
							formats.value("gmv", c.gmv())))
					.toList());
		view.put("contents", sourceRows(figures.contents(), formats));
		view.put("campaigns", sourceRows(figures.campaigns(), formats));
		view.put("productsUrl", figures.productsUrl());
		return view;
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

	private static List<BreakdownRow> sourceRows(List<KpiBreakdowns.Source> sources, KpiFormat.Formats formats) {
		return sources.stream()
			.map((source) -> new BreakdownRow(source.code(), null, null, formats.value("paidOrders", source.orders()),
					formats.value("gmv", source.gmv())))
			.toList();
	}

	private static List<String> cells(KpiRow row, KpiFormat.Formats formats) {
		List<String> cells = new ArrayList<>(KpiRow.KPIS.size());
		for (String field : KpiRow.KPIS) {
			cells.add(formats.value(field, row.value(field)));
		}
		return cells;
	}

	private static Comparison comparison(String field, Object now, Object before, KpiFormat.Formats formats) {
		BigDecimal change = KpiFormat.change(now, before);
		String direction = (change == null || change.signum() == 0) ? "flat" : (change.signum() > 0) ? "up" : "down";
		String tone = "neutral";
		if (!direction.equals("flat")) {
			boolean good = direction.equals("up") != KpiFormat.lowerIsBetter(field);
			tone = good ? "good" : "bad";
		}
		return new Comparison(change != null, formats.changeText(change), direction, tone,
				formats.value(field, before));
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
	 * What the page's tiles and tables show, before formatting: with the language, the
	 * key of their rendered HTML.
	 *
	 * @param report the range's KPIs
	 * @param previous the previous period's totals
	 * @param weekEarlier the totals of the same days a week earlier
	 * @param byChannel the range's totals per channel, in the page's order
	 * @param funnel the funnel, empty when not known
	 * @param products the top products
	 * @param categories the categories
	 * @param contents the top content pieces
	 * @param campaigns the top campaigns
	 * @param productsUrl the link to product performance for the range
	 */
	record Figures(KpiReport report, KpiRow previous, KpiRow weekEarlier, List<ChannelTotals> byChannel,
			java.util.Optional<List<KpiFunnel.Step>> funnel, List<KpiBreakdowns.Product> products,
			List<ProductPerformance.CategorySales> categories, List<KpiBreakdowns.Source> contents,
			List<KpiBreakdowns.Source> campaigns, String productsUrl) {
	}

	/**
	 * A channel's totals over the range.
	 *
	 * @param name the channel's name (its code when it is not known)
	 * @param totals its KPIs
	 */
	record ChannelTotals(String name, KpiRow totals) {
	}

	private record RenderKey(Figures figures, Locale locale) {
	}

	/**
	 * The rendered tiles and tables.
	 *
	 * @param tiles the KPI tiles
	 * @param tables the funnel, the tables and the definitions
	 */
	record Rendered(String tiles, String tables) {
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
