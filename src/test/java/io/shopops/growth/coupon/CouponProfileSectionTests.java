package io.shopops.growth.coupon;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The customer profile's coupons section: codes held, redemptions and codes that expired
 * unused, each with its empty state, in both languages.
 */
@SpringBootTest
@AutoConfigureMockMvc
class CouponProfileSectionTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Coupons coupons;

	@Autowired
	CouponIssuing issuing;

	@Autowired
	CouponRedemptions redemptions;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aCustomerWithoutCouponsShowsThreeEmptyStates() throws Exception {
		long customer = CouponFixtures.customer(this.jdbc, "无券" + CouponFixtures.unique("P"));
		String section = section(page(customer, "en"));
		assertThat(section)
			.contains("Held (0)", "Redeemed (0)", "Expired unused (0)", "id=\"coupons-held-none\"",
					"id=\"coupons-redeemed-none\"", "id=\"coupons-expired-none\"")
			.doesNotContain("id=\"coupons-held\"", "id=\"coupons-redeemed\"", "id=\"coupons-expired\"");
		assertThat(section(page(customer, "zh-CN"))).contains("持有（0）", "已核销（0）", "过期未用（0）", "还没有核销过优惠券");
	}

	@Test
	void heldRedeemedAndExpiredCodesAreListedApart() throws Exception {
		long customer = CouponFixtures.customer(this.jdbc, "有券" + CouponFixtures.unique("P"));
		String heldName = CouponFixtures.unique("持有券");
		long held = this.coupons.create(CouponFixtures.spendSave(heldName));
		this.issuing.issue(held, "list", "#" + customer, "test");
		String heldCode = this.issuing.codesOf(held, customer).get(0);

		String expiredName = CouponFixtures.unique("过期券");
		long expired = this.coupons.create(CouponFixtures.spendSave(expiredName));
		this.issuing.issue(expired, "list", "#" + customer, "test");
		String expiredCode = this.issuing.codesOf(expired, customer).get(0);
		this.jdbc
			.sql("UPDATE coupon SET valid_from = now() - interval '40 days', valid_until = now() - interval "
					+ "'10 days' WHERE id = :id")
			.param("id", expired)
			.update();

		String usedName = CouponFixtures.unique("已用券");
		long used = this.coupons.create(CouponFixtures.spendSave(usedName));
		this.issuing.issue(used, "list", "#" + customer, "test");
		String usedCode = this.issuing.codesOf(used, customer).get(0);
		var order = CouponFixtures.order(usedCode.toLowerCase(), "150.00");
		assertThat(this.redemptions.redeem(order, customer)).isEqualTo(CouponRedemptions.Outcome.REDEEMED);

		String section = section(page(customer, "en"));
		assertThat(section).contains("Held (1)", "Redeemed (1)", "Expired unused (1)")
			.doesNotContain("coupons-held-none", "coupons-redeemed-none", "coupons-expired-none");
		assertThat(between(section, "id=\"coupons-held\"", "id=\"coupons-redeemed\""))
			.contains(heldName, heldCode, "/crm/coupons/" + held, "Spend 100.00, save 20.00", "valid until")
			.doesNotContain(expiredCode, usedCode);
		assertThat(between(section, "id=\"coupons-redeemed\"", "id=\"coupons-expired\""))
			.contains(usedName, usedCode, order.number(), "/orders/" + order.id(), "saved 20.00")
			.doesNotContain(heldCode, expiredCode);
		assertThat(section.substring(section.indexOf("id=\"coupons-expired\"")))
			.contains(expiredName, expiredCode, "ended")
			.doesNotContain(heldCode, usedCode);
		assertThat(section(page(customer, "zh-CN"))).contains("持有（1）", "已核销（1）", "过期未用（1）", "满 100.00 减 20.00");
	}

	private static String section(String page) {
		int start = page.indexOf("id=\"profile-coupons\"");
		assertThat(start).isNotNegative();
		return page.substring(start);
	}

	private static String between(String text, String from, String to) {
		int start = text.indexOf(from);
		int end = text.indexOf(to, start);
		assertThat(start).isNotNegative();
		assertThat(end).isGreaterThan(start);
		return text.substring(start, end);
	}

	private String page(long customer, String language) throws Exception {
		MockHttpServletRequestBuilder request = get("/crm/customers/" + customer)
			.with(user("coupon-operator").roles("OPERATOR"))
			.header("Accept-Language", language);
		return this.mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
	}

}
