package io.shopops.growth.segment;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import io.shopops.BenchMachine;
import io.shopops.platform.ShopSettings;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The segments benchmark of issue 11, run on demand with
 * {@code ./mvnw -Pbench test -Dtest=SegmentBenchmark}. It generates
 * {@code bench.customers} (default 1,000,000) customers with their order facts, SKUs and
 * tags straight into CRM's tables with {@code generate_series}, then measures the RFM
 * recompute (first run: every row new; second run: rows rewritten only where changed)
 * and the count of a set of saved filters, each after two warm-up counts. It writes
 * {@code bench/reports/segments.md}; it asserts nothing about time.
 */
@SpringBootTest(properties = "logging.level.io.shopops=WARN")
class SegmentBenchmark {

	private static final int CUSTOMERS = Integer.getInteger("bench.customers", 1_000_000);

	private static final int SAMPLES = Integer.getInteger("bench.samples", 10);

	@Autowired
	JdbcClient jdbc;

	@Autowired
	RfmScoring rfm;

	@Autowired
	SegmentQuery query;

	@Autowired
	SegmentBook book;

	@Autowired
	Segments segments;

	@Autowired
	ShopSettings shop;

	private final List<String> report = new ArrayList<>();

	@Test
	void segmentsAtScale() throws IOException {
		Instant began = Instant.now();
		line("# Segments and RFM benchmark");
		line("");
		line("Run " + began.atOffset(ZoneOffset.UTC) + " on " + BenchMachine.machine() + ", Java " + System.getProperty("java.version")
				+ ", PostgreSQL " + this.jdbc.sql("SHOW server_version").query(String.class).single()
				+ " on the same machine (" + settings() + "). Load average at the start: " + BenchMachine.loadAverage() + ".");
		line("");
		long generate = time(this::generate);
		Map<String, Object> sizes = this.jdbc.sql("""
				SELECT (SELECT count(*) FROM customer) AS customers, (SELECT count(*) FROM customer_order) AS orders,
				       (SELECT count(*) FROM customer_sku) AS skus, (SELECT count(*) FROM customer_tag) AS tags
				""").query().singleRow();
		line("Data: " + sizes.get("customers") + " customers, " + sizes.get("orders") + " order facts, "
				+ sizes.get("skus") + " order SKUs (500 SKUs, skewed: `SKU-000` is on about 1 order in 8), "
				+ sizes.get("tags") + " tags; generated with `generate_series` and analysed in " + seconds(generate)
				+ ".");
		line("");
		line("## RFM recompute (target ≤ 60 s at 1M customers)");
		line("");
		line("| run | customers scored | time | JVM CPU | PostgreSQL CPU |");
		line("|---|---:|---:|---:|---:|");
		long backend = this.jdbc.sql("SELECT pg_backend_pid()").query(Long.class).single();
		for (String label : List.of("first (every row new)", "second (unchanged rows skipped)")) {
			long cpu = jvmCpuMillis();
			long pg = BenchMachine.postgresCpuTicks(backend);
			AtomicLong scored = new AtomicLong();
			long nanos = time(() -> scored.set(this.rfm.recompute("bench").scored()));
			long pgAfter = BenchMachine.postgresCpuTicks(backend);
			line("| " + label + " | " + scored.get() + " | **" + seconds(nanos) + "** | "
					+ (jvmCpuMillis() - cpu) + " ms | "
					+ ((pg >= 0 && pgAfter >= 0) ? String.format(Locale.ROOT, "%.1f s", (pgAfter - pg) / 100.0) : "–")
					+ " |");
		}
		this.jdbc.sql("VACUUM ANALYZE customer_rfm").update();
		line("");
		line("Groups after the recompute: " + this.rfm.groups()
			.stream()
			.map((g) -> g.group().name() + " " + g.customers())
			.reduce((x, y) -> x + ", " + y)
			.orElse("") + ".");
		line("");
		line("## Segment counts (target ≤ 300 ms at 1M customers)");
		line("");
		line("Each filter is saved as a segment and counted through `Segments.count(id)` (the facade coupons and "
				+ "campaigns use: it reads the segment, builds one SQL count and runs it), twice to warm up and then "
				+ SAMPLES + " times. PostgreSQL CPU is the whole server's (its processes in `/proc`, parallel workers "
				+ "included, 10 ms ticks) over the timed counts, divided by their number: the work a count costs, "
				+ "which the machine's load does not inflate.");
		line("");
		line("| filter | members | median | max | PostgreSQL CPU per count |");
		line("|---|---:|---:|---:|---:|");
		LocalDate today = LocalDate.now(this.shop.current().timeZone());
		int number = 0;
		for (Map.Entry<String, SegmentFilter> entry : filters(today).entrySet()) {
			long id = this.book.create("bench segment " + (++number), entry.getValue(), 0, "bench");
			long members = this.segments.count(id);
			this.segments.count(id);
			long[] samples = new long[SAMPLES];
			long pg = BenchMachine.postgresCpuTicks(backend);
			for (int i = 0; i < SAMPLES; i++) {
				samples[i] = time(() -> {
					this.segments.count(id);
				});
			}
			long pgAfter = BenchMachine.postgresCpuTicks(backend);
			Arrays.sort(samples);
			line("| " + entry.getKey() + " | " + members + " | **" + millis(samples[SAMPLES / 2]) + "** | "
					+ millis(samples[SAMPLES - 1]) + " | "
					+ ((pg >= 0 && pgAfter >= 0) ? String.format(Locale.ROOT, "%.0f ms", (pgAfter - pg) * 10.0 / SAMPLES)
							: "–")
					+ " |");
		}
		line("");
		line("## Members");
		line("");
		SegmentFilter big = new SegmentFilter(null, List.of(), RfmGroup.GENERAL_WINBACK, null, null, null, null, null,
				null, null, null, null, null, null, null);
		long id = this.book.create("bench members", big, 0, "bench");
		AtomicLong streamed = new AtomicLong();
		long stream = time(() -> this.segments.forEachBatch(id, (batch) -> streamed.addAndGet(batch.size())));
		line("- `Segments.forEachBatch` over the " + streamed.get() + " members of RFM group GENERAL_WINBACK "
				+ "(batches of 10,000 by id): " + seconds(stream) + ".");
		this.query.page(big, 0);
		long first = time(() -> {
			this.query.page(big, 0);
		});
		long hundredth = time(() -> {
			this.query.page(big, 100);
		});
		line("- members page 1 of that segment: " + millis(first) + "; page 101: " + millis(hundredth) + ".");
		line("");
		line("Finished in " + Duration.between(began, Instant.now()).toSeconds() + " s. Load average at the end: "
				+ BenchMachine.loadAverage() + ".");
		write();
	}

	private Map<String, SegmentFilter> filters(LocalDate today) {
		Map<String, SegmentFilter> filters = new LinkedHashMap<>();
		filters.put("everyone", SegmentFilter.ALL);
		filters.put("tier GOLD", filter("GOLD", List.of(), null, null, null, null, null, null));
		filters.put("tag VIP", filter(null, List.of("VIP"), null, null, null, null, null, null));
		filters.put("tags VIP or 学生", filter(null, List.of("VIP", "学生"), null, null, null, null, null, null));
		filters.put("RFM group IMPORTANT_VALUE",
				filter(null, List.of(), RfmGroup.IMPORTANT_VALUE, null, null, null, null, null));
		filters.put("RFM R 4–5 and F 3–5",
				new SegmentFilter(null, List.of(), null, 4, 5, 3, 5, null, null, null, null, null, null, null, null));
		filters.put("last order in the last 90 days",
				filter(null, List.of(), null, today.minusDays(90), null, null, null, null));
		filters.put("last order before a year ago",
				filter(null, List.of(), null, null, today.minusDays(365), null, null, null));
		filters.put("net spend 500–2000", new SegmentFilter(null, List.of(), null, null, null, null, null, null, null,
				null, null, new BigDecimal("500"), new BigDecimal("2000"), null, null));
		filters.put("first channel DOUYIN", filter(null, List.of(), null, null, null, null, "DOUYIN", null));
		filters.put("bought SKU-000 (popular)", filter(null, List.of(), null, null, null, null, null, "SKU-000"));
		filters.put("bought SKU-450 (long tail)", filter(null, List.of(), null, null, null, null, null, "SKU-450"));
		filters.put("GOLD + VIP + RFM IMPORTANT_KEEP + spend ≥ 1000 + SKU-001",
				new SegmentFilter("GOLD", List.of("VIP"), RfmGroup.IMPORTANT_KEEP, null, null, null, null, null, null,
						null, null, new BigDecimal("1000"), null, null, "SKU-001"));
		filters.put("tag VIP + bought SKU-000", filter(null, List.of("VIP"), null, null, null, null, null, "SKU-000"));
		filters.put("RFM group IMPORTANT_KEEP + bought SKU-000",
				filter(null, List.of(), RfmGroup.IMPORTANT_KEEP, null, null, null, null, "SKU-000"));
		filters.put("tags VIP or 学生 + F 3–5", new SegmentFilter(null, List.of("VIP", "学生"), null, null, null, 3, 5,
				null, null, null, null, null, null, null, null));
		filters.put("net spend 500–2000 + F 3–5", new SegmentFilter(null, List.of(), null, null, null, 3, 5, null, null,
				null, null, new BigDecimal("500"), new BigDecimal("2000"), null, null));
		filters.put("first channel DOUYIN + M 4–5 + bought SKU-000", new SegmentFilter(null, List.of(), null, null,
				null, null, null, 4, 5, null, null, null, null, "DOUYIN", "SKU-000"));
		filters.put("dormant big spenders: R 1–2, M 4–5, last order 180–365 days ago, channel TMALL",
				new SegmentFilter(null, List.of(), null, 1, 2, null, null, 4, 5, today.minusDays(365),
						today.minusDays(180), null, null, "TMALL", null));
		return filters;
	}

	private static SegmentFilter filter(String tier, List<String> tags, RfmGroup group, LocalDate after,
			LocalDate before, BigDecimal spendMin, String channel, String sku) {
		return new SegmentFilter(tier, tags, group, null, null, null, null, null, null, after, before, spendMin, null,
				channel, sku);
	}

	private void generate() {
		this.jdbc.sql("""
				INSERT INTO customer (name, phone, first_channel, first_order_at, last_order_at, order_count, paid_total,
				                      net_spend, tier_code)
				SELECT '客户' || g, '13' || lpad(g::text, 9, '0'),
				       (ARRAY['TMALL', 'JD', 'DOUYIN', 'PDD', 'OWN_SITE', 'WECHAT'])[1 + g % 6],
				       now() - make_interval(days => last_days + first_gap, hours => g % 24),
				       now() - make_interval(days => last_days, hours => g % 24),
				       orders, spend, spend,
				       CASE WHEN spend >= 3000 THEN 'DIAMOND' WHEN spend >= 1000 THEN 'GOLD'
				            WHEN spend >= 300 THEN 'SILVER' END
				FROM (SELECT g, orders, last_days,
				             CASE WHEN orders > 1 THEN floor(random() * 365)::int ELSE 0 END AS first_gap,
				             round(CAST(orders * (20 + 400 * u * u) AS NUMERIC), 2) AS spend
				      FROM (SELECT g, least(30, 1 + floor(-ln(1 - random()) * 1.2))::int AS orders,
				                   floor(power(random(), 1.5) * 730)::int AS last_days, random() AS u
				            FROM generate_series(1, :n) g) s) t
				""").param("n", CUSTOMERS).update();
		this.jdbc.sql("""
				INSERT INTO customer_order (order_id, customer_id, channel_code, order_number, status, status_rank,
				                            placed_at, paid_amount, paid_at, completed_at, currency)
				SELECT c.id * 40 + k, c.id, c.first_channel, 'B' || c.id || '-' || k, 'COMPLETED', 6,
				       c.last_order_at - make_interval(days => (k - 1) * 7), round(c.net_spend / c.order_count, 2),
				       c.last_order_at - make_interval(days => (k - 1) * 7),
				       c.last_order_at - make_interval(days => (k - 1) * 7 - 3), 'CNY'
				FROM customer c, generate_series(1, c.order_count) k
				WHERE c.name LIKE '客户%'
				""").update();
		this.jdbc.sql("""
				INSERT INTO customer_sku (order_id, sku, customer_id)
				SELECT order_id, 'SKU-' || lpad(floor(500 * power(random(), 3))::int::text, 3, '0'), customer_id
				FROM customer_order
				ON CONFLICT DO NOTHING
				""").update();
		this.jdbc.sql("""
				INSERT INTO customer_tag (customer_id, tag)
				SELECT id, 'VIP' FROM customer WHERE random() < 0.1
				UNION ALL SELECT id, '高复购' FROM customer WHERE order_count >= 3
				UNION ALL SELECT id, '学生' FROM customer WHERE random() < 0.05
				ON CONFLICT DO NOTHING
				""").update();
		for (String table : List.of("customer", "customer_order", "customer_sku", "customer_tag")) {
			this.jdbc.sql("VACUUM ANALYZE " + table).update();
		}
	}

	private String settings() {
		return "shared_buffers " + show("shared_buffers") + ", work_mem " + show("work_mem")
				+ ", max_parallel_workers_per_gather " + show("max_parallel_workers_per_gather");
	}

	private String show(String setting) {
		return this.jdbc.sql("SHOW " + setting).query(String.class).single();
	}

	private static long time(Runnable action) {
		long start = System.nanoTime();
		action.run();
		return System.nanoTime() - start;
	}

	private static String millis(long nanos) {
		return String.format(Locale.ROOT, "%.0f ms", nanos / 1e6);
	}

	private static String seconds(long nanos) {
		return String.format(Locale.ROOT, "%.1f s", nanos / 1e9);
	}

	private void line(String text) {
		this.report.add(text);
	}

	private void write() throws IOException {
		Path dir = Path.of(System.getProperty("bench.report.dir", "bench/reports"));
		Files.createDirectories(dir);
		Files.write(dir.resolve("segments.md"), this.report);
	}

	private static long jvmCpuMillis() {
		return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
			.getProcessCpuTime() / 1_000_000;
	}



}
