package io.shopops.platform.web;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.CookieManager;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.shopops.TestDatabase;
import io.shopops.fulfilment.catalog.importing.CatalogSampleFile;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Test;

/**
 * The page-speed benchmark of issue 6, run on demand with
 * {@code ./mvnw -Pbench test -Dtest=PageBenchmark} after {@code ./mvnw package} (or
 * {@code bench/pages.sh}, which does both). It starts the packaged jar — the nested-jar
 * class loader is part of what is measured — with the demo profile on a fresh database,
 * logs in as {@code demoadmin} and requests every main page one at a time, in English and
 * in Chinese: first on the demo shop (1,000 products), then after loading 1M SKUs (250k
 * products × 4) with SQL. Server time is what Tomcat's access log records for each
 * request ({@code %{us}T}: from reading the request to the end of the response); the
 * client's loopback time is reported beside it. A JFR recording of {@code /products}
 * gives the top frames of the request threads.
 * <p>
 * {@code -Dbench.baseline=path/to/old.jar} measures that jar first, in the same run and
 * on its own database, for a before/after table. It asserts nothing about time: the
 * report states the target next to the measurements.
 */
class PageBenchmark {

	private static final Settings CURRENT = new Settings(Integer.getInteger("bench.pages.samples", 40),
			Integer.getInteger("bench.pages.warm-up", 15), Integer.getInteger("bench.pages.profiled", 200),
			List.of("en", "zh-CN"));

	/**
	 * The baseline is measured more briefly: slow pages on a shared machine would
	 * otherwise take most of the ten minutes.
	 */
	private static final Settings BASELINE = new Settings(Integer.getInteger("bench.baseline.samples", 15),
			Integer.getInteger("bench.baseline.warm-up", 5), Integer.getInteger("bench.baseline.profiled", 60),
			List.of(System.getProperty("bench.baseline.languages", "en").split(",")));

	private static final int PRODUCTS = Integer.getInteger("bench.pages.products", 250_000);

	private static final int SKUS_PER_PRODUCT = 4;

	private static final int ORDERS = Integer.getInteger("bench.pages.orders", 1_000_000);

	private static final String TARGET = "p95 ≤ 25 ms";

	private static final List<String> FRAMES_OF_INTEREST = List.of(
			"org.thymeleaf.web.servlet.JakartaServletWebExchange.transformURL",
			"org.springframework.web.servlet.resource.ResourceUrlProvider.getForLookupPath",
			"org.springframework.web.servlet.resource.PathResourceResolver.getResource",
			"org.springframework.boot.loader.jar.NestedJarFile.hasEntry", "java.net.URL.<init>",
			"org.thymeleaf.spring6.view.ThymeleafView.render",
			// the page layout: the Groovy Thymeleaf Layout Dialect (before) and the platform's own (after)
			"nz.net.ultraq.thymeleaf.layoutdialect.decorators.DecorateProcessor.doProcess",
			"org.codehaus.groovy.vmplugin.v8.IndyInterface.fallback",
			"io.shopops.platform.web.LayoutDialect$DecorateProcessor.doProcess",
			// property reads of ${…}: SpEL looks for an accessor on every read
			"org.springframework.expression.spel.ast.PropertyOrFieldReference.readProperty",
			"org.springframework.expression.spel.support.ReflectivePropertyAccessor.createOptimalAccessor",
			"io.shopops.platform.web.LayoutAdvice.layout",
			"io.shopops.platform.settings.JpaShopSettings.current", "io.shopops.platform.web.Navigation.canOpen",
			"io.shopops.fulfilment.catalog.ProductQuery.page");

	private final List<String> report = new ArrayList<>();

	/**
	 * The order list's cursors of page 1,000 and the date range of the channel filter.
	 */
	record OrderCursors(String all, String completed, String from, String to, String channelRange) {
	}

	@Test
	void measurePages() throws Exception {
		Path jar = currentJar();
		String baseline = System.getProperty("bench.baseline");
		Path work = Files.createDirectories(Path.of("target", "bench", "pages"));
		TestDatabase database = TestDatabase.get();
		double loadBefore = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
		Instant started = Instant.now();
		List<Run> runs = new ArrayList<>();
		if (baseline != null && !baseline.isBlank()) {
			runs.add(measure("baseline", Path.of(baseline), BASELINE, database, work));
		}
		runs.add(measure("current", jar, CURRENT, database, work));
		double loadAfter = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();

		line("# Page speed benchmark");
		line("");
		line("Run " + started.atOffset(ZoneOffset.UTC) + " (" + Duration.between(started, Instant.now()).toSeconds()
				+ " s) on " + Runtime.getRuntime().availableProcessors() + " cores (" + cpuModel() + "), Java "
				+ System.getProperty("java.version") + ", PostgreSQL " + serverVersion(database)
				+ " on the same machine (embedded unless TEST_DATABASE_URL is set). Load average "
				+ String.format("%.1f", loadBefore) + " at the start and " + String.format("%.1f", loadAfter)
				+ " at the end: other processes share the CPU, so the maxima and part of the p95 are theirs.");
		line("");
		line("Each jar runs as `java -Xmx1g -jar …` with the `demo` profile on its own fresh database. Pages are "
				+ "requested one at a time by one signed-in admin (`demoadmin`) with `Accept-Language: en` or `zh-CN`. "
				+ "**Server time** "
				+ "is Tomcat's access log (`%{us}T`: from reading the request to the end of the response); "
				+ "**client** is the loopback round trip seen by the benchmark's HTTP client; **CPU/request** is the CPU time "
				+ "the application's process (all its threads, JIT and GC included) used during the measured requests, "
				+ "divided by their number — the figure that the other processes on the machine change least.");
		for (Run run : runs) {
			line("");
			line("- **" + run.label() + "**: `" + run.jar().getFileName() + "`, " + run.jar().toFile().length() / 1024
					+ " KB, modified " + Files.getLastModifiedTime(run.jar()) + "; " + run.settings().warmUp()
					+ " warm-up and " + run.settings().samples() + " measured requests per page and language ("
					+ String.join(", ", run.settings().languages()) + ")");
		}
		for (String phase : List.of(Phase.DEMO, Phase.LARGE)) {
			line("");
			line(Phase.DEMO.equals(phase) ? "## The demo shop (1,000 products)"
					: "## " + PRODUCTS * SKUS_PER_PRODUCT + " SKUs (" + PRODUCTS + " products × " + SKUS_PER_PRODUCT
							+ ") and " + ORDERS + " orders, plus the demo shop");
			line("");
			StringBuilder header = new StringBuilder("| page | language |");
			StringBuilder rule = new StringBuilder("|---|---|");
			for (Run run : runs) {
				header.append(" ").append(run.label()).append(" server p50 | p95 | client p95 | CPU/request |");
				rule.append("---:|---:|---:|---:|");
			}
			line(header.append(" target |").toString());
			line(rule.append("---|").toString());
			for (String key : runs.get(runs.size() - 1).results().keySet()) {
				if (!key.startsWith(phase + "|")) {
					continue;
				}
				String[] parts = key.split("\\|");
				StringBuilder row = new StringBuilder("| " + parts[1] + " | " + parts[2] + " |");
				for (Run run : runs) {
					Timing timing = run.results().get(key);
					row.append(timing == null ? " – | – | – | – |"
							: " " + ms(timing.serverP50()) + " | " + ms(timing.serverP95()) + " | "
									+ ms(timing.clientP95()) + " | " + ms(timing.cpuPerRequest()) + " |");
				}
				line(row.append(" ").append(TARGET).append(" |").toString());
			}
		}
		for (Run run : runs) {
			line("");
			line("## JFR: `GET /products` on the " + run.label() + " jar");
			line("");
			run.profile().forEach(this::line);
		}
		write();
	}

	private Run measure(String label, Path jar, Settings settings, TestDatabase database, Path work)
			throws Exception {
		String name = "pages_" + label + "_" + UUID.randomUUID().toString().substring(0, 8);
		try (Connection connection = connect(database, database.url())) {
			connection.createStatement().execute("CREATE DATABASE " + name);
		}
		String url = database.url().replaceFirst("/postgres(\\?|$)", "/" + name + "$1");
		Path dir = Files.createDirectories(work.resolve(label));
		Path logs = Files.createDirectories(dir.resolve("logs"));
		try (Stream<Path> old = Files.list(logs)) {
			for (Path file : old.toList()) {
				Files.delete(file);
			}
		}
		int port = freePort();
		List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-Xmx1g", "-XX:+FlightRecorder", "-XX:FlightRecorderOptions:stackdepth=512", "-jar",
				jar.toAbsolutePath().toString(), "--spring.profiles.active=demo", "--server.port=" + port,
				"--spring.datasource.url=" + url, "--spring.datasource.username=" + database.username(),
				"--spring.datasource.password=" + database.password(),
				"--shopops.data-dir=" + dir.resolve("data").toAbsolutePath(), "--logging.level.root=WARN",
				"--server.tomcat.accesslog.enabled=true", "--server.tomcat.accesslog.directory=" + logs.toAbsolutePath(),
				"--server.tomcat.accesslog.prefix=access", "--server.tomcat.accesslog.suffix=.log",
				"--server.tomcat.accesslog.rotate=false", "--server.tomcat.accesslog.buffered=false",
				"--server.tomcat.accesslog.pattern=%r %s %{us}T"));
		Process app = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(dir.resolve("app.log").toFile())
			.start();
		Thread stop = new Thread(app::destroy);
		Runtime.getRuntime().addShutdownHook(stop);
		try {
			Client client = new Client(port, app.pid(), logs.resolve("access.log"), settings);
			client.awaitStartup(app, dir.resolve("app.log"));
			client.login("demoadmin", "demoadmin-demo");
			Map<String, Timing> results = new LinkedHashMap<>();
			long job = client.importJob();
			pages(client, Phase.DEMO, job, null, null, null).forEach(results::put);
			try (Connection connection = connect(database, url)) {
				loadCatalog(connection);
				loadOrders(connection);
				String productCursor = client.productCursorAtPage(connection, 1000);
				String inventoryCursor = client.inventoryCursorAtPage(connection, 1000);
				OrderCursors orderCursors = client.orderCursors(connection);
				pages(client, Phase.LARGE, job, productCursor, inventoryCursor, orderCursors).forEach(results::put);
			}
			List<String> profile = client.profile(app.pid(), dir.resolve("products.jfr"));
			return new Run(label, jar, settings, results, profile);
		}
		finally {
			Runtime.getRuntime().removeShutdownHook(stop);
			app.destroy();
			if (!app.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
				app.destroyForcibly();
			}
		}
	}

	private Map<String, Timing> pages(Client client, String phase, long job, String productCursor,
			String inventoryCursor, OrderCursors orderCursors) throws Exception {
		Map<String, String> pages = new LinkedHashMap<>();
		pages.put("`/`", "/");
		pages.put("`/products` page 1", "/products");
		if (productCursor != null) {
			pages.put("`/products` page 1,000", "/products?after=" + productCursor);
		}
		pages.put("`/inventory` page 1", "/inventory");
		if (inventoryCursor != null) {
			pages.put("`/inventory` page 1,000", "/inventory?after=" + inventoryCursor);
		}
		pages.put("`/orders` page 1", "/orders");
		if (orderCursors != null) {
			pages.put("`/orders` page 1,000", "/orders?after=" + orderCursors.all());
			pages.put("`/orders?status=completed` page 1", "/orders?status=completed");
			pages.put("`/orders?status=completed` page 1,000", "/orders?status=completed&after=" + orderCursors.completed());
			pages.put("`/orders?channel=…&from=…&to=…` (one channel, 30 days) page 1",
					"/orders?channel=BENCH2&from=" + orderCursors.from() + "&to=" + orderCursors.to());
			pages.put("`/orders?channel=…&from=…&to=…` page 1,000",
					"/orders?channel=BENCH2&from=" + orderCursors.from() + "&to=" + orderCursors.to() + "&after="
							+ orderCursors.channelRange());
			pages.put("`/orders?sku=…`", "/orders?sku=OBENCH-00042");
			pages.put("`/orders?customer=…` (phone)", "/orders?customer=13900004242");
			pages.put("`/orders?overdue=true`", "/orders?overdue=true");
			pages.put("`/orders/queues`", "/orders/queues");
		}
		pages.put("`/admin/audit`", "/admin/audit");
		pages.put("`/admin/users`", "/admin/users");
		pages.put("`/imports/products`", "/imports/products");
		pages.put("`/imports/{id}` progress fragment (htmx poll)", "!/imports/" + job);
		Map<String, Timing> results = new LinkedHashMap<>();
		for (Map.Entry<String, String> page : pages.entrySet()) {
			for (String language : client.settings.languages()) {
				boolean fragment = page.getValue().startsWith("!");
				String path = fragment ? page.getValue().substring(1) : page.getValue();
				results.put(phase + "|" + page.getKey() + "|" + language, client.time(path, language, fragment));
			}
		}
		return results;
	}

	/**
	 * Loads the large catalog straight into the tables, as an import would leave them:
	 * active products with their price range and SKU count, every SKU with stock in
	 * {@code MAIN}, spread over the demo shop's categories and brands.
	 */
	private static void loadCatalog(Connection connection) throws Exception {
		try (Statement sql = connection.createStatement()) {
			sql.execute("""
					WITH c AS (SELECT array_agg(id ORDER BY id) AS ids FROM category),
					     b AS (SELECT array_agg(id ORDER BY id) AS ids FROM brand)
					INSERT INTO product (handle, title, status, category_id, brand_id, tags, option1_name,
					                     min_price, max_price, variant_count, created_at, updated_at)
					SELECT 'bench-' || i, '基准商品 ' || i || ' 纯棉短袖T恤', 'ACTIVE',
					       c.ids[1 + i %% greatest(cardinality(c.ids), 1)], b.ids[1 + i %% greatest(cardinality(b.ids), 1)],
					       ARRAY['bench', '夏季'], '尺码', 10 + i %% 90, 13 + i %% 90, %d,
					       timestamptz '2025-01-01' + i * interval '1 second',
					       timestamptz '2025-01-01' + i * interval '1 second'
					FROM generate_series(1, %d) i, c, b""".formatted(SKUS_PER_PRODUCT, PRODUCTS));
			sql.execute("""
					INSERT INTO product_variant (product_id, sku, option1_value, price, position)
					SELECT p.id, 'BENCH-' || lpad(p.id::text, 9, '0') || '-' || s, (ARRAY['S', 'M', 'L', 'XL'])[s],
					       p.min_price + s - 1, s
					FROM product p CROSS JOIN generate_series(1, %d) s
					WHERE p.handle LIKE 'bench-%%'""".formatted(SKUS_PER_PRODUCT));
			sql.execute("""
					INSERT INTO stock_item (variant_id, warehouse, on_hand)
					SELECT v.id, 'MAIN', (v.id % 200)::int FROM product_variant v WHERE v.sku LIKE 'BENCH-%'""");
			sql.execute("ANALYZE product");
			sql.execute("ANALYZE product_variant");
			sql.execute("ANALYZE stock_item");
		}
	}

	/**
	 * Loads {@link #ORDERS} orders straight into the tables over the 365 days before
	 * 2026-11-30 (newest first by id), as the channels' history would leave them: four
	 * channels; the last three days' orders paid (late to ship by now) or shipped, the
	 * older ones 94 % completed, 3 % cancelled, 3 % closed; 1–2 lines each over 5,000
	 * SKUs; a customer phone shared by every 200,000th order.
	 */
	private static void loadOrders(Connection connection) throws Exception {
		try (Statement sql = connection.createStatement()) {
			sql.execute("""
					INSERT INTO sales_channel (code, name, platform)
					SELECT 'BENCH' || c, '基准渠道 ' || c, (ARRAY['TMALL', 'JD', 'DOUYIN', 'OWN_SITE'])[c]
					FROM generate_series(1, 4) c""");
			sql.execute("""
					INSERT INTO shop_order (channel_id, number, status, source, currency, goods_amount, shipping_fee,
					                        paid_amount, customer_name, customer_phone, buyer_id, ship_name, ship_province,
					                        ship_city, ship_line1, placed_at, paid_at, shipped_at, delivered_at,
					                        completed_at, cancelled_at, closed_at, history)
					SELECT ch.id, 'B' || lpad(i::text, 10, '0'), s.status, 'IMPORT', 'CNY', 99.00, 0, 99.00,
					       '基准买家' || (i %% 200000), '139' || lpad((i %% 200000)::text, 8, '0'), 'buyer' || (i %% 200000),
					       '基准买家', '浙江省', '杭州市', '文三路 ' || i || ' 号', t.placed,
					       CASE WHEN s.status <> 'CANCELLED' THEN t.placed + interval '5 minutes' END,
					       CASE WHEN s.status IN ('SHIPPED', 'COMPLETED', 'CLOSED') THEN t.placed + interval '1 day' END,
					       CASE WHEN s.status IN ('COMPLETED', 'CLOSED') THEN t.placed + interval '3 days' END,
					       CASE WHEN s.status = 'COMPLETED' THEN t.placed + interval '8 days' END,
					       CASE WHEN s.status = 'CANCELLED' THEN t.placed + interval '1 hour' END,
					       CASE WHEN s.status = 'CLOSED' THEN t.placed + interval '9 days' END,
					       s.status <> 'PAID'
					FROM generate_series(1, %d) i
					CROSS JOIN LATERAL (SELECT timestamptz '2026-11-30 00:00+08' - (%d - i) * (interval '365 days' / %d)
					                             AS placed) t
					CROSS JOIN LATERAL (SELECT CASE WHEN i > %d THEN (CASE WHEN i %% 3 = 0 THEN 'SHIPPED' ELSE 'PAID' END)
					                                WHEN i %% 100 < 94 THEN 'COMPLETED' WHEN i %% 100 < 97 THEN 'CANCELLED'
					                                ELSE 'CLOSED' END AS status) s
					JOIN sales_channel ch ON ch.code = 'BENCH' || (1 + i %% 4)""".formatted(ORDERS, ORDERS, ORDERS,
					ORDERS - ORDERS * 3 / 365));
			sql.execute("""
					INSERT INTO order_line (order_id, line_no, sku, title, quantity, unit_price, amount, shipped_quantity)
					SELECT o.id, n, 'OBENCH-' || lpad(((o.id * 7 + n) % 5000)::text, 5, '0'), '基准商品 纯棉短袖T恤', 1,
					       49.50, 49.50, CASE WHEN o.status IN ('SHIPPED', 'COMPLETED', 'CLOSED') THEN 1 ELSE 0 END
					FROM shop_order o
					JOIN sales_channel ch ON ch.id = o.channel_id AND ch.code LIKE 'BENCH%'
					CROSS JOIN LATERAL generate_series(1, 1 + (o.id % 2)::int) n""");
			sql.execute("ANALYZE shop_order");
			sql.execute("ANALYZE order_line");
		}
	}

	/**
	 * The packaged jar, which must be newer than every main source file: the benchmark
	 * measures what {@code ./mvnw package} built, not the classes directory.
	 */
	private static Path currentJar() throws IOException {
		Path jar;
		try (Stream<Path> files = Files.list(Path.of("target"))) {
			jar = files.filter((file) -> file.getFileName().toString().matches("shopops-.*\\.jar"))
				.max(Comparator.comparing((Path file) -> file.toFile().lastModified()))
				.orElseThrow(() -> new IllegalStateException(
						"No target/shopops-*.jar: run ./mvnw package -DskipTests first (or bench/pages.sh)"));
		}
		FileTime built = Files.getLastModifiedTime(jar);
		try (Stream<Path> sources = Files.walk(Path.of("src", "main"))) {
			List<Path> newer = sources.filter(Files::isRegularFile).filter((file) -> {
				try {
					return Files.getLastModifiedTime(file).compareTo(built) > 0;
				}
				catch (IOException ex) {
					return false;
				}
			}).toList();
			if (!newer.isEmpty()) {
				throw new IllegalStateException(jar + " is older than " + newer.get(0)
						+ ": run ./mvnw package -DskipTests first (or bench/pages.sh)");
			}
		}
		return jar;
	}

	private static Connection connect(TestDatabase database, String url) throws Exception {
		return DriverManager.getConnection(url, database.username(), database.password());
	}

	private static String serverVersion(TestDatabase database) throws Exception {
		try (Connection connection = connect(database, database.url());
				ResultSet rs = connection.createStatement().executeQuery("SHOW server_version")) {
			rs.next();
			return rs.getString(1);
		}
	}

	private static String cpuModel() {
		try (Stream<String> lines = Files.lines(Path.of("/proc/cpuinfo"))) {
			return lines.filter((line) -> line.startsWith("model name"))
				.map((line) -> line.substring(line.indexOf(':') + 1).strip())
				.findFirst()
				.orElse(System.getProperty("os.arch"));
		}
		catch (IOException ex) {
			return System.getProperty("os.arch");
		}
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	private void line(String text) {
		this.report.add(text);
		System.out.println(text);
	}

	private void write() throws IOException {
		Path dir = Path.of(System.getProperty("bench.report.dir", "bench/reports"));
		Files.createDirectories(dir);
		Files.write(dir.resolve("pages.md"), (String.join("\n", this.report) + "\n").getBytes(StandardCharsets.UTF_8));
	}

	static String ms(long micros) {
		return String.format("%.1f ms", micros / 1000.0);
	}

	static long percentile(List<Long> sorted, int percentile) {
		int index = (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1;
		return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1)));
	}

	private static final class Phase {

		static final String DEMO = "demo";

		static final String LARGE = "large";

	}

	record Run(String label, Path jar, Settings settings, Map<String, Timing> results, List<String> profile) {
	}

	record Settings(int samples, int warmUp, int profiled, List<String> languages) {
	}

	record Timing(long serverP50, long serverP95, long clientP95, long cpuPerRequest) {
	}

	/**
	 * One signed-in browser: a cookie jar, the CSRF token, and the access log it reads its
	 * requests' server times from.
	 */
	private static final class Client {

		private static final Pattern ACCESS_LINE = Pattern.compile("^(\\S+) (\\S+) \\S+ (\\d{3}) (\\d+)$");

		private final int port;

		private final long pid;

		private final Path accessLog;

		private final Settings settings;

		private final HttpClient http = HttpClient.newBuilder()
			.cookieHandler(new CookieManager())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();

		Client(int port, long pid, Path accessLog, Settings settings) {
			this.port = port;
			this.pid = pid;
			this.accessLog = accessLog;
			this.settings = settings;
		}

		void awaitStartup(Process app, Path appLog) throws Exception {
			Instant deadline = Instant.now().plus(Duration.ofMinutes(5));
			while (Instant.now().isBefore(deadline)) {
				if (!app.isAlive()) {
					throw new IllegalStateException("The application stopped; see " + appLog);
				}
				try {
					HttpResponse<String> health = this.http.send(HttpRequest.newBuilder(uri("/actuator/health")).build(),
							BodyHandlers.ofString());
					if (health.statusCode() == 200) {
						return;
					}
				}
				catch (IOException ex) {
					// not listening yet
				}
				Thread.sleep(500);
			}
			throw new IllegalStateException("The application did not start within 5 minutes; see " + appLog);
		}

		void login(String username, String password) throws Exception {
			Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(get("/login", "en").body());
			if (!csrf.find()) {
				throw new IllegalStateException("No CSRF token on the login page");
			}
			HttpResponse<String> login = this.http.send(HttpRequest.newBuilder(uri("/login"))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(BodyPublishers.ofString("username=" + username + "&password=" + password + "&_csrf=" + csrf.group(1)))
				.build(), BodyHandlers.ofString());
			if (login.statusCode() != 302 || login.headers().firstValue("Location").orElse("").contains("error")) {
				throw new IllegalStateException("Login failed: " + login.statusCode() + " " + login.headers().map());
			}
		}

		/**
		 * A small finished import job, whose progress fragment the job page polls.
		 */
		long importJob() throws Exception {
			Matcher meta = Pattern.compile("name=\"_csrf\" content=\"([^\"]+)\"")
				.matcher(get("/imports/products", "en").body());
			if (!meta.find()) {
				throw new IllegalStateException("Not logged in");
			}
			Path file = Files.createTempFile("shopops-page-bench", ".csv");
			CatalogSampleFile.write(file, 20, 7, false, StandardCharsets.UTF_8, "job-");
			String boundary = "----shopops" + UUID.randomUUID();
			String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"mode\"\r\n\r\napply\r\n" + "--"
					+ boundary + "\r\nContent-Disposition: form-data; name=\"policy\"\r\n\r\nall-or-nothing\r\n" + "--"
					+ boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"bench.csv\"\r\n"
					+ "Content-Type: text/csv\r\n\r\n";
			HttpResponse<String> response = this.http.send(HttpRequest.newBuilder(uri("/imports/products"))
				.header("Content-Type", "multipart/form-data; boundary=" + boundary)
				.header("X-CSRF-TOKEN", meta.group(1))
				.POST(BodyPublishers.concat(BodyPublishers.ofString(head), BodyPublishers.ofFile(file),
						BodyPublishers.ofString("\r\n--" + boundary + "--\r\n")))
				.build(), BodyHandlers.ofString());
			Files.delete(file);
			String location = response.headers().firstValue("Location").orElseThrow();
			long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
			Instant deadline = Instant.now().plus(Duration.ofMinutes(1));
			while (Instant.now().isBefore(deadline)) {
				String json = this.http
					.send(HttpRequest.newBuilder(uri("/imports/" + id)).header("Accept", "application/json").build(),
							BodyHandlers.ofString())
					.body();
				if (json.contains("\"status\":\"succeeded\"") || json.contains("\"status\":\"failed\"")) {
					return id;
				}
				Thread.sleep(200);
			}
			throw new IllegalStateException("Import job " + id + " did not finish");
		}

		/**
		 * The list's {@code after} cursor that opens the given page (sorted by last update,
		 * the default), in the list's own format.
		 */
		String productCursorAtPage(Connection connection, int page) throws Exception {
			try (Statement sql = connection.createStatement();
					ResultSet rs = sql.executeQuery("""
							SELECT id, (extract(epoch FROM updated_at) * 1000000)::bigint AS micros FROM product
							ORDER BY updated_at DESC, id DESC OFFSET %d LIMIT 1""".formatted((long) (page - 1) * 50 - 1))) {
				rs.next();
				String raw = "UPDATED|" + rs.getLong("micros") + "|" + rs.getLong("id");
				return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
			}
		}

		/**
		 * The order list's {@code after} cursors that open page 1,000: of every order, of
		 * the completed ones, and of one channel over the loaded orders' days.
		 */
		OrderCursors orderCursors(Connection connection) throws Exception {
			String all = orderCursor(connection, "TRUE", 1000);
			String completed = orderCursor(connection, "o.status = 'COMPLETED'", 1000);
			// one channel over a range wide enough for 1,000 pages of 50 at the loaded size
			String from = "2025-12-01";
			String to = "2026-11-30";
			String range = "o.channel_id = (SELECT id FROM sales_channel WHERE code = 'BENCH2') AND o.placed_at >= "
					+ "timestamptz '" + from + " 00:00+08' AND o.placed_at < timestamptz '" + to + " 00:00+08' + interval '1 day'";
			return new OrderCursors(all, completed, from, to, orderCursor(connection, range, 1000));
		}

		private String orderCursor(Connection connection, String where, int page) throws Exception {
			try (Statement sql = connection.createStatement();
					ResultSet rs = sql.executeQuery("""
							SELECT o.id, (extract(epoch FROM o.placed_at) * 1000000)::bigint AS micros FROM shop_order o
							WHERE %s ORDER BY o.placed_at DESC, o.id DESC OFFSET %d LIMIT 1"""
						.formatted(where, (long) (page - 1) * 50 - 1))) {
				if (!rs.next()) {
					return "";
				}
				String raw = "P|" + rs.getLong("micros") + "|" + rs.getLong("id");
				return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
			}
		}

		String inventoryCursorAtPage(Connection connection, int page) throws Exception {
			try (Statement sql = connection.createStatement();
					ResultSet rs = sql.executeQuery("""
							SELECT v.sku FROM stock_item s JOIN product_variant v ON v.id = s.variant_id
							ORDER BY v.sku, s.warehouse OFFSET %d LIMIT 1""".formatted((long) (page - 1) * 50 - 1))) {
				rs.next();
				return java.net.URLEncoder.encode(rs.getString(1), StandardCharsets.UTF_8);
			}
		}

		Timing time(String path, String language, boolean fragment) throws Exception {
			for (int i = 0; i < this.settings.warmUp(); i++) {
				send(path, language, fragment);
			}
			int before = settledLineCount();
			long cpuBefore = cpuMicros();
			List<Long> client = new ArrayList<>();
			for (int i = 0; i < this.settings.samples(); i++) {
				long start = System.nanoTime();
				send(path, language, fragment);
				client.add((System.nanoTime() - start) / 1000);
			}
			long cpu = (cpuMicros() - cpuBefore) / this.settings.samples();
			List<Long> server = new ArrayList<>();
			List<String> lines = readLines(before + this.settings.samples());
			for (String line : lines.subList(before, before + this.settings.samples())) {
				Matcher matcher = ACCESS_LINE.matcher(line);
				if (!matcher.matches() || !matcher.group(2).equals(path)) {
					throw new IllegalStateException("Unexpected access log line for " + path + ": " + line);
				}
				server.add(Long.parseLong(matcher.group(4)));
			}
			Collections.sort(client);
			Collections.sort(server);
			return new Timing(percentile(server, 50), percentile(server, 95), percentile(client, 95), cpu);
		}

		/**
		 * The CPU time the application's process has used, all threads: per request, a
		 * measure that other processes on the machine hardly change.
		 */
		private long cpuMicros() {
			return ProcessHandle.of(this.pid)
				.flatMap((process) -> process.info().totalCpuDuration())
				.map((duration) -> duration.toNanos() / 1000)
				.orElse(0L);
		}

		private void send(String path, String language, boolean fragment) throws Exception {
			HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
				.header("Accept", "text/html")
				.header("Accept-Language", language);
			if (fragment) {
				request.header("HX-Request", "true");
			}
			HttpResponse<String> response = this.http.send(request.build(), BodyHandlers.ofString());
			if (response.statusCode() != 200 || response.body().contains("??")) {
				throw new IllegalStateException(path + " answered " + response.statusCode());
			}
		}

		/**
		 * Records {@code GET /products} with JFR and sums up the request threads' samples:
		 * the share under selected frames and the hottest frames of their own.
		 */
		List<String> profile(long pid, Path recording) throws Exception {
			for (int i = 0; i < this.settings.warmUp(); i++) {
				send("/products", "en", false);
			}
			jcmd(pid, "JFR.start", "name=pages", "settings=profile");
			for (int i = 0; i < this.settings.profiled(); i++) {
				send("/products", "en", false);
			}
			jcmd(pid, "JFR.dump", "name=pages", "filename=" + recording.toAbsolutePath());
			jcmd(pid, "JFR.stop", "name=pages");
			int samples = 0;
			Map<String, Integer> under = new HashMap<>();
			Map<String, Integer> self = new HashMap<>();
			for (RecordedEvent event : RecordingFile.readAllEvents(recording)) {
				if (!event.getEventType().getName().equals("jdk.ExecutionSample") || event.getThread("sampledThread") == null
						|| !String.valueOf(event.getThread("sampledThread").getJavaName()).startsWith("http-nio")
						|| event.getStackTrace() == null) {
					continue;
				}
				samples++;
				List<RecordedFrame> frames = event.getStackTrace().getFrames();
				if (!frames.isEmpty()) {
					self.merge(frame(frames.get(0)), 1, Integer::sum);
				}
				Set<String> seen = new HashSet<>();
				for (RecordedFrame frame : frames) {
					seen.add(frame(frame));
				}
				for (String interest : FRAMES_OF_INTEREST) {
					if (seen.contains(interest)) {
						under.merge(interest, 1, Integer::sum);
					}
				}
			}
			List<String> lines = new ArrayList<>();
			lines.add(this.settings.profiled() + " requests, " + samples + " execution samples of the request threads "
					+ "(`http-nio-*`), JFR `profile` settings (sampling every 10 ms; stack depth 512).");
			lines.add("");
			lines.add("| samples under | share | frame |");
			lines.add("|---:|---:|---|");
			for (String interest : FRAMES_OF_INTEREST) {
				int count = under.getOrDefault(interest, 0);
				lines.add("| " + count + " | " + percent(count, samples) + " | `" + interest + "` |");
			}
			lines.add("");
			lines.add("| top frames (own time) | share | frame |");
			lines.add("|---:|---:|---|");
			List<Map.Entry<String, Integer>> hottest = self.entrySet()
				.stream()
				.sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
				.limit(12)
				.toList();
			for (Map.Entry<String, Integer> entry : hottest) {
				lines.add("| " + entry.getValue() + " | " + percent(entry.getValue(), samples) + " | `" + entry.getKey()
						+ "` |");
			}
			return lines;
		}

		private static String frame(RecordedFrame frame) {
			return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
		}

		private static String percent(int count, int total) {
			return String.format("%.1f %%", (total == 0) ? 0.0 : 100.0 * count / total);
		}

		private static void jcmd(long pid, String... arguments) throws Exception {
			List<String> command = new ArrayList<>();
			command.add(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString());
			command.add(Long.toString(pid));
			command.addAll(List.of(arguments));
			Process jcmd = new ProcessBuilder(command).redirectErrorStream(true).start();
			String output = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			if (jcmd.waitFor() != 0) {
				throw new IllegalStateException("jcmd " + String.join(" ", arguments) + " failed: " + output);
			}
		}

		/**
		 * The number of lines once the previous requests' lines have been written.
		 */
		private int settledLineCount() throws Exception {
			int count = -1;
			while (true) {
				Thread.sleep(150);
				int now = Files.exists(this.accessLog) ? Files.readAllLines(this.accessLog).size() : 0;
				if (now == count) {
					return count;
				}
				count = now;
			}
		}

		/**
		 * The access log's lines once it has at least the given number: Tomcat writes a
		 * line after the response has been sent.
		 */
		private List<String> readLines(int atLeast) throws Exception {
			Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
			while (true) {
				List<String> lines = Files.exists(this.accessLog) ? Files.readAllLines(this.accessLog)
						: List.of();
				if (lines.size() >= atLeast) {
					Thread.sleep(100);
					return Files.readAllLines(this.accessLog);
				}
				if (Instant.now().isAfter(deadline)) {
					throw new IllegalStateException("The access log has " + lines.size() + " lines, expected " + atLeast);
				}
				Thread.sleep(50);
			}
		}

		private HttpResponse<String> get(String path, String language) throws Exception {
			return this.http.send(HttpRequest.newBuilder(uri(path))
				.header("Accept", "text/html")
				.header("Accept-Language", language)
				.build(), BodyHandlers.ofString());
		}

		private URI uri(String path) {
			return URI.create("http://localhost:" + this.port + path);
		}

	}

}
