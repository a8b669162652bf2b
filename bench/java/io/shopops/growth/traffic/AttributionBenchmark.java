package io.shopops.growth.traffic;

import java.io.IOException;
import java.math.BigDecimal;
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
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
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
import io.shopops.fulfilment.order.Address;
import io.shopops.fulfilment.order.Customer;
import io.shopops.fulfilment.order.OrderSnapshot;
import io.shopops.fulfilment.order.OrderSource;
import io.shopops.fulfilment.order.OrderStatus;
import io.shopops.fulfilment.order.SalesPlatform;
import io.shopops.fulfilment.order.Times;
import io.shopops.platform.Role;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

import static io.shopops.BenchFigures.fmt;
import static io.shopops.BenchFigures.median;
import static io.shopops.BenchFigures.ms;

/**
 * The attribution benchmark of issue 10, run on demand with
 * {@code ./mvnw -Pbench test -Dtest=AttributionBenchmark}. It loads, with
 * {@code generate_series} straight into the tables, 10M collected traffic events (a
 * third of them with UTM parameters or a content code) and 1M attributed paid orders over
 * the 365 days before the measured day, with the facts, refunds and per-day rollup the
 * listener keeps, 200 content pieces, 40 groups and 20 campaigns with daily spend. It then
 * times, over real HTTP with 20 clients on one manager's session, the attribution page
 * for 1, 7, 30 and 90 days, and in process the listener's recording of own-site orders
 * that look up the visitor's last touch among the 10M events. It writes
 * {@code bench/reports/attribution.md}; it asserts nothing about time.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "logging.level.io.shopops=WARN", "shopops.dashboard.catch-up-delay=PT10H",
				"shopops.traffic.rollup-delay=PT10H", "shopops.traffic.reconcile-delay=PT10H",
				"server.tomcat.threads.max=40" })
class AttributionBenchmark {

	private static final int ORDERS = Integer.getInteger("bench.attribution.orders", 1_000_000);

	private static final int EVENTS = Integer.getInteger("bench.attribution.events", 10_000_000);

	private static final int VISITORS = Integer.getInteger("bench.attribution.visitors", 1_500_000);

	private static final int CLIENTS = Integer.getInteger("bench.clients", 20);

	private static final int REQUESTS = Integer.getInteger("bench.attribution.requests", 200);

	private static final int RECORDS = Integer.getInteger("bench.attribution.records", 2_000);

	/** The day after the loaded history: the data covers the 365 days before it. */
	private static final LocalDate END = LocalDate.of(2026, 11, 30);

	private static final int[] RANGES = { 1, 7, 30, 90 };

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Attributions attributions;

	@Autowired
	Reattribution reattribution;

	@Autowired
	PasswordEncoder passwordEncoder;

	private final List<String> report = new ArrayList<>();

	private HttpClient http;

	@Test
	void attributionAtAMillionOrders() throws Exception {
		Instant began = Instant.now();
		line("# Attribution page at a million orders and 10M events");
		line("");
		line("Run " + began.atOffset(ZoneOffset.UTC) + " on " + BenchMachine.machine() + ", Java " + System.getProperty("java.version")
				+ ", PostgreSQL " + this.jdbc.sql("SHOW server_version").query(String.class).single()
				+ " on the same machine. Load average at the start: " + BenchMachine.loadAverage() + ".");
		line("");
		line("## Data");
		line("");
		load();
		line("");
		login();
		line("## Over HTTP, " + CLIENTS + " concurrent clients");
		line("");
		line("Each row: " + REQUESTS + " requests after 20 warm-up requests, from " + CLIENTS
				+ " clients that send their next request when the last one is answered (one manager's session; the "
				+ "load generator runs in the same JVM). Ranges end on " + END.minusDays(1)
				+ ". The rollup's sums of a range are cached until one of its days changes (`attribution_change`), and "
				+ "the rendered tables per report and language; spend and names are read on every request, so the "
				+ "fixed ranges, which follow 20 warm-up requests of the same range, are what a manager reloading a "
				+ "range gets. The uncached row asks another 30-day range (ending 1 to 200 days before "
				+ END + ") in every request. CPU is the JVM's (server and load generator) and PostgreSQL's per "
				+ "request, the figure to compare on a busy machine. Times are round trips on loopback.");
		line("");
		line("| request | range | p50 | p95 | p99 | max | JVM CPU | PG CPU | statuses | target |");
		line("|---|---:|---:|---:|---:|---:|---:|---:|---|---|");
		for (int days : RANGES) {
			LocalDate from = END.minusDays(days);
			LocalDate to = END.minusDays(1);
			measure("`GET /traffic/attribution`", days + " d", "/traffic/attribution?from=" + from + "&to=" + to,
					"text/html", (days == 30) ? "p95 ≤ 200 ms" : "–");
		}
		measure("`GET /traffic/attribution`, each request another range (uncached)", "30 d",
				(i) -> "/traffic/attribution?from=" + END.minusDays(30 + 1 + i) + "&to=" + END.minusDays(1 + 1 + i),
				"text/html", "–");
		measure("`GET /traffic/attribution.csv`", "30 d",
				"/traffic/attribution.csv?from=" + END.minusDays(30) + "&to=" + END.minusDays(1), "text/csv", "–");
		line("");
		line("## Recording own-site orders (the listener)");
		line("");
		recordOrders();
		line("");
		line("## Re-attribution");
		line("");
		reattribute();
		line("");
		line("Finished in " + Duration.between(began, Instant.now()).toSeconds() + " s. Load average at the end: "
				+ BenchMachine.loadAverage() + ".");
		write();
	}

	private void load() {
		long start = System.nanoTime();
		this.jdbc.sql("""
				INSERT INTO content_piece (type, platform, title, status, publish_at, tracking_code)
				SELECT 'SHORT_VIDEO', 'DOUYIN', '基准内容 ' || n, 'PUBLISHED', timestamptz '2025-11-01 10:00+08',
				       'BP' || lpad(n::text, 4, '0')
				FROM generate_series(1, 200) n""").update();
		this.jdbc.sql("""
				INSERT INTO community_group (name, kind, tracking_code)
				SELECT '基准社群 ' || n, 'WECHAT_GROUP', 'BG' || lpad(n::text, 4, '0') FROM generate_series(1, 40) n""")
			.update();
		this.jdbc.sql("""
				INSERT INTO campaign (name, platform, channel_code, budget_total, start_date, end_date, status)
				SELECT 'bench-campaign-' || n, 'ZHITONGCHE', 'BENCH' || (1 + n % 4), 1000000, DATE '2025-11-01',
				       DATE '2026-12-31', 'ACTIVE'
				FROM generate_series(1, 20) n""").update();
		this.jdbc.sql("""
				INSERT INTO campaign_spend (campaign_id, spend_date, spend, impressions, clicks, orders, gmv, source)
				SELECT c.id, d::date, 200 + (c.id % 7) * 30, 10000, 200, 5, 800, 'MANUAL'
				FROM campaign c CROSS JOIN generate_series(DATE '2025-11-30', DATE '2026-11-29', interval '1 day') d
				WHERE c.name LIKE 'bench-campaign-%'""").update();
		long pieceBase = this.jdbc.sql("SELECT min(id) FROM content_piece WHERE tracking_code LIKE 'BP%'")
			.query(Long.class)
			.single();
		long groupBase = this.jdbc.sql("SELECT min(id) FROM community_group WHERE tracking_code LIKE 'BG%'")
			.query(Long.class)
			.single();
		long campaignBase = this.jdbc.sql("SELECT min(id) FROM campaign WHERE name LIKE 'bench-campaign-%'")
			.query(Long.class)
			.single();
		// the facts the listener keeps: rules spread 25 % content (pieces, some groups),
		// 15 % campaign, 20 % UTM, 10 % touch, 30 % direct
		this.jdbc.sql("""
				INSERT INTO attribution_order (order_id, order_number, channel_code, own_site, placed_at, paid_at,
				    pay_day, paid_amount, rule, traffic_source, campaign_id, piece_id, group_id, visitor_id)
				SELECT 900000000 + i, 'A' || i, 'BENCH' || (1 + i % 4), i % 4 = 3, t.paid - interval '5 minutes', t.paid,
				       (t.paid AT TIME ZONE 'Asia/Shanghai')::date, 148.50, r.rule,
				       CASE r.rule WHEN 'CONTENT' THEN (CASE WHEN i % 5 = 0 THEN 'PRIVATE' ELSE 'CONTENT' END)
				                   WHEN 'CAMPAIGN' THEN 'PAID'
				                   WHEN 'DIRECT' THEN 'DIRECT'
				                   ELSE (ARRAY['SEARCH', 'PAID', 'SOCIAL', 'OTHER'])[1 + i % 4] END,
				       CASE WHEN r.rule = 'CAMPAIGN' THEN :campaignBase + i % 20 ELSE 0 END,
				       CASE WHEN r.rule = 'CONTENT' AND i % 5 <> 0 THEN :pieceBase + i % 200 ELSE 0 END,
				       CASE WHEN r.rule = 'CONTENT' AND i % 5 = 0 THEN :groupBase + i % 40 ELSE 0 END,
				       CASE WHEN i % 4 = 3 THEN 'v' || ((i::bigint * 7919) % :visitors) END
				FROM generate_series(1, :orders) i
				CROSS JOIN LATERAL (SELECT timestamptz '2026-11-30 00:00+08' - (:orders - i + 1) * (interval '365 days' / :orders)
				                             AS paid) t
				CROSS JOIN LATERAL (SELECT CASE WHEN i % 20 < 5 THEN 'CONTENT' WHEN i % 20 < 8 THEN 'CAMPAIGN'
				                                WHEN i % 20 < 12 THEN 'UTM' WHEN i % 20 < 14 THEN 'TOUCH'
				                                ELSE 'DIRECT' END AS rule) r""")
			.param("orders", ORDERS)
			.param("pieceBase", pieceBase)
			.param("groupBase", groupBase)
			.param("campaignBase", campaignBase)
			.param("visitors", VISITORS)
			.update();
		this.jdbc.sql("""
				INSERT INTO attribution_refund (request_id, order_id, amount, refunded_at, refund_day)
				SELECT order_id, order_id, 49.50, paid_at + interval '4 days',
				       ((paid_at + interval '4 days') AT TIME ZONE 'Asia/Shanghai')::date
				FROM attribution_order WHERE order_id % 20 = 0""").update();
		// the rollup as the listener keeps it
		this.jdbc.sql("""
				INSERT INTO attribution_day (day, channel_code, rule, traffic_source, campaign_id, piece_id, group_id,
				    orders, gmv, refunds, refund_amount)
				SELECT day, channel_code, rule, traffic_source, campaign_id, piece_id, group_id, sum(orders), sum(gmv),
				       sum(refunds), sum(refund_amount) FROM (
				  SELECT pay_day AS day, channel_code, rule, traffic_source, campaign_id, piece_id, group_id,
				         count(*) AS orders, sum(paid_amount) AS gmv, 0 AS refunds, 0 AS refund_amount
				  FROM attribution_order GROUP BY 1, 2, 3, 4, 5, 6, 7
				  UNION ALL
				  SELECT r.refund_day, o.channel_code, o.rule, o.traffic_source, o.campaign_id, o.piece_id, o.group_id,
				         0, 0, count(*), sum(r.amount)
				  FROM attribution_refund r JOIN attribution_order o ON o.order_id = r.order_id
				  GROUP BY 1, 2, 3, 4, 5, 6, 7) parts
				GROUP BY 1, 2, 3, 4, 5, 6, 7""").update();
		double orders = (System.nanoTime() - start) / 1e9;
		start = System.nanoTime();
		long site = this.jdbc.sql("""
				INSERT INTO site (name, origin, public_key, created_by)
				VALUES ('归因基准站点', 'https://attribution.bench.example', 'attribution-bench-key', 'bench') RETURNING id""")
			.query(Long.class)
			.single();
		// events in time order (as /collect stores them); every third carries UTM
		// parameters or a content code
		this.jdbc.sql("""
				INSERT INTO traffic_event (site_id, type, visitor_id, session_id, url, utm_source, utm_medium,
				    utm_campaign, content_code, occurred_at, traffic_source)
				SELECT :site, CASE WHEN i % 10 = 9 THEN 'add_to_cart' WHEN i % 3 = 0 THEN 'product_view' ELSE 'page_view' END,
				       'v' || ((i::bigint * 104729) % :visitors), 's' || (i / 5),
				       'https://attribution.bench.example/p/' || (i % 5000),
				       CASE WHEN i % 6 = 0 THEN 'baidu' WHEN i % 6 = 3 THEN 'xiaohongshu' END,
				       CASE WHEN i % 6 = 0 THEN 'cpc' WHEN i % 6 = 3 THEN 'social' END,
				       CASE WHEN i % 12 = 0 THEN 'bench-campaign-' || (1 + i % 20) END,
				       CASE WHEN i % 6 = 1 THEN 'BP' || lpad((1 + i % 200)::text, 4, '0') END,
				       timestamptz '2026-11-30 00:00+08' - (:events - i + 1) * (interval '365 days' / :events),
				       CASE WHEN i % 6 = 0 THEN 'PAID' WHEN i % 6 = 3 THEN 'SOCIAL' WHEN i % 6 = 1 THEN 'CONTENT'
				            ELSE 'DIRECT' END
				FROM generate_series(1, :events) i""")
			.param("site", site)
			.param("visitors", VISITORS)
			.param("events", EVENTS)
			.update();
		double events = (System.nanoTime() - start) / 1e9;
		// the events stored so far count as seen by the late-touch pass (as when they
		// arrived before their orders were recorded)
		this.jdbc.sql("UPDATE attribution_setting SET touches_seen_until = now()").update();
		this.jdbc.sql("ANALYZE").update();
		line("Loaded with `generate_series` straight into the tables (not through the events): "
				+ count("attribution_order") + " attributed paid orders over the 365 days before " + END
				+ " in four channels, " + count("attribution_refund") + " refunds, " + count("attribution_day")
				+ " rollup rows (day × channel × rule × source × campaign × piece × group), 200 pieces, 40 groups, "
				+ "20 campaigns with " + count("campaign_spend") + " spend days (" + fmt(orders) + " s); "
				+ count("traffic_event") + " traffic events of " + VISITORS + " visitors (" + fmt(events)
				+ " s, with the touch index).");
		long perDay = this.jdbc
			.sql("SELECT count(*) FROM attribution_day WHERE day BETWEEN :from AND :to")
			.param("from", END.minusDays(30))
			.param("to", END.minusDays(1))
			.query(Long.class)
			.single();
		line("");
		line("A 30-day range reads " + perDay + " rollup rows.");
	}

	/**
	 * Records own-site orders of visitors with touches, one at a time, as the listener
	 * does: each looks up the visitor's last tracked touch among the events.
	 */
	private void recordOrders() {
		long[] latencies = new long[RECORDS];
		Instant placed = END.atStartOfDay(java.time.ZoneId.of("Asia/Shanghai")).toInstant().minusSeconds(3600);
		for (int i = 0; i < RECORDS; i++) {
			long id = 990_000_000L + i;
			String visitor = "v" + ((i * 7919L) % VISITORS);
			BigDecimal paid = new BigDecimal("99.00");
			OrderSnapshot order = new OrderSnapshot(id, "BENCH4", SalesPlatform.OWN_SITE, "R" + id, OrderStatus.PAID,
					Times.placed(placed, placed.plusSeconds(60)), new Customer("基准", null, null, "r" + id),
					new Address(null, null, null, null, null, null, null), List.of(), paid, BigDecimal.ZERO,
					BigDecimal.ZERO, paid, "CNY", null, null, null, visitor, null, OrderSource.API, false, "MAIN");
			long sent = System.nanoTime();
			this.attributions.record(order);
			latencies[i] = System.nanoTime() - sent;
		}
		Arrays.sort(latencies);
		Map<String, Long> rules = new TreeMap<>();
		this.jdbc.sql("SELECT rule, count(*) FROM attribution_order WHERE order_id >= 990000000 GROUP BY rule")
			.query((rs) -> {
				rules.put(rs.getString(1), rs.getLong(2));
			});
		line(RECORDS + " own-site orders with a visitor id recorded one after another through `Attributions.record` "
				+ "(one transaction each: rule lookups, last-touch query over the events, fact and rollup upserts): p50 "
				+ ms(latencies, 0.50) + ", p95 **" + ms(latencies, 0.95) + "**, p99 " + ms(latencies, 0.99) + ", max "
				+ ms(latencies, 1.0) + ". Rules: " + rules + ".");
	}

	/**
	 * Changes the touch window from 7 to 14 days and runs the queued re-attribution over
	 * every touchable order, checks the rollup against a recomputation from the facts,
	 * then stores late touches for own-site orders and times the late-touch pass.
	 */
	private void reattribute() {
		long touchable = this.jdbc.sql("""
				SELECT count(*) FROM attribution_order a WHERE a.own_site AND a.visitor_id IS NOT NULL
				  AND a.placed_at IS NOT NULL AND a.rule IN ('TOUCH', 'DIRECT')""").query(Long.class).single();
		long start = System.nanoTime();
		this.attributions.changeWindow(14);
		long changed = this.reattribution.runQueued();
		double window = (System.nanoTime() - start) / 1e9;
		line("Window 7 → 14 days: `Attributions.changeWindow` and the queued job (`Reattribution.runQueued`, batches of "
				+ Reattribution.BATCH + " orders, one set-based statement each) over " + touchable
				+ " touchable own-site orders (attributed by touch or direct, with a visitor id): **" + fmt(window)
				+ " s**, " + changed + " orders changed. Rollup rows differing from a recomputation from the facts: "
				+ differences() + ".");
		line("");
		// late touches: for 5,000 own-site orders, a content touch an hour before the
		// order, collected now
		int late = 5_000;
		this.jdbc.sql("""
				INSERT INTO traffic_event (site_id, type, visitor_id, url, content_code, occurred_at, traffic_source)
				SELECT (SELECT min(id) FROM site WHERE public_key = 'attribution-bench-key'), 'page_view', a.visitor_id,
				       'https://attribution.bench.example/late', 'BP0007', a.placed_at - interval '1 hour', 'CONTENT'
				FROM attribution_order a WHERE a.own_site AND a.visitor_id IS NOT NULL AND a.order_id < 990000000
				ORDER BY a.order_id DESC LIMIT :late""").param("late", late).update();
		Instant until = this.jdbc.sql("SELECT clock_timestamp()").query(java.sql.Timestamp.class).single().toInstant();
		start = System.nanoTime();
		long moved = this.reattribution.lateTouches(until);
		double pass = (System.nanoTime() - start) / 1e9;
		line("Late touches: " + late + " tracked events stored now for the visitors of the last " + late
				+ " own-site orders, an hour before each order; the late-touch pass (`Reattribution.lateTouches`) "
				+ "found and re-attributed them in **" + fmt(pass) + " s**, " + moved
				+ " orders changed. Rollup rows differing from a recomputation: " + differences() + ".");
	}

	/** Rollup rows (with any non-zero sum) that a recomputation from the facts does not give, and the reverse. */
	private long differences() {
		String rollup = """
				SELECT day, channel_code, rule, traffic_source, campaign_id, piece_id, group_id, orders, gmv, refunds,
				       refund_amount FROM attribution_day
				WHERE orders <> 0 OR gmv <> 0 OR refunds <> 0 OR refund_amount <> 0""";
		String recomputed = """
				SELECT day, channel_code, rule, traffic_source, campaign_id, piece_id, group_id, sum(orders), sum(gmv),
				       sum(refunds), sum(refund_amount) FROM (
				  SELECT pay_day AS day, channel_code, rule, traffic_source, campaign_id, piece_id, group_id,
				         1 AS orders, paid_amount AS gmv, 0 AS refunds, 0 AS refund_amount FROM attribution_order
				  UNION ALL
				  SELECT r.refund_day, o.channel_code, o.rule, o.traffic_source, o.campaign_id, o.piece_id, o.group_id,
				         0, 0, 1, r.amount FROM attribution_refund r JOIN attribution_order o ON o.order_id = r.order_id
				) f GROUP BY 1, 2, 3, 4, 5, 6, 7""";
		return this.jdbc
			.sql("SELECT (SELECT count(*) FROM ((" + rollup + ") EXCEPT (" + recomputed + ")) a) + (SELECT count(*) FROM (("
					+ recomputed + ") EXCEPT (" + rollup + ")) b)")
			.query(Long.class)
			.single();
	}

	private static long jvmCpu() {
		return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
			.getOperatingSystemMXBean()).getProcessCpuTime();
	}

	/**
	 * CPU ticks (10 ms) of the PostgreSQL server (its postmaster and every child), or -1
	 * when it does not run on this machine.
	 */
	private long pgCpu() {
		try {
			long backend = this.jdbc.sql("SELECT pg_backend_pid()").query(Long.class).single();
			String postmaster = stat(String.valueOf(backend))[1];
			long ticks = 0;
			try (var dirs = Files.list(Path.of("/proc"))) {
				for (Path dir : dirs.toList()) {
					String pid = dir.getFileName().toString();
					if (!pid.chars().allMatch(Character::isDigit)) {
						continue;
					}
					try {
						String[] f = stat(pid);
						if (f[1].equals(postmaster) || pid.equals(postmaster)) {
							ticks += Long.parseLong(f[11]) + Long.parseLong(f[12]);
						}
					}
					catch (IOException | RuntimeException ex) {
						// the process ended
					}
				}
			}
			return ticks;
		}
		catch (IOException | RuntimeException ex) {
			return -1;
		}
	}

	/** The fields of /proc/{pid}/stat after the command name: state, ppid, … */
	private static String[] stat(String pid) throws IOException {
		String stat = Files.readString(Path.of("/proc", pid, "stat"));
		return stat.substring(stat.lastIndexOf(')') + 2).split(" ");
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

	private void measure(String label, String range, String path, String accept, String target) throws Exception {
		for (int i = 0; i < 20; i++) {
			get(path, accept);
		}
		measure(label, range, (i) -> path, accept, target);
	}

	private void measure(String label, String range, java.util.function.IntFunction<String> paths, String accept,
			String target) throws Exception {
		long[] latencies = new long[REQUESTS];
		Map<Integer, Integer> statuses = new TreeMap<>();
		ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
		AtomicInteger next = new AtomicInteger();
		long jvmCpu = jvmCpu();
		long pgCpu = pgCpu();
		List<Future<Map<Integer, Integer>>> clients = new ArrayList<>();
		for (int c = 0; c < CLIENTS; c++) {
			clients.add(pool.submit(() -> {
				Map<Integer, Integer> mine = new TreeMap<>();
				for (int i = next.getAndIncrement(); i < REQUESTS; i = next.getAndIncrement()) {
					long sent = System.nanoTime();
					int status = get(paths.apply(i), accept).statusCode();
					latencies[i] = System.nanoTime() - sent;
					mine.merge(status, 1, Integer::sum);
				}
				return mine;
			}));
		}
		for (Future<Map<Integer, Integer>> client : clients) {
			client.get(30, TimeUnit.MINUTES).forEach((s, n) -> statuses.merge(s, n, Integer::sum));
		}
		pool.shutdown();
		String cpu = fmt((jvmCpu() - jvmCpu) / 1e6 / REQUESTS) + " ms | "
				+ ((pgCpu >= 0) ? fmt((pgCpu() - pgCpu) * 10.0 / REQUESTS) + " ms" : "–");
		Arrays.sort(latencies);
		line("| " + label + " | " + range + " | " + ms(latencies, 0.50) + " | **" + ms(latencies, 0.95) + "** | "
				+ ms(latencies, 0.99) + " | " + ms(latencies, 1.0) + " | " + cpu + " | " + statuses + " | " + target
				+ " |");
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
		Files.write(dir.resolve("attribution.md"), this.report);
	}



}
