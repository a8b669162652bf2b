package io.shopops.growth.retention;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import io.shopops.BenchMachine;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * The cohort page benchmark of issue 11 ("cohort page p95 ≤ 300 ms at 1M customers"),
 * run on demand with {@code ./mvnw -Pbench test -Dtest=CohortBenchmark}. It generates
 * the retention facts of {@code bench.cohort.customers} customers (default 1M) over 24
 * months straight into {@code retention_order}, {@code retention_refund} and
 * {@code retention_purchase} with {@code generate_series}, rebuilds the rollups from
 * them (timed), then requests the retention pages through MockMvc as a manager, one at a
 * time, and writes {@code bench/reports/cohorts.md}. It asserts nothing about time.
 */
@SpringBootTest(properties = "logging.level.io.shopops=WARN")
@AutoConfigureMockMvc
class CohortBenchmark {

	private static final int CUSTOMERS = Integer.getInteger("bench.cohort.customers", 1_000_000);

	private static final int SAMPLES = Integer.getInteger("bench.cohort.samples", 200);

	private static final int WARM_UP = Integer.getInteger("bench.cohort.warm-up", 30);

	/** Generated customers' ids start here, far above real ones (retention has no FK). */
	private static final long BASE = 900_000_000_000L;

	/** The product every generated order bought, for the due list. */
	private static final long PRODUCT = -911L;

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	RetentionBook book;

	@Autowired
	RepurchaseCycles cycles;

	private final List<String> report = new ArrayList<>();

	@Test
	void cohortPageAtScale() throws Exception {
		Instant began = Instant.now();
		line("# Cohort page benchmark");
		line("");
		line("Run " + began.atOffset(ZoneOffset.UTC) + " on " + BenchMachine.machine() + ", Java " + System.getProperty("java.version")
				+ ", PostgreSQL " + this.jdbc.sql("SHOW server_version").query(String.class).single()
				+ " on the same machine. Load average at the start: " + BenchMachine.loadAverage() + ".");
		line("");
		long generateStart = System.nanoTime();
		generate();
		long generated = millis(generateStart);
		long orders = count("SELECT count(*) FROM retention_order WHERE customer_id >= " + BASE);
		long refunds = count("SELECT count(*) FROM retention_refund WHERE request_id <= -" + BASE);
		long rebuildStart = System.nanoTime();
		this.book.rebuild(this.book.zone());
		long rebuilt = millis(rebuildStart);
		this.jdbc.sql("ANALYZE retention_order").update();
		this.jdbc.sql("ANALYZE retention_purchase").update();
		long cohortRows = count("SELECT count(*) FROM retention_cohort_month");
		line("Data: " + CUSTOMERS + " customers whose first paid order falls in the last 24 months, " + orders
				+ " paid orders (35% of customers order again 20–60 days later, 30% of those once more), " + refunds
				+ " refunds; generated in " + generated + " ms. Rebuilding every rollup from these facts ("
				+ "`RetentionBook.rebuild`) took " + rebuilt + " ms and left " + cohortRows
				+ " cohort × month rows. The page reads only the rollups.");
		line("");
		line("Each request goes through MockMvc as a manager (security filters, controller, Thymeleaf rendering; no "
				+ "network), one at a time, " + WARM_UP + " warm-up requests first, then " + SAMPLES + " measured. "
				+ "Wall time is what a user waits for; on a machine shared by many processes it grows with the load "
				+ "average. The CPU columns are the request thread's own CPU time (MockMvc runs the request on the "
				+ "calling thread), which the load does not inflate; PostgreSQL's CPU is the whole server's (from `/proc`, "
				+ "in 10 ms ticks) over the measured requests, divided by their number.");
		line("");
		line("| page | p50 | p95 | p99 | max | CPU p50 | CPU p95 | PostgreSQL CPU per request | target |");
		line("|---|---:|---:|---:|---:|---:|---:|---:|---|");
		measure("`GET /crm/retention` (12 cohorts, monthly rate)", get("/crm/retention"), "p95 ≤ 300 ms");
		measure("`GET /crm/retention?months=36&period=QUARTER`",
				get("/crm/retention").param("months", "36").param("period", "QUARTER"), "p95 ≤ 300 ms");
		measure("`GET /crm/retention` in Chinese", get("/crm/retention").header("Accept-Language", "zh-CN"),
				"p95 ≤ 300 ms");
		this.jdbc.sql("INSERT INTO retention_cycle (product_id, title, cycle_days, updated_by) "
				+ "VALUES (?, 'Bench product', 30, 'bench') ON CONFLICT DO NOTHING").param(PRODUCT).update();
		long purchases = count("SELECT count(*) FROM retention_purchase WHERE product_id = " + PRODUCT);
		measure("`GET /crm/retention/due?product=…` (" + purchases + " purchases of the product, page 1)",
				get("/crm/retention/due").param("product", String.valueOf(PRODUCT)), "—");
		line("");
		line("The due list groups the product's purchases per customer on every request (no rollup); it is not "
				+ "part of the issue's target.");
		line("");
		cleanUp();
		line("Finished in " + Duration.between(began, Instant.now()).toSeconds() + " s. Load average at the end: "
				+ BenchMachine.loadAverage() + ".");
		write();
	}

	private void generate() {
		String first = "(now() - (random() * 720 + 1) * interval '1 day')";
		this.jdbc.sql("""
				INSERT INTO retention_order (order_id, customer_id, paid_at, paid_amount, status, status_rank)
				SELECT -(%d + g), %d + g, %s, round((30 + random() * 300)::numeric, 2), 'COMPLETED', 6
				FROM generate_series(1, %d) g""".formatted(BASE, BASE, first, CUSTOMERS)).update();
		this.jdbc.sql("""
				INSERT INTO retention_order (order_id, customer_id, paid_at, paid_amount, status, status_rank)
				SELECT -(%d + 10000000 + customer_id - %d), customer_id,
				       paid_at + (20 + random() * 40) * interval '1 day', round((30 + random() * 300)::numeric, 2),
				       'COMPLETED', 6
				FROM retention_order WHERE customer_id >= %d AND random() < 0.35""".formatted(BASE, BASE, BASE))
			.update();
		this.jdbc.sql("""
				INSERT INTO retention_order (order_id, customer_id, paid_at, paid_amount, status, status_rank)
				SELECT -(%d + 20000000 + customer_id - %d), customer_id,
				       paid_at + (20 + random() * 40) * interval '1 day', round((30 + random() * 300)::numeric, 2),
				       'COMPLETED', 6
				FROM retention_order WHERE order_id <= -(%d + 10000000) AND order_id > -(%d + 20000000)
				  AND random() < 0.3""".formatted(BASE, BASE, BASE, BASE)).update();
		this.jdbc.sql("DELETE FROM retention_order WHERE customer_id >= ? AND paid_at > now()").param(BASE).update();
		this.jdbc.sql("""
				INSERT INTO retention_refund (request_id, order_id, amount, refunded_at)
				SELECT order_id - %d, order_id, round(paid_amount / 2, 2), paid_at + interval '5 days'
				FROM retention_order WHERE customer_id >= %d AND random() < 0.05 AND paid_at < now() - interval '5 days'
				""".formatted(BASE, BASE)).update();
		this.jdbc.sql("""
				INSERT INTO retention_purchase (order_id, product_id, title)
				SELECT order_id, %d, 'Bench product' FROM retention_order WHERE customer_id >= %d AND random() < 0.2
				""".formatted(PRODUCT, BASE)).update();
	}

	private void cleanUp() {
		this.jdbc.sql("DELETE FROM retention_cycle WHERE product_id = ?").param(PRODUCT).update();
		this.jdbc.sql("DELETE FROM retention_purchase WHERE product_id = ?").param(PRODUCT).update();
		this.jdbc.sql("DELETE FROM retention_refund WHERE request_id <= ?").param(-BASE).update();
		this.jdbc.sql("DELETE FROM retention_order WHERE customer_id >= ?").param(BASE).update();
		this.book.rebuild(this.book.zone());
	}

	private void measure(String label, MockHttpServletRequestBuilder request, String target) throws Exception {
		MockHttpServletRequestBuilder asManager = request.with(user("bench-manager").roles("MANAGER"));
		for (int i = 0; i < WARM_UP; i++) {
			check(this.mvc.perform(asManager).andReturn().getResponse().getStatus());
		}
		long[] nanos = new long[SAMPLES];
		long[] cpu = new long[SAMPLES];
		ThreadMXBean threads = ManagementFactory.getThreadMXBean();
		long backend = this.jdbc.sql("SELECT pg_backend_pid()").query(Long.class).single();
		long pgStart = BenchMachine.postgresCpuTicks(backend);
		for (int i = 0; i < SAMPLES; i++) {
			long cpuStart = threads.getCurrentThreadCpuTime();
			long start = System.nanoTime();
			check(this.mvc.perform(asManager).andReturn().getResponse().getStatus());
			nanos[i] = System.nanoTime() - start;
			cpu[i] = threads.getCurrentThreadCpuTime() - cpuStart;
		}
		long pgEnd = BenchMachine.postgresCpuTicks(backend);
		String pg = (pgStart >= 0 && pgEnd >= 0)
				? String.format(Locale.ROOT, "%.1f ms", (pgEnd - pgStart) * 10.0 / SAMPLES) : "–";
		Arrays.sort(nanos);
		Arrays.sort(cpu);
		line("| " + label + " | " + ms(nanos, 0.50) + " | " + ms(nanos, 0.95) + " | " + ms(nanos, 0.99) + " | "
				+ String.format(Locale.ROOT, "%.1f ms", nanos[nanos.length - 1] / 1e6) + " | " + ms(cpu, 0.50) + " | "
				+ ms(cpu, 0.95) + " | " + pg + " | " + target + " |");
	}

	private static void check(int status) {
		if (status != 200) {
			throw new IllegalStateException("HTTP " + status);
		}
	}

	private static String ms(long[] sorted, double quantile) {
		int index = (int) Math.ceil(quantile * sorted.length) - 1;
		return String.format(Locale.ROOT, "%.1f ms", sorted[Math.max(0, index)] / 1e6);
	}

	private long count(String sql) {
		return this.jdbc.sql(sql).query(Long.class).single();
	}

	private static long millis(long start) {
		return (System.nanoTime() - start) / 1_000_000;
	}

	private void line(String text) {
		this.report.add(text);
		System.out.println(text);
	}

	private void write() throws IOException {
		Path path = Path.of("bench/reports/cohorts.md");
		Files.createDirectories(path.getParent());
		Files.writeString(path, String.join("\n", this.report) + "\n");
	}



}
