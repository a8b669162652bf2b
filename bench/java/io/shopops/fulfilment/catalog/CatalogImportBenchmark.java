package io.shopops.fulfilment.catalog;

import java.io.IOException;
import java.io.Reader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.math.BigDecimal;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.shopops.TestUsers;
import io.shopops.fulfilment.catalog.ProductQuery.Cursor;
import io.shopops.platform.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The product import and product list benchmark of issue 3, run on demand with {@code ./mvnw -Pbench test}. It
 * generates realistic catalog files, uploads them over HTTP exactly as an admin's browser does, waits for each job,
 * times a raw PostgreSQL {@code COPY} of the same rows for comparison, measures the list page at page 1 and page 1,000
 * of the loaded catalog, and writes every figure to {@code bench/reports/catalog-import.md}. It asserts nothing about
 * time: the report states the targets next to the measurements.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "shopops.imports.max-rows=5000000", "shopops.imports.max-file-size=2GB",
				"logging.level.io.shopops=WARN" })
class CatalogImportBenchmark {

	private static final long SMALL = Long.getLong("bench.rows.small", 100_000);

	private static final long LARGE = Long.getLong("bench.rows.large", 1_000_000);

	private static final long CATALOG = Long.getLong("bench.rows.catalog", 300_000);

	private static final int SAMPLES = Integer.getInteger("bench.list.samples", 40);

	@LocalServerPort
	int port;

	@Autowired
	TestUsers users;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DataSource dataSource;

	@Autowired
	ProductQuery query;

	private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

	private final List<String> report = new ArrayList<>();

	private final List<String> stages = new ArrayList<>();

	private final ListAppender<ILoggingEvent> log = new ListAppender<>();

	private String heap = "";

	@BeforeEach
	void captureJobLog() {
		Logger handler = (Logger) LoggerFactory.getLogger("io.shopops.fulfilment.catalog.importing.ProductImportHandler");
		handler.setLevel(Level.INFO);
		this.log.start();
		handler.addAppender(this.log);
	}

	@Test
	void importAndListCatalog() throws Exception {
		Path dir = Files.createDirectories(Path.of("target", "bench"));
		login();
		Instant began = Instant.now();
		line("# Catalog import and list benchmark");
		line("");
		line("Run " + began.atOffset(ZoneOffset.UTC) + " on " + machine() + ", Java " + System.getProperty("java.version")
				+ ", max heap " + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MB, PostgreSQL "
				+ this.jdbc.sql("SHOW server_version").query(String.class).single()
				+ " on the same machine (embedded unless TEST_DATABASE_URL is set). Load average at the start: "
				+ loadAverage() + ".");
		line("");
		line("Files are in Shopify's classic export layout (15 columns: `" + String.join(", ", ShopifyClassicFile.HEADER)
				+ "`), with Chinese titles and descriptions, two tags and one image per product, in two shapes: one SKU "
				+ "per product (`Default Title`) and four sizes per product. Each is uploaded over HTTP to "
				+ "`POST /imports/products` (apply, all-or-nothing) and the job is polled through `GET /imports/{id}`, the "
				+ "path the browser uses. **Wall** runs from the start of the upload to the job's end (upload is the POST "
				+ "alone: transfer, storing and inspecting the file); **job** is the job's own start-to-finish. A "
				+ "20,000-row import first warms the JIT, as on a server that has been running. Raw `COPY` loads the same "
				+ "file into a plain table of 15 text columns in the same run.");
		line("");
		line("| scenario | catalog before | rows | upload | wall | job | rows/s (wall) | created | updated | unchanged "
				+ "| raw COPY | wall ÷ COPY | target |");
		line("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|");

		// a live server has run its import code before: warm the JIT with a small file first
		Path warmUp = dir.resolve("shopify-warm-up.csv");
		ShopifyClassicFile.write(warmUp, 20_000, 2, "w-");
		upload(warmUp, "warm-up");

		for (int skus : new int[] { 1, 4 }) {
			emptyCatalog();
			Path file = dir.resolve("shopify-" + SMALL + "-" + skus + "sku.csv");
			ShopifyClassicFile.write(file, SMALL, skus, "e" + skus + "-");
			long copy = rawCopy(file);
			row(SMALL + " rows, " + shape(skus) + ", empty catalog", upload(file, "new"), copy,
					"≥ 20,000 rows/s, ≤ 8× COPY");
			row("the same again (unchanged)", upload(file, "unchanged"), copy, "≤ " + (2 * SMALL / 100_000) + " s");
		}

		emptyCatalog();
		Path catalog = dir.resolve("shopify-" + CATALOG + "-catalog.csv");
		ShopifyClassicFile.write(catalog, CATALOG, 1, "c-");
		row(CATALOG + " rows, one SKU per product (the catalog)", upload(catalog, "new"), rawCopy(catalog), "");
		settle();
		for (int skus : new int[] { 1, 4 }) {
			Path file = dir.resolve("shopify-" + SMALL + "-" + skus + "sku-more.csv");
			ShopifyClassicFile.write(file, SMALL, skus, "m" + skus + "-");
			long copy = rawCopy(file);
			row(SMALL + " rows, " + shape(skus) + ", catalog of " + CATALOG, upload(file, "new"), copy,
					"≥ 20,000 rows/s, ≤ 8× COPY");
		}

		for (int skus : new int[] { 1, 4 }) {
			Path file = dir.resolve("shopify-" + LARGE + "-" + skus + "sku.csv");
			ShopifyClassicFile.write(file, LARGE, skus, "l" + skus + "-");
			long copy = rawCopy(file);
			Result result = (skus == 1) ? withHeap(file) : upload(file, "new");
			row(LARGE + " rows, " + shape(skus), result, copy, "≤ 45 s, ≤ 8× COPY");
			if (skus == 1) {
				row("the same again (unchanged)", upload(file, "unchanged"), copy,
						"≤ " + (2 * LARGE / 100_000) + " s");
			}
			Files.delete(file);
		}
		line("");
		line("Load average at the end: " + loadAverage() + "; the whole import part took "
				+ seconds(Duration.between(began, Instant.now()).toMillis()) + ".");
		line("");
		line("### Where each import spent its time");
		line("");
		line("From the job's own log line. Scan is the pass over the uploaded file while the upload request is open "
				+ "(encoding, format, record count); parse reads and assembles the rows; build writes the batches in "
				+ "`COPY` format; copy streams them into temporary tables; products, SKUs (with their initial stock) and "
				+ "summaries are the set-based statements; commit ends the one transaction. Parsing runs on the job's "
				+ "thread while a writer thread writes the previous batch, so parse overlaps build…summaries. CPU is "
				+ "the CPU time the application's JVM and the PostgreSQL server's processes used from the upload to the "
				+ "job's end, the figure least disturbed by other load on the machine (the JVM's includes the HTTP "
				+ "polling and the benchmark itself).");
		line("");
		line("| scenario | scan | parse | build | copy | products | SKUs | summaries | commit | job | JVM CPU | PostgreSQL CPU |");
		line("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
		for (String stage : this.stages) {
			line(stage);
		}
		line("");
		line(this.heap);
		line("");
		write();

		// let the catalog settle as a live one would have: autovacuum would otherwise still be analysing the freshly
		// loaded tables on these same 2 cores while the pages are timed
		settle();
		// measure the steady state, not the collection of the import's garbage
		System.gc();
		long skus = this.jdbc.sql("SELECT count(*) FROM product_variant").query(Long.class).single();
		long products = this.jdbc.sql("SELECT count(*) FROM product").query(Long.class).single();
		line("## Product list over HTTP");
		line("");
		line("Catalog: " + products + " products, " + skus + " SKUs. Filter `status=active`, default sort (recently "
				+ "updated), " + ProductQuery.PAGE_SIZE + " products a page, " + SAMPLES
				+ " timed requests each after 20 warm-up requests, after `VACUUM (ANALYZE)` of the catalog tables. "
				+ "Target: p95 ≤ 100 ms.");
		line("");
		line("| page | HTTP p50 | HTTP p95 | HTTP max | query p50 | query p95 |");
		line("|---|---:|---:|---:|---:|---:|");
		String cursor = cursorAtPage(1000);
		ProductFilter active = new ProductFilter(null, ProductStatus.ACTIVE, null, null, null, null, null, null);
		listRow("1", "/products?status=active", active, null);
		listRow("1,000", "/products?status=active&after=" + cursor, active, cursor);
		listRow("1 with search `q=连衣裙`", "/products?status=active&q=%E8%BF%9E%E8%A1%A3%E8%A3%99",
				new ProductFilter("连衣裙", ProductStatus.ACTIVE, null, null, null, null, null, null), null);
		listRow("1 with price range 100–200", "/products?status=active&minPrice=100&maxPrice=200",
				new ProductFilter(null, ProductStatus.ACTIVE, null, null, null, new BigDecimal("100"),
						new BigDecimal("200"), null),
				null);
		line("");
		line("HTTP is the whole request as the browser makes it (security, query, rendering the page); query is "
				+ "`ProductQuery.page` alone, called in the application.");
		write();
	}

	/**
	 * Imports a file while sampling the heap, and keeps the heap figures for the report.
	 */
	private Result withHeap(Path file) throws Exception {
		MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
		System.gc();
		long baseline = memory.getHeapMemoryUsage().getUsed();
		AtomicLong peak = new AtomicLong(baseline);
		AtomicBoolean sampling = new AtomicBoolean(true);
		Thread sampler = new Thread(() -> {
			while (sampling.get()) {
				peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
				try {
					Thread.sleep(20);
				}
				catch (InterruptedException ex) {
					return;
				}
			}
		});
		LiveHeap live = new LiveHeap();
		sampler.start();
		Result result = upload(file, "new");
		sampling.set(false);
		sampler.join();
		live.close();
		System.gc();
		long after = memory.getHeapMemoryUsage().getUsed();
		this.heap = "Heap during the " + result.total() + "-row import (file " + mb(Files.size(file)) + " MB): "
				+ mb(baseline) + " MB used before (after a full GC). **Live heap**, the most the heap held right after "
				+ "any of the " + live.collections() + " collections during the import: " + mb(live.max())
				+ " MB, a growth of **" + mb(live.max() - baseline) + " MB** (target ≤ 256 MB). Sampled every 20 ms, "
				+ "garbage included, the heap peaked at " + mb(peak.get()) + " MB of the "
				+ mb(Runtime.getRuntime().maxMemory()) + " MB allowed; " + mb(after)
				+ " MB were used after the import (after a full GC).";
		return result;
	}

	private void emptyCatalog() throws Exception {
		try (Connection connection = this.dataSource.getConnection()) {
			connection.setAutoCommit(true);
			connection.createStatement().execute("TRUNCATE product, product_variant, stock_item CASCADE");
			connection.createStatement().execute("VACUUM (ANALYZE) product, product_variant, stock_item");
		}
	}

	private void settle() throws Exception {
		try (Connection connection = this.dataSource.getConnection()) {
			connection.setAutoCommit(true);
			connection.createStatement().execute("VACUUM (ANALYZE) product, product_variant, stock_item, category, brand");
		}
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
					// fields after the command name: state ppid ... utime(14) stime(15)
					String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
					if (process.getFileName().toString().equals(postmaster) || fields[1].equals(postmaster)) {
						ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
					}
				}
			}
			// USER_HZ is 100 on Linux
			return ticks * 10;
		}
		catch (IOException | RuntimeException ex) {
			return -1;
		}
	}

	private static String shape(int skus) {
		return (skus == 1) ? "one SKU per product" : skus + " SKUs per product";
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

	private void listRow(String label, String path, ProductFilter filter, String after) throws Exception {
		for (int i = 0; i < 20; i++) {
			get(path);
			this.query.page(filter, after, null);
		}
		List<Long> queryMicros = new ArrayList<>();
		for (int i = 0; i < SAMPLES; i++) {
			long start = System.nanoTime();
			this.query.page(filter, after, null);
			queryMicros.add((System.nanoTime() - start) / 1000);
		}
		Collections.sort(queryMicros);
		List<Long> micros = new ArrayList<>();
		for (int i = 0; i < SAMPLES; i++) {
			long start = System.nanoTime();
			HttpResponse<String> response = get(path);
			micros.add((System.nanoTime() - start) / 1000);
			if (response.statusCode() != 200 || !response.body().contains("product-table")) {
				throw new IllegalStateException("List page failed: " + response.statusCode());
			}
		}
		Collections.sort(micros);
		line("| " + label + " | " + ms(percentile(micros, 50)) + " | " + ms(percentile(micros, 95)) + " | "
				+ ms(micros.get(micros.size() - 1)) + " | " + ms(percentile(queryMicros, 50)) + " | "
				+ ms(percentile(queryMicros, 95)) + " |");
	}

	private String cursorAtPage(int page) {
		long offset = (long) (page - 1) * ProductQuery.PAGE_SIZE - 1;
		return this.jdbc.sql("""
				SELECT id, updated_at FROM product WHERE status = 'ACTIVE'
				ORDER BY updated_at DESC, id DESC OFFSET :offset LIMIT 1""")
			.param("offset", offset)
			.query((rs, n) -> {
				ProductListItem item = new ProductListItem(rs.getLong("id"), "", "", ProductStatus.ACTIVE, null, null,
						BigDecimal.ZERO, BigDecimal.ZERO, 0, List.of(), Instant.EPOCH,
						Cursor.micros(rs.getTimestamp("updated_at").toInstant()));
				return Cursor.of(item, ProductFilter.ProductSort.UPDATED);
			})
			.single();
	}

	private Result upload(Path file, String label) throws Exception {
		long before = this.jdbc.sql("SELECT count(*) FROM product").query(Long.class).single();
		String token = csrfToken();
		String boundary = "----shopops" + UUID.randomUUID();
		String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"mode\"\r\n\r\napply\r\n" + "--"
				+ boundary + "\r\nContent-Disposition: form-data; name=\"policy\"\r\n\r\nall-or-nothing\r\n" + "--"
				+ boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + file.getFileName()
				+ "\"\r\nContent-Type: text/csv\r\n\r\n";
		String tail = "\r\n--" + boundary + "--\r\n";
		long jvmCpu = jvmCpuMillis();
		long databaseCpu = databaseCpuMillis();
		long start = System.nanoTime();
		HttpResponse<String> response = this.http.send(HttpRequest.newBuilder(uri("/imports/products"))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.header("X-CSRF-TOKEN", token)
			.header("Accept", "text/html")
			.POST(BodyPublishers.concat(BodyPublishers.ofString(head), BodyPublishers.ofFile(file),
					BodyPublishers.ofString(tail)))
			.build(), BodyHandlers.ofString());
		long uploaded = (System.nanoTime() - start) / 1_000_000;
		String location = response.headers().firstValue("Location").orElseThrow();
		long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
		String json;
		while (true) {
			json = this.http.send(HttpRequest.newBuilder(uri("/imports/" + id)).header("Accept", "application/json")
				.build(), BodyHandlers.ofString()).body();
			if (json.contains("\"status\":\"succeeded\"") || json.contains("\"status\":\"failed\"")) {
				break;
			}
			Thread.sleep(50);
		}
		long wall = (System.nanoTime() - start) / 1_000_000;
		long job = this.jdbc.sql("SELECT finished_at, started_at FROM import_job WHERE id = ?")
			.param(id)
			.query((rs, n) -> Duration
				.between(rs.getTimestamp("started_at").toInstant(), rs.getTimestamp("finished_at").toInstant())
				.toMillis())
			.single();
		if (!json.contains("\"status\":\"succeeded\"")) {
			throw new IllegalStateException("Import failed: " + json);
		}
		long jvmCpuUsed = jvmCpuMillis() - jvmCpu;
		long databaseCpuUsed = (databaseCpu < 0) ? -1 : databaseCpuMillis() - databaseCpu;
		Result result = new Result(label, before, number(json, "total"), uploaded, wall, job, number(json, "created"),
				number(json, "updated"), number(json, "unchanged"), number(json, "failed"), jvmCpuUsed, databaseCpuUsed,
				stages(id));
		System.out.println(result);
		return result;
	}

	/**
	 * The stage times the job logged, by stage name.
	 */
	private Map<String, Double> stages(long job) {
		Pattern line = Pattern.compile("Import job " + job + ": .*\\((.*)\\)$");
		for (ILoggingEvent event : this.log.list) {
			Matcher matcher = line.matcher(event.getFormattedMessage());
			if (matcher.find()) {
				Map<String, Double> stages = new LinkedHashMap<>();
				Matcher stage = Pattern.compile("(\\w+) ([0-9.]+) s").matcher(matcher.group(1));
				while (stage.find()) {
					stages.put(stage.group(1), Double.parseDouble(stage.group(2)));
				}
				return stages;
			}
		}
		throw new IllegalStateException("The import job " + job + " logged no stage times");
	}

	private long rawCopy(Path file) throws Exception {
		String table = "bench_copy_" + UUID.randomUUID().toString().replace("-", "");
		List<String> header = List.of(ShopifyClassicFile.HEADER);
		StringBuilder columns = new StringBuilder();
		for (int i = 0; i < header.size(); i++) {
			columns.append((i > 0) ? ", " : "").append("c").append(i).append(" text");
		}
		try (Connection connection = this.dataSource.getConnection()) {
			connection.setAutoCommit(true);
			connection.createStatement().execute("CREATE TABLE " + table + " (" + columns + ")");
			long start = System.nanoTime();
			try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
				connection.unwrap(PGConnection.class)
					.getCopyAPI()
					.copyIn("COPY " + table + " FROM STDIN WITH (FORMAT csv, HEADER true)", reader);
			}
			long millis = (System.nanoTime() - start) / 1_000_000;
			connection.createStatement().execute("DROP TABLE " + table);
			return millis;
		}
	}

	private void login() throws Exception {
		String admin = this.users.create(Role.ADMIN);
		String page = get("/login").body();
		Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
		csrf.find();
		this.http.send(HttpRequest.newBuilder(uri("/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(BodyPublishers
				.ofString("username=" + admin + "&password=" + TestUsers.PASSWORD + "&_csrf=" + csrf.group(1)))
			.build(), BodyHandlers.ofString());
	}

	private String csrfToken() throws Exception {
		Matcher meta = Pattern.compile("name=\"_csrf\" content=\"([^\"]+)\"").matcher(get("/imports/products").body());
		if (!meta.find()) {
			throw new IllegalStateException("Not logged in");
		}
		return meta.group(1);
	}

	private HttpResponse<String> get(String path) throws Exception {
		return this.http.send(HttpRequest.newBuilder(uri(path)).header("Accept", "text/html").GET().build(),
				BodyHandlers.ofString());
	}

	private URI uri(String path) {
		return URI.create("http://localhost:" + this.port + path);
	}

	private void row(String scenario, Result result, long copyMillis, String target) {
		line("| " + scenario + " | " + result.catalogBefore() + " | " + result.total() + " | "
				+ seconds(result.uploadMillis()) + " | " + seconds(result.wallMillis()) + " | "
				+ seconds(result.jobMillis()) + " | "
				+ String.format(Locale.ROOT, "%,d", result.total() * 1000 / Math.max(1, result.wallMillis())) + " | "
				+ result.created() + " | " + result.updated() + " | " + result.unchanged() + " | " + seconds(copyMillis)
				+ " | " + ratio(result.wallMillis(), copyMillis) + " | " + target + " |");
		if (result.failed() != 0) {
			throw new IllegalStateException(scenario + ": " + result.failed() + " rows failed");
		}
		Map<String, Double> stages = result.stages();
		StringBuilder stage = new StringBuilder("| " + scenario);
		for (String name : List.of("scan", "parse", "build", "copy", "products", "SKUs", "summaries", "commit")) {
			Double value = stages.get(name);
			stage.append(" | ").append((value != null) ? String.format(Locale.ROOT, "%.2f s", value) : "–");
		}
		stage.append(" | ").append(seconds(result.jobMillis()));
		stage.append(" | ").append(seconds(result.jvmCpuMillis()));
		stage.append(" | ").append((result.databaseCpuMillis() < 0) ? "–" : seconds(result.databaseCpuMillis()));
		this.stages.add(stage.append(" |").toString());
		writePartial();
	}

	/**
	 * Writes the report as far as it goes, with the stage table so far: a run cut short
	 * still leaves every figure it measured.
	 */
	private void writePartial() {
		List<String> partial = new ArrayList<>(this.report);
		partial.add("");
		partial.add("(run in progress; stage times so far)");
		partial.add("");
		partial.add("| scenario | scan | parse | build | copy | products | SKUs | summaries | commit | job | JVM CPU "
				+ "| PostgreSQL CPU |");
		partial.add("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
		partial.addAll(this.stages);
		try {
			write(partial);
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	private void line(String text) {
		this.report.add(text);
		System.out.println(text);
	}

	private void write() throws IOException {
		write(this.report);
	}

	private static void write(List<String> lines) throws IOException {
		Path dir = Path.of(System.getProperty("bench.report.dir", "bench/reports"));
		Files.createDirectories(dir);
		Files.write(dir.resolve("catalog-import.md"), lines, StandardCharsets.UTF_8);
	}

	private static long number(String json, String field) {
		Matcher matcher = Pattern.compile("\"" + field + "\":(\\d+)").matcher(json);
		return matcher.find() ? Long.parseLong(matcher.group(1)) : -1;
	}

	private static long percentile(List<Long> sorted, int percentile) {
		int index = (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1;
		return sorted.get(Math.max(0, index));
	}

	private static String seconds(long millis) {
		return String.format(Locale.ROOT, "%.2f s", millis / 1000.0);
	}

	private static String ms(long micros) {
		return String.format(Locale.ROOT, "%.1f ms", micros / 1000.0);
	}

	private static String ratio(long a, long b) {
		return String.format(Locale.ROOT, "%.1f×", (double) a / Math.max(1, b));
	}

	private static long mb(long bytes) {
		return bytes / (1024 * 1024);
	}

	/**
	 * The largest heap in use right after a garbage collection, from the collectors' notifications: what the
	 * application really holds, without the garbage a sampled peak includes.
	 */
	static final class LiveHeap implements javax.management.NotificationListener, AutoCloseable {

		private final AtomicLong max = new AtomicLong();

		private final AtomicLong collections = new AtomicLong();

		private final List<javax.management.NotificationEmitter> emitters = new ArrayList<>();

		LiveHeap() {
			for (var collector : ManagementFactory.getGarbageCollectorMXBeans()) {
				if (collector instanceof javax.management.NotificationEmitter emitter) {
					emitter.addNotificationListener(this, null, null);
					this.emitters.add(emitter);
				}
			}
		}

		@Override
		public void handleNotification(javax.management.Notification notification, Object handback) {
			if (!com.sun.management.GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION
				.equals(notification.getType())) {
				return;
			}
			var info = com.sun.management.GarbageCollectionNotificationInfo
				.from((javax.management.openmbean.CompositeData) notification.getUserData());
			long used = info.getGcInfo()
				.getMemoryUsageAfterGc()
				.entrySet()
				.stream()
				.filter((pool) -> isHeap(pool.getKey()))
				.mapToLong((pool) -> pool.getValue().getUsed())
				.sum();
			this.max.accumulateAndGet(used, Math::max);
			this.collections.incrementAndGet();
		}

		private static boolean isHeap(String pool) {
			return ManagementFactory.getMemoryPoolMXBeans()
				.stream()
				.anyMatch((bean) -> bean.getName().equals(pool)
						&& bean.getType() == java.lang.management.MemoryType.HEAP);
		}

		long max() {
			return this.max.get();
		}

		long collections() {
			return this.collections.get();
		}

		@Override
		public void close() throws javax.management.ListenerNotFoundException {
			for (var emitter : this.emitters) {
				emitter.removeNotificationListener(this);
			}
		}

	}

	record Result(String label, long catalogBefore, long total, long uploadMillis, long wallMillis, long jobMillis,
			long created, long updated, long unchanged, long failed, long jvmCpuMillis, long databaseCpuMillis,
			Map<String, Double> stages) {
	}

}
