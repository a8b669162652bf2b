package io.shopops.growth.retention;

import java.time.Duration;
import java.time.Instant;

import io.shopops.fulfilment.order.Customer;
import io.shopops.fulfilment.order.Orders;
import io.shopops.fulfilment.order.OrderStatus;
import io.shopops.fulfilment.order.SalesChannels;
import org.junit.jupiter.api.BeforeEach;
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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The repurchase and LTV pages over HTTP: managers only, both languages, the cohort table
 * and charts' data, the cycles (validated and audited), the due list and its formula-safe
 * export.
 */
@SpringBootTest
@AutoConfigureMockMvc
class RetentionPagesTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Orders orders;

	@Autowired
	SalesChannels channels;

	@Autowired
	JdbcClient jdbc;

	RetentionFixtures fixtures;

	@BeforeEach
	void fixtures() {
		this.fixtures = new RetentionFixtures(this.orders, this.channels, this.jdbc);
	}

	@Test
	void managersSeeTheCohortsLtvRatesAndGapsOperatorsAreRefused() throws Exception {
		Customer buyer = RetentionFixtures.buyer("回头客" + RetentionFixtures.unique("PG"));
		this.fixtures.place(buyer, Instant.now().minus(Duration.ofDays(1)), "66.00", null, OrderStatus.COMPLETED);
		this.fixtures.place(buyer, Instant.now().minus(Duration.ofMinutes(10)), "34.00", null, OrderStatus.COMPLETED);

		String page = page(manager(get("/crm/retention")));
		assertThat(page)
			.contains("id=\"cohort-table\"", "id=\"ltv-chart\"", "data-ltv=\"{&quot;cohorts&quot;:[",
					"id=\"rate-table\"", "id=\"gap-table\"", "id=\"gap-chart\"", "/js/retention-",
					"/echarts.common.min.js", "data-nav=\"/crm/retention\"", "Repurchase rate")
			.doesNotContain("<script>", "style=\"");
		assertThat(page(manager(get("/crm/retention").param("period", "QUARTER").param("months", "24")))).contains(" Q",
				"last 24 months");
		assertThat(page(manager(get("/crm/retention").param("period", "nope").param("months", "x"))))
			.contains("cohort-table");
		String chinese = this.mvc
			.perform(manager(get("/crm/retention").param("period", "YEAR")).header("Accept-Language", "zh-CN"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(chinese).contains("复购与 LTV", "按首单月份的同期群", "下单间隔");

		this.mvc.perform(operator(get("/crm/retention"))).andExpect(status().isForbidden());
		this.mvc.perform(operator(get("/crm/retention/due"))).andExpect(status().isForbidden());
		this.mvc.perform(operator(post("/crm/retention/cycles")).param("product", "x").param("days", "3"))
			.andExpect(status().isForbidden());
		assertThat(page(operator(get("/crm")))).doesNotContain("data-nav=\"/crm/retention\"", "open-retention");
		assertThat(page(manager(get("/crm")))).contains("open-retention");
	}

	@Test
	void managersSetCyclesAndExportTheCustomersDueFormulaSafe() throws Exception {
		String sku = this.fixtures.product("咖啡豆 " + RetentionFixtures.unique("PD"));
		long productId = this.fixtures.productId(sku);
		Customer due = new Customer("=HYPERLINK(\"x\")" + RetentionFixtures.unique("N"), "17700001111", null, null);
		this.fixtures.place(due, Instant.now().minus(Duration.ofDays(25)), "88.00", sku, OrderStatus.COMPLETED);

		this.mvc.perform(manager(post("/crm/retention/cycles")).param("product", "NO-SUCH-SKU").param("days", "20"))
			.andExpect(redirectedUrl("/crm/retention/due"))
			.andExpect(flash().attribute("error", "retention.cycle.product.unknown"));
		this.mvc.perform(manager(post("/crm/retention/cycles")).param("product", sku).param("days", "0"))
			.andExpect(flash().attribute("error", "retention.cycle.days.invalid"));
		this.mvc.perform(manager(post("/crm/retention/cycles")).param("product", sku).param("days", "abc"))
			.andExpect(flash().attribute("error", "retention.cycle.days.invalid"));
		this.mvc.perform(manager(post("/crm/retention/cycles")).param("product", " " + sku + " ").param("days", "20"))
			.andExpect(redirectedUrl("/crm/retention/due?product=" + productId))
			.andExpect(flash().attribute("message", "retention.cycle.flash.saved"));

		String list = page(manager(get("/crm/retention/due")));
		assertThat(list).contains("id=\"cycle-table\"", "咖啡豆", "Choose a product");
		String duePage = page(manager(get("/crm/retention/due").param("product", String.valueOf(productId))));
		assertThat(duePage).contains("id=\"due-table\"", "HYPERLINK", "17700001111", "/crm/retention/due.csv?product=")
			.contains(">5<");
		String csv = this.mvc
			.perform(manager(get("/crm/retention/due.csv").param("product", String.valueOf(productId))))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
		assertThat(csv).startsWith("\uFEFFcustomer_id,name,phone,email,product_id,product,cycle_days,last_purchase_at")
			.contains("\"'=HYPERLINK(\"\"x\"\")")
			.contains(",20,");
		this.mvc.perform(manager(get("/crm/retention/due.csv").param("product", "999999999")))
			.andExpect(status().isNotFound());

		// a longer cycle: nobody is due
		this.mvc.perform(manager(post("/crm/retention/cycles")).param("product", sku).param("days", "40"));
		assertThat(page(manager(get("/crm/retention/due").param("product", String.valueOf(productId)))))
			.contains("Nobody is due")
			.doesNotContain("id=\"due-table\"");
		String chinese = this.mvc
			.perform(manager(get("/crm/retention/due").param("product", String.valueOf(productId)))
				.header("Accept-Language", "zh-CN"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(chinese).contains("待复购", "复购周期");

		this.mvc.perform(manager(post("/crm/retention/cycles/delete")).param("product", String.valueOf(productId)))
			.andExpect(redirectedUrl("/crm/retention/due"))
			.andExpect(flash().attribute("message", "retention.cycle.flash.removed"));
		this.mvc.perform(manager(post("/crm/retention/cycles/delete")).param("product", "x"))
			.andExpect(flash().attribute("error", "retention.cycle.notFound"));
		assertThat(this.jdbc.sql(
				"SELECT count(*) FROM audit_entry WHERE action IN ('REPURCHASE_CYCLE_SET', 'REPURCHASE_CYCLE_REMOVED') "
						+ "AND object_id = ?")
			.param(String.valueOf(productId))
			.query(Long.class)
			.single()).isEqualTo(3);
		assertThat(page(
				manager(get("/crm/retention/due").param("product", String.valueOf(productId)).param("page", "-3"))))
			.doesNotContain("id=\"due-table\"");
	}

	private String page(MockHttpServletRequestBuilder request) throws Exception {
		return this.mvc.perform(request.header("Accept-Language", "en"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	private static MockHttpServletRequestBuilder operator(MockHttpServletRequestBuilder request) {
		return request.with(user("ret-operator").roles("OPERATOR")).with(csrf());
	}

	private static MockHttpServletRequestBuilder manager(MockHttpServletRequestBuilder request) {
		return request.with(user("ret-manager").roles("MANAGER")).with(csrf());
	}

}
