package io.shopops.growth.coupon;

import java.time.LocalDate;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The coupon pages over HTTP: managers create, edit, publish, issue and disable after
 * confirmation; operators read and are refused changes; validation speaks both languages;
 * the list filters and pages, the report and the home card show the figures.
 */
@SpringBootTest
@AutoConfigureMockMvc
class CouponPagesTests {

	private static final RequestPostProcessor MANAGER = user("coupon-manager").roles("MANAGER");

	private static final RequestPostProcessor OPERATOR = user("coupon-operator").roles("OPERATOR");

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Test
	void managersCreatePublishIssueAndDisableOperatorsRead() throws Exception {
		String name = CouponFixtures.unique("双12满减");
		LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
		String location = this.mvc
			.perform(post("/crm/coupons/new").with(MANAGER)
				.with(csrf())
				.param("name", name)
				.param("type", "SPEND_SAVE")
				.param("threshold", "199")
				.param("amount", "30")
				.param("validFrom", today.toString())
				.param("validUntil", today.plusDays(3).toString())
				.param("totalLimit", "1000")
				.param("perCustomerLimit", "1")
				.param("scope", "ALL")
				.param("stacking", "EXCLUSIVE")
				.param("refundRule", "FULL_REFUND"))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("message", "coupon.flash.created"))
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		long id = Long.parseLong(location.substring("/crm/coupons/".length()));

		assertThat(page(get(location), MANAGER)).contains(name, "Spend 199.00, save 30.00", "id=\"edit-coupon\"",
				"id=\"code-form\"", "id=\"issue-coupon\"", "Not issued yet");
		assertThat(page(get(location), OPERATOR)).contains(name)
			.doesNotContain("id=\"edit-coupon\"", "id=\"code-form\"", "id=\"issue-coupon\"");
		assertThat(page(get("/crm/coupons").param("q", name), OPERATOR)).contains(name, "coupon-table")
			.doesNotContain("id=\"new-coupon\"");
		// it ends within 7 days: in the expiring filter and counted on the home card
		assertThat(page(get("/crm/coupons").param("expiring", "week"), OPERATOR)).contains(name);
		assertThat(page(get("/"), OPERATOR)).contains("Coupons expiring within 7 days", "/crm/coupons?expiring=week");

		// operators may not change anything
		this.mvc.perform(get("/crm/coupons/new").with(OPERATOR)).andExpect(status().isForbidden());
		this.mvc.perform(get(location + "/issue").with(OPERATOR)).andExpect(status().isForbidden());
		this.mvc.perform(post(location + "/disable").with(OPERATOR).with(csrf())).andExpect(status().isForbidden());
		this.mvc.perform(post(location + "/code").with(OPERATOR).with(csrf()).param("code", "NOPE1234"))
			.andExpect(status().isForbidden());

		String code = CouponFixtures.unique("D12");
		this.mvc.perform(post(location + "/code").with(MANAGER).with(csrf()).param("code", code.toLowerCase()))
			.andExpect(flash().attribute("message", "coupon.flash.published"));
		assertThat(page(get(location), MANAGER)).contains(code).doesNotContain("id=\"code-form\"");
		// the same code for another coupon is taken, and says so on the page
		String other = create(CouponFixtures.unique("别的券"), today);
		assertThat(page(post(other + "/code").with(csrf()).param("code", code), MANAGER))
			.contains("The code " + code + " is already in use.");

		long customer = CouponFixtures.customer(this.jdbc, "页面会员");
		assertThat(page(get(location + "/issue").param("audience", "list"), MANAGER)).contains("issue-form",
				"audience-tier", "audience-tag");
		this.mvc
			.perform(post(location + "/issue").with(MANAGER)
				.with(csrf())
				.param("audience", "list")
				.param("value", "#" + customer + "\nnobody-" + code + "@example.com"))
			.andExpect(flash().attribute("message", "coupon.flash.issued"))
			.andExpect(flash().attribute("messageArgs", new Object[] { 1, 0, 1 }));
		assertThat(page(get(location), MANAGER)).contains("issue-table", "Customer list", "coupon-manager");
		assertThat(this.jdbc.sql("SELECT count(*) FROM coupon_code WHERE coupon_id = ? AND customer_id = ?")
			.params(id, customer)
			.query(Long.class)
			.single()).isOne();
		assertThat(page(post(location + "/issue").with(csrf()).param("audience", "list").param("value", " "), MANAGER))
			.contains("Paste at least one customer id, e-mail or phone.");

		// disabling asks first
		assertThat(page(get(location + "/disable"), MANAGER)).contains("id=\"disable-question\"", name);
		this.mvc.perform(post(location + "/disable").with(MANAGER).with(csrf()))
			.andExpect(flash().attribute("message", "coupon.flash.disabled"));
		assertThat(page(get(location), MANAGER)).contains("Disabled", "id=\"enable-coupon\"")
			.doesNotContain("id=\"issue-coupon\"");
		assertThat(page(get("/crm/coupons").param("status", "DISABLED").param("q", name), OPERATOR)).contains(name);
		this.mvc.perform(post(location + "/enable").with(MANAGER).with(csrf()))
			.andExpect(flash().attribute("message", "coupon.flash.enabled"));
		assertThat(this.jdbc.sql("SELECT action FROM audit_entry WHERE object_type = 'coupon' AND object_id = ?")
			.param(Long.toString(id))
			.query(String.class)
			.list())
			.contains("COUPON_CREATED", "COUPON_CODE_PUBLISHED", "COUPON_ISSUED", "COUPON_DISABLED", "COUPON_ENABLED");
	}

	@Test
	void theFormChecksWhatEachTypeNeedsInBothLanguages() throws Exception {
		LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
		MockHttpServletRequestBuilder noThreshold = post("/crm/coupons/new").with(csrf())
			.param("name", "满减缺门槛")
			.param("type", "SPEND_SAVE")
			.param("amount", "30")
			.param("validFrom", today.toString())
			.param("validUntil", today.minusDays(1).toString())
			.param("scope", "PRODUCTS")
			.param("productHandles", "no-such-handle-" + System.nanoTime())
			.param("stacking", "STACKABLE")
			.param("refundRule", "NEVER");
		this.mvc.perform(noThreshold.with(MANAGER))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrors("couponForm", "threshold", "validUntilAfterStart"));
		String chinese = this.mvc.perform(noThreshold.with(MANAGER).header("Accept-Language", "zh-CN"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(chinese).contains("请填写订单须达到的门槛金额。", "截止日期不能早于生效日期。");

		this.mvc
			.perform(post("/crm/coupons/new").with(MANAGER)
				.with(csrf())
				.param("name", "超额")
				.param("type", "SPEND_SAVE")
				.param("threshold", "50")
				.param("amount", "80")
				.param("validFrom", today.toString())
				.param("validUntil", today.toString())
				.param("totalLimit", "x")
				.param("scope", "ALL")
				.param("stacking", "STACKABLE")
				.param("refundRule", "NEVER"))
			.andExpect(model().attributeHasFieldErrors("couponForm", "amount", "totalLimit"));
		String unknown = page(post("/crm/coupons/new").with(csrf())
			.param("name", "未知商品")
			.param("type", "PERCENT")
			.param("percentOff", "15")
			.param("cap", "20")
			.param("validFrom", today.toString())
			.param("validUntil", today.toString())
			.param("scope", "PRODUCTS")
			.param("productHandles", "gone-handle-1")
			.param("stacking", "STACKABLE")
			.param("refundRule", "NEVER"), MANAGER);
		assertThat(unknown).contains("No product has the handle: gone-handle-1.");
	}

	@Test
	void anEditKeepsTheTotalLimitAboveTheRedemptionsAndTheReportShowsFigures() throws Exception {
		LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
		String location = create(CouponFixtures.unique("编辑"), today);
		long id = Long.parseLong(location.substring("/crm/coupons/".length()));
		this.jdbc.sql("UPDATE coupon SET redeemed_count = 3 WHERE id = ?").param(id).update();
		String edit = page(get(location + "/edit"), MANAGER);
		assertThat(edit).contains("coupon-form", "value=\"NO_THRESHOLD\"");
		assertThat(page(post(location).with(csrf())
			.param("name", "编辑后")
			.param("type", "NO_THRESHOLD")
			.param("amount", "5")
			.param("validFrom", today.toString())
			.param("validUntil", today.plusDays(20).toString())
			.param("totalLimit", "2")
			.param("scope", "ALL")
			.param("stacking", "STACKABLE")
			.param("refundRule", "ANY_REFUND")
			.param("version", "0"), MANAGER)).contains("It has been redeemed 3 times");
		this.mvc
			.perform(post(location).with(MANAGER)
				.with(csrf())
				.param("name", "编辑后")
				.param("type", "NO_THRESHOLD")
				.param("amount", "5")
				.param("validFrom", today.toString())
				.param("validUntil", today.plusDays(20).toString())
				.param("totalLimit", "3")
				.param("scope", "ALL")
				.param("stacking", "STACKABLE")
				.param("refundRule", "ANY_REFUND")
				.param("version", "0"))
			.andExpect(flash().attribute("message", "coupon.flash.updated"));
		// a stale version is a form error, not a lost update
		assertThat(page(post(location).with(csrf())
			.param("name", "过期版本")
			.param("type", "NO_THRESHOLD")
			.param("amount", "5")
			.param("validFrom", today.toString())
			.param("validUntil", today.plusDays(20).toString())
			.param("scope", "ALL")
			.param("stacking", "STACKABLE")
			.param("refundRule", "ANY_REFUND")
			.param("version", "0"), MANAGER)).contains("Someone else changed this coupon meanwhile.");
		assertThat(page(get("/crm/coupons/report"), OPERATOR)).contains("report-table", "编辑后", "report-totals");
		assertThat(page(get("/crm/coupons").param("q", "NO-SUCH-" + System.nanoTime()), OPERATOR))
			.contains("No coupon matches")
			.doesNotContain("coupon-table");
		this.mvc.perform(get("/crm/coupons/999999999").with(OPERATOR)).andExpect(status().isNotFound());
	}

	private String create(String name, LocalDate today) throws Exception {
		return this.mvc
			.perform(post("/crm/coupons/new").with(MANAGER)
				.with(csrf())
				.param("name", name)
				.param("type", "NO_THRESHOLD")
				.param("amount", "5")
				.param("validFrom", today.toString())
				.param("validUntil", today.plusDays(20).toString())
				.param("scope", "ALL")
				.param("stacking", "STACKABLE")
				.param("refundRule", "NEVER"))
			.andExpect(status().is3xxRedirection())
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
	}

	private String page(MockHttpServletRequestBuilder request, RequestPostProcessor user) throws Exception {
		return this.mvc.perform(request.with(user))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

}
