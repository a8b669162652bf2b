package io.shopops.dashboard;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import io.shopops.BenchMachine;
import io.shopops.dashboard.ProductPerformance.Query;
import io.shopops.dashboard.ProductPerformance.Sort;
import io.shopops.platform.Role;
import io.shopops.platform.ShopSettings;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * The product performance benchmark (issue 12, 选品), run on demand with
 * {@code ./mvnw -Pbench test -Dtest=ProductPerformanceBenchmark}. It generates, with SQL
 * straight into the tables, a catalog (products × 4 SKUs, categories, cost prices for 90%
 * of the products, stock, reviews) and a year of the dashboard's facts: paid orders with 3
 * lines each over 4 channels, SKUs drawn with a skew (a few sell a lot), 5% of the orders
 * refunded up to 5 days later. It then rebuilds the rollups (timed), and requests the page
 * in-process through MockMvc (the whole server side: security, controller, the statements,
 * Thymeleaf) one at a time as a manager, for several ranges, views and filters, and times
 * the SKU aggregation from the rollup against the same aggregation from the facts. Every
 * figure goes to {@code bench/reports/product-performance.md}; it asserts nothing about
 * time.
 */
@SpringBootTest(properties = { "logging.level.io.shopops=WARN", "shopops.dashboard.catch-up-delay=PT24H" })
@AutoConfigureMockMvc
class ProductPerformanceBenchmark {

	private static final int ORDERS = Integer.getInteger("bench.perf.orders", 1_000_000);

	private static final int PRODUCTS = Integer.getInteger("bench.perf.products", 1_000);

	private static final int SAMPLES = Integer.getInteger("bench.perf.samples", 100);

	private static final int WARM_UP = Integer.getInteger("bench.perf.warm-up", 30);

	private static final int CHANNELS = 4;

	private static final long ORDER_BASE = 7_000_000_000L;

	private static final RequestPostProcessor MANAGER = user("bench-manager").roles(Role.MANAGER.name());

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	KpiRollups rollups;

	@Autowired
	SkuDays skuDays;

	@Autowired
	KpiVerification verification;

	@Autowired
	ProductPerformance performance;

	@Autowired
	ShopSettings settings;

	@Autowired
	PlatformTransactionManager transactions;

	private final List<String> report = new ArrayList<>();

	@Test
	void productPerformance() throws Exception {
		Instant began = Instant.now();
		line("# Product performance benchmark");
		line("");
		line("Run " + began.atOffset(ZoneOffset.UTC) + " on " + BenchMachine.machine() + ", Java " + System.getProperty("java.version")
				+ ", PostgreSQL " + this.jdbc.sql("SHOW server_version").query(String.class).single()
				+ " on the same machine (embedded unless TEST_DATABASE_URL is set). Load average at the start: "
				+ BenchMachine.loadAverage() + ".");
		line("");
		ZoneId zone = this.rollups.zone();
		LocalDate today = LocalDate.now(this.settings.current().timeZone());
		String run = Long.toString(System.currentTimeMillis() % 100_000, 36).toUpperCase(Locale.ROOT);
		int skus = PRODUCTS * 4;

		line("## Data");
		line("");
		line("| step | rows | time |");
		line("|---|---:|---:|");
		timed("categories (8 × 3)", () -> {
			this.jdbc.sql("INSERT INTO category (name, path) SELECT 'BP" + run + " 类目 ' || g, 'BP" + run
					+ " 类目 ' || g FROM generate_series(1, 8) g").update();
			return this.jdbc.sql("""
					INSERT INTO category (parent_id, name, path)
					SELECT c.id, '子类 ' || g, c.path || ' > 子类 ' || g FROM category c, generate_series(1, 3) g
					WHERE c.path LIKE :prefix AND c.parent_id IS NULL""").param("prefix", "BP" + run + " %").update();
		});
		timed("products", () -> this.jdbc.sql("""
				INSERT INTO product (handle, title, status, category_id)
				SELECT 'bench-perf-' || lower(:run) || '-' || g, '基准商品 ' || :run || '-' || g, 'ACTIVE',
				  (SELECT id FROM category WHERE path LIKE :prefix ORDER BY id OFFSET (g % 24) LIMIT 1)
				FROM generate_series(1, :products) g""")
			.param("run", run)
			.param("prefix", "BP" + run + " % > %")
			.param("products", PRODUCTS)
			.update());
		timed("SKUs (4 per product; no cost price for every 10th product)", () -> this.jdbc.sql("""
				INSERT INTO product_variant (product_id, sku, option1_value, price, cost, position)
				SELECT p.id, 'BP' || :run || '-' || g || '-' || v, 'V' || v, 50 + g % 200,
				  CASE WHEN g % 10 = 0 THEN NULL ELSE round((50 + g % 200) * 0.45, 2) END, v
				FROM generate_series(1, :products) g
				JOIN product p ON p.handle = 'bench-perf-' || lower(:run) || '-' || g
				CROSS JOIN generate_series(1, 4) v""")
			.param("run", run)
			.param("products", PRODUCTS)
			.update());
		timed("stock rows (0–499 on hand)", () -> this.jdbc.sql("""
				INSERT INTO stock_item (variant_id, warehouse, on_hand, reserved)
				SELECT v.id, 'MAIN', (hashtext(v.sku) & 511) % 500, 0 FROM product_variant v
				WHERE v.sku LIKE :prefix""").param("prefix", "BP" + run + "-%").update());
		timed("reviews (20 for every other product)", () -> this.jdbc.sql("""
				INSERT INTO review (source, product_id, rating, reviewed_at)
				SELECT 'MANUAL', p.id, 1 + floor(random() * 5)::int, now() FROM product p, generate_series(1, 20)
				WHERE p.handle LIKE :prefix AND p.id % 2 = 0""")
			.param("prefix", "bench-perf-" + run.toLowerCase(Locale.ROOT) + "-%")
			.update());
		timed("paid orders over the last 365 days, 4 channels", () -> this.jdbc.sql("""
				INSERT INTO kpi_order_fact (order_id, channel_code, buyer_key, paid_at, pay_day, paid_amount)
				SELECT :base + g, 'BP' || :run || '-C' || (g % :channels), 'bench-' || (g % 500000), t,
				  (t AT TIME ZONE :zone)::date, 100
				FROM (SELECT g, (CAST(:start AS timestamptz) + random() * interval '365 days') AS t
				      FROM generate_series(1, :orders) g) o""")
			.param("base", ORDER_BASE)
			.param("run", run)
			.param("channels", CHANNELS)
			.param("zone", zone.getId())
			.param("start", java.sql.Timestamp.from(today.minusDays(365).atStartOfDay(zone).toInstant()))
			.param("orders", ORDERS)
			.update());
		timed("order lines (3 per order, skewed SKUs)", () -> this.jdbc.sql("""
				INSERT INTO kpi_order_line_fact (order_id, line_no, sku, title, quantity, amount)
				SELECT order_id, n, 'BP' || :run || '-' || (k / 4 + 1) || '-' || (k % 4 + 1), '基准', q,
				  q * (50 + (k / 4 + 1) % 200)
				FROM (SELECT f.order_id, n, floor(:skus * power(random(), 2.5))::int AS k, 1 + floor(random() * 2)::int AS q
				      FROM kpi_order_fact f CROSS JOIN generate_series(0, 2) n WHERE f.order_id > :base) l""")
			.param("run", run)
			.param("skus", skus)
			.param("base", ORDER_BASE)
			.update());
		timed("refunds (5% of the orders, up to 5 days later)", () -> this.jdbc.sql("""
				INSERT INTO kpi_refund_fact (request_id, order_id, channel_code, amount, refunded_at, refund_day)
				SELECT order_id, order_id, channel_code, 50, t, (t AT TIME ZONE :zone)::date
				FROM (SELECT order_id, channel_code, paid_at + random() * interval '5 days' AS t FROM kpi_order_fact
				      WHERE order_id > :base AND order_id % 20 = 0) r""")
			.param("zone", zone.getId())
			.param("base", ORDER_BASE)
			.update());
		timed("refund lines (1 unit of the first line)", () -> this.jdbc.sql("""
				INSERT INTO kpi_refund_line_fact (request_id, line_no, sku, quantity, amount)
				SELECT r.request_id, 0, l.sku, 1, 50 FROM kpi_refund_fact r
				JOIN kpi_order_line_fact l ON l.order_id = r.order_id AND l.line_no = 0 WHERE r.request_id > :base""")
			.param("base", ORDER_BASE)
			.update());
		line("");

		line("## Rollup rebuild");
		line("");
		TransactionTemplate transaction = new TransactionTemplate(this.transactions);
		long skuStart = System.nanoTime();
		transaction.executeWithoutResult((status) -> this.skuDays.rebuild());
		double skuSeconds = (System.nanoTime() - skuStart) / 1e9;
		long fullStart = System.nanoTime();
		transaction.executeWithoutResult((status) -> this.rollups.rebuild(zone));
		double fullSeconds = (System.nanoTime() - fullStart) / 1e9;
		for (String table : List.of("kpi_sku_day", "kpi_sku_day_total", "kpi_order_line_fact", "kpi_order_fact")) {
			this.jdbc.sql("VACUUM ANALYZE " + table).update();
		}
		long channelRows = count("SELECT count(*) FROM kpi_sku_day");
		long totalRows = count("SELECT count(*) FROM kpi_sku_day_total");
		LocalDate from30 = today.minusDays(30);
		LocalDate to30 = today.minusDays(1);
		long rows30 = this.jdbc.sql("SELECT count(*) FROM kpi_sku_day_total WHERE day BETWEEN :f AND :t")
			.param("f", from30)
			.param("t", to30)
			.query(Long.class)
			.single();
		long channel30 = this.jdbc.sql(
				"SELECT count(*) FROM kpi_sku_day WHERE channel_code = :c AND day BETWEEN :f AND :t")
			.param("c", "BP" + run + "-C1")
			.param("f", from30)
			.param("t", to30)
			.query(Long.class)
			.single();
		line(String.format(Locale.ROOT,
				"SKU rollups alone (`SkuDays.rebuild`, both tables): %.1f s. Every rollup (`KpiRollups.rebuild`, what "
						+ "the catch-up and the verification page's rebuild run): %.1f s. Rows: `kpi_sku_day` %,d, "
						+ "`kpi_sku_day_total` %,d; the last 30 days are %,d rows over every channel and %,d of one channel.",
				skuSeconds, fullSeconds, channelRows, totalRows, rows30, channel30));
		line("");

		line("## Page, one request at a time (MockMvc, server side)");
		line("");
		line("" + SAMPLES + " samples after " + WARM_UP + " warm-up requests each; " + skus + " SKUs in " + PRODUCTS
				+ " products; the target is p95 ≤ 25 ms for the 30-day page.");
		line("");
		line("| request | p50 | p95 | p99 | max |");
		line("|---|---:|---:|---:|---:|");
		String range30 = "from=" + from30 + "&to=" + to30;
		String range90 = "from=" + today.minusDays(90) + "&to=" + to30;
		String range365 = "from=" + today.minusDays(365) + "&to=" + to30;
		long category = this.jdbc.sql("SELECT id FROM category WHERE path = :p")
			.param("p", "BP" + run + " 类目 1")
			.query(Long.class)
			.single();
		page("products, default (last 30 days), every channel", "/dashboard/products");
		page("SKUs, last 30 days", "/dashboard/products?" + range30 + "&view=skus");
		page("products, last 30 days, one channel", "/dashboard/products?" + range30 + "&channel=BP" + run + "-C1");
		page("products, last 30 days, one category (of 8)", "/dashboard/products?" + range30 + "&category=" + category);
		page("products, last 30 days, sorted by days of cover, page 5",
				"/dashboard/products?" + range30 + "&sort=cover&dir=asc&page=4");
		page("products, last 90 days", "/dashboard/products?" + range90);
		page("products, last 365 days", "/dashboard/products?" + range365);
		page("CSV, products, last 30 days", "/dashboard/products.csv?" + range30);
		page("KPI page (with the category breakdown), last 30 days", "/dashboard?" + range30);
		line("");

		line("## The report alone and its aggregation: rollup against facts");
		line("");
		KpiRange range = new KpiRange(from30, to30);
		Query query = new Query(range, null, null, null, false, Sort.GMV, true, today);
		line("| what (last 30 days, every channel) | p50 | p95 | max |");
		line("|---|---:|---:|---:|");
		measure("`ProductPerformance.report` (rollup + catalog + stock + ratings + ranking)", SAMPLES,
				() -> this.performance.report(query).rows().size());
		measure("SKU aggregation from `kpi_sku_day_total`", SAMPLES, () -> this.jdbc.sql("""
				SELECT sku, sum(units), sum(gmv), sum(refunded_units), sum(refund_amount) FROM kpi_sku_day_total
				WHERE day >= :f AND day <= :t GROUP BY sku""")
			.param("f", from30)
			.param("t", to30)
			.query((rs, n) -> 1)
			.list()
			.size());
		java.sql.Timestamp start = java.sql.Timestamp.from(from30.atStartOfDay(zone).toInstant());
		java.sql.Timestamp end = java.sql.Timestamp.from(today.atStartOfDay(zone).toInstant());
		measure("the same from the facts (`kpi_order_fact` ⋈ `kpi_order_line_fact`, refunds ⋈ their lines)", 10,
				() -> this.jdbc.sql("""
						SELECT sku, sum(u), sum(g), sum(ru), sum(ra) FROM (
						  SELECT l.sku, l.quantity AS u, l.amount AS g, 0 AS ru, 0 AS ra
						  FROM kpi_order_fact f JOIN kpi_order_line_fact l ON l.order_id = f.order_id
						  WHERE f.paid_at >= :s AND f.paid_at < :e
						  UNION ALL
						  SELECT l.sku, 0, 0, l.quantity, l.amount
						  FROM kpi_refund_fact r JOIN kpi_refund_line_fact l ON l.request_id = r.request_id
						  WHERE r.refunded_at >= :s AND r.refunded_at < :e) x GROUP BY sku""")
					.param("s", start)
					.param("e", end)
					.query((rs, n) -> 1)
					.list()
					.size());
		measure("`KpiVerification.verify` of the catch-up's 36 days (every KPI and both SKU rollups)", 3,
				() -> this.verification.verify(new KpiRange(today.minusDays(KpiCatchUp.VERIFIED_DAYS), today.plusDays(1)))
					.differences()
					.size());
		line("");
		line("Load average at the end: " + BenchMachine.loadAverage() + ". The whole run took "
				+ (java.time.Duration.between(began, Instant.now()).toSeconds()) + " s.");
		write();
	}

	private void page(String label, String url) throws Exception {
		for (int i = 0; i < WARM_UP; i++) {
			this.mvc.perform(get(url).with(MANAGER)).andReturn();
		}
		long[] nanos = new long[SAMPLES];
		for (int i = 0; i < SAMPLES; i++) {
			long t0 = System.nanoTime();
			int status = this.mvc.perform(get(url).with(MANAGER)).andReturn().getResponse().getStatus();
			nanos[i] = System.nanoTime() - t0;
			if (status != 200) {
				throw new IllegalStateException(url + " answered " + status);
			}
		}
		Arrays.sort(nanos);
		line(String.format(Locale.ROOT, "| %s | %.1f ms | %.1f ms | %.1f ms | %.1f ms |", label, ms(nanos, 0.50),
				ms(nanos, 0.95), ms(nanos, 0.99), nanos[nanos.length - 1] / 1e6));
	}

	private void measure(String label, int samples, Callable<Integer> work) throws Exception {
		for (int i = 0; i < Math.min(WARM_UP, samples); i++) {
			work.call();
		}
		long[] nanos = new long[samples];
		for (int i = 0; i < samples; i++) {
			long t0 = System.nanoTime();
			work.call();
			nanos[i] = System.nanoTime() - t0;
		}
		Arrays.sort(nanos);
		line(String.format(Locale.ROOT, "| %s | %.1f ms | %.1f ms | %.1f ms |", label, ms(nanos, 0.50),
				ms(nanos, 0.95), nanos[nanos.length - 1] / 1e6));
	}

	private static double ms(long[] sorted, double quantile) {
		int index = (int) Math.ceil(quantile * sorted.length) - 1;
		return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
	}

	private void timed(String label, Callable<Integer> step) throws Exception {
		long t0 = System.nanoTime();
		int rows = step.call();
		line(String.format(Locale.ROOT, "| %s | %,d | %.1f s |", label, rows, (System.nanoTime() - t0) / 1e9));
	}

	private long count(String sql) {
		return this.jdbc.sql(sql).query(Long.class).single();
	}

	private void line(String text) {
		this.report.add(text);
		System.out.println(text);
	}

	private void write() throws IOException {
		Path dir = Path.of(System.getProperty("bench.report.dir", "bench/reports"));
		Files.createDirectories(dir);
		Files.write(dir.resolve("product-performance.md"), this.report);
	}



}
