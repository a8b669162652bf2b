package io.shopops.fulfilment.order;

import java.util.List;

import io.shopops.fulfilment.inventory.Inventory;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The JSON API: tokens, idempotency, stock refusals, validation, limits and status
 * changes, each with its status code and body.
 */
@SpringBootTest
@AutoConfigureMockMvc
class OrderApiTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	ApiTokens tokens;

	@Autowired
	SalesChannels channels;

	@Autowired
	Orders orders;

	@Autowired
	Inventory inventory;

	@Autowired
	JdbcClient jdbc;

	@Test
	void refusesRequestsWithoutAValidTokenWithJson() throws Exception {
		this.mvc.perform(post("/api/orders").contentType(MediaType.APPLICATION_JSON).content("{}"))
			.andExpect(status().isUnauthorized())
			.andExpect(header().string("WWW-Authenticate", "Bearer"))
			.andExpect(jsonPath("$.error").value("unauthorized"));
		this.mvc.perform(api(get("/api/stock/X"), "shopops_not-a-token")).andExpect(status().isUnauthorized());
		this.mvc.perform(get("/api/stock/X").header("Authorization", "Basic YWRtaW46YWRtaW4="))
			.andExpect(status().isUnauthorized());
	}

	@Test
	void aRevokedTokenIsRefusedAtOnce() throws Exception {
		String channel = OrderFixtures.channel(this.channels);
		ApiTokens.CreatedToken token = this.tokens.create(channel, "sync");
		this.mvc.perform(api(get("/api/stock/NO-SUCH"), token.token())).andExpect(status().isNotFound());

		this.tokens.revoke(token.id());

		this.mvc.perform(api(get("/api/stock/NO-SUCH"), token.token())).andExpect(status().isUnauthorized());
	}

	@Test
	void createsAnOrderOnceAndAnswersTheSameNumberWithTheSameId() throws Exception {
		String prefix = OrderFixtures.unique("API");
		List<String> skus = OrderFixtures.skus(this.jdbc, this.inventory, prefix, 10, 10);
		String token = token();
		String body = """
				{"number": "%s", "status": "paid", "paidAt": "2026-12-01T20:15:00+08:00",
				 "customer": {"name": "李四", "phone": "139****0000"},
				 "address": {"province": "广东省", "city": "深圳市"},
				 "lines": [{"sku": "%s", "quantity": 2, "unitPrice": "59.00", "discount": "8.00"},
				           {"sku": "%s", "quantity": 1, "unitPrice": "10"}],
				 "shippingFee": "6.00", "couponCode": "D12", "discount": "5",
				 "utm": {"source": "douyin", "medium": "live", "campaign": "d12", "content": "clip-3"},
				 "contentCode": "V-88", "visitorId": "abc"}""".formatted(prefix + "-1", skus.get(0), skus.get(1));

		MvcResult created = this.mvc.perform(api(post("/api/orders"), token).content(body))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.number").value(prefix + "-1"))
			.andExpect(jsonPath("$.status").value("paid"))
			.andExpect(header().doesNotExist("Set-Cookie"))
			.andReturn();
		long id = ((Number) com.jayway.jsonpath.JsonPath.read(created.getResponse().getContentAsString(), "$.id"))
			.longValue();
		this.mvc.perform(api(post("/api/orders"), token).content(body))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.id").value(id));

		OrderSnapshot order = this.orders.find(id).orElseThrow();
		assertThat(order.paidAmount()).isEqualByComparingTo("121.00");
		assertThat(order.times().paidAt()).isEqualTo(java.time.Instant.parse("2026-12-01T12:15:00Z"));
		assertThat(order.utm()).isEqualTo(new Utm("douyin", "live", "d12", "clip-3"));
		assertThat(order.source()).isEqualTo(OrderSource.API);
		assertThat(this.inventory.find(skus.get(0), "MAIN").orElseThrow().reserved()).isEqualTo(2);
		assertThat(this.jdbc.sql("SELECT actor FROM order_status_change WHERE order_id = ? ORDER BY id LIMIT 1")
			.param(id)
			.query(String.class)
			.single()).startsWith("api:CH-");
	}

	@Test
	void notEnoughStockIsAConflictNamingTheSku() throws Exception {
		String prefix = OrderFixtures.unique("APS");
		String sku = OrderFixtures.skus(this.jdbc, this.inventory, prefix, 1).get(0);
		this.mvc
			.perform(api(post("/api/orders"), token()).content("""
					{"number": "N1", "status": "paid", "lines": [{"sku": "%s", "quantity": 2, "unitPrice": "1"}]}"""
				.formatted(sku)))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.error").value("insufficient_stock"))
			.andExpect(jsonPath("$.sku").value(sku));
	}

	@Test
	void listsEveryProblemOfAnInvalidOrder() throws Exception {
		this.mvc.perform(api(post("/api/orders"), token()).header("Accept-Language", "en").content("""
				{"status": "shipped", "paidAt": "yesterday", "customer": "someone",
				 "lines": [{"sku": "", "quantity": "two", "unitPrice": 5},
				           {"sku": "NOPE", "quantity": 1, "unitPrice": "1.234", "discount": "x"}],
				 "shippingFee": "-1"}"""))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.error").value("invalid"))
			.andExpect(jsonPath("$.problems[*].field")
				.value(containsInAnyOrder("number", "status", "paidAt", "customer", "lines[0].sku", "lines[0].quantity",
						"lines[1].unitPrice", "lines[1].discount", "shippingFee")))
			.andExpect(jsonPath("$.problems[*].message").value(hasItem("Enter the order number.")));
		this.mvc.perform(api(post("/api/orders"), token()).content(
				"""
						{"number": "N1", "status": "paid", "lines": [{"sku": "NO-SUCH-SKU", "quantity": 1, "unitPrice": "1"}]}"""))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.problems[0].field").value("lines[0].sku"))
			.andExpect(jsonPath("$.problems[0].code").value("order.draft.sku.unknown"));
	}

	@Test
	void malformedOrOversizedBodiesAreClearRefusals() throws Exception {
		String token = token();
		this.mvc.perform(api(post("/api/orders"), token).content("{\"number\": "))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.error").value("malformed_json"));
		this.mvc.perform(api(post("/api/orders"), token).content(""))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.error").value("malformed_json"));
		this.mvc.perform(api(post("/api/orders"), token).content("[1, 2]"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.error").value("invalid"));
		this.mvc.perform(api(post("/api/orders"), token).content("{\"note\": \"" + "x".repeat(1024 * 1024) + "\"}"))
			.andExpect(status().isPayloadTooLarge())
			.andExpect(jsonPath("$.error").value("payload_too_large"));
		StringBuilder lines = new StringBuilder();
		for (int i = 0; i < 501; i++) {
			lines.append((i > 0) ? "," : "").append("{\"sku\": \"A\", \"quantity\": 1, \"unitPrice\": \"1\"}");
		}
		this.mvc
			.perform(api(post("/api/orders"), token)
				.content("{\"number\": \"N\", \"status\": \"paid\", \"lines\": [" + lines + "]}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.problems[0].code").value("order.draft.lines.tooMany"));
	}

	@Test
	void changesTheStatusOfAnOrderOfTheTokensChannel() throws Exception {
		String prefix = OrderFixtures.unique("APST");
		String sku = OrderFixtures.skus(this.jdbc, this.inventory, prefix, 5).get(0);
		String channel = OrderFixtures.channel(this.channels);
		String token = this.tokens.create(channel, "sync").token();
		this.mvc.perform(api(post("/api/orders"), token).content(
				"""
						{"number": "#1001", "status": "pending_payment", "lines": [{"sku": "%s", "quantity": 3, "unitPrice": "1"}]}"""
					.formatted(sku)))
			.andExpect(status().isCreated());

		this.mvc.perform(api(post("/api/orders/{number}/status", "#1001"), token).content("{\"status\": \"paid\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("paid"));
		this.mvc.perform(api(post("/api/orders/{number}/status", "#1001"), token).content(
				"""
						{"status": "shipped", "at": "2026-12-02T09:00:00+08:00", "carrier": "SF", "trackingNumber": "SF123"}"""))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("shipped"));
		// a retry of the same change answers the order as it is
		this.mvc.perform(api(post("/api/orders/{number}/status", "#1001"), token).content("{\"status\": \"shipped\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("shipped"));
		this.mvc
			.perform(api(post("/api/orders/{number}/status", "#1001"), token).content("{\"status\": \"cancelled\"}"))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.error").value("illegal_transition"))
			.andExpect(jsonPath("$.from").value("shipped"))
			.andExpect(jsonPath("$.to").value("cancelled"));
		this.mvc.perform(api(post("/api/orders/{number}/status", "#1001"), token).content("{\"status\": \"lost\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.problems[0].field").value("status"));
		this.mvc.perform(api(post("/api/orders/{number}/status", "#1002"), token).content("{\"status\": \"paid\"}"))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.error").value("not_found"));
		// another channel's token does not see the order
		this.mvc
			.perform(api(post("/api/orders/{number}/status", "#1001"), token()).content("{\"status\": \"delivered\"}"))
			.andExpect(status().isNotFound());

		OrderSnapshot order = this.orders.find(channel, "#1001").orElseThrow();
		assertThat(order.status()).isEqualTo(OrderStatus.SHIPPED);
		assertThat(order.times().shippedAt()).isEqualTo(java.time.Instant.parse("2026-12-02T01:00:00Z"));
		assertThat(this.inventory.find(sku, "MAIN").orElseThrow().onHand()).isEqualTo(2);
	}

	@Test
	void answersTheStockOfASkuPerWarehouse() throws Exception {
		String prefix = OrderFixtures.unique("APQ");
		String sku = OrderFixtures.skus(this.jdbc, this.inventory, prefix, 7).get(0);
		this.inventory.reserve(sku, "MAIN", 2, io.shopops.fulfilment.inventory.StockReference.order("x"));
		String token = token();
		this.mvc.perform(api(get("/api/stock/{sku}", sku), token))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.sku").value(sku))
			.andExpect(jsonPath("$.onHand").value(7))
			.andExpect(jsonPath("$.reserved").value(2))
			.andExpect(jsonPath("$.available").value(5))
			.andExpect(jsonPath("$.warehouses[0].warehouse").value("MAIN"))
			.andExpect(jsonPath("$.warehouses[0].available").value(5));
		this.mvc.perform(api(get("/api/stock/{sku}", "NO-" + sku), token))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.error").value("not_found"));
	}

	private String token() {
		return this.tokens.create(OrderFixtures.channel(this.channels), "test").token();
	}

	private static MockHttpServletRequestBuilder api(MockHttpServletRequestBuilder request, String token) {
		return request.header("Authorization", "Bearer " + token).contentType(MediaType.APPLICATION_JSON);
	}

}
