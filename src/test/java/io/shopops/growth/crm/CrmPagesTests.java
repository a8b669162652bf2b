package io.shopops.growth.crm;

import java.time.Duration;

import io.shopops.fulfilment.order.Customer;
import io.shopops.fulfilment.order.OrderSnapshot;
import io.shopops.fulfilment.order.Orders;
import io.shopops.fulfilment.order.SalesChannels;
import io.shopops.fulfilment.order.SalesPlatform;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The customer pages: search and filters, the profile with contact masked for operators
 * and full for managers, tags, and the managers' merge tool.
 */
@SpringBootTest
@AutoConfigureMockMvc
class CrmPagesTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Orders orders;

	@Autowired
	SalesChannels channels;

	@Autowired
	JdbcClient jdbc;

	@Test
	void operatorsSearchCustomersAndSeeMaskedContactsManagersSeeThemInFull() throws Exception {
		String prefix = CrmFixtures.unique("CRMP");
		String site = CrmFixtures.channel(this.channels, SalesPlatform.OWN_SITE);
		String phone = CrmFixtures.phone();
		String masked = phone.substring(0, 3) + "****" + phone.substring(7);
		String email = "zhang." + prefix.toLowerCase() + "@example.com";
		String name = "张伟" + prefix;
		OrderSnapshot order = this.orders
			.place(CrmFixtures.completed(site, prefix + "-1", new Customer(name, phone, email, null), "88.00", 3))
			.order();
		long id = customerOf(order.id());

		for (String q : new String[] { name, phone, email.toUpperCase(), phone.substring(3, 9) }) {
			String list = page(operator(get("/crm").param("q", q)));
			// the search box shows what was typed; the table shows masked contacts
			assertThat(list.substring(list.indexOf("id=\"customer-table\"")))
				.contains(name, masked, "z***@example.com", "/crm/customers/" + id)
				.doesNotContain(phone, email);
		}
		assertThat(page(operator(get("/crm").param("channel", site)))).contains(name);
		assertThat(page(operator(get("/crm").param("q", "NO-SUCH-" + prefix)))).contains("No customer matches")
			.doesNotContain("No customers yet", "id=\"customer-table\"");
		assertThat(page(operator(get("/crm").param("page", "x").param("tier", "nope")))).contains("customer-filter");

		String operatorView = page(operator(get("/crm/customers/" + id)));
		assertThat(operatorView).contains(name, masked, "z***@example.com", "/orders/" + order.id(), "88.00")
			.doesNotContain(phone, email, "open-merge");
		String managerView = page(manager(get("/crm/customers/" + id)));
		assertThat(managerView).contains(phone, email, "open-merge");
		String chinese = this.mvc.perform(operator(get("/crm/customers/" + id)).header("Accept-Language", "zh-CN"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(chinese).contains("订单与消费", "净消费");

		this.mvc.perform(operator(get("/crm/customers/999999999999")).header("Accept-Language", "en"))
			.andExpect(status().isNotFound());
	}

	@Test
	void operatorsTagCustomers() throws Exception {
		String prefix = CrmFixtures.unique("CRMT");
		String site = CrmFixtures.channel(this.channels, SalesPlatform.OWN_SITE);
		OrderSnapshot order = this.orders
			.place(CrmFixtures.completed(site, prefix + "-1",
					new Customer("赵敏" + prefix, CrmFixtures.phone(), null, null), "20.00", 2))
			.order();
		long id = customerOf(order.id());
		this.mvc.perform(operator(post("/crm/customers/" + id + "/tags")).param("tag", " 高价值 "))
			.andExpect(redirectedUrl("/crm/customers/" + id))
			.andExpect(flash().attribute("message", "crm.flash.tagged"));
		this.mvc.perform(operator(post("/crm/customers/" + id + "/tags")).param("tag", "x".repeat(41)))
			.andExpect(flash().attribute("error", "crm.tag.invalid"));
		assertThat(page(operator(get("/crm/customers/" + id)))).contains("高价值");
		this.mvc.perform(operator(post("/crm/customers/" + id + "/tags/remove")).param("tag", "高价值"))
			.andExpect(flash().attribute("message", "crm.flash.untagged"));
		assertThat(page(operator(get("/crm/customers/" + id)))).doesNotContain("高价值");
		assertThat(this.jdbc
			.sql("SELECT count(*) FROM audit_entry WHERE action IN ('CUSTOMER_TAGGED', 'CUSTOMER_UNTAGGED') "
					+ "AND object_id = :id")
			.param("id", String.valueOf(id))
			.query(Long.class)
			.single()).isEqualTo(2);
	}

	@Test
	void managersMergeADuplicateAfterConfirmingAndItsPageLeadsToTheSurvivor() throws Exception {
		String prefix = CrmFixtures.unique("CRMG");
		String site = CrmFixtures.channel(this.channels, SalesPlatform.OWN_SITE);
		String name = "周杰" + prefix;
		long survivor = customerOf(this.orders
			.place(CrmFixtures.completed(site, prefix + "-1", new Customer(name, CrmFixtures.phone(), null, null),
					"10.00", 5))
			.order()
			.id());
		long duplicate = customerOf(this.orders
			.place(CrmFixtures.completed(site, prefix + "-2", new Customer(name, CrmFixtures.phone(), null, null),
					"15.00", 4))
			.order()
			.id());

		this.mvc.perform(operator(get("/crm/customers/" + survivor + "/merge"))).andExpect(status().isForbidden());
		this.mvc.perform(operator(post("/crm/customers/" + survivor + "/merge")).param("duplicate", "" + duplicate))
			.andExpect(status().isForbidden());
		assertThat(page(manager(get("/crm/customers/" + survivor + "/merge"))))
			.contains("/crm/customers/" + survivor + "/merge?duplicate=" + duplicate)
			.doesNotContain("merge-confirm");
		assertThat(page(manager(get("/crm/customers/" + survivor + "/merge").param("duplicate", "" + duplicate))))
			.contains("merge-confirm", "data-confirm");
		this.mvc.perform(manager(post("/crm/customers/" + survivor + "/merge")).param("duplicate", "x"))
			.andExpect(flash().attribute("error", "crm.merge.pick"));
		this.mvc.perform(manager(post("/crm/customers/" + survivor + "/merge")).param("duplicate", "" + duplicate))
			.andExpect(redirectedUrl("/crm/customers/" + survivor))
			.andExpect(flash().attribute("message", "crm.flash.merged"));
		this.mvc.perform(operator(get("/crm/customers/" + duplicate)))
			.andExpect(redirectedUrl("/crm/customers/" + survivor));
		assertThat(page(manager(get("/crm/customers/" + survivor)))).contains(prefix + "-1", prefix + "-2", "25.00");
		this.mvc.perform(manager(post("/crm/customers/" + survivor + "/merge")).param("duplicate", "" + duplicate))
			.andExpect(flash().attribute("error", "crm.merge.gone"));
	}

	@Test
	void managersKeepTiersAndPointsRulesOperatorsRedeemManagersAdjust() throws Exception {
		this.mvc.perform(operator(get("/crm/tiers"))).andExpect(status().isForbidden());
		this.mvc.perform(operator(post("/crm/tiers/expire"))).andExpect(status().isForbidden());
		assertThat(page(manager(get("/crm/tiers")))).contains("tier-form", "points-settings");
		String problems = this.mvc
			.perform(manager(post("/crm/tiers")).param("code", "bad code!")
				.param("name", "")
				.param("position", "x")
				.header("Accept-Language", "zh-CN"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(problems).contains("代码为 1 到 32 位字母", "请输入不超过 60 个字符的名称", "请填写净消费或订单数门槛");
		this.mvc.perform(manager(post("/crm/tiers/points")).param("pointsPerYuan", "abc").param("expiryMonths", "24"))
			.andExpect(flash().attribute("error", "crm.points.settings.invalid"));
		this.mvc.perform(manager(post("/crm/tiers/expire"))).andExpect(redirectedUrl("/crm/tiers"));

		String prefix = CrmFixtures.unique("CRMPP");
		String site = CrmFixtures.channel(this.channels, SalesPlatform.OWN_SITE);
		long id = customerOf(this.orders
			.place(CrmFixtures.completed(site, prefix + "-1",
					new Customer("吴积分" + prefix, CrmFixtures.phone(), null, null), "10.00", 2))
			.order()
			.id());
		this.mvc
			.perform(
					operator(post("/crm/customers/" + id + "/points/adjust")).param("points", "5").param("reason", "x"))
			.andExpect(status().isForbidden());
		this.mvc.perform(manager(post("/crm/customers/" + id + "/points/adjust")).param("points", "500"))
			.andExpect(flash().attribute("error", "crm.points.reason.required"));
		this.mvc
			.perform(manager(post("/crm/customers/" + id + "/points/adjust")).param("points", "500")
				.param("reason", "客服补偿"))
			.andExpect(flash().attribute("message", "crm.points.flash.adjusted"));
		this.mvc.perform(operator(post("/crm/customers/" + id + "/points/redeem")).param("points", "999999"))
			.andExpect(flash().attribute("error", "crm.points.insufficient"));
		this.mvc.perform(operator(post("/crm/customers/" + id + "/points/redeem")).param("points", "100"))
			.andExpect(flash().attribute("message", "crm.points.flash.redeemed"));
		assertThat(page(operator(get("/crm/customers/" + id)))).contains("points-ledger", "客服补偿", "Redeemed")
			.doesNotContain("adjust-form");
		assertThat(page(manager(get("/crm/customers/" + id)))).contains("adjust-form");
	}

	private long customerOf(long orderId) {
		await().atMost(Duration.ofSeconds(20))
			.until(() -> this.jdbc.sql("SELECT count(*) FROM customer_order WHERE order_id = :id")
				.param("id", orderId)
				.query(Long.class)
				.single() == 1);
		return this.jdbc.sql("SELECT customer_id FROM customer_order WHERE order_id = :id")
			.param("id", orderId)
			.query(Long.class)
			.single();
	}

	private String page(MockHttpServletRequestBuilder request) throws Exception {
		return this.mvc.perform(request.header("Accept-Language", "en"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	private static MockHttpServletRequestBuilder operator(MockHttpServletRequestBuilder request) {
		return request.with(user("crm-operator").roles("OPERATOR")).with(csrf());
	}

	private static MockHttpServletRequestBuilder manager(MockHttpServletRequestBuilder request) {
		return request.with(user("crm-manager").roles("MANAGER")).with(csrf());
	}

}
