package io.shopops.growth.traffic;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.shopops.platform.csv.Cells;
import io.shopops.platform.csv.CsvProblems;
import io.shopops.platform.csv.Header;
import io.shopops.platform.csv.Parsed;

/**
 * How a shop statistics export is read: which analytics it comes from (told by its
 * header), and the columns of each figure by name, in the platforms' own words (生意参谋
 * 店铺销售数据, 京东商智 店铺 old and new layouts, 拼多多 交易概况/商品概况) or ShopOps' template. Cells are
 * read as the back offices write them: thousands commas, {@code ¥}/{@code 元}, {@code -}
 * or empty for no value; dates as {@code 2026-04-17}, {@code 2026/4/17},
 * {@code 2026年4月17日}, {@code 20260417} or 拼多多's {@code MM-DD-YY}.
 */
final class ShopStatsFile {

	static final String[] DATE = { "date", "日期", "统计日期", "时间", "统计时间" };

	static final String[] CHANNEL = { "channel", "channel_code", "渠道", "渠道代码", "店铺代码" };

	static final String[] UV = { "uv", "visitors", "访客数", "店铺访客数", "商品访客", "商品访客数" };

	static final String[] PV = { "pv", "page_views", "pageviews", "浏览量", "店铺浏览量", "商品浏览量" };

	static final String[] IMPRESSIONS = { "impressions", "曝光量", "展现量", "曝光次数", "搜索曝光次数" };

	static final String[] CLICKS = { "clicks", "点击量", "点击次数", "点击数", "搜索点击次数" };

	static final String[] SPEND = { "spend", "cost", "花费", "推广花费", "消耗" };

	/** 生意参谋 splits the day's ad spend into these; their sum is the day's spend. */
	static final List<String> SYCM_SPEND = List.of("全站推广花费", "关键词推广花费", "精准人群推广花费", "智能场景花费");

	static final String[] ORDERS = { "orders", "paid_orders", "订单数", "支付子订单数", "成交单量", "成交订单数", "成交订单" };

	static final String[] GMV = { "gmv", "支付金额", "成交金额", "销售额" };

	private static final Pattern CHINESE_DATE = Pattern.compile("(\\d{4})年(\\d{1,2})月(\\d{1,2})日?");

	private static final Pattern COMPACT_DATE = Pattern.compile("(\\d{4})(\\d{2})(\\d{2})");

	private static final Pattern PDD_DATE = Pattern.compile("(\\d{1,2})-(\\d{1,2})-(\\d{2})");

	private static final BigDecimal MAX = new BigDecimal("100000000000");

	private ShopStatsFile() {
	}

	/**
	 * The analytics a header comes from.
	 */
	static String source(Header header) {
		if (header.has("统计时间") || header.has("较上周期")) {
			return "PDD";
		}
		if (header.has("成交单量") || header.has("店铺访客数") || header.has("成交客户数")) {
			return "JD";
		}
		if (header.has("统计日期") && header.has("支付金额")) {
			return "SYCM";
		}
		return "FILE";
	}

	/**
	 * Whether a header can be imported: a date column and at least one figure.
	 */
	static boolean readable(Header header) {
		return header.has(DATE) && (header.has(UV) || header.has(PV) || header.has(IMPRESSIONS) || header.has(CLICKS)
				|| header.has(SPEND) || header.has(ORDERS) || header.has(GMV)
				|| SYCM_SPEND.stream().anyMatch(header::has));
	}

	static Parsed<LocalDate> date(String raw) {
		String text = raw.strip();
		Parsed<LocalDate> parsed = Cells.date(text);
		if (parsed.ok()) {
			return parsed;
		}
		for (Pattern pattern : List.of(CHINESE_DATE, COMPACT_DATE)) {
			Matcher matcher = pattern.matcher(text);
			if (matcher.matches()) {
				return of(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)),
						Integer.parseInt(matcher.group(3)));
			}
		}
		Matcher pdd = PDD_DATE.matcher(text);
		if (pdd.matches()) {
			return of(2000 + Integer.parseInt(pdd.group(3)), Integer.parseInt(pdd.group(1)),
					Integer.parseInt(pdd.group(2)));
		}
		return Parsed.problem(CsvProblems.DATE_INVALID);
	}

	private static Parsed<LocalDate> of(int year, int month, int day) {
		try {
			return Parsed.of(LocalDate.of(year, month, day));
		}
		catch (DateTimeException ex) {
			return Parsed.problem(CsvProblems.DATE_INVALID);
		}
	}

	/**
	 * A figure: {@code null} for an empty cell or {@code -}; otherwise a number of at
	 * most 100,000,000,000 that is not negative.
	 * @param raw the cleaned cell
	 * @param scale 0 for a count (a count written as {@code 1.0} is read), 2 for money
	 * @return the value, {@code null} when there is none, or a problem
	 */
	static Parsed<BigDecimal> number(String raw, int scale) {
		String text = raw.strip()
			.replace(",", "")
			.replace("，", "")
			.replace("¥", "")
			.replace("￥", "")
			.replace("元", "")
			.strip();
		if (text.isEmpty() || text.equals("-") || text.equals("—") || text.equals("--")) {
			return Parsed.of(null);
		}
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
		try {
			return Parsed.of(value.setScale(scale, RoundingMode.UNNECESSARY));
		}
		catch (ArithmeticException ex) {
			return (scale == 0) ? Parsed.problem(CsvProblems.NUMBER_INVALID)
					: Parsed.of(value.setScale(scale, RoundingMode.HALF_UP));
		}
	}

}
