package io.shopops.dashboard;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import io.shopops.dashboard.ProductPerformance.CategorySales;
import io.shopops.dashboard.SkuDaySlices.Sold;
import io.shopops.fulfilment.catalog.ProductCatalog;
import io.shopops.fulfilment.catalog.SkuFacts;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The KPI page's breakdowns of a range's paid orders, from per-day rollups only (by
 * payment day): the top products (SKUs) by GMV and the categories, from the SKU rollups'
 * days held in memory ({@link SkuDaySlices}); the content pieces and the UTM campaigns
 * the orders came from, from {@code kpi_source_day} ({@link BreakdownDays}). A product's
 * GMV is the sum of its lines' amounts (quantity × unit price − line discount), before
 * order discounts and shipping; a content piece's or campaign's GMV is its orders' paid
 * amounts. The category of a SKU comes from the catalog and is kept for
 * {@link #CATEGORY_TTL} (a product moved to another category shows there within that
 * time).
 */
@Component
class KpiBreakdowns {

	static final int TOP = 20;

	static final Duration CATEGORY_TTL = Duration.ofMinutes(5);

	private final JdbcClient jdbc;

	private final KpiCache cache;

	private final SkuDaySlices slices;

	private final ProductCatalog catalog;

	private final Map<String, Category> categories = new ConcurrentHashMap<>();

	KpiBreakdowns(JdbcClient jdbc, KpiCache cache, SkuDaySlices slices, ProductCatalog catalog) {
		this.jdbc = jdbc;
		this.cache = cache;
		this.slices = slices;
		this.catalog = catalog;
	}

	/**
	 * The top {@value #TOP} SKUs by GMV, then by SKU.
	 */
	@Transactional(readOnly = true)
	List<Product> products(KpiRange range, String channelCode) {
		return this.cache.get("products", range.from(), range.to(), channelCode,
				() -> List.copyOf(queryProducts(range, channelCode)));
	}

	private List<Product> queryProducts(KpiRange range, String channelCode) {
		List<Sold> sold = new ArrayList<>();
		for (Sold sku : this.slices.sum(range.from(), range.to(), channelCode).values()) {
			if (sku.orders() > 0) {
				sold.add(sku);
			}
		}
		sold.sort(Comparator.comparing(Sold::gmv).reversed().thenComparing(Sold::sku));
		List<Sold> top = sold.subList(0, Math.min(TOP, sold.size()));
		Map<String, String> titles = new HashMap<>();
		if (!top.isEmpty()) {
			this.jdbc.sql("SELECT sku, title FROM kpi_sku_title WHERE sku IN (:skus)")
				.param("skus", top.stream().map(Sold::sku).toList())
				.query((rs, n) -> titles.put(rs.getString(1), rs.getString(2)))
				.list();
		}
		return top.stream()
			.map((s) -> new Product(s.sku(), titles.get(s.sku()), s.units(), s.orders(), s.gmv()))
			.toList();
	}

	/**
	 * The range's units, GMV and refunds per category path of the catalog (SKUs the
	 * catalog does not know under a {@code null} path), by GMV, then by path.
	 */
	@Transactional(readOnly = true)
	List<CategorySales> categories(KpiRange range, String channelCode) {
		return this.cache.get("categories", range.from(), range.to(), channelCode,
				() -> List.copyOf(queryCategories(range, channelCode)));
	}

	private List<CategorySales> queryCategories(KpiRange range, String channelCode) {
		Map<String, Sold> sold = this.slices.sum(range.from(), range.to(), channelCode);
		Map<String, Optional<String>> paths = paths(sold.keySet());
		Map<String, CategorySales> byPath = new HashMap<>();
		for (Sold sale : sold.values()) {
			String path = paths.getOrDefault(sale.sku(), Optional.empty()).orElse(null);
			byPath.merge(String.valueOf(path),
					new CategorySales(path, sale.units(), sale.gmv(), sale.refundedUnits(), sale.refundAmount()),
					CategorySales::plus);
		}
		List<CategorySales> list = new ArrayList<>(byPath.values());
		list.sort(Comparator.comparing(CategorySales::gmv)
			.reversed()
			.thenComparing(CategorySales::path, Comparator.nullsLast(Comparator.naturalOrder())));
		return list;
	}

	/**
	 * The SKUs' category paths, from the catalog for those not asked within
	 * {@link #CATEGORY_TTL}.
	 */
	private Map<String, Optional<String>> paths(Collection<String> skus) {
		Instant now = Instant.now();
		Map<String, Optional<String>> paths = new HashMap<>();
		List<String> unknown = new ArrayList<>();
		for (String sku : skus) {
			Category known = this.categories.get(sku);
			if (known != null && known.until().isAfter(now)) {
				paths.put(sku, known.path());
			}
			else {
				unknown.add(sku);
			}
		}
		if (!unknown.isEmpty()) {
			Map<String, Optional<String>> found = new HashMap<>();
			unknown.forEach((sku) -> found.put(sku, Optional.empty()));
			for (SkuFacts facts : this.catalog.skuFacts(unknown)) {
				if (found.containsKey(facts.sku())) {
					found.put(facts.sku(), Optional.ofNullable(facts.categoryPath()));
				}
			}
			Instant until = now.plus(CATEGORY_TTL);
			found.forEach((sku, path) -> this.categories.put(sku, new Category(path, until)));
			paths.putAll(found);
		}
		return paths;
	}

	/**
	 * The top {@value #TOP} content pieces by GMV.
	 */
	@Transactional(readOnly = true)
	List<Source> contents(KpiRange range, String channelCode) {
		return sources(BreakdownDays.CONTENT, range, channelCode);
	}

	/**
	 * The top {@value #TOP} UTM campaigns by GMV.
	 */
	@Transactional(readOnly = true)
	List<Source> campaigns(KpiRange range, String channelCode) {
		return sources(BreakdownDays.CAMPAIGN, range, channelCode);
	}

	private List<Source> sources(String kind, KpiRange range, String channelCode) {
		return this.cache.get(kind, range.from(), range.to(), channelCode,
				() -> List.copyOf(querySources(kind, range, channelCode)));
	}

	private List<Source> querySources(String kind, KpiRange range, String channelCode) {
		return this.jdbc.sql("""
				SELECT code, sum(orders) AS orders, sum(gmv) AS gmv FROM kpi_source_day
				WHERE kind = :kind AND day BETWEEN :from AND :to
				  AND (CAST(:channel AS VARCHAR) IS NULL OR channel_code = :channel)
				GROUP BY code HAVING sum(orders) > 0 ORDER BY gmv DESC, code LIMIT %d""".formatted(TOP))
			.param("kind", kind)
			.param("from", range.from())
			.param("to", range.to())
			.param("channel", channelCode)
			.query((rs, n) -> new Source(rs.getString("code"), rs.getLong("orders"), rs.getBigDecimal("gmv")))
			.list();
	}

	private record Category(Optional<String> path, Instant until) {
	}

	/**
	 * A product's paid sales in the range.
	 *
	 * @param sku the SKU
	 * @param title its title on an order line
	 * @param units units paid for
	 * @param orders paid orders with the SKU
	 * @param gmv the lines' amounts
	 */
	record Product(String sku, String title, long units, long orders, BigDecimal gmv) {
	}

	/**
	 * The paid orders of a content piece or campaign in the range.
	 *
	 * @param code the content code or campaign
	 * @param orders paid orders
	 * @param gmv their paid amounts
	 */
	record Source(String code, long orders, BigDecimal gmv) {
	}

}
