package io.shopops.fulfilment.aftersales;

import java.math.BigDecimal;
import java.util.List;

import io.shopops.fulfilment.aftersales.api.AfterSales;
import io.shopops.fulfilment.aftersales.api.AfterSalesRequest;
import io.shopops.fulfilment.aftersales.api.Authority;
import io.shopops.fulfilment.aftersales.api.RequestStatus;
import io.shopops.fulfilment.aftersales.api.RequestType;
import io.shopops.fulfilment.inventory.Inventory;
import io.shopops.fulfilment.order.OrderSnapshot;
import io.shopops.fulfilment.order.OrderStatus;
import io.shopops.fulfilment.order.Orders;
import io.shopops.fulfilment.order.SalesChannels;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The after-sales pages: queue with filters and SLA flag, a request from an order through
 * every action, role checks, analytics with bad parameters, and the manager's settings.
 */
@SpringBootTest
@AutoConfigureMockMvc
class AfterSalesPagesTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	AfterSales afterSales;

	@Autowired
	Orders orders;

	@Autowired
	SalesChannels channels;

	@Autowired
	Inventory inventory;

	@Autowired
	JdbcClient jdbc;

	@Test
	void anOperatorTakesAReturnFromTheOrderToClosed() throws Exception {
		String prefix = AfterSalesFixtures.unique("ASPAGE");
		String sku = AfterSalesFixtures.skus(this.jdbc, this.inventory, prefix, 10).get(0);
		OrderSnapshot order = AfterSalesFixtures.shipped(this.orders, AfterSalesFixtures.channel(this.channels), sku, 2,
				"30.00");
		long line = order.lines().get(0).id();
		assertThat(page(operator(get("/orders/" + order.id())))).contains("/after-sales/new?order=" + order.id());
		assertThat(page(operator(get("/after-sales/new").param("order", String.valueOf(order.id())))))
			.contains("id=\"after-sales-form\"", "value=\"60.00\"", "Wrong size");

		// a bad quantity shows the form again with the message
		assertThat(page(operator(post("/after-sales/new")).param("order", String.valueOf(order.id()))
			.param("type", "RETURN_REFUND")
			.param("reason", "wrong_size")
			.param("line", String.valueOf(line))
			.param("quantity_" + line, "5")
			.param("amount_" + line, "30.00"))).contains("between 1 and 2");

		String location = this.mvc
			.perform(operator(post("/after-sales/new")).param("order", String.valueOf(order.id()))
				.param("type", "RETURN_REFUND")
				.param("reason", "wrong_size")
				.param("reasonText", "偏小")
				.param("line", String.valueOf(line))
				.param("quantity_" + line, "1")
				.param("amount_" + line, ""))
			.andExpect(redirectedUrlPattern("/after-sales/*"))
			.andExpect(flash().attribute("message", "afterSales.flash.created"))
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
		AfterSalesRequest created = this.afterSales.find(id).orElseThrow();
		assertThat(created.requestedAmount()).isEqualByComparingTo("30.00");
		assertThat(page(operator(get(location)))).contains("id=\"action-approve\"", "id=\"action-reject\"",
				"/orders/" + order.id(), "Return and refund", "偏小");

		act(location + "/approve", "afterSales.flash.approved");
		assertThat(page(operator(get(location)))).contains("id=\"action-receive\"").doesNotContain("action-approve");
		act(location + "/receive", "afterSales.flash.received");
		assertThat(page(operator(get(location)))).contains("id=\"restock-" + created.lines().get(0).id() + "\"");
		this.mvc.perform(operator(post(location + "/lines/" + created.lines().get(0).id() + "/inspect"))
			.param("outcome", "RESTOCKED")).andExpect(flash().attribute("message", "afterSales.flash.restocked"));
		this.mvc.perform(operator(post(location + "/refund")).param("amount", "61.00"))
			.andExpect(flash().attribute("actionProblems",
					List.of("The amount is above what remains refundable (60.00).")));
		this.mvc.perform(operator(post(location + "/refund")).param("amount", "25.00"))
			.andExpect(flash().attribute("message", "afterSales.flash.refunded"));
		act(location + "/close", "afterSales.flash.closed");
		AfterSalesRequest closed = this.afterSales.find(id).orElseThrow();
		assertThat(closed.status()).isEqualTo(RequestStatus.CLOSED);
		assertThat(closed.refundedAmount()).isEqualByComparingTo("25.00");
		String detail = page(operator(get(location)));
		assertThat(detail).contains("id=\"no-actions\"", "Restocked", "Closed").doesNotContain("??");
		assertThat(page(chinese(get(location), "OPERATOR"))).contains("已关闭", "已入库").doesNotContain("??");

		// an illegal action is a message, not an error page
		this.mvc.perform(operator(post(location + "/approve"))).andExpect(flash().attributeExists("actionProblems"));
		this.mvc.perform(operator(get("/after-sales/99999999999"))).andExpect(status().isNotFound());
	}

	@Test
	void anOperatorCannotApproveAboveTheThresholdButAManagerCan() throws Exception {
		String prefix = AfterSalesFixtures.unique("ASROLE");
		String sku = AfterSalesFixtures.skus(this.jdbc, this.inventory, prefix, 10).get(0);
		OrderSnapshot order = AfterSalesFixtures.order(this.orders, AfterSalesFixtures.channel(this.channels), sku, 1,
				"1200.00", OrderStatus.PAID);
		AfterSalesRequest request = this.afterSales
			.create(AfterSalesServiceIntegrationTests.refundOnly(order.id(), order.lines().get(0).id(), 1, null));
		String location = "/after-sales/" + request.id();
		assertThat(page(operator(get(location)))).contains("id=\"needs-manager\"");
		this.mvc.perform(operator(post(location + "/approve")))
			.andExpect(
					flash().attribute("actionProblems", List.of("Refunds above 1000.00 need a manager's approval.")));
		assertThat(this.afterSales.find(request.id()).orElseThrow().status()).isEqualTo(RequestStatus.REQUESTED);
		assertThat(page(manager(get(location)))).doesNotContain("id=\"needs-manager\"");
		this.mvc.perform(manager(post(location + "/approve")))
			.andExpect(flash().attribute("message", "afterSales.flash.approved"));
		this.mvc.perform(manager(post(location + "/refund")))
			.andExpect(flash().attribute("message", "afterSales.flash.refunded"));
		assertThat(this.afterSales.find(request.id()).orElseThrow().refundedAmount()).isEqualByComparingTo("1200.00");
	}

	@Test
	void theQueueFiltersAndFlagsRequestsBeyondTheSla() throws Exception {
		String prefix = AfterSalesFixtures.unique("ASQUEUE");
		String sku = AfterSalesFixtures.skus(this.jdbc, this.inventory, prefix, 10).get(0);
		String channel = AfterSalesFixtures.channel(this.channels);
		OrderSnapshot order = AfterSalesFixtures.order(this.orders, channel, sku, 3, "10.00", OrderStatus.PAID);
		AfterSalesRequest old = this.afterSales
			.create(AfterSalesServiceIntegrationTests.refundOnly(order.id(), order.lines().get(0).id(), 1, null));
		this.jdbc.sql("UPDATE after_sales_request SET status_since = now() - interval '100 hours' WHERE id = ?")
			.param(old.id())
			.update();
		AfterSalesRequest fresh = this.afterSales
			.create(AfterSalesServiceIntegrationTests.refundOnly(order.id(), order.lines().get(0).id(), 1, null));
		this.afterSales.reject(fresh.id(), "重复申请", null);

		String queue = page(operator(get("/after-sales").param("channel", channel)));
		assertThat(queue).contains("id=\"after-sales-table\"", ">" + old.id() + "<", ">" + fresh.id() + "<",
				"data-overdue=\"true\"");
		String overdue = page(operator(get("/after-sales").param("channel", channel).param("overdue", "true")));
		assertThat(overdue).contains(">" + old.id() + "<").doesNotContain(">" + fresh.id() + "</a>");
		String rejected = page(operator(get("/after-sales").param("channel", channel).param("status", "rejected")));
		assertThat(rejected).contains(">" + fresh.id() + "</a>").doesNotContain(">" + old.id() + "</a>");
		assertThat(page(operator(get("/after-sales").param("channel", channel).param("type", "exchange"))))
			.contains("No request matches")
			.doesNotContain("after-sales-table");
		assertThat(page(operator(get("/after-sales").param("status", "lost")
			.param("page", "99999999999999")
			.param("type", "x")
			.param("channel", "NOPE")))).contains("A filter value was not understood");
		assertThat(page(operator(get("/")))).contains("After-sales beyond SLA", "Open after-sales requests");
	}

	@Test
	void analyticsShowsReturnRatesAndNeverFailsOnBadParameters() throws Exception {
		String prefix = AfterSalesFixtures.unique("ASSTAT");
		String sku = AfterSalesFixtures.skus(this.jdbc, this.inventory, prefix, 10).get(0);
		OrderSnapshot order = AfterSalesFixtures.shipped(this.orders, AfterSalesFixtures.channel(this.channels), sku, 4,
				"10.00");
		this.afterSales.create(AfterSalesServiceIntegrationTests.draft(RequestType.RETURN_REFUND, order.id(),
				order.lines().get(0).id(), 1, null));
		String analytics = page(operator(get("/after-sales/analytics")));
		assertThat(analytics).contains(sku, "25.0 %", "Quality problem");
		// the product's row and the month's row count the same return
		String productRow = analytics.substring(analytics.indexOf("id=\"product-table\""));
		productRow = productRow.substring(productRow.indexOf("Product " + prefix));
		assertThat(productRow.substring(0, productRow.indexOf("</tr>"))).contains("25.0 %");
		String month = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).toString().substring(0, 7);
		assertThat(analytics.substring(analytics.indexOf("id=\"month-table\""))).contains(month);
		assertThat(page(operator(get("/after-sales/analytics").param("from", "2026-13-45").param("to", "x"))))
			.contains("A date was not understood");
		assertThat(page(operator(get("/after-sales/analytics").param("from", "2001-01-01").param("to", "2026-12-01"))))
			.contains("At most one year");
		assertThat(page(operator(get("/after-sales/analytics").param("from", "2026-12-01").param("to", "2026-01-01"))))
			.contains("The start lies after the end");
	}

	@Test
	void onlyManagersChangeTheSettingsWithMessagesInBothLanguages() throws Exception {
		this.mvc.perform(operator(get("/after-sales/settings"))).andExpect(status().isForbidden());
		assertThat(page(operator(get("/after-sales")))).doesNotContain("id=\"open-settings\"");
		assertThat(page(manager(get("/after-sales")))).contains("id=\"open-settings\"");
		assertThat(page(manager(get("/after-sales/settings")))).contains("quality", "1000.00");
		assertThat(page(chinese(post("/after-sales/settings"), "MANAGER").param("slaHours", "0")
			.param("threshold", "abc")
			.param("reasons", ""))).contains("时效必须是", "阈值必须是", "请填写 1 到");
		AfterSalesSettings.Values before = settings();
		this.mvc
			.perform(manager(post("/after-sales/settings")).param("slaHours", String.valueOf(before.slaHours()))
				.param("threshold", before.refundThreshold().toPlainString())
				.param("reasons", String.join("\n", before.reasons())))
			.andExpect(flash().attribute("message", "afterSales.flash.settingsSaved"));
		assertThat(settings().refundThreshold()).isEqualByComparingTo(new BigDecimal("1000.00"));
	}

	@Autowired
	AfterSalesSettings settingsStore;

	private AfterSalesSettings.Values settings() {
		return this.settingsStore.current();
	}

	private void act(String path, String flash) throws Exception {
		this.mvc.perform(operator(post(path))).andExpect(flash().attribute("message", flash));
	}

	private String page(MockHttpServletRequestBuilder request) throws Exception {
		return this.mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
	}

	private static MockHttpServletRequestBuilder operator(MockHttpServletRequestBuilder request) {
		return request.with(user("as-operator").roles("OPERATOR")).with(csrf()).header("Accept-Language", "en");
	}

	private static MockHttpServletRequestBuilder chinese(MockHttpServletRequestBuilder request, String role) {
		return request.with(user("as-zh").roles(role)).with(csrf()).header("Accept-Language", "zh-CN");
	}

	private static MockHttpServletRequestBuilder manager(MockHttpServletRequestBuilder request) {
		return request.with(user("as-manager").roles("MANAGER")).with(csrf()).header("Accept-Language", "en");
	}

}
