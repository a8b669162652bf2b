package io.shopops.fulfilment.order.web;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import io.shopops.fulfilment.inventory.Inventory;
import io.shopops.fulfilment.inventory.StockLevel;
import io.shopops.fulfilment.order.OrderDraft;
import io.shopops.fulfilment.order.OrderSnapshot;
import io.shopops.fulfilment.order.OrderSource;
import io.shopops.fulfilment.order.OrderStatus;
import io.shopops.fulfilment.order.Orders;
import io.shopops.fulfilment.order.Times;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The order page's actions through the real order service: paying reserves, shipping in
 * parts, tracking, delivering, completing, cancelling and closing; refusals come back as
 * messages on the order page.
 */
@SpringBootTest
@AutoConfigureMockMvc
class OrderActionsTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Orders orders;

	@Autowired
	Inventory inventory;

	@Test
	void paysShipsInPartsTracksDeliversAndCompletes() throws Exception {
		OrderRows rows = new OrderRows(this.jdbc);
		List<String> skus = rows.skus(this.inventory, OrderRows.unique("ACT"), 10, 10);
		OrderSnapshot order = place(rows, "A-1", OrderStatus.PENDING_PAYMENT, skus.get(0), 3, skus.get(1), 1);
		long id = order.id();
		assertThat(page(id)).contains("id=\"action-pay\"").contains("id=\"cancel-form\"").doesNotContain("ship-form");

		act(post("/orders/" + id + "/pay"), id).andExpect(flash().attribute("message", "flash.order.paid"));
		assertThat(available(skus.get(0))).isEqualTo(7);
		assertThat(page(id)).contains("id=\"ship-form\"").doesNotContain("id=\"action-pay\"");

		long first = order.lines().get(0).id();
		long second = order.lines().get(1).id();
		act(post("/orders/" + id + "/ship").param("lines[0].lineId", Long.toString(first))
			.param("lines[0].quantity", "2")
			.param("lines[1].lineId", Long.toString(second))
			.param("lines[1].quantity", "0")
			.param("carrier", "顺丰速运")
			.param("trackingNumber", "SF100"), id).andExpect(flash().attribute("message", "flash.order.shipped"));
		assertThat(this.orders.find(id).orElseThrow().status()).isEqualTo(OrderStatus.PARTIALLY_SHIPPED);
		String partly = page(id);
		assertThat(partly).contains("SF100").contains("2 / 3").contains("max=\"1\"");

		act(post("/orders/" + id + "/ship").param("lines[0].lineId", Long.toString(first))
			.param("lines[0].quantity", "1")
			.param("lines[1].lineId", Long.toString(second))
			.param("lines[1].quantity", "1"), id);
		assertThat(this.orders.find(id).orElseThrow().status()).isEqualTo(OrderStatus.SHIPPED);
		assertThat(available(skus.get(0))).isEqualTo(7);
		assertThat(level(skus.get(0)).onHand()).isEqualTo(7);

		act(post("/orders/" + id + "/track").param("carrier", "中通快递").param("trackingNumber", "ZTO200"), id)
			.andExpect(flash().attribute("message", "flash.order.tracked"));
		assertThat(page(id)).contains("ZTO200").contains("中通快递").contains("id=\"action-deliver\"");

		act(post("/orders/" + id + "/deliver"), id);
		act(post("/orders/" + id + "/complete"), id).andExpect(flash().attribute("message", "flash.order.completed"));
		String done = page(id);
		assertThat(done).doesNotContain("ship-form").doesNotContain("action-deliver").contains("id=\"close-form\"");
		assertThat(this.jdbc.sql("SELECT count(*) FROM order_status_change WHERE order_id = ?")
			.param(id)
			.query(Long.class)
			.single()).isGreaterThanOrEqualTo(6);
	}

	@Test
	void aRefusedTransitionIsAMessageOnTheOrderPageNotAnError() throws Exception {
		OrderRows rows = new OrderRows(this.jdbc);
		List<String> skus = rows.skus(this.inventory, OrderRows.unique("REF"), 5);
		long id = place(rows, "R-1", OrderStatus.PENDING_PAYMENT, skus.get(0), 1, null, 0).id();
		act(post("/orders/" + id + "/deliver"), id).andExpect(flash().attribute("error", "order.action.refused"));
		MvcResult result = this.mvc
			.perform(post("/orders/" + id + "/complete").with(csrf()).with(user("op").roles("OPERATOR")))
			.andReturn();
		String message = this.mvc
			.perform(get("/orders/" + id).flashAttrs(result.getFlashMap()).with(user("op").roles("OPERATOR")))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(message).contains("is Pending payment: it cannot be moved to Completed");
		act(post("/orders/" + id + "/ship").param("lines[0].lineId", "1").param("lines[0].quantity", "0"), id)
			.andExpect(flash().attribute("error", "order.ship.nothing"));
		act(post("/orders/" + id + "/track").param("carrier", "顺丰"), id)
			.andExpect(flash().attribute("error", "order.track.required"));
		assertThat(this.orders.find(id).orElseThrow().status()).isEqualTo(OrderStatus.PENDING_PAYMENT);
		this.mvc.perform(post("/orders/999999999/pay").with(csrf()).with(user("op").roles("OPERATOR")))
			.andExpect(status().isNotFound());
	}

	@Test
	void payingWithoutStockSaysWhichSkuIsShort() throws Exception {
		OrderRows rows = new OrderRows(this.jdbc);
		List<String> skus = rows.skus(this.inventory, OrderRows.unique("SHORT"), 1);
		long id = place(rows, "S-1", OrderStatus.PENDING_PAYMENT, skus.get(0), 2, null, 0).id();
		act(post("/orders/" + id + "/pay"), id).andExpect(flash().attribute("error", "order.action.stockShort"));
		assertThat(available(skus.get(0))).isEqualTo(1);
	}

	@Test
	void cancelsAndClosesWithAReason() throws Exception {
		OrderRows rows = new OrderRows(this.jdbc);
		List<String> skus = rows.skus(this.inventory, OrderRows.unique("CAN"), 4);
		long paid = place(rows, "C-1", OrderStatus.PAID, skus.get(0), 3, null, 0).id();
		assertThat(available(skus.get(0))).isEqualTo(1);
		assertThat(page(paid)).contains("data-confirm=\"Cancel order C-1?");
		act(post("/orders/" + paid + "/cancel").param("reason", "买家不要了"), paid)
			.andExpect(flash().attribute("message", "flash.order.cancelled"));
		assertThat(available(skus.get(0))).isEqualTo(4);
		assertThat(page(paid)).contains("买家不要了").contains("id=\"no-actions\"");
		long pending = place(rows, "C-2", OrderStatus.PENDING_PAYMENT, skus.get(0), 1, null, 0).id();
		act(post("/orders/" + pending + "/close"), pending)
			.andExpect(flash().attribute("message", "flash.order.closed"));
		assertThat(this.orders.find(pending).orElseThrow().status()).isEqualTo(OrderStatus.CLOSED);
	}

	private OrderSnapshot place(OrderRows rows, String number, OrderStatus status, String sku, int quantity,
			String secondSku, int secondQuantity) {
		List<OrderDraft.Line> lines = (secondSku == null)
				? List.of(new OrderDraft.Line(sku, null, quantity, new BigDecimal("50.00"), null))
				: List.of(new OrderDraft.Line(sku, null, quantity, new BigDecimal("50.00"), null),
						new OrderDraft.Line(secondSku, null, secondQuantity, new BigDecimal("50.00"), null));
		Instant now = Instant.now();
		return this.orders
			.place(new OrderDraft(rows.channelCode, number, status,
					Times.placed(now, (status == OrderStatus.PAID) ? now : null), null, null, lines, null, null, null,
					null, null, null, null, null, null, OrderSource.MANUAL))
			.order();
	}

	private ResultActions act(MockHttpServletRequestBuilder request, long id) throws Exception {
		return this.mvc.perform(request.with(csrf()).with(user("op").roles("OPERATOR")))
			.andExpect(redirectedUrl("/orders/" + id));
	}

	private String page(long id) throws Exception {
		return this.mvc.perform(get("/orders/" + id).with(user("op").roles("OPERATOR")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
	}

	private StockLevel level(String sku) {
		return this.inventory.find(sku, "MAIN").orElseThrow();
	}

	private int available(String sku) {
		StockLevel level = level(sku);
		return level.onHand() - level.reserved();
	}

	@Test
	void refusesTamperedShipFormsWithA4xx() throws Exception {
		for (String[] param : new String[][] { { "lines[0].quantity", "99999999999" }, { "lines[0].lineId", "abc" },
				{ "lines[100000].lineId", "1" } }) {
			this.mvc.perform(
					post("/orders/1/ship").with(csrf()).with(user("op").roles("OPERATOR")).param(param[0], param[1]))
				.andExpect((result) -> assertThat(result.getResponse().getStatus()).as(param[0]).isBetween(300, 499));
		}
	}

}
