package io.shopops.dashboard;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import de.siegmar.fastcsv.writer.CsvWriter;
import io.shopops.dashboard.KpiRange.InvalidKpiRequestException;
import io.shopops.dashboard.ProductPerformance.Query;
import io.shopops.dashboard.ProductPerformance.Report;
import io.shopops.dashboard.ProductPerformance.Row;
import io.shopops.dashboard.ProductPerformance.Sort;
import io.shopops.fulfilment.catalog.ProductCatalog.CategoryOption;
import io.shopops.fulfilment.catalog.ProductCatalog;
import io.shopops.fulfilment.order.SalesChannels;
import io.shopops.platform.CsvCells;
import io.shopops.platform.ShopSettings;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.ContentDisposition;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The managers' product performance page (选品) and its CSV export: products, or their
 * SKUs, ranked over a range with their ABC class and a push / fix / drop hint.
 */
@Controller
class ProductPerformanceController {

	static final int DEFAULT_DAYS = 30;

	static final int PAGE_SIZE = 50;

	/** The columns of the table, in order: sort parameter and message key. */
	static final List<String> COLUMNS = List.of("units", "gmv", "margin", "margin-rate", "stock", "sell-through",
			"cover", "return-rate", "rating");

	private final ProductPerformance performance;

	private final ProductCatalog catalog;

	private final SalesChannels channels;

	private final ShopSettings settings;

	private final MessageSource messages;

	ProductPerformanceController(ProductPerformance performance, ProductCatalog catalog, SalesChannels channels,
			ShopSettings settings, MessageSource messages) {
		this.performance = performance;
		this.catalog = catalog;
		this.channels = channels;
		this.settings = settings;
		this.messages = messages;
	}

	@GetMapping("/dashboard/products")
	String page(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			@RequestParam(required = false) String channel, @RequestParam(required = false) String category,
			@RequestParam(required = false) String product, @RequestParam(required = false) String view,
			@RequestParam(required = false) String sort, @RequestParam(required = false) String dir,
			@RequestParam(required = false) String page, Model model) {
		List<CategoryOption> categories = this.catalog.categories();
		Request request = request(from, to, channel, category, product, view, sort, dir, categories);
		Report report = this.performance.report(request.query());
		Locale locale = LocaleContextHolder.getLocale();
		int size = report.rows().size();
		int pages = Math.max(1, (size + PAGE_SIZE - 1) / PAGE_SIZE);
		int number = Math.min(pages - 1, pageNumber(page));
		List<ViewRow> rows = report.rows()
			.subList(number * PAGE_SIZE, Math.min(size, (number + 1) * PAGE_SIZE))
			.stream()
			.map((row) -> viewRow(row, request, locale))
			.toList();
		Page<ViewRow> shown = new PageImpl<>(rows, PageRequest.of(number, PAGE_SIZE), size);
		Query query = request.query();
		LocalDate yesterday = LocalDate.now(this.settings.current().timeZone()).minusDays(1);
		model.addAttribute("query", query);
		model.addAttribute("range", query.range());
		model.addAttribute("problem", request.problem());
		model.addAttribute("channels", this.channels.list());
		model.addAttribute("categories", categories);
		model.addAttribute("rows", shown);
		model.addAttribute("empty", report.isEmpty());
		model.addAttribute("totals", totals(report.totals(), locale));
		model.addAttribute("columns", headers(request));
		model.addAttribute("pageUrl", url("/dashboard/products", request.params(), null));
		model.addAttribute("csvUrl", url("/dashboard/products.csv", request.params(), null));
		model.addAttribute("productsUrl",
				url("/dashboard/products", with(request.params(), "view", null, "product", null), null));
		model.addAttribute("skusUrl",
				url("/dashboard/products", with(request.params(), "view", "skus", "product", null), null));
		model.addAttribute("allProductsUrl", url("/dashboard/products", with(request.params(), "product", null), null));
		model.addAttribute("titleSortUrl", sortUrl(request, Sort.TITLE));
		model.addAttribute("titleSortMark", sortMark(request, Sort.TITLE));
		model.addAttribute("yesterday", yesterday);
		model.addAttribute("weekStart", yesterday.minusDays(6));
		model.addAttribute("monthStart", yesterday.minusDays(DEFAULT_DAYS - 1));
		model.addAttribute("quarterStart", yesterday.minusDays(89));
		model.addAttribute("rules", rules(locale));
		return "dashboard/products";
	}

	@GetMapping("/dashboard/products.csv")
	void csv(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			@RequestParam(required = false) String channel, @RequestParam(required = false) String category,
			@RequestParam(required = false) String product, @RequestParam(required = false) String view,
			@RequestParam(required = false) String sort, @RequestParam(required = false) String dir,
			HttpServletResponse response) throws IOException {
		Request request = request(from, to, channel, category, product, view, sort, dir, this.catalog.categories());
		if (request.problem() != null) {
			response.sendError(HttpServletResponse.SC_BAD_REQUEST);
			return;
		}
		Query query = request.query();
		Report report = this.performance.report(query);
		Locale locale = LocaleContextHolder.getLocale();
		response.setContentType("text/csv;charset=UTF-8");
		response.setHeader("Content-Disposition", ContentDisposition.attachment()
			.filename((query.skus() ? "skus-" : "products-") + query.range().from() + "-" + query.range().to() + ".csv")
			.build()
			.toString());
		Writer writer = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
		writer.write('\uFEFF');
		CsvWriter out = CsvWriter.builder().build(writer);
		List<String> header = new ArrayList<>();
		for (String key : List.of("perf.product", "perf.sku", "perf.options", "perf.category", "perf.col.units",
				"perf.col.gmv", "perf.col.margin", "perf.col.margin-rate", "perf.col.stock", "perf.col.sell-through",
				"perf.col.cover", "perf.refundedUnits", "perf.col.return-rate", "perf.col.rating", "perf.reviews",
				"perf.abc", "perf.hint")) {
			header.add(message(key, locale));
		}
		out.writeRecord(header);
		for (Row row : report.rows()) {
			List<String> cells = new ArrayList<>();
			// the texts come from the catalog and the channels: neutralised; the numbers
			// are
			// written by this code and stay numbers
			cells.add(CsvCells.neutralize(row.title()));
			cells.add(CsvCells.neutralize((row.sku() != null) ? row.sku() : ""));
			cells.add(CsvCells.neutralize((row.options() != null) ? row.options() : ""));
			cells.add(CsvCells.neutralize((row.categoryPath() != null) ? row.categoryPath() : ""));
			cells.add(String.valueOf(row.units()));
			cells.add(plain(row.gmv(), 2));
			cells.add(plain(row.margin(), 2));
			cells.add(plain(row.marginRate(), 4));
			cells.add((row.stock() != null) ? String.valueOf(row.stock()) : "");
			cells.add(plain(row.sellThrough(), 4));
			cells.add(plain(row.daysOfCover(), 1));
			cells.add(String.valueOf(row.refundedUnits()));
			cells.add(plain(row.returnRate(), 4));
			cells.add(plain(row.rating(), 2));
			cells.add(String.valueOf(row.reviews()));
			cells.add(row.abc().name());
			cells.add((row.hint() != null) ? message("perf.hint." + row.hint().key(), locale) : "");
			out.writeRecord(cells);
		}
		out.close();
	}

	/**
	 * Reads the parameters; a wrong one is reported and replaced by its default.
	 */
	private Request request(String from, String to, String channel, String category, String product, String view,
			String sort, String dir, List<CategoryOption> categories) {
		ZoneId zone = this.settings.current().timeZone();
		LocalDate yesterday = LocalDate.now(zone).minusDays(1);
		String problem = null;
		KpiRange range = new KpiRange(yesterday.minusDays(DEFAULT_DAYS - 1), yesterday);
		String code = null;
		try {
			if (from != null || to != null) {
				range = KpiRange.parse(from, to, zone);
			}
			code = KpiRange.channel(channel);
		}
		catch (InvalidKpiRequestException ex) {
			problem = ex.messageKey();
		}
		CategoryOption categoryPath = null;
		if (category != null && !category.isBlank()) {
			Long id = number(category);
			categoryPath = (id != null) ? categories.stream().filter((c) -> c.id() == id).findFirst().orElse(null)
					: null;
			if (categoryPath == null) {
				problem = "perf.category.invalid";
			}
		}
		Long productId = null;
		if (product != null && !product.isBlank()) {
			productId = number(product);
			if (productId == null) {
				problem = "perf.product.invalid";
			}
		}
		boolean skus = productId != null || "skus".equals(view);
		Sort column = Sort.of(sort);
		if (column == null) {
			problem = "perf.sort.invalid";
			column = Sort.GMV;
		}
		boolean descending = !"asc".equals(dir);
		Map<String, String> params = new LinkedHashMap<>();
		params.put("from", range.from().toString());
		params.put("to", range.to().toString());
		params.put("channel", code);
		params.put("category", (categoryPath != null) ? String.valueOf(categoryPath.id()) : null);
		params.put("product", (productId != null) ? String.valueOf(productId) : null);
		params.put("view", skus ? "skus" : null);
		params.put("sort", column.param());
		params.put("dir", descending ? "desc" : "asc");
		return new Request(
				new Query(range, code, categoryPath, productId, skus, column, descending, yesterday.plusDays(1)),
				params, problem);
	}

	private static Long number(String text) {
		String value = text.strip();
		if (!value.matches("\\d{1,18}")) {
			return null;
		}
		return Long.parseLong(value);
	}

	private static int pageNumber(String page) {
		if (page == null || !page.strip().matches("\\d{1,6}")) {
			return 0;
		}
		return Integer.parseInt(page.strip());
	}

	private ViewRow viewRow(Row row, Request request, Locale locale) {
		String skusUrl = (!request.query().skus() && row.productId() != null)
				? url("/dashboard/products",
						with(request.params(), "product", String.valueOf(row.productId()), "view", "skus"), null)
				: null;
		return new ViewRow(row.key(), row.title(), row.sku(), row.options(), row.categoryPath(), row.inCatalog(),
				row.skuCount(), integer(row.units(), locale), money(row.gmv(), locale), money(row.margin(), locale),
				percent(row.marginRate(), locale),
				(row.stock() != null) ? integer(row.stock(), locale) : KpiFormat.NONE,
				percent(row.sellThrough(), locale), days(row.daysOfCover(), locale),
				integer(row.refundedUnits(), locale), percent(row.returnRate(), locale), rating(row.rating(), locale),
				row.reviews(), row.abc().name(), (row.hint() != null) ? row.hint().key() : null, row.rising(), skusUrl,
				(row.margin() != null && row.margin().signum() < 0));
	}

	private static TotalsRow totals(ProductPerformance.Totals totals, Locale locale) {
		return new TotalsRow(totals.rows(), integer(totals.units(), locale), money(totals.gmv(), locale),
				money(totals.margin(), locale), percent(totals.marginRate(), locale),
				(totals.stock() != null) ? integer(totals.stock(), locale) : KpiFormat.NONE,
				percent(totals.sellThrough(), locale), days(totals.daysOfCover(), locale),
				percent(totals.returnRate(), locale));
	}

	private List<Header> headers(Request request) {
		List<Header> headers = new ArrayList<>();
		for (String column : COLUMNS) {
			Sort sort = Sort.of(column);
			headers.add(new Header(column, sortUrl(request, sort), sortMark(request, sort)));
		}
		return headers;
	}

	private String sortUrl(Request request, Sort sort) {
		boolean current = request.query().sort() == sort;
		// a new column starts with the highest first (the title: A to Z)
		String dir = current ? (request.query().descending() ? "asc" : "desc")
				: ((sort == Sort.TITLE) ? "asc" : "desc");
		return url("/dashboard/products", with(request.params(), "sort", sort.param(), "dir", dir), null);
	}

	private static String sortMark(Request request, Sort sort) {
		if (request.query().sort() != sort) {
			return null;
		}
		return request.query().descending() ? "desc" : "asc";
	}

	private List<Rule> rules(Locale locale) {
		return List.of(
				new Rule("fix",
						message("perf.rule.fix", locale, ProductRanking.FIX_RETURN_PERCENT,
								ProductRanking.FIX_RATING_BELOW.toPlainString())),
				new Rule("push",
						message("perf.rule.push", locale, ProductRanking.RISING_PERCENT,
								ProductRanking.PUSH_MIN_COVER_DAYS)),
				new Rule("drop", message("perf.rule.drop", locale, ProductRanking.DROP_SELL_THROUGH_PERCENT)));
	}

	private String message(String key, Locale locale, Object... args) {
		return this.messages.getMessage(key, args, locale);
	}

	private static Map<String, String> with(Map<String, String> params, String... changes) {
		Map<String, String> copy = new LinkedHashMap<>(params);
		for (int i = 0; i < changes.length; i += 2) {
			copy.put(changes[i], changes[i + 1]);
		}
		return copy;
	}

	private static String url(String path, Map<String, String> params, String fragment) {
		UriComponentsBuilder url = UriComponentsBuilder.fromPath(path);
		params.forEach((name, value) -> {
			if (value != null) {
				url.queryParam(name, value);
			}
		});
		if (fragment != null) {
			url.fragment(fragment);
		}
		return url.encode().build().toUriString();
	}

	private static String plain(BigDecimal value, int scale) {
		return (value != null) ? value.setScale(scale, RoundingMode.HALF_UP).toPlainString() : "";
	}

	private static String integer(long value, Locale locale) {
		return NumberFormat.getIntegerInstance(locale).format(value);
	}

	private static String money(BigDecimal value, Locale locale) {
		return KpiFormat.value("gmv", value, locale);
	}

	private static String percent(BigDecimal value, Locale locale) {
		return KpiFormat.value("conversion", value, locale);
	}

	private static String days(BigDecimal value, Locale locale) {
		if (value == null) {
			return KpiFormat.NONE;
		}
		NumberFormat format = NumberFormat.getNumberInstance(locale);
		format.setMinimumFractionDigits(1);
		format.setMaximumFractionDigits(1);
		return format.format(value);
	}

	private static String rating(BigDecimal value, Locale locale) {
		if (value == null) {
			return KpiFormat.NONE;
		}
		NumberFormat format = NumberFormat.getNumberInstance(locale);
		format.setMinimumFractionDigits(2);
		format.setMaximumFractionDigits(2);
		return format.format(value);
	}

	/**
	 * The parameters as read.
	 *
	 * @param query what to compute
	 * @param params the parameters to keep in the page's links
	 * @param problem the message key of a wrong parameter, {@code null} when all are
	 * right
	 */
	private record Request(Query query, Map<String, String> params, String problem) {
	}

	/**
	 * A sortable column's header.
	 *
	 * @param key the column (its message keys are {@code perf.col.KEY} and
	 * {@code perf.col.KEY.formula})
	 * @param url the link that sorts by it
	 * @param mark {@code asc} or {@code desc} when the table is sorted by it, else
	 * {@code null}
	 */
	record Header(String key, String url, String mark) {
	}

	/**
	 * A row as shown: every figure formatted, "—" when not known.
	 */
	record ViewRow(String key, String title, String sku, String options, String category, boolean inCatalog,
			int skuCount, String units, String gmv, String margin, String marginRate, String stock, String sellThrough,
			String cover, String refundedUnits, String returnRate, String rating, long reviews, String abc, String hint,
			boolean rising, String skusUrl, boolean loss) {
	}

	/**
	 * The totals as shown.
	 */
	record TotalsRow(int rows, String units, String gmv, String margin, String marginRate, String stock,
			String sellThrough, String cover, String returnRate) {
	}

	/**
	 * A hint's rule as the page explains it.
	 */
	record Rule(String hint, String text) {
	}

}
