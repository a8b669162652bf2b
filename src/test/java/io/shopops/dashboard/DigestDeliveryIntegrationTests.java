package io.shopops.dashboard;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.shopops.dashboard.DigestDeliveries.DeliveryKind;
import io.shopops.dashboard.DigestDeliveries.DeliveryRow;
import io.shopops.dashboard.DigestDeliveries.DeliveryStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The digest delivered to a local HTTP server standing in for the robots: the bodies and
 * signatures they get, the retries after a 500, the failure after the last attempt, and
 * one delivery each when two senders and two composers race.
 */
@SpringBootTest
class DigestDeliveryIntegrationTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Autowired
	DigestChannels channels;

	@Autowired
	DigestDeliveries deliveries;

	@Autowired
	DigestSender sender;

	@Autowired
	DigestJobs jobs;

	@Autowired
	KpiRollups rollups;

	@Autowired
	JdbcClient jdbc;

	private HttpServer server;

	private final ConcurrentLinkedQueue<Request> requests = new ConcurrentLinkedQueue<>();

	/** What the server answers to the n-th request (from 1). */
	private volatile IntFunction<Answer> answers = (n) -> new Answer(200, "{\"errcode\":0,\"errmsg\":\"ok\"}");

	private volatile long delayMillis;

	private final AtomicInteger count = new AtomicInteger();

	@BeforeEach
	void startServer() throws IOException {
		// only this class's channels take part
		this.jdbc.sql("DELETE FROM digest_channel").update();
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.server.setExecutor(Executors.newFixedThreadPool(4));
		this.server.createContext("/", this::handle);
		this.server.start();
	}

	@AfterEach
	void stopServer() {
		this.server.stop(0);
	}

	private void handle(HttpExchange exchange) throws IOException {
		byte[] body = exchange.getRequestBody().readAllBytes();
		this.requests.add(new Request(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
				exchange.getRequestURI().getRawQuery(), exchange.getRequestHeaders().getFirst("Content-Type"),
				new String(body, StandardCharsets.UTF_8)));
		if (this.delayMillis > 0) {
			try {
				Thread.sleep(this.delayMillis);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		Answer answer = this.answers.apply(this.count.incrementAndGet());
		byte[] out = answer.body().getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().add("Content-Type", "application/json");
		exchange.sendResponseHeaders(answer.status(), out.length);
		exchange.getResponseBody().write(out);
		exchange.close();
	}

	private String url(String path) {
		return "http://127.0.0.1:" + this.server.getAddress().getPort() + path;
	}

	private long channel(String name, DigestChannelKind kind, String target, String secret, String language) {
		DigestChannelForm form = new DigestChannelForm();
		form.setName(name);
		form.setKind(kind);
		form.setTarget(target);
		form.setSecret(secret);
		form.setLanguage(language);
		return this.channels.create(form);
	}

	/**
	 * A day with 3 paid orders for 2000.00 and the day before with one for 1000.00, in a
	 * year no other test uses.
	 */
	private LocalDate kpiDay() {
		ZoneId zone = this.rollups.zone();
		LocalDate day = LocalDate.of(2041, 3, 1).plusDays(KpiFixtures.nextId() % 200);
		String channel = KpiFixtures.channel();
		Instant morning = day.atTime(10, 0).atZone(zone).toInstant();
		this.rollups.recordOrder(KpiFixtures.order(KpiFixtures.nextId(), channel, KpiFixtures.buyerId("d-a-" + channel),
				morning, "1000.00"));
		this.rollups.recordOrder(KpiFixtures.order(KpiFixtures.nextId(), channel, KpiFixtures.buyerId("d-b-" + channel),
				morning.plusSeconds(60), "765.50"));
		this.rollups.recordOrder(KpiFixtures.order(KpiFixtures.nextId(), channel, KpiFixtures.buyerId("d-b-" + channel),
				morning.plusSeconds(120), "234.50"));
		this.rollups.recordOrder(KpiFixtures.order(KpiFixtures.nextId(), channel, KpiFixtures.buyerId("d-c-" + channel),
				morning.minus(Duration.ofDays(1)), "1000.00"));
		return day;
	}

	@Test
	void theRobotsGetTheDigestInTheirFormatsSignedOnce() throws Exception {
		LocalDate day = kpiDay();
		channel("WeCom ops group", DigestChannelKind.WECOM, url("/wecom?key=k1"), null, "zh_CN");
		channel("DingTalk managers", DigestChannelKind.DINGTALK, url("/ding?access_token=t1"), "SECding", "en");
		channel("Feishu team", DigestChannelKind.FEISHU, url("/feishu/hook/abc"), "feishu-secret", "zh_CN");
		Instant now = Instant.now();
		assertThat(this.jobs.queueDigest(day, now)).isEqualTo(3);
		// queued again (a second run, or another instance): nothing new
		assertThat(this.jobs.queueDigest(day, now)).isZero();
		assertThat(this.sender.deliverDue(now)).isEqualTo(3);
		assertThat(this.sender.deliverDue(now)).isZero();
		assertThat(this.requests).hasSize(3);
		assertThat(this.requests).allSatisfy((request) -> {
			assertThat(request.method()).isEqualTo("POST");
			assertThat(request.contentType()).startsWith("application/json");
		});

		JsonNode wecom = JSON.readTree(request("/wecom").body());
		assertThat(wecom.get("msgtype").asString()).isEqualTo("markdown");
		String content = wecom.get("markdown").get("content").asString();
		assertThat(content).startsWith("### ").contains(day.toString());
		// GMV 2000.00, +100.0% against the day before, nothing the week before
		assertThat(content).contains("- **成交额 GMV**：¥2,000.00（日环比 +100.0%，周同比 —）");
		assertThat(content).contains("**支付订单数**：3（日环比 +200.0%");

		Request ding = request("/ding");
		JsonNode dingBody = JSON.readTree(ding.body());
		assertThat(dingBody.get("msgtype").asString()).isEqualTo("markdown");
		assertThat(dingBody.get("markdown").get("title").asString()).contains("daily KPIs").contains(day.toString());
		assertThat(dingBody.get("markdown").get("text").asString())
			.contains("- **GMV**: CN¥2,000.00 (vs previous day +100.0%, vs same day last week —)");
		Map<String, String> query = query(ding.query());
		assertThat(query).containsEntry("access_token", "t1").containsKeys("timestamp", "sign");
		long millis = Long.parseLong(query.get("timestamp"));
		assertThat(millis).isCloseTo(System.currentTimeMillis(), org.assertj.core.data.Offset.offset(60_000L));
		assertThat(query.get("sign")).isEqualTo(hmac("SECding", millis + "\nSECding"));

		JsonNode feishu = JSON.readTree(request("/feishu/hook/abc").body());
		assertThat(feishu.get("msg_type").asString()).isEqualTo("post");
		long seconds = Long.parseLong(feishu.get("timestamp").asString());
		assertThat(feishu.get("sign").asString()).isEqualTo(hmacOfNothing(seconds + "\nfeishu-secret"));
		JsonNode lines = feishu.get("content").get("post").get("zh_cn").get("content");
		assertThat(lines.get(0).get(0).get("text").asString()).isEqualTo("- 成交额 GMV：¥2,000.00（日环比 +100.0%，周同比 —）");

		assertThat(this.deliveries.page(0, 50, DeliveryStatus.SENT).getContent()).hasSize(3).allSatisfy((row) -> {
			assertThat(row.kind()).isEqualTo(DeliveryKind.DIGEST);
			assertThat(row.attempts()).isEqualTo(1);
			assertThat(row.sentAt()).isNotNull();
			assertThat(row.lastError()).isNull();
		});
		assertThat(audits("DIGEST_DELIVERY_SENT")).isGreaterThanOrEqualTo(3);
	}

	@Test
	void aDeliveryThatGets500IsRetriedAfterItsDelayAndShowsTheError() {
		this.answers = (n) -> (n == 1) ? new Answer(500, "robot down")
				: new Answer(200, "{\"code\":0,\"msg\":\"success\"}");
		long channel = channel("Feishu flaky", DigestChannelKind.FEISHU, url("/flaky"), null, "en");
		Instant now = Instant.now();
		long id = this.deliveries
			.queue(channel, DeliveryKind.ALERT, LocalDate.of(2041, 1, 1), "test-retry:" + channel,
					new DigestMessage("Alert", "text"), now)
			.orElseThrow();
		assertThat(this.sender.deliverDue(now)).isEqualTo(1);
		DeliveryRow failed = this.deliveries.find(id).orElseThrow();
		assertThat(failed.status()).isEqualTo(DeliveryStatus.PENDING);
		assertThat(failed.attempts()).isEqualTo(1);
		assertThat(failed.lastError()).isEqualTo("HTTP 500: robot down");
		// the first retry waits a minute
		// (PostgreSQL keeps microseconds, rounded)
		assertThat(failed.nextAttemptAt()).isCloseTo(now.plus(Duration.ofMinutes(1)),
				org.assertj.core.api.Assertions.within(1, java.time.temporal.ChronoUnit.MILLIS));
		assertThat(this.sender.deliverDue(now.plusSeconds(59))).isZero();
		assertThat(this.sender.deliverDue(now.plusSeconds(61))).isEqualTo(1);
		DeliveryRow sent = this.deliveries.find(id).orElseThrow();
		assertThat(sent.status()).isEqualTo(DeliveryStatus.SENT);
		assertThat(sent.attempts()).isEqualTo(2);
		assertThat(sent.lastError()).isNull();
		assertThat(this.requests).hasSize(2);
	}

	@Test
	void aDeliveryFailsAfterTheLastRetryAndARefusalWith200CountsAsAFailure() {
		this.answers = (n) -> (n % 2 == 1) ? new Answer(502, "")
				: new Answer(200, "{\"errcode\":310000,\"errmsg\":\"keywords not in content\"}");
		long channel = channel("DingTalk refusing", DigestChannelKind.DINGTALK, url("/refusing"), null, "zh_CN");
		Instant now = Instant.now();
		long id = this.deliveries
			.queue(channel, DeliveryKind.DIGEST, LocalDate.of(2041, 1, 2), "test-fail:" + channel,
					new DigestMessage("Digest", "text"), now)
			.orElseThrow();
		Instant at = now;
		List<DeliveryStatus> statuses = new ArrayList<>();
		List<String> errors = new ArrayList<>();
		for (Duration wait : List.of(Duration.ZERO, Duration.ofMinutes(1), Duration.ofMinutes(5),
				Duration.ofMinutes(15))) {
			at = at.plus(wait);
			assertThat(this.sender.deliverDue(at)).isEqualTo(1);
			DeliveryRow row = this.deliveries.find(id).orElseThrow();
			statuses.add(row.status());
			errors.add(row.lastError());
		}
		assertThat(statuses).containsExactly(DeliveryStatus.PENDING, DeliveryStatus.PENDING, DeliveryStatus.PENDING,
				DeliveryStatus.FAILED);
		assertThat(errors).containsExactly("HTTP 502", "errcode 310000: keywords not in content", "HTTP 502",
				"errcode 310000: keywords not in content");
		DeliveryRow failed = this.deliveries.find(id).orElseThrow();
		assertThat(failed.attempts()).isEqualTo(4);
		assertThat(failed.nextAttemptAt()).isNull();
		assertThat(this.sender.deliverDue(at.plus(Duration.ofDays(1)))).isZero();
		assertThat(this.jdbc.sql("""
				SELECT count(*) FROM audit_entry WHERE action = 'DIGEST_DELIVERY_FAILED' AND object_id = :id""")
			.param("id", Long.toString(id))
			.query(Long.class)
			.single()).isEqualTo(1);
		// retried by hand: a new series of attempts
		assertThat(this.deliveries.retry(id, at)).isTrue();
		this.answers = (n) -> new Answer(200, "{\"errcode\":0}");
		assertThat(this.sender.deliverDue(at)).isEqualTo(1);
		assertThat(this.deliveries.find(id).orElseThrow().status()).isEqualTo(DeliveryStatus.SENT);
	}

	@Test
	void aServerThatDoesNotAnswerIsAFailureToo() {
		long channel = channel("Nobody there", DigestChannelKind.WECOM, "http://127.0.0.1:1/hook", null, "en");
		Instant now = Instant.now();
		long id = this.deliveries
			.queue(channel, DeliveryKind.DIGEST, LocalDate.of(2041, 1, 3), "test-refused:" + channel,
					new DigestMessage("Digest", "text"), now)
			.orElseThrow();
		this.sender.deliverDue(now);
		DeliveryRow row = this.deliveries.find(id).orElseThrow();
		assertThat(row.status()).isEqualTo(DeliveryStatus.PENDING);
		assertThat(row.lastError()).startsWith("ConnectException");
	}

	@Test
	void twoSendersAndTwoComposersRacingDeliverEachMessageOnce() throws Exception {
		this.delayMillis = 30;
		LocalDate day = kpiDay();
		for (int i = 0; i < 8; i++) {
			channel("Race " + i, (i % 2 == 0) ? DigestChannelKind.WECOM : DigestChannelKind.DINGTALK, url("/race/" + i),
					null, "zh_CN");
		}
		Instant now = Instant.now();
		ExecutorService pool = Executors.newFixedThreadPool(4);
		try {
			CountDownLatch start = new CountDownLatch(1);
			List<Future<Integer>> composers = new ArrayList<>();
			for (int i = 0; i < 2; i++) {
				composers.add(pool.submit(() -> {
					start.await();
					return this.jobs.queueDigest(day, now);
				}));
			}
			start.countDown();
			int queued = 0;
			for (Future<Integer> composer : composers) {
				queued += composer.get(60, TimeUnit.SECONDS);
			}
			assertThat(queued).isEqualTo(8);

			CountDownLatch go = new CountDownLatch(1);
			List<Future<Integer>> senders = new ArrayList<>();
			for (int i = 0; i < 2; i++) {
				senders.add(pool.submit(() -> {
					go.await();
					return this.sender.deliverDue(now);
				}));
			}
			go.countDown();
			int attempted = 0;
			for (Future<Integer> sender : senders) {
				attempted += sender.get(60, TimeUnit.SECONDS);
			}
			assertThat(attempted).isEqualTo(8);
		}
		finally {
			pool.shutdownNow();
		}
		Map<String, Integer> perPath = new ConcurrentHashMap<>();
		this.requests.forEach((request) -> perPath.merge(request.path(), 1, Integer::sum));
		assertThat(perPath).hasSize(8).allSatisfy((path, n) -> assertThat(n).as(path).isEqualTo(1));
		assertThat(this.jdbc.sql("SELECT count(*) FROM digest_delivery WHERE day = :day AND status = 'SENT'")
			.param("day", day)
			.query(Long.class)
			.single()).isEqualTo(8);
	}

	private Request request(String path) {
		return this.requests.stream().filter((r) -> r.path().equals(path)).findFirst().orElseThrow();
	}

	private long audits(String action) {
		return this.jdbc.sql("SELECT count(*) FROM audit_entry WHERE action = :action")
			.param("action", action)
			.query(Long.class)
			.single();
	}

	private static Map<String, String> query(String query) {
		Map<String, String> values = new java.util.LinkedHashMap<>();
		for (String pair : query.split("&")) {
			int eq = pair.indexOf('=');
			values.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
		}
		return Collections.unmodifiableMap(values);
	}

	private static String hmac(String key, String data) throws Exception {
		Mac mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
		return Base64.getEncoder().encodeToString(mac.doFinal(data.getBytes(StandardCharsets.UTF_8)));
	}

	private static String hmacOfNothing(String key) throws Exception {
		Mac mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
		return Base64.getEncoder().encodeToString(mac.doFinal(new byte[0]));
	}

	record Request(String method, String path, String query, String contentType, String body) {
	}

	record Answer(int status, String body) {
	}

}
