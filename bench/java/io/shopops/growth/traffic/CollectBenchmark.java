package io.shopops.growth.traffic;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
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
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import io.shopops.BenchMachine;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static io.shopops.BenchFigures.fmt;
import static io.shopops.BenchFigures.ms;

/**
 * The collection benchmark of issue 10, run on demand with
 * {@code ./mvnw -Pbench test -Dtest=CollectBenchmark}. Over real HTTP to
 * {@code POST /collect} with a site key it measures single-event requests per second and
 * events per second in batches of 50, with the load generator on the same machine, and
 * checks that every accepted event is in the table. It writes
 * {@code bench/reports/traffic-collect.md}; it asserts nothing about time.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "logging.level.io.shopops=WARN", "shopops.traffic.requests-per-second=1000000",
				"shopops.traffic.burst=1000000" })
class CollectBenchmark {

	private static final int SINGLE = Integer.getInteger("bench.collect.single", 20_000);

	private static final int BATCHES = Integer.getInteger("bench.collect.batches", 2_000);

	private static final int BATCH_SIZE = 50;

	private static final int CLIENTS = Integer.getInteger("bench.clients", 32);

	private static final int WARM_UP = Integer.getInteger("bench.warm-up", 3_000);

	/**
	 * {@code raw} (default): each client keeps one HTTP/1.1 connection and writes the
	 * request's bytes on a plain socket, as wrk-like load generators do; {@code jdk}: the
	 * JDK's {@link HttpClient}, which costs several times the server's CPU per request.
	 */
	private static final boolean RAW = !"jdk".equals(System.getProperty("bench.collect.client", "raw"));

	@LocalServerPort
	int port;

	@Autowired
	Sites sites;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	CollectWriter writer;

	private final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(10))
		.executor(Executors.newFixedThreadPool(4))
		.build();

	private final List<String> report = new ArrayList<>();

	private final AtomicLong accepted = new AtomicLong();

	@Test
	void collectOverHttp() throws Exception {
		Instant began = Instant.now();
		String handle = UUID.randomUUID().toString().substring(0, 8);
		Sites.Site site = this.sites.create("Bench " + handle, "https://" + handle + ".bench.example");
		line("# Traffic collection benchmark");
		line("");
		line("Run " + began.atOffset(ZoneOffset.UTC) + " on " + BenchMachine.machine() + ", Java " + System.getProperty("java.version")
				+ ", PostgreSQL " + this.jdbc.sql("SHOW server_version").query(String.class).single()
				+ " on the same machine. Load average at the start: " + BenchMachine.loadAverage() + ".");
		line("");
		line("Every request is `POST /collect` over HTTP/1.1 on loopback with the site's `Origin`, from " + CLIENTS
				+ " clients that each send their next request when the last one is answered (the load generator runs "
				+ "in the same JVM as the server; "
				+ (RAW ? "each client keeps one keep-alive connection and writes requests built before the clock "
						+ "starts on a plain socket, reading status, headers and body of each answer"
						: "the JDK's HttpClient")
				+ "). The endpoint is a servlet filter ahead of the security chain; a "
				+ "request's events go to the group commit (`CollectWriter`): one writer thread stores the events of "
				+ "every request waiting at that moment in one INSERT … SELECT FROM unnest(…) and one commit, then "
				+ "answers each 202. " + WARM_UP + " single-event requests warm the JIT first.");
		line("");
		line("CPU per request: *JVM* is the whole test JVM (Tomcat, the endpoint, the writer and the " + CLIENTS + " HTTP clients "
				+ "with their own threads); *server* is the CPU time of Tomcat's request threads and the writer "
				+ "thread alone (ThreadMXBean); *PostgreSQL* is the server process and its backends (/proc). CPU "
				+ "time is the figure least inflated by other load on a shared machine.");
		line("");
		line("| scenario | requests | events | wall | requests/s | events/s | p50 | p95 | p99 | statuses | commits "
				+ "| JVM CPU | JVM CPU / request | server CPU / request | PostgreSQL CPU / request | target |");
		line("|---|---:|---:|---:|---:|---:|---:|---:|---:|---|---:|---:|---:|---:|---:|---|");
		run("warm-up", WARM_UP, 1, site, "");
		long before = stored(site);
		this.accepted.set(0);
		// -Dbench.jfr=path records the single-event run (profile settings) for a look at the hot frames
		String jfr = System.getProperty("bench.jfr");
		Recording recording = (jfr != null) ? new Recording(Configuration.getConfiguration("profile")) : null;
		if (recording != null) {
			recording.start();
		}
		run("single events", SINGLE, 1, site, "≥ 2,000 req/s, p99 ≤ 50 ms");
		if (recording != null) {
			recording.dump(Path.of(jfr));
			recording.close();
		}
		run("batches of 50", BATCHES, BATCH_SIZE, site, "≥ 20,000 events/s");
		long after = stored(site);
		line("");
		line("Accepted in the measured runs: " + this.accepted.get() + "; rows stored for the site meanwhile: "
				+ (after - before) + ((after - before == this.accepted.get()) ? " (none lost)." : " (MISMATCH)."));
		line("");
		line("Finished in " + Duration.between(began, Instant.now()).toSeconds() + " s. Load average at the end: "
				+ BenchMachine.loadAverage() + ".");
		write();
	}

	private void run(String label, int count, int size, Sites.Site site, String target) throws Exception {
		long[] latencies = new long[count];
		Map<Integer, Integer> statuses = new TreeMap<>();
		// the requests are built before the clock starts, as load generators do
		String[] bodies = new String[count];
		byte[][] raw = RAW ? new byte[count][] : null;
		for (int i = 0; i < count; i++) {
			bodies[i] = batch(site.publicKey(), i, size);
			if (RAW) {
				raw[i] = RawConnection.post("/collect", this.port, site.origin(), bodies[i]);
			}
		}
		ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
		AtomicInteger next = new AtomicInteger();
		List<Future<Map<Integer, Integer>>> clients = new ArrayList<>();
		long cpuBefore = jvmCpuMillis();
		long serverBefore = serverCpuNanos();
		long databaseBefore = databaseCpuMillis();
		long commitsBefore = this.writer.statistics().commits();
		long start = System.nanoTime();
		for (int c = 0; c < CLIENTS; c++) {
			clients.add(pool.submit(() -> {
				Map<Integer, Integer> mine = new TreeMap<>();
				try (RawConnection connection = RAW ? new RawConnection(this.port) : null) {
					for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
						long sent = System.nanoTime();
						int status = RAW ? connection.send(raw[i]) : post(bodies[i], site.origin());
						latencies[i] = System.nanoTime() - sent;
						mine.merge(status, 1, Integer::sum);
						if (status == 202) {
							this.accepted.addAndGet(size);
						}
					}
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
		long server = serverCpuNanos() - serverBefore;
		long database = databaseCpuMillis() - databaseBefore;
		long commits = this.writer.statistics().commits() - commitsBefore;
		Arrays.sort(latencies);
		line("| " + label + " | " + count + " | " + ((long) count * size) + " | " + fmt(seconds) + " s | **"
				+ String.format(Locale.ROOT, "%.0f", count / seconds) + "** | **"
				+ String.format(Locale.ROOT, "%.0f", count * size / seconds) + "** | " + ms(latencies, 0.50) + " | "
				+ ms(latencies, 0.95) + " | " + ms(latencies, 0.99) + " | " + statuses + " | " + commits + " | "
				+ fmt(cpu / 1000.0) + " s | " + String.format(Locale.ROOT, "%.2f", (double) cpu / count) + " ms | "
				+ String.format(Locale.ROOT, "%.2f", server / 1e6 / count) + " ms | "
				+ ((databaseBefore < 0) ? "–" : String.format(Locale.ROOT, "%.2f", (double) database / count) + " ms")
				+ " | " + target + " |");
	}

	private static String batch(String key, int request, int size) {
		StringBuilder body = new StringBuilder(200 + size * 260).append("{\"key\":\"").append(key).append("\",\"events\":[");
		for (int e = 0; e < size; e++) {
			int visitor = (request * size + e) % 50_000;
			if (e > 0) {
				body.append(',');
			}
			body.append("{\"type\":\"")
				.append((e % 10 == 9) ? "add_to_cart" : (e % 3 == 0) ? "product_view" : "page_view")
				.append("\",\"visitorId\":\"v")
				.append(visitor)
				.append("\",\"sessionId\":\"s")
				.append(visitor)
				.append("-1\",\"url\":\"https://shop.example.cn/p/")
				.append(visitor % 500)
				.append("?utm_source=baidu&utm_medium=cpc&utm_campaign=双12\",\"referrer\":\"https://m.baidu.com/s?wd=茶\",")
				.append("\"sku\":\"TEA-")
				.append(visitor % 500)
				.append("\"}");
		}
		return body.append("]}").toString();
	}

	private int post(String body, String origin) {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/collect"))
			.timeout(Duration.ofSeconds(60))
			.header("Content-Type", "text/plain;charset=UTF-8")
			.header("Origin", origin)
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
		try {
			return this.http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
		}
		catch (IOException ex) {
			return -1;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return -2;
		}
	}

	private long stored(Sites.Site site) {
		return this.jdbc.sql("SELECT count(*) FROM traffic_event WHERE site_id = ?")
			.param(site.id())
			.query(Long.class)
			.single();
	}

	private void line(String text) {
		this.report.add(text);
		System.out.println(text);
	}

	private void write() throws IOException {
		Path dir = Path.of(System.getProperty("bench.report.dir", "bench/reports"));
		Files.createDirectories(dir);
		Files.write(dir.resolve("traffic-collect.md"), this.report);
	}

	private static long jvmCpuMillis() {
		return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
			.getProcessCpuTime() / 1_000_000;
	}

	/**
	 * One keep-alive HTTP/1.1 connection of a client: writes a request's bytes, reads the
	 * status line, the headers and the body (by {@code Content-Length}, or chunked), and
	 * opens a new connection when the server closes this one.
	 */
	static final class RawConnection implements AutoCloseable {

		private final int port;

		private Socket socket;

		private OutputStream out;

		private InputStream in;

		RawConnection(int port) {
			this.port = port;
		}

		static byte[] post(String path, int port, String origin, String body) {
			byte[] content = body.getBytes(StandardCharsets.UTF_8);
			byte[] head = ("POST " + path + " HTTP/1.1\r\nHost: localhost:" + port
					+ "\r\nContent-Type: text/plain;charset=UTF-8\r\nOrigin: " + origin + "\r\nContent-Length: "
					+ content.length + "\r\n\r\n")
				.getBytes(StandardCharsets.US_ASCII);
			byte[] request = Arrays.copyOf(head, head.length + content.length);
			System.arraycopy(content, 0, request, head.length, content.length);
			return request;
		}

		/** The answer's status, or -1 when the connection failed (the request is not sent again). */
		int send(byte[] request) {
			try {
				if (this.socket == null) {
					this.socket = new Socket("localhost", this.port);
					this.socket.setTcpNoDelay(true);
					this.out = this.socket.getOutputStream();
					this.in = new BufferedInputStream(this.socket.getInputStream(), 8192);
				}
				this.out.write(request);
				this.out.flush();
				String status = line();
				int code = Integer.parseInt(status.substring(9, 12));
				long length = -1;
				boolean chunked = false;
				boolean close = false;
				for (String header = line(); !header.isEmpty(); header = line()) {
					String lower = header.toLowerCase(Locale.ROOT);
					if (lower.startsWith("content-length:")) {
						length = Long.parseLong(lower.substring(15).strip());
					}
					else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
						chunked = true;
					}
					else if (lower.startsWith("connection:") && lower.contains("close")) {
						close = true;
					}
				}
				if (chunked) {
					for (long chunk = Long.parseLong(line().split(";")[0].strip(), 16); chunk > 0; chunk = Long
						.parseLong(line().split(";")[0].strip(), 16)) {
						this.in.skipNBytes(chunk);
						line();
					}
					line();
				}
				else if (length > 0) {
					this.in.skipNBytes(length);
				}
				if (close) {
					close();
				}
				return code;
			}
			catch (IOException | RuntimeException ex) {
				close();
				return -1;
			}
		}

		private String line() throws IOException {
			StringBuilder line = new StringBuilder(64);
			for (int c = this.in.read(); c != '\n'; c = this.in.read()) {
				if (c < 0) {
					throw new IOException("connection closed");
				}
				if (c != '\r') {
					line.append((char) c);
				}
			}
			return line.toString();
		}

		@Override
		public void close() {
			if (this.socket != null) {
				try {
					this.socket.close();
				}
				catch (IOException ex) {
					// closing anyway
				}
				this.socket = null;
			}
		}

	}

	/**
	 * The CPU time of Tomcat's request threads and the collect writer: what the server
	 * spends, without the HTTP clients that run in the same JVM.
	 */
	private static long serverCpuNanos() {
		ThreadMXBean threads = ManagementFactory.getThreadMXBean();
		long total = 0;
		for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
			if (info != null && (info.getThreadName().startsWith("http-nio-")
					|| info.getThreadName().equals("collect-writer"))) {
				long cpu = threads.getThreadCpuTime(info.getThreadId());
				total += Math.max(0, cpu);
			}
		}
		return total;
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

}
