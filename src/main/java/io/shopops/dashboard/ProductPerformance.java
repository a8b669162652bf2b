package io.shopops.dashboard;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import io.shopops.dashboard.ProductRanking.Abc;
import io.shopops.dashboard.ProductRanking.Hint;
import io.shopops.fulfilment.aftersales.api.ProductRatings;
import io.shopops.fulfilment.catalog.ProductCatalog.CategoryOption;
import io.shopops.fulfilment.catalog.ProductCatalog;
import io.shopops.fulfilment.catalog.SkuFacts;
import io.shopops.fulfilment.inventory.Inventory;
import io.shopops.fulfilment.inventory.StockTotal;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Product performance (选品): the products, or their SKUs, that sold or were refunded in a
 * range, from the rollup per day, channel and SKU ({@code kpi_sku_day}), with what the
 * catalog (product, category, cost price), the inventory (stock now) and the reviews
 * (rating) say about them through fulfilment's published API. One grouped statement reads
 * the range from the rollup (of the channel, or over every channel); the catalog, the
 * stock and the ratings are one statement each, for the SKUs found.
 * <p>
 * Definitions (the page's tooltips say the same):
 * <ul>
 * <li>units and GMV: the paid orders' lines (quantity; quantity × unit price − line
 * discount) by payment day;</li>
 * <li>gross margin: GMV − units × cost price, not known ("—", never 0) when a SKU that
 * sold has no cost price; margin rate: gross margin ÷ GMV;</li>
 * <li>stock: the units available now (on hand − reserved, over every warehouse, never
 * below 0); a product's stock is the sum over all its SKUs; not known for a SKU the
 * catalog does not know;</li>
 * <li>sell-through: units ÷ (units + stock);</li>
 * <li>days of cover: stock ÷ average daily units, the average over the range's days up to
 * today;</li>
 * <li>return rate: refunded units (by refund day) ÷ units;</li>
 * <li>rating: the product's average stars over its visible reviews, all time.</li>
 * </ul>
 * ABC classes and hints are computed over the rows shown (after the filters), see
 * {@link ProductRanking}.
 */
@Service
class ProductPerformance {

	private final JdbcClient jdbc;

	private final ProductCatalog catalog;

	private final Inventory inventory;

	private final ProductRatings ratings;

	private final KpiCache cache;

	ProductPerformance(JdbcClient jdbc, ProductCatalog catalog, Inventory inventory, ProductRatings ratings,
			KpiCache cache) {
		this.jdbc = jdbc;
		this.cache = cache;
		this.catalog = catalog;
		this.inventory = inventory;
		this.ratings = ratings;
	}

	/**
	 * The rows of a range, classified, judged and sorted.
	 */
	@Transactional(readOnly = true)
	public Report report(Query query) {
		List<Sales> sales = sales(query.range(), query.channel(), query.today());
		Set<String> skus = new HashSet<>();
		sales.forEach((s) -> skus.add(s.sku()));
		Map<String, SkuFacts> facts = new HashMap<>();
		this.catalog.skuFacts(skus).forEach((f) -> facts.put(f.sku(), f));
		Map<String, StockTotal> stock = new HashMap<>();
		this.inventory.totals(facts.keySet()).forEach((s) -> stock.put(s.sku(), s));
		Set<Long> productIds = new HashSet<>();
		facts.values().forEach((f) -> productIds.add(f.productId()));
		Map<Long, ProductRatings.Rating> rated = this.ratings.of(productIds);
		long elapsedDays = elapsedDays(query.range(), query.today());

		// the rows of the SKUs that sold, then grouped into their products
		Map<String, Builder> rows = new LinkedHashMap<>();
		for (Sales sale : sales) {
			SkuFacts fact = facts.get(sale.sku());
			if (query.category() != null && (fact == null || !query.category().contains(fact.categoryPath()))) {
				continue;
			}
			if (query.product() != null && (fact == null || fact.productId() != query.product())) {
				continue;
			}
			String key = query.skus() ? sale.sku() : productKey(sale.sku(), fact);
			Builder row = rows.computeIfAbsent(key, (k) -> new Builder(k, query.skus(), sale.sku(), fact));
			row.add(sale, fact);
		}
		if (!query.skus()) {
			// a product's stock is that of all its SKUs, sold in the range or not
			Map<Long, Long> productStock = new HashMap<>();
			for (SkuFacts fact : facts.values()) {
				StockTotal total = stock.get(fact.sku());
				productStock.merge(fact.productId(), (total != null) ? Math.max(0, total.available()) : 0L, Long::sum);
			}
			for (Builder row : rows.values()) {
				if (row.productId != null) {
					row.stock = productStock.getOrDefault(row.productId, 0L);
				}
			}
		}
		else {
			for (Builder row : rows.values()) {
				if (row.productId != null) {
					StockTotal total = stock.get(row.sku);
					row.stock = (total != null) ? Math.max(0, total.available()) : 0L;
				}
			}
		}
		List<Row> built = new ArrayList<>();
		for (Builder row : rows.values()) {
			ProductRatings.Rating rating = (row.productId != null) ? rated.get(row.productId) : null;
			built.add(row.build(rating, elapsedDays));
		}
		Map<Row, Abc> classes = ProductRanking.classify(built, Row::gmv);
		List<Row> judged = new ArrayList<>(built.size());
		for (Row row : built) {
			Abc abc = classes.get(row);
			judged.add(row.judged(abc, ProductRanking.hint(abc, row.signals())));
		}
		judged.sort(query.sort().comparator(query.descending()));
		return new Report(query, judged, totals(judged, elapsedDays));
	}

	/**
	 * The range's GMV and units per category path of the products (the KPI page's
	 * category breakdown), highest GMV first; SKUs without a category or unknown to the
	 * catalog count under {@code null}.
	 */
	@Transactional(readOnly = true)
	public List<CategorySales> byCategory(KpiRange range, String channel) {
		List<Sales> sales = sales(range, channel, range.to());
		Set<String> skus = new HashSet<>();
		sales.forEach((s) -> skus.add(s.sku()));
		Map<String, SkuFacts> facts = new HashMap<>();
		this.catalog.skuFacts(skus).forEach((f) -> facts.put(f.sku(), f));
		Map<String, CategorySales> categories = new HashMap<>();
		for (Sales sale : sales) {
			SkuFacts fact = facts.get(sale.sku());
			String path = (fact != null) ? fact.categoryPath() : null;
			categories.merge(String.valueOf(path),
					new CategorySales(path, sale.units(), sale.gmv(), sale.refundedUnits(), sale.refundAmount()),
					CategorySales::plus);
		}
		List<CategorySales> list = new ArrayList<>(categories.values());
		list.sort(Comparator.comparing(CategorySales::gmv)
			.reversed()
			.thenComparing(CategorySales::path, Comparator.nullsLast(Comparator.naturalOrder())));
		return list;
	}

	/**
	 * Every SKU's figures of the range and its units in the first and the last half of
	 * the range's days up to today, from the rollup of the channel or of every channel;
	 * SKUs whose range has neither sales nor refunds are left out. One scan of the
	 * range's rows.
	 */
	private List<Sales> sales(KpiRange range, String channel, LocalDate today) {
		// kept until a day of the range changes (the halves depend on today too)
		return this.cache.get("sku-sales:" + today, range.from(), range.to(), channel,
				() -> List.copyOf(querySales(range, channel, today)));
	}

	private List<Sales> querySales(KpiRange range, String channel, LocalDate today) {
		long half = halfDays(range, today);
		LocalDate earlyEnd = (half > 0) ? range.from().plusDays(half - 1) : range.from().minusDays(1);
		LocalDate lateStart = (half > 0) ? range.from().plusDays(elapsedDays(range, today) - half)
				: range.to().plusDays(1);
		String rows = (channel != null) ? "kpi_sku_day WHERE channel_code = :channel AND" : "kpi_sku_day_total WHERE";
		return this.jdbc.sql("""
				SELECT sku, sum(units) AS units, sum(gmv) AS gmv, sum(refunded_units) AS refunded_units,
				  sum(refund_amount) AS refund_amount,
				  coalesce(sum(units) FILTER (WHERE day <= :earlyEnd), 0) AS early_units,
				  coalesce(sum(units) FILTER (WHERE day >= :lateStart), 0) AS late_units
				FROM %s day >= :from AND day <= :to
				GROUP BY sku""".formatted(rows))
			.param("from", range.from())
			.param("to", range.to())
			.param("earlyEnd", earlyEnd)
			.param("lateStart", lateStart)
			.param("channel", channel)
			.query((rs, n) -> new Sales(rs.getString("sku"), rs.getLong("units"), rs.getBigDecimal("gmv"),
					rs.getLong("refunded_units"), rs.getBigDecimal("refund_amount"), rs.getLong("early_units"),
					rs.getLong("late_units")))
			.list();
	}

	/**
	 * How many days each half of the range's days up to today has for the trend: half of
	 * them, rounded down (an odd middle day counts in neither); 0 when there are fewer
	 * than {@value #TREND_MIN_DAYS} days, too few for a trend.
	 */
	static long halfDays(KpiRange range, LocalDate today) {
		long days = elapsedDays(range, today);
		return (days < TREND_MIN_DAYS) ? 0 : days / 2;
	}

	/** The fewest days up to today a range needs for its trend (rising or not). */
	static final int TREND_MIN_DAYS = 4;

	/**
	 * The days the range's average daily units are over: from its first day to its last
	 * or today, whichever is earlier; 0 when it lies in the future.
	 */
	static long elapsedDays(KpiRange range, LocalDate today) {
		LocalDate last = range.to().isAfter(today) ? today : range.to();
		return Math.max(0, ChronoUnit.DAYS.between(range.from(), last) + 1);
	}

	private static String productKey(String sku, SkuFacts fact) {
		return (fact != null) ? "p" + fact.productId() : "s" + sku;
	}

	private static Totals totals(List<Row> rows, long elapsedDays) {
		long units = 0;
		long refunded = 0;
		BigDecimal gmv = BigDecimal.ZERO;
		BigDecimal margin = BigDecimal.ZERO;
		Long stock = 0L;
		for (Row row : rows) {
			units += row.units();
			refunded += row.refundedUnits();
			gmv = gmv.add(row.gmv());
			margin = (margin != null && row.margin() != null) ? margin.add(row.margin()) : null;
			stock = (stock != null && row.stock() != null) ? stock + row.stock() : null;
		}
		return new Totals(rows.size(), units, gmv, margin, ratio(margin, gmv), stock, sellThrough(units, stock),
				daysOfCover(stock, units, elapsedDays), refunded, ratio(refunded, units));
	}

	static BigDecimal ratio(BigDecimal part, BigDecimal whole) {
		if (part == null || whole == null || whole.signum() == 0) {
			return null;
		}
		return part.divide(whole, 4, RoundingMode.HALF_UP);
	}

	static BigDecimal ratio(long part, long whole) {
		return (whole == 0) ? null
				: BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 4, RoundingMode.HALF_UP);
	}

	/** units ÷ (units + stock); not known without stock or when both are 0. */
	static BigDecimal sellThrough(long units, Long stock) {
		if (stock == null || units < 0) {
			return null;
		}
		return ratio(units, units + stock);
	}

	/** stock ÷ (units ÷ days), one decimal; not known without stock, sales or days. */
	static BigDecimal daysOfCover(Long stock, long units, long days) {
		if (stock == null || units <= 0 || days <= 0) {
			return null;
		}
		return BigDecimal.valueOf(stock)
			.multiply(BigDecimal.valueOf(days))
			.divide(BigDecimal.valueOf(units), 1, RoundingMode.HALF_UP);
	}

	/**
	 * What to show.
	 *
	 * @param range the days
	 * @param channel the channel's code, {@code null} for all
	 * @param category the category (with the ones below it), {@code null} for all
	 * @param product the one product whose SKUs to show, {@code null} for all
	 * @param skus whether to rank SKUs instead of products
	 * @param sort the column to sort by
	 * @param descending whether highest first
	 * @param today today in the shop's time zone
	 */
	record Query(KpiRange range, String channel, CategoryOption category, Long product, boolean skus, Sort sort,
			boolean descending, LocalDate today) {
	}

	/**
	 * The sortable columns; a value that is not known sorts last either way, ties by
	 * title and key.
	 */
	enum Sort {

		TITLE((row) -> row.title().toLowerCase(Locale.ROOT)), UNITS(Row::units), GMV(Row::gmv), MARGIN(Row::margin),
		MARGIN_RATE(Row::marginRate), SELL_THROUGH(Row::sellThrough), COVER(Row::daysOfCover),
		RETURN_RATE(Row::returnRate), RATING(Row::rating), STOCK(Row::stock);

		private final Function<Row, Comparable<?>> value;

		Sort(Function<Row, Comparable<?>> value) {
			this.value = value;
		}

		public String param() {
			return name().toLowerCase(Locale.ROOT).replace('_', '-');
		}

		static Sort of(String param) {
			if (param == null || param.isBlank()) {
				return GMV;
			}
			for (Sort sort : values()) {
				if (sort.param().equals(param.strip().toLowerCase(Locale.ROOT))) {
					return sort;
				}
			}
			return null;
		}

		@SuppressWarnings({ "unchecked", "rawtypes" })
		Comparator<Row> comparator(boolean descending) {
			Comparator<Comparable> natural = Comparator.naturalOrder();
			Comparator<Comparable> order = descending ? natural.reversed() : natural;
			Comparator<Row> byValue = Comparator.comparing((row) -> (Comparable) this.value.apply(row),
					Comparator.nullsLast(order));
			return byValue.thenComparing((row) -> row.title().toLowerCase(Locale.ROOT)).thenComparing(Row::key);
		}

	}

	/**
	 * The rows of a range.
	 *
	 * @param query what was asked
	 * @param rows every row, sorted
	 * @param totals the rows' totals
	 */
	record Report(Query query, List<Row> rows, Totals totals) {

		public boolean isEmpty() {
			return this.rows.isEmpty();
		}

	}

	/**
	 * A product or SKU with its figures of the range; {@code null} stands for not known.
	 *
	 * @param key the product's ({@code p12}) or SKU's key, unique in the report
	 * @param productId the catalog's product, {@code null} for a SKU the catalog does not
	 * know
	 * @param sku the SKU of a SKU row, or of a product row of an unknown SKU;
	 * {@code null} for a catalog product's row
	 * @param title the product's title, or the SKU when the catalog does not know it
	 * @param options the SKU's option values (SKU rows)
	 * @param categoryPath the product's category
	 * @param skuCount how many SKUs sold or were refunded (product rows)
	 * @param units units sold
	 * @param earlyUnits units sold in the first half of the range's days up to today
	 * ({@link ProductPerformance#halfDays}), 0 when the range is too short for a trend
	 * @param lateUnits units sold in the last half of them
	 * @param gmv the lines' amounts
	 * @param margin gross margin
	 * @param marginRate gross margin ÷ GMV
	 * @param stock available units now
	 * @param sellThrough units ÷ (units + stock)
	 * @param daysOfCover stock ÷ average daily units
	 * @param refundedUnits units refunded (by refund day)
	 * @param refundAmount money refunded for them
	 * @param returnRate refunded units ÷ units
	 * @param rating average stars
	 * @param reviews visible reviews
	 * @param abc ABC class by GMV
	 * @param hint push, fix or drop, {@code null} for none
	 */
	record Row(String key, Long productId, String sku, String title, String options, String categoryPath, int skuCount,
			long units, long earlyUnits, long lateUnits, BigDecimal gmv, BigDecimal margin, BigDecimal marginRate,
			Long stock, BigDecimal sellThrough, BigDecimal daysOfCover, long refundedUnits, BigDecimal refundAmount,
			BigDecimal returnRate, BigDecimal rating, long reviews, Abc abc, Hint hint) {

		public boolean inCatalog() {
			return this.productId != null;
		}

		public boolean rising() {
			return ProductRanking.rising(this.lateUnits, this.earlyUnits);
		}

		ProductRanking.Signals signals() {
			return new ProductRanking.Signals(this.returnRate, this.rating, rising(), this.daysOfCover,
					this.sellThrough);
		}

		Row judged(Abc abc, Hint hint) {
			return new Row(this.key, this.productId, this.sku, this.title, this.options, this.categoryPath,
					this.skuCount, this.units, this.earlyUnits, this.lateUnits, this.gmv, this.margin, this.marginRate,
					this.stock, this.sellThrough, this.daysOfCover, this.refundedUnits, this.refundAmount,
					this.returnRate, this.rating, this.reviews, abc, hint);
		}

		// identity, not value, equality: two rows are never the same row
		@Override
		public boolean equals(Object other) {
			return this == other;
		}

		@Override
		public int hashCode() {
			return System.identityHashCode(this);
		}

	}

	/**
	 * The totals of the rows; {@code null} stands for not known.
	 */
	record Totals(int rows, long units, BigDecimal gmv, BigDecimal margin, BigDecimal marginRate, Long stock,
			BigDecimal sellThrough, BigDecimal daysOfCover, long refundedUnits, BigDecimal returnRate) {
	}

	/**
	 * A category's sales of the range.
	 *
	 * @param path the category's path, {@code null} for none or unknown
	 * @param units units sold
	 * @param gmv their lines' amounts
	 * @param refundedUnits units refunded
	 * @param refundAmount money refunded
	 */
	record CategorySales(String path, long units, BigDecimal gmv, long refundedUnits, BigDecimal refundAmount) {

		CategorySales plus(CategorySales other) {
			return new CategorySales(this.path, this.units + other.units, this.gmv.add(other.gmv),
					this.refundedUnits + other.refundedUnits, this.refundAmount.add(other.refundAmount));
		}

	}

	private record Sales(String sku, long units, BigDecimal gmv, long refundedUnits, BigDecimal refundAmount,
			long earlyUnits, long lateUnits) {
	}

	/**
	 * A row while its SKUs are added up.
	 */
	private static final class Builder {

		final String key;

		final Long productId;

		final String sku;

		final String title;

		final String options;

		final String categoryPath;

		int skuCount;

		long units;

		long earlyUnits;

		long lateUnits;

		BigDecimal gmv = BigDecimal.ZERO;

		BigDecimal cogs = BigDecimal.ZERO;

		long refundedUnits;

		BigDecimal refundAmount = BigDecimal.ZERO;

		Long stock;

		Builder(String key, boolean skuRow, String sku, SkuFacts fact) {
			this.key = key;
			this.productId = (fact != null) ? fact.productId() : null;
			this.sku = (skuRow || fact == null) ? sku : null;
			this.title = (fact != null) ? fact.productTitle() : sku;
			this.options = (skuRow && fact != null) ? fact.options() : null;
			this.categoryPath = (fact != null) ? fact.categoryPath() : null;
		}

		void add(Sales sale, SkuFacts fact) {
			this.skuCount++;
			this.units += sale.units();
			this.earlyUnits += sale.earlyUnits();
			this.lateUnits += sale.lateUnits();
			this.gmv = this.gmv.add(sale.gmv());
			this.refundedUnits += sale.refundedUnits();
			this.refundAmount = this.refundAmount.add(sale.refundAmount());
			if (this.cogs != null) {
				if (sale.units() == 0) {
					return;
				}
				this.cogs = (fact != null && fact.cost() != null)
						? this.cogs.add(fact.cost().multiply(BigDecimal.valueOf(sale.units()))) : null;
			}
		}

		Row build(ProductRatings.Rating rating, long elapsedDays) {
			BigDecimal margin = (this.cogs != null) ? this.gmv.subtract(this.cogs).setScale(2, RoundingMode.HALF_UP)
					: null;
			return new Row(this.key, this.productId, this.sku, this.title, this.options, this.categoryPath,
					this.skuCount, this.units, this.earlyUnits, this.lateUnits, this.gmv, margin,
					ratio(margin, this.gmv), this.stock, sellThrough(this.units, this.stock),
					daysOfCover(this.stock, this.units, elapsedDays), this.refundedUnits, this.refundAmount,
					ratio(this.refundedUnits, this.units), (rating != null) ? rating.average() : null,
					(rating != null) ? rating.reviews() : 0, null, null);
		}

	}

}
