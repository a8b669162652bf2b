package io.shopops.growth.campaign;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import io.shopops.platform.csv.Cells;
import io.shopops.platform.csv.CsvFile;
import io.shopops.platform.csv.CsvProblems;
import io.shopops.platform.csv.Header;
import io.shopops.platform.csv.Parsed;

/**
 * How an ad platform's spend report is read: which layout it is (told by its header, with
 * the columns found by name in the platform's own words, Chinese or English), where its
 * header is (Google Ads writes the report name and the period above it), and its cells as
 * the back offices write them: thousands commas (also quoted, {@code "795,836"}),
 * {@code ¥}/{@code ￥}/{@code 元}/{@code $}, {@code -}, {@code --} (Google Ads' null, with
 * a leading space) or empty for no value; dates as {@code 2026-04-17}, {@code 2026/4/17},
 * {@code 2026/04/26 07:00:29}, {@code 2026年4月17日}, {@code 20260417} or
 * {@code July 8, 2025}.
 */
final class AdReport {

	/** How many lines above the header are searched for it. */
	static final int MAX_TITLE_LINES = 10;

	private static final int HEAD_BYTES = 64 * 1024;

	private static final BigDecimal MAX = new BigDecimal("100000000000");

	private static final Pattern CHINESE_DATE = Pattern.compile("(\\d{4})年(\\d{1,2})月(\\d{1,2})日?");

	private static final Pattern COMPACT_DATE = Pattern.compile("(\\d{4})(\\d{2})(\\d{2})");

	private static final List<DateTimeFormatter> ENGLISH_DATES = List.of(english("MMMM d, yyyy"),
			english("MMM d, yyyy"), english("EEE, MMM d, yyyy"), english("EEEE, MMMM d, yyyy"));

	private static final Set<String> NULLS = Set.of("", "-", "--", "—", "–", "－", "——");

	private AdReport() {
	}

	/**
	 * The report layouts, each with its columns by name (in order of preference) and the
	 * ad platforms its campaigns may run on.
	 */
	enum Layout {

		/** 万相台无界 营销场景数据 (one row per 日期 × 场景) or 营销明细数据 (per 主体, no campaign). */
		WANXIANGTAI(SpendSource.WANXIANGTAI,
				EnumSet.of(AdPlatform.WANXIANGTAI, AdPlatform.ZHITONGCHE, AdPlatform.YINLIMOFANG, AdPlatform.OTHER),
				new Columns(names("日期"), names("场景ID", "计划ID"), names("场景名字", "场景名称", "计划名字", "计划名称"),
						names("主体ID", "原二级场景ID"), names("花费"), names("展现量"), names("点击量"), names("总成交笔数"),
						names("总成交金额"), names())),

		/** 巨量千川 推广直播间画面 and the like: one row per 日期 × 抖音号, no campaign column. */
		QIANCHUAN(SpendSource.QIANCHUAN, EnumSet.of(AdPlatform.QIANCHUAN, AdPlatform.OCEANENGINE, AdPlatform.OTHER),
				new Columns(names("日期", "时间"), names("计划ID", "广告计划ID"), names("计划名称", "广告计划名称"),
						names("抖音号ID", "抖音号名称", "素材ID"), names("整体消耗", "消耗"), names("整体展示次数", "整体展现次数", "展示次数", "展现次数"),
						names("整体点击次数", "点击次数"), names("整体成交订单数", "净成交订单数", "成交订单数"), names("整体成交金额", "净成交金额", "成交金额"),
						names())),

		/** Google Ads' campaign report downloaded as .csv, segmented by Day. */
		GOOGLE_ADS(SpendSource.GOOGLE_ADS, EnumSet.of(AdPlatform.GOOGLE_ADS, AdPlatform.OTHER),
				new Columns(names("Day", "Date", "天", "日期"), names("Campaign ID", "广告系列 ID", "广告系列ID"),
						names("Campaign", "广告系列"), names(), names("Cost", "费用"), names("Impr.", "Impressions", "展示次数"),
						names("Clicks", "点击次数"), names("Conversions", "转化次数", "转化"),
						names("Conv. value", "Total conv. value", "All conv. value", "转化价值"),
						names("Currency code", "Currency", "货币代码", "币种"))),

		/** ShopOps' template, English or Chinese headers. */
		TEMPLATE(SpendSource.FILE, EnumSet.allOf(AdPlatform.class),
				new Columns(names("date", "日期"), names("campaign_id", "推广计划ID"), names("campaign", "推广计划"), names(),
						names("spend", "花费"), names("impressions", "展现量"), names("clicks", "点击量"),
						names("orders", "成交笔数"), names("gmv", "成交金额"), names("currency", "币种")));

		private final SpendSource source;

		private final Set<AdPlatform> platforms;

		private final Columns columns;

		Layout(SpendSource source, Set<AdPlatform> platforms, Columns columns) {
			this.source = source;
			this.platforms = platforms;
			this.columns = columns;
		}

		SpendSource source() {
			return this.source;
		}

		Columns columns() {
			return this.columns;
		}

		/**
		 * Whether a campaign on this platform may have its spend in this layout.
		 */
		boolean accepts(AdPlatform platform) {
			return this.platforms.contains(platform);
		}

		/**
		 * Whether the file names each row's campaign (by id or by name).
		 */
		boolean namesCampaigns(Header header) {
			return header.has(this.columns.campaignId()) || header.has(this.columns.campaign());
		}

	}

	/**
	 * A layout's column names.
	 */
	record Columns(String[] date, String[] campaignId, String[] campaign, String[] detail, String[] spend,
			String[] impressions, String[] clicks, String[] orders, String[] gmv, String[] currency) {
	}

	/**
	 * The layout of a header, or null when it is none of them. 千川 is told by 整体消耗 (or 消耗
	 * next to 抖音号), Google Ads by its English (or Chinese UI) campaign and cost columns,
	 * 万相台 by 花费 next to its scene, subject or 总成交金额 columns, the template by a date and a
	 * spend column.
	 */
	static Layout detect(Header header) {
		if (header.has("整体消耗") || (header.has("消耗") && header.has("抖音号ID", "抖音号名称", "素材ID"))) {
			return Layout.QIANCHUAN;
		}
		if (header.has("Cost", "费用") && header.has("Campaign", "Campaign ID", "广告系列", "广告系列 ID")) {
			return Layout.GOOGLE_ADS;
		}
		if (header.has("花费") && header.has("日期")
				&& header.has("场景ID", "场景名字", "主体ID", "主体名称", "计划名字", "原二级场景ID", "总成交金额")) {
			return Layout.WANXIANGTAI;
		}
		if (header.has(Layout.TEMPLATE.columns.date()) && header.has(Layout.TEMPLATE.columns.spend())) {
			return Layout.TEMPLATE;
		}
		return null;
	}

	/**
	 * A report opened for reading: the CSV from its header on, its layout, and the lines
	 * above the header (the row numbers of the CSV are that many rows too low).
	 *
	 * @param csv the file from the header on
	 * @param layout the layout
	 * @param titles the lines above the header, as text (Google Ads: report name, period)
	 * @param trimmed the temporary copy without the title lines, or null
	 */
	record Opened(CsvFile csv, Layout layout, List<String> titles, Path trimmed) implements AutoCloseable {

		/**
		 * The row number a spreadsheet shows for a row of {@link #csv()}.
		 */
		long row(long csvRow) {
			return csvRow + this.titles.size();
		}

		/**
		 * The one day the title lines say the report covers (Google Ads' period line
		 * {@code "July 8, 2025 - July 8, 2025"} or {@code July 8, 2025}), or null.
		 */
		LocalDate periodDay() {
			for (String title : this.titles) {
				LocalDate day = singleDay(title);
				if (day != null) {
					return day;
				}
			}
			return null;
		}

		/**
		 * The period line as written (for messages), or an empty string.
		 */
		String period() {
			return (this.titles.size() > 1) ? this.titles.get(1) : String.join(" ", this.titles);
		}

		@Override
		public void close() throws IOException {
			if (this.trimmed != null) {
				Files.deleteIfExists(this.trimmed);
			}
		}

	}

	/**
	 * Opens a report: the header on the first line or, below title lines, on one of the
	 * first {@value #MAX_TITLE_LINES}.
	 * @param path the upload
	 * @return the report, or null when no line is the header of a known layout
	 * @throws io.shopops.platform.csv.CsvFileException if the file is empty, binary, a
	 * workbook or UTF-16
	 * @throws IOException if it cannot be read
	 */
	static Opened open(Path path) throws IOException {
		CsvFile file = CsvFile.open(path);
		Layout layout = detect(file.header());
		if (layout != null) {
			return new Opened(file, layout, List.of(), null);
		}
		byte[] head = head(path);
		List<Integer> starts = new ArrayList<>();
		starts.add(0);
		for (int i = 0; i < head.length && starts.size() <= MAX_TITLE_LINES; i++) {
			if (head[i] == '\n' && i + 1 < head.length) {
				starts.add(i + 1);
			}
		}
		List<String> titles = new ArrayList<>();
		for (int line = 0; line + 1 < starts.size(); line++) {
			titles.add(title(line(head, starts.get(line), starts.get(line + 1), file.charset()), file.delimiter()));
			int from = starts.get(line + 1);
			int to = (line + 2 < starts.size()) ? starts.get(line + 2) : head.length;
			List<String> fields = fields(line(head, from, to, file.charset()), file.delimiter());
			Layout found = detect(Header.of(fields));
			if (found != null) {
				Path trimmed = Files.createTempFile(path.toAbsolutePath().getParent(), "ad-report-", ".csv");
				try {
					copyFrom(path, from, trimmed);
					return new Opened(CsvFile.open(trimmed), found, List.copyOf(titles), trimmed);
				}
				catch (IOException | RuntimeException ex) {
					Files.deleteIfExists(trimmed);
					throw ex;
				}
			}
		}
		return null;
	}

	/**
	 * A date cell; a time after the date is ignored.
	 */
	static Parsed<LocalDate> date(String raw) {
		String text = raw.strip();
		Parsed<LocalDate> parsed = Cells.date(text);
		if (parsed.ok()) {
			return parsed;
		}
		for (Pattern pattern : List.of(CHINESE_DATE, COMPACT_DATE)) {
			Matcher matcher = pattern.matcher(text);
			if (matcher.matches()) {
				try {
					return Parsed.of(LocalDate.of(Integer.parseInt(matcher.group(1)),
							Integer.parseInt(matcher.group(2)), Integer.parseInt(matcher.group(3))));
				}
				catch (DateTimeException ex) {
					return Parsed.problem(CsvProblems.DATE_INVALID);
				}
			}
		}
		for (DateTimeFormatter format : ENGLISH_DATES) {
			try {
				return Parsed.of(LocalDate.parse(text, format));
			}
			catch (DateTimeParseException ex) {
				// try the next
			}
		}
		return Parsed.problem(CsvProblems.DATE_INVALID);
	}

	/**
	 * The day of a period line that covers one day, or null.
	 */
	static LocalDate singleDay(String period) {
		String text = period.strip();
		if (text.isEmpty()) {
			return null;
		}
		for (String separator : List.of(" - ", " – ", " — ", "~", "至")) {
			int at = text.indexOf(separator);
			if (at > 0) {
				Parsed<LocalDate> from = date(text.substring(0, at));
				Parsed<LocalDate> to = date(text.substring(at + separator.length()));
				return (from.ok() && to.ok() && from.value().equals(to.value())) ? from.value() : null;
			}
		}
		Parsed<LocalDate> day = date(text);
		return day.ok() ? day.value() : null;
	}

	/**
	 * Whether a cell says "no value": empty, {@code -}, {@code --} (also with the leading
	 * space Google Ads writes).
	 */
	static boolean isNull(String raw) {
		return NULLS.contains(raw.strip());
	}

	/**
	 * Whether a row is a summary (Google Ads' {@code Total: Campaigns}, {@code Total:
	 * Account} …, the back offices' 汇总/合计/总计) rather than a campaign-day.
	 */
	static boolean isTotal(String cell) {
		String text = cell.strip().toLowerCase(Locale.ROOT);
		for (String total : List.of("total", "汇总", "合计", "总计")) {
			if (text.equals(total) || text.startsWith(total + ":") || text.startsWith(total + "：")) {
				return true;
			}
		}
		return false;
	}

	/**
	 * An amount of money: null for no value; otherwise at most 100,000,000,000 and not
	 * negative, rounded to two decimals.
	 */
	static Parsed<BigDecimal> money(String raw) {
		Parsed<BigDecimal> parsed = decimal(raw);
		if (!parsed.ok() || parsed.value() == null) {
			return parsed;
		}
		return Parsed.of(parsed.value().setScale(2, RoundingMode.HALF_UP));
	}

	/**
	 * A count: null for no value; a count written as {@code 16.0} is read; a fraction is
	 * refused unless rounding is allowed (Google Ads' conversions are fractional).
	 */
	static Parsed<Long> count(String raw, boolean roundFraction) {
		Parsed<BigDecimal> parsed = decimal(raw);
		if (!parsed.ok()) {
			return Parsed.problem(parsed.problem());
		}
		if (parsed.value() == null) {
			return Parsed.of(null);
		}
		try {
			return Parsed.of(parsed.value()
				.setScale(0, roundFraction ? RoundingMode.HALF_UP : RoundingMode.UNNECESSARY)
				.longValueExact());
		}
		catch (ArithmeticException ex) {
			return Parsed.problem(CsvProblems.NUMBER_INVALID);
		}
	}

	private static Parsed<BigDecimal> decimal(String raw) {
		if (isNull(raw)) {
			return Parsed.of(null);
		}
		String text = raw.strip()
			.replace(",", "")
			.replace("，", "")
			.replace("¥", "")
			.replace("￥", "")
			.replace("元", "")
			.replace("$", "")
			.strip();
		BigDecimal value;
		try {
			value = new BigDecimal(text);
		}
		catch (NumberFormatException ex) {
			return Parsed.problem(CsvProblems.NUMBER_INVALID);
		}
		if (value.signum() < 0) {
			return Parsed.problem(CsvProblems.NUMBER_NEGATIVE);
		}
		if (value.compareTo(MAX) > 0) {
			return Parsed.problem(CsvProblems.NUMBER_TOO_LARGE);
		}
		return Parsed.of(value);
	}

	private static byte[] head(Path path) throws IOException {
		try (InputStream in = Files.newInputStream(path)) {
			return in.readNBytes(HEAD_BYTES);
		}
	}

	private static String line(byte[] head, int from, int to, Charset charset) {
		String text = new String(head, from, to - from, charset);
		return text.replace("\uFEFF", "").replace("\r", "").replace("\n", "");
	}

	private static List<String> fields(String line, char delimiter) {
		try (CsvReader<CsvRecord> reader = CsvReader.builder().fieldSeparator(delimiter).ofCsvRecord(line)) {
			for (CsvRecord record : reader) {
				return record.getFields();
			}
			return List.of();
		}
		catch (IOException | RuntimeException ex) {
			return List.of();
		}
	}

	private static String title(String line, char delimiter) {
		List<String> fields = fields(line, delimiter);
		return String.join(" ", fields.stream().filter((field) -> !field.isBlank()).toList()).strip();
	}

	private static void copyFrom(Path source, long offset, Path target) throws IOException {
		try (InputStream in = Files.newInputStream(source); OutputStream out = Files.newOutputStream(target)) {
			in.skipNBytes(offset);
			in.transferTo(out);
		}
	}

	private static String[] names(String... names) {
		return names;
	}

	private static DateTimeFormatter english(String pattern) {
		return new DateTimeFormatterBuilder().parseCaseInsensitive().appendPattern(pattern).toFormatter(Locale.ENGLISH);
	}

}
