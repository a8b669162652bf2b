package io.shopops.fulfilment.order;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
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
import java.util.function.IntFunction;

import jdk.jfr.Configuration;
import jdk.jfr.Recording;

import io.shopops.fulfilment.inventory.Inventory;
import io.shopops.fulfilment.inventory.LedgerCheck;
import io.shopops.fulfilment.inventory.StockLevel;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static io.shopops.BenchFigures.fmt;
import static io.shopops.BenchFigures.ms;

/**
 * The order API benchmark of issue 8, run on demand with
 * {@code ./mvnw -Pbench test -Dtest=OrderApiBenchmark}. Over real HTTP to
 * {@code POST /api/orders} with a channel token it measures paid orders per second on one
 * hot SKU and spread over 1,000 SKUs, then runs the oversell check many times: 200
 * concurrent paid orders for 50 units, and 1,000 two-line orders over 20 SKUs. It writes
 * every figure to {@code bench/reports/orders-api.md}; it asserts nothing about time, and
 * the report says whether the oversell rounds held.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "logging.level.io.shopops=WARN")
class OrderApiBenchmark {

	private static final int ORDERS = Integer.getInteger("bench.orders", 10_000);

	private static final int CLIENTS = Integer.getInteger("bench.clients", 32);

	private static final int ROUNDS = Integer.getInteger("bench.oversell.rounds", 20);

	private static final int WARM_UP = Integer.getInteger("bench.warm-up", 3_000);

	@LocalServerPort
	int port;

	@Autowired
	ApiTokens tokens;

	@Autowired
	SalesChannels channels;

	@Autowired
	Inventory inventory;

	@Autowired
	JdbcClient jdbc;

	private final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(10))
		.executor(Executors.newFixedThreadPool(4))
		.build();

	private final List<String> report = new ArrayList<>();

	private final AtomicInteger sequence = new AtomicInteger();

	@Test
	void ordersOverHttp() throws Exception {
		Instant began = Instant.now();
		String prefix = OrderFixtures.unique("BENCH");
		String token = this.tokens.create(OrderFixtures.channel(this.channels), "benchmark").token();
		int plenty = Math.max(1_000_000, ORDERS * 4);
		String hot = OrderFixtures.skus(this.jdbc, this.inventory, prefix + "-HOT", plenty).get(0);
		int[] spreadStock = new int[1000];
		Arrays.fill(spreadStock, plenty);
		List<String> spread = OrderFixtures.skus(this.jdbc, this.inventory, prefix + "-SPREAD", spreadStock);

		line("# Order API benchmark");
		line("");
		line("Run " + began.atOffset(ZoneOffset.UTC) + " on " + machine() + ", Java " + System.getProperty("java.version")
				+ ", PostgreSQL " + this.jdbc.sql("SHOW server_version").query(String.class).single()
				+ " on the same machine (embedded unless TEST_DATABASE_URL is set). Load average at the start: "
				+ loadAverage() + ".");
		line("");
		line("Every request is `POST /api/orders` over HTTP/1.1 on loopback with `Authorization: Bearer <token>` and a "
				+ "paid order of one line (quantity 1), from " + CLIENTS + " clients that each send their next order "
				+ "when the last one is answered. Each order is one transaction: the order row, its line, two timeline "
				+ "rows, an audit entry, the event publications, then the reservation (a conditional update of the stock "
				+ "row plus its ledger row). " + WARM_UP + " orders warm the JIT first.");
		line("");
		line("| scenario | orders | clients | wall | orders/s | p50 | p95 | p99 | statuses | JVM CPU | PostgreSQL CPU "
				+ "| target |");
		line("|---|---:|---:|---:|---:|---:|---:|---:|---|---:|---:|---|");

		run("warm-up (spread)", WARM_UP, token, (i) -> spread.get(i % spread.size()), "");
		// -Dbench.jfr=path records the measured runs (profile settings) for a look at the hot frames
		String jfr = System.getProperty("bench.jfr");
		Recording recording = (jfr != null) ? new Recording(Configuration.getConfiguration("profile")) : null;
		if (recording != null) {
			recording.start();
		}
		run("one hot SKU", ORDERS, token, (i) -> hot, "≥ 250/s");
		run("spread over 1,000 SKUs", ORDERS, token, (i) -> spread.get((i * 7919) % spread.size()), "≥ 500/s");
		if (recording != null) {
			recording.dump(Path.of(jfr));
			recording.close();
		}
		line("");

		oversell(prefix, token);

		LedgerCheck check = this.inventory.checkLedger();
		long ours = check.mismatches().stream().filter((m) -> m.sku().startsWith(prefix)).count();
		line("");
		line("Ledger check after the run: " + check.stockRows() + " stock rows, " + ours
				+ " of the benchmark's differ from their movements" + ((ours == 0) ? " (green)." : " (RED)."));
		line("");
		line("Finished in " + Duration.between(began, Instant.now()).toSeconds() + " s. Load average at the end: "
				+ loadAverage() + ".");
		write();
	}

	private void run(String label, int count, String token, IntFunction<String> sku, String target) throws Exception {
		long[] latencies = new long[count];
		Map<Integer, Integer> statuses = new TreeMap<>();
		long cpuBefore = jvmCpuMillis();
		long dbBefore = databaseCpuMillis();
		long start = System.nanoTime();
		ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
		AtomicInteger next = new AtomicInteger();
		List<Future<Map<Integer, Integer>>> clients = new ArrayList<>();
		for (int c = 0; c < CLIENTS; c++) {
			clients.add(pool.submit(() -> {
				Map<Integer, Integer> mine = new TreeMap<>();
				for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
					long sent = System.nanoTime();
					int status = post(token, paidOrder(sku.apply(i)));
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
		double seconds = (System.nanoTime() - start) / 1e9;
		long cpu = jvmCpuMillis() - cpuBefore;
		long db = (dbBefore >= 0) ? databaseCpuMillis() - dbBefore : -1;
		Arrays.sort(latencies);
		line("| " + label + " | " + count + " | " + CLIENTS + " | " + fmt(seconds) + " s | **"
				+ String.format(Locale.ROOT, "%.0f", count / seconds) + "** | " + ms(latencies, 0.50) + " | "
				+ ms(latencies, 0.95) + " | " + ms(latencies, 0.99) + " | " + statuses + " | "
				+ fmt(cpu / 1000.0) + " s | " + ((db >= 0) ? fmt(db / 1000.0) + " s" : "n/a") + " | " + target + " |");
	}

	/**
	 * The oversell check, {@link #ROUNDS} times: 200 concurrent orders for a SKU with 50
	 * units (exactly 50 succeed), and 1,000 two-line orders over 20 SKUs of 60 units
	 * (never more reserved than on hand; reserved equals twice the orders accepted).
	 */
	private void oversell(String prefix, String token) throws Exception {
		int hotPassed = 0;
		int spreadPassed = 0;
		long serverErrors = 0;
		long hotMillis = 0;
		long spreadMillis = 0;
		List<String> failures = new ArrayList<>();
		for (int round = 0; round < ROUNDS; round++) {
			String sku = OrderFixtures.skus(this.jdbc, this.inventory, prefix + "-OV" + round, 50).get(0);
			long start = System.nanoTime();
			Map<Integer, Integer> statuses = burst(200, token, (i) -> paidOrder(sku));
			hotMillis += (System.nanoTime() - start) / 1_000_000;
			serverErrors += statuses.entrySet().stream().filter((e) -> e.getKey() >= 500).mapToInt(Map.Entry::getValue).sum();
			StockLevel level = this.inventory.find(sku, "MAIN").orElseThrow();
			boolean ok = statuses.getOrDefault(201, 0) == 50 && statuses.getOrDefault(409, 0) == 150
					&& level.available() == 0 && level.reserved() == 50;
			hotPassed += ok ? 1 : 0;
			if (!ok) {
				failures.add("round " + round + " (200 for 50): " + statuses + ", " + level);
			}

			int[] stock = new int[20];
			Arrays.fill(stock, 60);
			List<String> skus = OrderFixtures.skus(this.jdbc, this.inventory, prefix + "-OS" + round, stock);
			start = System.nanoTime();
			Map<Integer, Integer> spreadStatuses = burst(1000, token, (i) -> {
				String first = skus.get(i % 20);
				String second = skus.get((i * 7 + 3) % 20);
				return (i % 2 == 0) ? twoLines(first, second) : twoLines(second, first);
			});
			spreadMillis += (System.nanoTime() - start) / 1_000_000;
			serverErrors += spreadStatuses.entrySet()
				.stream()
				.filter((e) -> e.getKey() >= 500)
				.mapToInt(Map.Entry::getValue)
				.sum();
			long reserved = 0;
			boolean within = true;
			for (String s : skus) {
				StockLevel l = this.inventory.find(s, "MAIN").orElseThrow();
				reserved += l.reserved();
				within &= l.onHand() == 60 && l.available() >= 0;
			}
			boolean spreadOk = within && reserved == 2L * spreadStatuses.getOrDefault(201, 0)
					&& spreadStatuses.getOrDefault(201, 0) + spreadStatuses.getOrDefault(409, 0) == 1000;
			spreadPassed += spreadOk ? 1 : 0;
			if (!spreadOk) {
				failures.add("round " + round + " (1,000 over 20): " + spreadStatuses + ", reserved " + reserved);
			}
		}
		line("## Oversell over HTTP, " + ROUNDS + " rounds");
		line("");
		line("| check | rounds held | time per round | 5xx |");
		line("|---|---:|---:|---:|");
		line("| 200 concurrent paid orders for 50 units: exactly 50 × 201, 150 × 409 `insufficient_stock`, 0 available "
				+ "| " + hotPassed + " / " + ROUNDS + " | " + (hotMillis / Math.max(1, ROUNDS)) + " ms | " + serverErrors
				+ " |");
		line("| 1,000 concurrent two-line orders over 20 SKUs × 60 units (lines in both orders): reserved = 2 × accepted, "
				+ "never below 0 | " + spreadPassed + " / " + ROUNDS + " | " + (spreadMillis / Math.max(1, ROUNDS))
				+ " ms | (counted above) |");
		if (!failures.isEmpty()) {
			line("");
			failures.forEach((f) -> line("- FAILED " + f));
		}
	}

	private Map<Integer, Integer> burst(int count, String token, IntFunction<String> body) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(Math.min(count, 64));
		try {
			List<Future<Integer>> calls = new ArrayList<>();
			java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
			for (int i = 0; i < count; i++) {
				String json = body.apply(i);
				calls.add(pool.submit(() -> {
					go.await();
					return post(token, json);
				}));
			}
			go.countDown();
			Map<Integer, Integer> statuses = new TreeMap<>();
			for (Future<Integer> call : calls) {
				statuses.merge(call.get(5, TimeUnit.MINUTES), 1, Integer::sum);
			}
			return statuses;
		}
		finally {
			pool.shutdown();
		}
	}

	private int post(String token, String body) throws IOException, InterruptedException {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/api/orders"))
			.timeout(Duration.ofSeconds(60))
			.header("Content-Type", "application/json")
			.header("Authorization", "Bearer " + token)
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
		return this.http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
	}

	private String paidOrder(String sku) {
		return """
				{"number": "B%d", "status": "paid", "customer": {"name": "王五", "phone": "137****1234"},
				 "address": {"province": "江苏省", "city": "南京市", "line1": "中山路 1 号"},
				 "lines": [{"sku": "%s", "quantity": 1, "unitPrice": "59.90", "discount": "5.00"}],
				 "shippingFee": "6.00", "utm": {"source": "xhs", "medium": "social", "campaign": "d12"}}"""
			.formatted(this.sequence.incrementAndGet(), sku);
	}

	private String twoLines(String first, String second) {
		return """
				{"number": "B%d", "status": "paid",
				 "lines": [{"sku": "%s", "quantity": 1, "unitPrice": "10"}, {"sku": "%s", "quantity": 1, "unitPrice": "10"}]}"""
			.formatted(this.sequence.incrementAndGet(), first, second);
	}

	private void line(String text) {
		this.report.add(text);
		System.out.println(text);
	}

	private void write() throws IOException {
		Path dir = Path.of(System.getProperty("bench.report.dir", "bench/reports"));
		Files.createDirectories(dir);
		Files.write(dir.resolve("orders-api.md"), this.report);
	}

	private static long jvmCpuMillis() {
		return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
			.getProcessCpuTime() / 1_000_000;
	}

	/**
	 * The CPU time of the PostgreSQL server and its backends, from {@code /proc}; -1 when
	 * the server is not a local process this JVM can see.
	 */
	private long databaseCpuMillis() {
		try {
			String dataDirectory = this.jdbc.sql("SHOW data_directory").query(String.class).single();
			String postmaster = Files.readAllLines(Path.of(dataDirectory, "postmaster.pid")).get(0).strip();
			long ticks = 0;
			try (var processes = Files.list(Path.of("/proc"))) {
				for (Path process : processes.filter((p) -> p.getFileName().toString().matches("\\d+")).toList()) {
					String stat;
					try {
						stat = Files.readString(process.resolve("stat"));
					}
					catch (IOException ex) {
						continue;
					}
					String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
					if (process.getFileName().toString().equals(postmaster) || fields[1].equals(postmaster)) {
						ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
					}
				}
			}
			return ticks * 10;
		}
		catch (IOException | RuntimeException ex) {
			return -1;
		}
	}

	private static String machine() {
		String cpu = "unknown CPU";
		long memory = 0;
		try {
			cpu = Files.readAllLines(Path.of("/proc/cpuinfo"))
				.stream()
				.filter((l) -> l.startsWith("model name"))
				.map((l) -> l.substring(l.indexOf(':') + 1).strip())
				.findFirst()
				.orElse(cpu);
			memory = Files.readAllLines(Path.of("/proc/meminfo"))
				.stream()
				.filter((l) -> l.startsWith("MemTotal:"))
				.map((l) -> Long.parseLong(l.replaceAll("\\D", "")))
				.findFirst()
				.orElse(0L);
		}
		catch (IOException ex) {
			// not Linux: the report says what the JVM knows
		}
		return Runtime.getRuntime().availableProcessors() + " cores (nproc) of " + cpu + ", "
				+ String.format(Locale.ROOT, "%.1f", memory / 1024.0 / 1024.0) + " GB memory";
	}

	private static String loadAverage() {
		try {
			return String.join(" ", Arrays.copyOf(Files.readString(Path.of("/proc/loadavg")).split(" "), 3));
		}
		catch (IOException ex) {
			return String.format(Locale.ROOT, "%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
		}
	}

}
