package io.shopops.fulfilment.aftersales;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import io.shopops.fulfilment.inventory.Inventory;
import io.shopops.fulfilment.order.OrderSnapshot;
import io.shopops.fulfilment.order.OrderStatus;
import io.shopops.fulfilment.order.Orders;
import io.shopops.fulfilment.order.SalesChannels;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The after-sales JSON API over real HTTP: 201, 400, 404, both 409s, and concurrent
 * refunds that never exceed what was paid.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class AfterSalesApiHttpTests {

	private static final Pattern ID = Pattern.compile("\"id\":(\\d+)");

	@LocalServerPort
	int port;

	@Autowired
	SalesChannels channels;

	@Autowired
	Orders orders;

	@Autowired
	Inventory inventory;

	@Autowired
	JdbcClient jdbc;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

	@Test
	void aChannelOpensApprovesAndRefundsARequestAndSeesEveryRefusal() throws Exception {
		String prefix = AfterSalesFixtures.unique("ASAPI");
		String sku = AfterSalesFixtures.skus(this.jdbc, this.inventory, prefix, 10).get(0);
		String channel = AfterSalesFixtures.channel(this.channels);
		String token = token(channel);
		OrderSnapshot order = AfterSalesFixtures.order(this.orders, channel, sku, 2, "25.00", OrderStatus.PAID);

		HttpResponse<String> unknown = post("/api/orders/NOPE-" + prefix + "/after-sales", token,
				"{\"type\": \"refund_only\", \"reason\": \"quality\", \"lines\": [{\"sku\": \"" + sku + "\"}]}");
		assertThat(unknown.statusCode()).isEqualTo(404);
		assertThat(unknown.body()).contains("\"error\":\"not_found\"");

		HttpResponse<String> invalid = post("/api/orders/" + order.number() + "/after-sales", token,
				"{\"type\": \"refund_all\", \"reason\": \"quality\", \"lines\": [{\"sku\": \"X\", \"amount\": \"abc\"}]}");
		assertThat(invalid.statusCode()).isEqualTo(400);
		assertThat(invalid.body()).contains("\"error\":\"invalid\"", "\"field\":\"type\"",
				"\"field\":\"lines[0].sku\"");

		HttpResponse<String> malformed = post("/api/orders/" + order.number() + "/after-sales", token, "{\"type\": [");
		assertThat(malformed.statusCode()).isEqualTo(400);
		assertThat(malformed.body()).contains("\"error\":\"malformed_json\"");

		HttpResponse<String> tooMuch = post("/api/orders/" + order.number() + "/after-sales", token,
				"{\"type\": \"refund_only\", \"reason\": \"quality\", \"lines\": [{\"sku\": \"" + sku
						+ "\", \"quantity\": 1, \"amount\": \"999.00\"}]}");
		assertThat(tooMuch.statusCode()).isEqualTo(409);
		assertThat(tooMuch.body()).contains("\"error\":\"over_refund\"", "\"refundable\":\"50.00\"");

		HttpResponse<String> created = post("/api/orders/" + order.number() + "/after-sales", token,
				"{\"type\": \"refund_only\", \"reason\": \"quality\", \"note\": \"线上申请\", " + "\"lines\": [{\"sku\": \""
						+ sku + "\", \"quantity\": 1, \"amount\": \"25.00\"}]}");
		assertThat(created.statusCode()).isEqualTo(201);
		assertThat(created.body()).contains("\"status\":\"requested\"");
		long id = id(created);

		HttpResponse<String> illegal = post("/api/after-sales/" + id + "/status", token, "{\"status\": \"closed\"}");
		assertThat(illegal.statusCode()).isEqualTo(409);
		assertThat(illegal.body()).contains("\"error\":\"illegal_transition\"", "\"from\":\"requested\"");

		assertThat(post("/api/after-sales/" + id + "/status", token, "{\"status\": \"approved\"}").body())
			.contains("\"status\":\"approved\"");
		HttpResponse<String> over = post("/api/after-sales/" + id + "/status", token,
				"{\"status\": \"refunded\", \"amount\": \"60.00\", \"at\": \"2026-12-02T10:00:00Z\"}");
		assertThat(over.statusCode()).isEqualTo(409);
		assertThat(over.body()).contains("\"error\":\"over_refund\"", "\"refundable\":\"50.00\"");

		HttpResponse<String> badStatus = post("/api/after-sales/" + id + "/status", token,
				"{\"status\": \"lost\", \"at\": \"yesterday\"}");
		assertThat(badStatus.statusCode()).isEqualTo(400);
		assertThat(badStatus.body()).contains("\"field\":\"status\"", "\"field\":\"at\"");

		HttpResponse<String> refunded = post("/api/after-sales/" + id + "/status", token,
				"{\"status\": \"refunded\", \"amount\": \"12.50\"}");
		assertThat(refunded.statusCode()).isEqualTo(200);
		assertThat(refunded.body()).contains("\"status\":\"refunded\"");
		// a retry changes nothing
		assertThat(post("/api/after-sales/" + id + "/status", token, "{\"status\": \"refunded\"}").statusCode())
			.isEqualTo(200);

		// another channel's token does not see the request
		String other = token(AfterSalesFixtures.channel(this.channels));
		assertThat(post("/api/after-sales/" + id + "/status", other, "{\"status\": \"closed\"}").statusCode())
			.isEqualTo(404);
		assertThat(post("/api/after-sales/" + id + "/status", null, "{\"status\": \"closed\"}").statusCode())
			.isEqualTo(401);
	}

	@Test
	void twentyConcurrentRefundsOverHttpNeverExceedWhatWasPaid() throws Exception {
		String prefix = AfterSalesFixtures.unique("ASHTTP");
		String sku = AfterSalesFixtures.skus(this.jdbc, this.inventory, prefix, 10).get(0);
		String channel = AfterSalesFixtures.channel(this.channels);
		String token = token(channel);
		OrderSnapshot order = AfterSalesFixtures.order(this.orders, channel, sku, 4, "10.00", OrderStatus.PAID);
		List<Long> ids = new ArrayList<>();
		for (int i = 0; i < 20; i++) {
			ids.add(id(post("/api/orders/" + order.number() + "/after-sales", token,
					"{\"type\": \"refund_only\", \"reason\": \"changed_mind\", " + "\"lines\": [{\"sku\": \"" + sku
							+ "\", \"quantity\": 1, \"amount\": \"0.00\"}]}")));
		}
		List<Callable<HttpResponse<String>>> calls = new ArrayList<>();
		for (long id : ids) {
			post("/api/after-sales/" + id + "/status", token, "{\"status\": \"approved\"}");
			calls.add(() -> post("/api/after-sales/" + id + "/status", token,
					"{\"status\": \"refunded\", \"amount\": \"10.00\"}"));
		}

		List<HttpResponse<String>> responses = AfterSalesServiceIntegrationTests.together(calls);

		Map<Integer, Long> statuses = responses.stream()
			.collect(Collectors.groupingBy(HttpResponse::statusCode, Collectors.counting()));
		assertThat(statuses).containsEntry(200, 4L).containsEntry(409, 16L);
		assertThat(responses).filteredOn((r) -> r.statusCode() == 409)
			.allSatisfy((r) -> assertThat(r.body()).contains("\"error\":\"over_refund\""));
		BigDecimal refunded = this.jdbc
			.sql("SELECT coalesce(sum(refunded_amount), 0) FROM after_sales_request WHERE order_id = :order")
			.param("order", order.id())
			.query(BigDecimal.class)
			.single();
		assertThat(refunded).isEqualByComparingTo("40.00");
	}

	private String token(String channel) throws Exception {
		String token = "shopops_" + UUID.randomUUID().toString().replace("-", "");
		String hash = HexFormat.of()
			.formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
		this.jdbc.sql("""
				INSERT INTO api_token (channel_id, name, token_hash, token_prefix, created_by)
				SELECT id, 'after-sales test', :hash, :prefix, 'test' FROM sales_channel WHERE code = :code""")
			.param("hash", hash)
			.param("prefix", token.substring(0, 12))
			.param("code", channel)
			.update();
		return token;
	}

	private static long id(HttpResponse<String> response) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
		Matcher matcher = ID.matcher(response.body());
		assertThat(matcher.find()).isTrue();
		return Long.parseLong(matcher.group(1));
	}

	private HttpResponse<String> post(String path, String token, String body) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.timeout(Duration.ofSeconds(60))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body));
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

}
