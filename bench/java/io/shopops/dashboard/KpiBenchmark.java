package io.shopops.dashboard;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.shopops.BenchMachine;
import io.shopops.TestUsers;
import io.shopops.growth.traffic.TrafficRollupBench;
import io.shopops.platform.Role;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

import static io.shopops.BenchFigures.fmt;
import static io.shopops.BenchFigures.median;
import static io.shopops.BenchFigures.ms;

/**
 * The KPI benchmark of issue 12, run on demand with
 * {@code ./mvnw -Pbench test -Dtest=KpiBenchmark}. It loads, with {@code generate_series}
 * straight into the tables, the shape the issue names: 1M orders with 3M lines over the
 * 365 days before the measured day, 500k buyers (and as many CRM customers), 5 % of the
 * orders refunded a few days after payment, 10M collected traffic events; the dashboard's
 * facts are written as its listeners would have written them. It then times a full
 * rebuild of the rollups, and over real HTTP, with 20 clients on one manager's session,
 * the stable KPI JSON and the KPI page for ranges of 1 to 365 days and the operator home;
 * beside them, the same figures computed straight from the facts (what the rollups save).
 * It writes {@code bench/reports/kpi.md}; it asserts nothing about time.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "logging.level.io.shopops=WARN", "shopops.dashboard.catch-up-delay=PT10H",
				"shopops.traffic.rollup-delay=PT10H", "shopops.traffic.reconcile-delay=PT10H",
				"server.tomcat.threads.max=40", "shopops.home.count-ttl=PT10S" })
class KpiBenchmark {

	private static final int ORDERS = Integer.getInteger("bench.kpi.orders", 1_000_000);

	private static final int LINES_PER_ORDER = 3;

	private static final int BUYERS = Integer.getInteger("bench.kpi.buyers", 500_000);

	private static final int EVENTS = Integer.getInteger("bench.kpi.events", 10_000_000);

	private static final int VISITORS = Integer.getInteger("bench.kpi.visitors", 1_500_000);

	private static final int CLIENTS = Integer.getInteger("bench.clients", 20);

	private static final int REQUESTS = Integer.getInteger("bench.kpi.requests", 200);

	private static final long THINK_MS = Long.getLong("bench.kpi.think-ms", 1000);

	/** The day after the loaded history: the data covers the 365 days before it. */
	private static final LocalDate END = LocalDate.of(2026, 11, 30);

	private static final int[] RANGES = { 1, 7, 30, 90, 365 };

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	KpiRollups rollups;

	@Autowired
	PasswordEncoder passwordEncoder;

	@Autowired
	ApplicationContext context;

	private final List<String> report = new ArrayList<>();

	private HttpClient http;

	private volatile long think;

	@Test
	void kpiAtAMillionOrders() throws Exception {
		Instant began = Instant.now();
		line("# KPI page at a million orders");
		line("");
		line("Run " + began.atOffset(ZoneOffset.UTC) + " on " + BenchMachine.machine() + ", Java " + System.getProperty("java.version")
				+ ", PostgreSQL " + this.jdbc.sql("SHOW server_version").query(String.class).single()
				+ " on the same machine. Load average at the start: " + BenchMachine.loadAverage() + ".");
		line("");
		line("## Data");
		line("");
		load();
		line("");
		line("## Full rollup rebuild");
		line("");
		ZoneId zone = ZoneId.of("Asia/Shanghai");
		long start = System.nanoTime();
		this.rollups.rebuild(zone);
		double rebuild = (System.nanoTime() - start) / 1e9;
		this.jdbc.sql("ANALYZE").update();
		line("`KpiRollups.rebuild` (kpi_day, kpi_buyer_day, kpi_buyer_first, kpi_buyer_span, the SKU, source and "
				+ "funnel day rollups from the facts, one transaction): **" + fmt(rebuild)
				+ " s** (target ≤ 60 s). Rollup rows: " + count("kpi_day") + " channel-days, " + count("kpi_buyer_day")
				+ " buyer-days, " + count("kpi_buyer_first") + " first orders, " + count("kpi_buyer_span")
				+ " buyer-span rows (scope × day, 3 × 366 counts each), " + count("kpi_sku_day_total")
				+ " SKU-days, " + count("kpi_placed_day") + " funnel days.");
		start = System.nanoTime();
		TrafficRollupBench.refresh(this.context);
		double traffic = (System.nanoTime() - start) / 1e9;
		this.jdbc.sql("ANALYZE").update();
		line("");
		line("`VisitRollup` first build (traffic_day, traffic_visitor_day, traffic_visit_gap from the events, one "
				+ "transaction): **" + fmt(traffic) + " s**. Rollup rows: " + count("traffic_day") + " days, "
				+ count("traffic_visitor_day") + " visitor-days (all kinds), " + count("traffic_visit_gap")
				+ " gap rows.");
		line("");
		login();
		http(THINK_MS);
		http(0);
		line("");
		line("## Straight from the facts");
		line("");
		line("The counted figures (paid orders, GMV, refunds, paying, repeat and new buyers) per day and for the "
				+ "range, computed from kpi_order_fact and kpi_refund_fact as the verification does, one call at a "
				+ "time, beside the same figures from the rollups (median of 5, after one warm-up).");
		line("");
		line("| range | from the rollups | from the facts | ratio |");
		line("|---:|---:|---:|---:|");
		SqlKpiSource rolled = SqlKpiSource.rollups(this.jdbc);
		SqlKpiSource facts = SqlKpiSource.facts(this.jdbc, () -> zone);
		for (int days : RANGES) {
			LocalDate rangeFrom = END.minusDays(days);
			LocalDate rangeTo = END.minusDays(1);
			double fromRollups = median(() -> {
				rolled.days(rangeFrom, rangeTo, null);
				rolled.totals(rangeFrom, rangeTo, null);
			});
			double fromFacts = median(() -> {
				facts.days(rangeFrom, rangeTo, null);
				facts.totals(rangeFrom, rangeTo, null);
			});
			line("| " + days + " d | " + fmt(fromRollups) + " ms | " + fmt(fromFacts) + " ms | "
					+ String.format(Locale.ROOT, "%.1f×", fromFacts / fromRollups) + " |");
		}
		line("");
		line("Finished in " + Duration.between(began, Instant.now()).toSeconds() + " s. Load average at the end: "
				+ BenchMachine.loadAverage() + ".");
		write();
	}

	private void load() {
		long start = System.nanoTime();
		this.jdbc.sql("""
				INSERT INTO sales_channel (code, name, platform)
				SELECT 'BENCH' || c, '基准渠道 ' || c, (ARRAY['TMALL', 'JD', 'DOUYIN', 'OWN_SITE'])[c]
				FROM generate_series(1, 4) c""").update();
		// orders spread evenly over the 365 days before END (Asia/Shanghai), newest last;
		// the buyer of order i is (i * 7919) mod BUYERS, so that most buyers order twice
		this.jdbc.sql("""
				INSERT INTO shop_order (channel_id, number, status, source, currency, goods_amount, shipping_fee,
				                        paid_amount, customer_name, customer_phone, buyer_id, ship_name, ship_province,
				                        ship_city, ship_line1, placed_at, paid_at, shipped_at, delivered_at,
				                        completed_at, cancelled_at, closed_at, history)
				SELECT ch.id, 'K' || lpad(i::text, 10, '0'), s.status, 'IMPORT', 'CNY', 148.50, 0, 148.50,
				       '基准买家' || b.n, '139' || lpad(b.n::text, 8, '0'), 'kbuyer' || b.n,
				       '基准买家', '浙江省', '杭州市', '文三路 ' || i || ' 号', t.placed,
				       CASE WHEN s.status <> 'CANCELLED' THEN t.placed + interval '5 minutes' END,
				       CASE WHEN s.status IN ('SHIPPED', 'COMPLETED', 'CLOSED') THEN t.placed + interval '1 day' END,
				       CASE WHEN s.status IN ('COMPLETED', 'CLOSED') THEN t.placed + interval '3 days' END,
				       CASE WHEN s.status = 'COMPLETED' THEN t.placed + interval '8 days' END,
				       CASE WHEN s.status = 'CANCELLED' THEN t.placed + interval '1 hour' END,
				       CASE WHEN s.status = 'CLOSED' THEN t.placed + interval '9 days' END,
				       s.status <> 'PAID'
				FROM generate_series(1, :orders) i
				CROSS JOIN LATERAL (SELECT (i::bigint * 7919) % :buyers AS n) b
				CROSS JOIN LATERAL (SELECT timestamptz '2026-11-30 00:00+08' - (:orders - i + 1) * (interval '365 days' / :orders)
				                             AS placed) t
				CROSS JOIN LATERAL (SELECT CASE WHEN i > :orders - :orders / 120 THEN (CASE WHEN i % 3 = 0 THEN 'SHIPPED' ELSE 'PAID' END)
				                                WHEN i % 100 < 94 THEN 'COMPLETED' WHEN i % 100 < 97 THEN 'CANCELLED'
				                                ELSE 'CLOSED' END AS status) s
				JOIN sales_channel ch ON ch.code = 'BENCH' || (1 + i % 4)""")
			.param("orders", ORDERS)
			.param("buyers", BUYERS)
			.update();
		this.jdbc.sql("""
				INSERT INTO order_line (order_id, line_no, sku, title, quantity, unit_price, amount, shipped_quantity)
				SELECT o.id, n, 'KBENCH-' || lpad(((o.id * 7 + n) % 5000)::text, 5, '0'), '基准商品 纯棉短袖T恤', 1,
				       49.50, 49.50, CASE WHEN o.status IN ('SHIPPED', 'COMPLETED', 'CLOSED') THEN 1 ELSE 0 END
				FROM shop_order o
				JOIN sales_channel ch ON ch.id = o.channel_id AND ch.code LIKE 'BENCH%'
				CROSS JOIN LATERAL generate_series(1, :lines) n""").param("lines", LINES_PER_ORDER).update();
		double orders = (System.nanoTime() - start) / 1e9;
		start = System.nanoTime();
		// the facts the dashboard's listeners keep: every paid order, 5 % refunded 4 days later
		this.jdbc.sql("""
				INSERT INTO kpi_order_fact (order_id, channel_code, buyer_key, paid_at, pay_day, paid_amount)
				SELECT o.id, ch.code, 'id:' || ch.code || ':' || o.buyer_id, o.paid_at,
				       (o.paid_at AT TIME ZONE 'Asia/Shanghai')::date, o.paid_amount
				FROM shop_order o JOIN sales_channel ch ON ch.id = o.channel_id AND ch.code LIKE 'BENCH%'
				WHERE o.paid_at IS NOT NULL""").update();
		this.jdbc.sql("""
				INSERT INTO kpi_order_line_fact (order_id, line_no, sku, title, quantity, amount)
				SELECT l.order_id, l.line_no, l.sku, l.title, l.quantity, l.amount
				FROM order_line l JOIN kpi_order_fact f ON f.order_id = l.order_id""").update();
		this.jdbc.sql("""
				INSERT INTO kpi_placed_fact (order_id, own_site, placed_at, paid_at)
				SELECT o.id, ch.platform = 'OWN_SITE', o.placed_at, o.paid_at
				FROM shop_order o JOIN sales_channel ch ON ch.id = o.channel_id AND ch.code LIKE 'BENCH%'""").update();
		this.jdbc.sql("""
				INSERT INTO kpi_refund_fact (request_id, order_id, channel_code, amount, refunded_at, refund_day)
				SELECT f.order_id, f.order_id, f.channel_code, 49.50, f.paid_at + interval '4 days',
				       ((f.paid_at + interval '4 days') AT TIME ZONE 'Asia/Shanghai')::date
				FROM kpi_order_fact f WHERE f.order_id % 20 = 0 AND f.paid_at + interval '4 days' < now()""").update();
		double facts = (System.nanoTime() - start) / 1e9;
		start = System.nanoTime();
		this.jdbc.sql("""
				INSERT INTO customer (name, phone, first_channel, first_order_at, last_order_at, order_count, paid_total,
				                      net_spend)
				SELECT '基准买家' || n, '139' || lpad(n::text, 8, '0'), 'BENCH' || (1 + n % 4),
				       timestamptz '2025-12-01 10:00+08' + (n % 300) * interval '1 day',
				       timestamptz '2025-12-01 10:00+08' + (n % 300 + 30) * interval '1 day', 2, 297.00, 297.00
				FROM generate_series(0, :buyers - 1) n""").param("buyers", BUYERS).update();
		double customers = (System.nanoTime() - start) / 1e9;
		start = System.nanoTime();
		long site = this.jdbc.sql("""
				INSERT INTO site (name, origin, public_key, created_by)
				VALUES ('基准站点', 'https://kpi.bench.example', 'kpi-bench-key', 'bench') RETURNING id""")
			.query(Long.class)
			.single();
		// events in time order (as /collect stores them), ten types of visit per visitor
		this.jdbc.sql("""
				INSERT INTO traffic_event (site_id, type, visitor_id, session_id, url, occurred_at, traffic_source)
				SELECT :site, CASE WHEN i % 10 = 9 THEN 'add_to_cart' WHEN i % 3 = 0 THEN 'product_view' ELSE 'page_view' END,
				       'v' || ((i::bigint * 104729) % :visitors), 's' || (i / 5),
				       'https://kpi.bench.example/p/' || (i % 5000),
				       timestamptz '2026-11-30 00:00+08' - (:events - i + 1) * (interval '365 days' / :events),
				       (ARRAY['SEARCH', 'PAID', 'SOCIAL', 'DIRECT'])[1 + i % 4]
				FROM generate_series(1, :events) i""")
			.param("site", site)
			.param("visitors", VISITORS)
			.param("events", EVENTS)
			.update();
		double events = (System.nanoTime() - start) / 1e9;
		this.jdbc.sql("ANALYZE").update();
		line("Loaded with `generate_series` straight into the tables (not through the events): " + count("shop_order")
				+ " orders with " + count("order_line") + " lines over the 365 days before " + END + " in four channels ("
				+ fmt(orders) + " s); the dashboard's facts as its listeners write them: " + count("kpi_order_fact")
				+ " paid orders, " + count("kpi_order_line_fact") + " lines, " + count("kpi_placed_fact")
				+ " placed orders, " + count("kpi_refund_fact") + " refunds (" + fmt(facts) + " s); " + count("customer")
				+ " CRM customers (" + fmt(customers) + " s); " + count("traffic_event") + " traffic events of "
				+ VISITORS + " visitors (" + fmt(events) + " s). Buyers: " + BUYERS + ".");
	}

	private void login() throws Exception {
		String username = new TestUsers(this.jdbc, this.passwordEncoder).create(Role.MANAGER);
		this.http = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.cookieHandler(new CookieManager())
			.connectTimeout(Duration.ofSeconds(10))
			.executor(Executors.newFixedThreadPool(4))
			.build();
		String page = get("/login", "text/html").body();
		Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
		if (!csrf.find()) {
			throw new IllegalStateException("No CSRF token on the login page");
		}
		HttpResponse<String> login = this.http.send(HttpRequest.newBuilder(uri("/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(BodyPublishers.ofString("username=" + URLEncoder.encode(username, StandardCharsets.UTF_8)
					+ "&password=" + URLEncoder.encode(TestUsers.PASSWORD, StandardCharsets.UTF_8) + "&_csrf="
					+ csrf.group(1)))
			.build(), BodyHandlers.ofString());
		if (login.statusCode() != 302 || login.headers().firstValue("Location").orElse("").contains("error")) {
			throw new IllegalStateException("Login failed: " + login.statusCode() + " " + login.headers().map());
		}
	}

	private void http(long think) throws Exception {
		this.think = think;
		line("");
		line((think > 0) ? "## Over HTTP, " + CLIENTS + " concurrent users (think time " + think / 2 + "–" + think * 3 / 2
				+ " ms)" : "## Over HTTP, " + CLIENTS + " clients back to back (saturation)");
		line("");
		line("Each row: " + REQUESTS + " requests, from " + CLIENTS + ((think > 0)
				? " users who each wait a random " + think / 2 + "–" + think * 3 / 2 + " ms after an answer before "
						+ "their next request"
				: " clients that send their next request as soon as the last one is answered, the most 2 cores can "
						+ "serve")
				+ " (one manager's session; the load generator runs in the same JVM). Fixed ranges end on " + END.minusDays(1) + " and follow 20 "
				+ "warm-up requests of the same range, so they are served from the KPI cache (what a manager "
				+ "reloading yesterday's numbers gets); the uncached rows ask another range in every request "
				+ "(what the first look at a range costs). Times are round trips on loopback."
				+ ((think > 0) ? " Each user sends its first request after a random 0–" + think
						+ " ms, so that the users do not all click in the same millisecond." : "")
				+ " Server CPU is the CPU time of Tomcat's request threads (ThreadMXBean, without the load "
				+ "generator), PostgreSQL CPU that of the server and its backends (/proc), each divided by the "
				+ "requests of the row: what a request costs whatever the machine's load.");
		line("");
		line("| request | range | p50 | p95 | p99 | max | server CPU / request | PostgreSQL CPU / request | statuses | target |");
		line("|---|---:|---:|---:|---:|---:|---:|---:|---|---|");
		for (int days : RANGES) {
			LocalDate from = END.minusDays(days);
			LocalDate to = END.minusDays(1);
			measure("`GET /dashboard/kpi` JSON", days + " d",
					"/dashboard/kpi?from=" + from + "&to=" + to, "application/json", "p95 ≤ 50 ms, p99 ≤ 150 ms");
		}
		for (int days : RANGES) {
			LocalDate from = END.minusDays(days);
			LocalDate to = END.minusDays(1);
			measure("`GET /dashboard` page", days + " d", "/dashboard?from=" + from + "&to=" + to, "text/html",
					"p95 ≤ 50 ms, p99 ≤ 150 ms");
		}
		measureUncached("`GET /dashboard/kpi` JSON, each request another range (uncached)", "/dashboard/kpi",
				"application/json", "p95 ≤ 50 ms, p99 ≤ 150 ms");
		measureUncached("`GET /dashboard` page, each request another range (uncached)", "/dashboard", "text/html",
				"p95 ≤ 50 ms, p99 ≤ 150 ms");
		LocalDate from = END.minusDays(30);
		measure("`GET /dashboard/kpi` JSON, one channel", "30 d",
				"/dashboard/kpi?from=" + from + "&to=" + END.minusDays(1) + "&channel=BENCH1", "application/json",
				"p95 ≤ 50 ms, p99 ≤ 150 ms");
		measure("`GET /` operator home", "–", "/", "text/html", "p95 ≤ 25 ms");
	}

	private void measure(String label, String range, String path, String accept, String target) throws Exception {
		for (int i = 0; i < 20; i++) {
			get(path, accept);
		}
		measure(label, range, (i) -> path, accept, target);
	}

	/**
	 * Requests that each ask another range (lengths 1 to 365 days ending within the
	 * loaded year), so that none is answered from the KPI cache.
	 */
	private void measureUncached(String label, String base, String accept, String target) throws Exception {
		java.util.Random random = new java.util.Random(12 + this.think);
		List<String> paths = new ArrayList<>();
		java.util.Set<String> seen = new java.util.HashSet<>();
		while (paths.size() < REQUESTS) {
			int days = 1 + random.nextInt(365);
			LocalDate to = END.minusDays(1 + random.nextInt(366 - days));
			String path = base + "?from=" + to.minusDays(days - 1) + "&to=" + to;
			if (seen.add(path)) {
				paths.add(path);
			}
		}
		measure(label, "random 1–365 d", paths::get, accept, target);
	}

	private void measure(String label, String range, java.util.function.IntFunction<String> paths, String accept,
			String target) throws Exception {
		long[] latencies = new long[REQUESTS];
		Map<Integer, Integer> statuses = new TreeMap<>();
		ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
		AtomicInteger next = new AtomicInteger();
		long serverCpu = BenchMachine.requestThreadsCpuNanos();
		long databaseCpu = BenchMachine.postgresCpuMillis(this.jdbc);
		List<Future<Map<Integer, Integer>>> clients = new ArrayList<>();
		for (int c = 0; c < CLIENTS; c++) {
			clients.add(pool.submit(() -> {
				Map<Integer, Integer> mine = new TreeMap<>();
				if (this.think > 0) {
					// users arrive at random moments of one think time, as users in their
					// think cycle do: all twenty sending their first request in the same
					// millisecond made that wave queue behind itself (its last request
					// waited for the nineteen before it), which was most of the p95
					Thread.sleep(java.util.concurrent.ThreadLocalRandom.current().nextLong(0, this.think + 1));
				}
				for (int i = next.getAndIncrement(); i < REQUESTS; i = next.getAndIncrement()) {
					long sent = System.nanoTime();
					int status = get(paths.apply(i), accept).statusCode();
					latencies[i] = System.nanoTime() - sent;
					mine.merge(status, 1, Integer::sum);
					if (this.think > 0) {
						Thread.sleep(java.util.concurrent.ThreadLocalRandom.current()
							.nextLong(this.think / 2, this.think * 3 / 2 + 1));
					}
				}
				return mine;
			}));
		}
		for (Future<Map<Integer, Integer>> client : clients) {
			client.get(30, TimeUnit.MINUTES).forEach((s, n) -> statuses.merge(s, n, Integer::sum));
		}
		pool.shutdown();
		double serverMs = (BenchMachine.requestThreadsCpuNanos() - serverCpu) / 1e6 / REQUESTS;
		long databaseAfter = BenchMachine.postgresCpuMillis(this.jdbc);
		String database = (databaseCpu < 0 || databaseAfter < 0) ? "–"
				: fmt((databaseAfter - databaseCpu) / (double) REQUESTS) + " ms";
		Arrays.sort(latencies);
		line("| " + label + " | " + range + " | " + ms(latencies, 0.50) + " | **" + ms(latencies, 0.95) + "** | "
				+ ms(latencies, 0.99) + " | " + ms(latencies, 1.0) + " | " + fmt(serverMs) + " ms | " + database
				+ " | " + statuses + " | " + target + " |");
	}

	private HttpResponse<String> get(String path, String accept) throws IOException, InterruptedException {
		return this.http.send(HttpRequest.newBuilder(uri(path))
			.timeout(Duration.ofMinutes(2))
			.header("Accept", accept)
			.header("Accept-Language", "zh-CN")
			.GET()
			.build(), BodyHandlers.ofString());
	}

	private URI uri(String path) {
		return URI.create("http://localhost:" + this.port + path);
	}

	private long count(String table) {
		return this.jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single();
	}

	private void line(String text) {
		this.report.add(text);
		System.out.println(text);
	}

	private void write() throws IOException {
		Path dir = Path.of(System.getProperty("bench.report.dir", "bench/reports"));
		Files.createDirectories(dir);
		Files.write(dir.resolve("kpi.md"), this.report);
	}



}
