package io.shopops.fulfilment.order;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

import io.shopops.fulfilment.inventory.Inventory;
import io.shopops.fulfilment.inventory.StockLevel;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The JSON API over real HTTP: the oversell check with concurrent clients, and the
 * refusals a client sees on the wire.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class OrderApiHttpTests {

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

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

	@Test
	void twoHundredConcurrentPaidOrdersOverHttpSellExactlyFifty() throws Exception {
		String prefix = OrderFixtures.unique("HTTP");
		String sku = OrderFixtures.skus(this.jdbc, this.inventory, prefix, 50).get(0);
		String token = this.tokens.create(OrderFixtures.channel(this.channels), "http test").token();
		List<Callable<HttpResponse<String>>> calls = new ArrayList<>();
		for (int i = 0; i < 200; i++) {
			String body = """
					{"number": "%s-%d", "status": "paid", "lines": [{"sku": "%s", "quantity": 1, "unitPrice": "9.90"}]}"""
				.formatted(prefix, i, sku);
			calls.add(() -> post("/api/orders", token, body));
		}

		List<HttpResponse<String>> responses = OrderConcurrencyTests.runTogether(calls, 16);

		Map<Integer, Long> statuses = responses.stream()
			.collect(Collectors.groupingBy(HttpResponse::statusCode, Collectors.counting()));
		assertThat(statuses).containsOnlyKeys(201, 409).containsEntry(201, 50L).containsEntry(409, 150L);
		assertThat(responses).filteredOn((r) -> r.statusCode() == 409)
			.allSatisfy((r) -> assertThat(r.body()).contains("\"error\":\"insufficient_stock\"", sku));
		assertThat(this.inventory.find(sku, "MAIN")).contains(new StockLevel(sku, "MAIN", 50, 50));
		assertThat(this.inventory.checkLedger().mismatches()).filteredOn((m) -> m.sku().startsWith(prefix)).isEmpty();
	}

	@Test
	void refusalsOnTheWireAreJsonWithoutRedirectsOrCookies() throws Exception {
		HttpResponse<String> anonymous = post("/api/orders", null, "{}");
		assertThat(anonymous.statusCode()).isEqualTo(401);
		assertThat(anonymous.body()).contains("\"error\":\"unauthorized\"");
		assertThat(anonymous.headers().firstValue("Location")).isEmpty();
		assertThat(anonymous.headers().firstValue("Set-Cookie")).isEmpty();

		String token = this.tokens.create(OrderFixtures.channel(this.channels), "http test").token();
		HttpResponse<String> malformed = post("/api/orders", token, "{\"number\": [");
		assertThat(malformed.statusCode()).isEqualTo(400);
		assertThat(malformed.body()).contains("\"error\":\"malformed_json\"");
		assertThat(malformed.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/json"));

		HttpResponse<String> huge = post("/api/orders", token, "{\"note\": \"" + "x".repeat(1_100_000) + "\"}");
		assertThat(huge.statusCode()).isEqualTo(413);
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
