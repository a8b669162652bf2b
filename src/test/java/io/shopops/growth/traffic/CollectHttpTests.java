package io.shopops.growth.traffic;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.shopops.TestUsers;
import io.shopops.growth.traffic.Sites.Site;
import io.shopops.platform.Role;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code /collect} and {@code /collect.gif} over real HTTP: every status of the contract,
 * the CORS headers, and what is stored. The rate is lowered so that a burst of requests
 * meets the limit.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "shopops.traffic.requests-per-second=1", "shopops.traffic.burst=10" })
class CollectHttpTests {

	@LocalServerPort
	int port;

	@Autowired
	Sites sites;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TestUsers users;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

	@Test
	void aBatchIsStoredClassifiedAndAnsweredWithCountsAndCorsHeaders() throws Exception {
		Site site = site();
		String visitor = "v-" + UUID.randomUUID();
		String body = """
				{"key": "%s", "events": [
				  {"type": "page_view", "visitorId": "%s", "sessionId": "s1", "url": "https://x.cn/?utm_source=baidu&utm_medium=cpc&utm_campaign=双12",
				   "at": "%s"},
				  {"type": "product_view", "visitorId": "%s", "sessionId": "s1", "url": "https://x.cn/p/1", "sku": "SKU-1",
				   "referrer": "https://www.douyin.com/video/1", "contentCode": "DY-001"},
				  {"type": "add_to_cart", "visitorId": "%s", "utm": {"source": "xiaohongshu", "medium": "note", "campaign": "秋冬"}, "sku": "SKU-1"},
				  {"type": "add_to_cart", "visitorId": "%s"},
				  {"type": "purchase", "visitorId": "%s"},
				  {"type": "page_view", "visitorId": "bad id with spaces"},
				  {"type": "page_view", "visitorId": "%s", "url": "a\\u0000b"},
				  {"type": "page_view", "visitorId": "%s", "at": "2001-01-01T00:00:00Z"},
				  "not an object"
				]}"""
			.formatted(site.publicKey(), visitor, Instant.now().minusSeconds(60), visitor, visitor, visitor, visitor,
					visitor, visitor);

		HttpResponse<String> response = post(body, site.origin());

		assertThat(response.statusCode()).isEqualTo(202);
		assertThat(response.body()).isEqualTo("{\"accepted\":3,\"rejected\":6}");
		assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).contains(site.origin());
		assertThat(response.headers().allValues("Vary")).anySatisfy((v) -> assertThat(v).contains("Origin"));
		assertThat(response.headers().firstValue("Set-Cookie")).isEmpty();
		List<Map<String, Object>> rows = this.jdbc
			.sql("SELECT type, traffic_source, utm_source, utm_campaign, sku, content_code FROM traffic_event "
					+ "WHERE visitor_id = ? ORDER BY id")
			.param(visitor)
			.query()
			.listOfRows();
		assertThat(rows).extracting((r) -> r.get("type") + "/" + r.get("traffic_source"))
			.containsExactly("page_view/PAID", "product_view/CONTENT", "add_to_cart/CONTENT");
		assertThat(rows.get(0)).containsEntry("utm_source", "baidu").containsEntry("utm_campaign", "双12");
		assertThat(rows.get(1)).containsEntry("sku", "SKU-1").containsEntry("content_code", "DY-001");
	}

	@Test
	void aBadUnknownOrDisabledKeyIsA401WhateverTheOrigin() throws Exception {
		Site site = site();
		String event = "[{\"type\": \"page_view\", \"visitorId\": \"v1\"}]";
		for (String origin : new String[] { null, site.origin(), "https://evil.example" }) {
			for (String key : new String[] { "pk_unknown", "nonsense", "" }) {
				HttpResponse<String> response = post("{\"key\": \"" + key + "\", \"events\": " + event + "}", origin);
				assertThat(response.statusCode()).as("%s from %s", key, origin).isEqualTo(401);
				assertThat(response.body()).contains("\"error\":\"unknown_key\"");
				assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
			}
			assertThat(post("{\"events\": " + event + "}", origin).statusCode()).isEqualTo(401);
		}
		this.sites.disable(site.id());
		HttpResponse<String> disabled = post("{\"key\": \"" + site.publicKey() + "\", \"events\": " + event + "}",
				site.origin());
		assertThat(disabled.statusCode()).isEqualTo(401);
		assertThat(pixel("key=" + site.publicKey() + "&type=page_view&visitorId=v1", null).statusCode()).isEqualTo(401);
		assertThat(stored(site)).isZero();
	}

	@Test
	void aForeignOriginIsRefusedAndItsPreflightGetsNoCorsHeaders() throws Exception {
		Site site = site();
		String body = "{\"key\": \"" + site.publicKey()
				+ "\", \"events\": [{\"type\": \"page_view\", \"visitorId\": \"v1\"}]}";
		HttpResponse<String> foreign = post(body, "https://evil.example");
		assertThat(foreign.statusCode()).isEqualTo(403);
		assertThat(foreign.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();

		HttpResponse<String> preflight = preflight("/collect", site.origin());
		assertThat(preflight.statusCode()).isEqualTo(204);
		assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).contains(site.origin());
		assertThat(preflight.headers().firstValue("Access-Control-Allow-Methods"))
			.hasValueSatisfying((methods) -> assertThat(methods).contains("POST"));
		assertThat(preflight.headers().firstValue("Access-Control-Allow-Headers"))
			.hasValueSatisfying((headers) -> assertThat(headers).contains("Content-Type"));
		assertThat(preflight("/collect?key=" + site.publicKey(), site.origin()).statusCode()).isEqualTo(204);

		HttpResponse<String> foreignPreflight = preflight("/collect", "https://evil.example");
		assertThat(foreignPreflight.statusCode()).isEqualTo(403);
		assertThat(foreignPreflight.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
		HttpResponse<String> wrongKeyPreflight = preflight("/collect?key=" + site.publicKey(), "https://evil.example");
		assertThat(wrongKeyPreflight.statusCode()).isEqualTo(403);
		assertThat(wrongKeyPreflight.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
		assertThat(preflight("/collect?key=pk_unknown", site.origin()).statusCode()).isEqualTo(401);

		HttpResponse<String> fromServer = post(body, null);
		assertThat(fromServer.statusCode()).isEqualTo(202);
		assertThat(fromServer.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
		assertThat(stored(site)).isOne();
	}

	@Test
	void oversizedBodiesAndBatchesAre413AndMalformedJsonIs400() throws Exception {
		Site site = site();
		String padding = "x".repeat(CollectEndpoint.MAX_BYTES);
		HttpResponse<String> huge = post("{\"key\": \"" + site.publicKey() + "\", \"pad\": \"" + padding + "\"}",
				site.origin());
		assertThat(huge.statusCode()).isEqualTo(413);
		assertThat(huge.body()).contains("\"error\":\"payload_too_large\"", "\"maxEvents\":500");

		List<String> events = new ArrayList<>();
		for (int i = 0; i < 501; i++) {
			events.add("{\"type\": \"page_view\", \"visitorId\": \"v" + i + "\"}");
		}
		HttpResponse<String> many = post(
				"{\"key\": \"" + site.publicKey() + "\", \"events\": [" + String.join(",", events) + "]}",
				site.origin());
		assertThat(many.statusCode()).isEqualTo(413);
		assertThat(many.headers().firstValue("Access-Control-Allow-Origin")).contains(site.origin());

		HttpResponse<String> fiveHundred = post("{\"key\": \"" + site.publicKey() + "\", \"events\": ["
				+ String.join(",", events.subList(0, 500)) + "]}", site.origin());
		assertThat(fiveHundred.statusCode()).isEqualTo(202);
		assertThat(fiveHundred.body()).isEqualTo("{\"accepted\":500,\"rejected\":0}");

		HttpResponse<String> malformed = post("{\"key\": [", site.origin());
		assertThat(malformed.statusCode()).isEqualTo(400);
		assertThat(malformed.body()).contains("\"error\":\"malformed_json\"");
		HttpResponse<String> keyInQuery = send(
				HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/collect?key=" + site.publicKey()))
					.POST(HttpRequest.BodyPublishers.ofString("not json")));
		assertThat(keyInQuery.statusCode()).isEqualTo(400);
		assertThat(send(
				HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/collect?key=" + site.publicKey()))
					.POST(HttpRequest.BodyPublishers.noBody()))
			.statusCode()).isEqualTo(400);
		HttpResponse<String> odd = post("{\"key\": \"" + site.publicKey()
				+ "\", \"events\": [{\"type\": \"page_view\", \"visitorId\": \"odd\", \"url\": \"\\ud800x\","
				+ " \"utm\": \"not an object\"}, {\"type\": \"page_view\", \"visitorId\": \"odd\", \"url\": \"\\ud800x\","
				+ " \"at\": 99999999999999999999}]}", site.origin());
		assertThat(odd.statusCode()).isEqualTo(202);
		assertThat(odd.body()).isEqualTo("{\"accepted\":0,\"rejected\":2}");
		HttpResponse<String> noEvents = post("{\"key\": \"" + site.publicKey() + "\"}", site.origin());
		assertThat(noEvents.statusCode()).isEqualTo(400);
		assertThat(stored(site)).isEqualTo(500);
	}

	@Test
	void thePixelStoresOneEventAndAnswersAGif() throws Exception {
		Site site = site();
		String visitor = "gif-" + UUID.randomUUID();
		HttpResponse<byte[]> response = pixel("key=" + site.publicKey() + "&type=page_view&visitorId=" + visitor
				+ "&url=" + URLEncoder.encode("https://x.cn/?utm_source=weixin", StandardCharsets.UTF_8), null);
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type")).contains("image/gif");
		assertThat(new String(response.body(), 0, 6, StandardCharsets.US_ASCII)).isEqualTo("GIF89a");
		assertThat(response.headers().firstValue("X-Collect-Accepted")).contains("1");
		assertThat(response.headers().firstValue("Set-Cookie")).isEmpty();
		assertThat(this.jdbc.sql("SELECT traffic_source FROM traffic_event WHERE visitor_id = ?")
			.param(visitor)
			.query(String.class)
			.single()).isEqualTo("SOCIAL");

		HttpResponse<byte[]> invalid = pixel("key=" + site.publicKey() + "&type=nothing&visitorId=" + visitor, null);
		assertThat(invalid.statusCode()).isEqualTo(200);
		assertThat(invalid.headers().firstValue("X-Collect-Rejected")).contains("1");
		assertThat(pixel("key=pk_nope&type=page_view&visitorId=v", null).statusCode()).isEqualTo(401);
		assertThat(
				pixel("key=" + site.publicKey() + "&type=page_view&visitorId=v", "https://evil.example").statusCode())
			.isEqualTo(403);
		assertThat(stored(site)).isOne();
	}

	@Test
	void aKeyOverItsRateIsA429() throws Exception {
		Site site = site();
		String body = "{\"key\": \"" + site.publicKey()
				+ "\", \"events\": [{\"type\": \"page_view\", \"visitorId\": \"v1\"}]}";
		List<Integer> statuses = new ArrayList<>();
		HttpResponse<String> limited = null;
		for (int i = 0; i < 15; i++) {
			HttpResponse<String> response = post(body, site.origin());
			statuses.add(response.statusCode());
			if (response.statusCode() == 429) {
				limited = response;
			}
		}
		assertThat(statuses).containsOnly(202, 429).contains(429);
		assertThat(statuses.subList(0, 10)).containsOnly(202);
		assertThat(limited.headers().firstValue("Retry-After")).isPresent();
		assertThat(limited.body()).contains("\"error\":\"rate_limited\"");
		assertThat(stored(site)).isEqualTo(statuses.stream().filter((s) -> s == 202).count());
		Site other = site();
		assertThat(post(body.replace(site.publicKey(), other.publicKey()), other.origin()).statusCode())
			.as("the limit is per key")
			.isEqualTo(202);
	}

	@Test
	void anAdminScriptAddsASiteOverHttpAndItsKeyCollectsAtOnce() throws Exception {
		HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
		String admin = this.users.create(Role.ADMIN);
		String loginPage = browser
			.send(HttpRequest.newBuilder(uri("/login")).build(), HttpResponse.BodyHandlers.ofString())
			.body();
		HttpResponse<String> login = browser.send(HttpRequest.newBuilder(uri("/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers
				.ofString("username=" + admin + "&password=" + TestUsers.PASSWORD + "&_csrf=" + csrf(loginPage)))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(login.statusCode()).isEqualTo(302);
		String token = csrf(
				browser.send(HttpRequest.newBuilder(uri("/admin/sites")).build(), HttpResponse.BodyHandlers.ofString())
					.body());
		String handle = UUID.randomUUID().toString().substring(0, 8);

		HttpResponse<String> created = browser.send(HttpRequest.newBuilder(uri("/admin/sites"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("Accept", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(
					"name=Script+" + handle + "&origin=https%3A%2F%2F" + handle + ".script.example&_csrf=" + token))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(created.statusCode()).isEqualTo(201);
		assertThat(created.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/json"));
		Matcher answer = Pattern.compile("\\{\"id\":(\\d+),\"key\":\"(pk_[^\"]+)\"}").matcher(created.body());
		assertThat(answer.matches()).as(created.body()).isTrue();

		HttpResponse<String> invalid = browser.send(HttpRequest.newBuilder(uri("/admin/sites"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("Accept", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("name=&origin=nowhere&_csrf=" + token))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(invalid.statusCode()).isEqualTo(400);
		assertThat(invalid.body()).contains("\"error\":\"invalid\"", "\"field\":\"name\"", "\"field\":\"origin\"");

		HttpResponse<String> collected = post(
				"{\"key\": \"" + answer.group(2)
						+ "\", \"events\": [{\"type\": \"page_view\", \"visitorId\": \"v1\"}]}",
				"https://" + handle + ".script.example");
		assertThat(collected.statusCode()).isEqualTo(202);
		assertThat(this.jdbc.sql("SELECT count(*) FROM traffic_event WHERE site_id = ?")
			.param(Long.parseLong(answer.group(1)))
			.query(Long.class)
			.single()).isOne();
	}

	private URI uri(String path) {
		return URI.create("http://localhost:" + this.port + path);
	}

	private static String csrf(String page) {
		Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
		assertThat(csrf.find()).isTrue();
		return csrf.group(1);
	}

	private Site site() {
		String handle = UUID.randomUUID().toString().substring(0, 8);
		return this.sites.create("HTTP " + handle, "https://" + handle + ".shop.example");
	}

	private long stored(Site site) {
		return this.jdbc.sql("SELECT count(*) FROM traffic_event WHERE site_id = ?")
			.param(site.id())
			.query(Long.class)
			.single();
	}

	private HttpResponse<String> post(String body, String origin) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/collect"))
			.timeout(Duration.ofSeconds(60))
			.header("Content-Type", "text/plain;charset=UTF-8")
			.POST(HttpRequest.BodyPublishers.ofString(body));
		if (origin != null) {
			request.header("Origin", origin);
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
		return this.http.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> preflight(String path, String origin) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.timeout(Duration.ofSeconds(60))
			.header("Origin", origin)
			.header("Access-Control-Request-Method", "POST")
			.header("Access-Control-Request-Headers", "content-type")
			.method("OPTIONS", HttpRequest.BodyPublishers.noBody())
			.build();
		return this.http.send(request, HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<byte[]> pixel(String query, String origin) throws Exception {
		HttpRequest.Builder request = HttpRequest
			.newBuilder(URI.create("http://localhost:" + this.port + "/collect.gif?" + query))
			.timeout(Duration.ofSeconds(60))
			.GET();
		if (origin != null) {
			request.header("Origin", origin);
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
	}

}
