package io.shopops.growth.segment;

import java.util.List;

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
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The customer profile's RFM and segments sections: a scored customer shows its scores
 * and named group, a customer without a paid order says it is not scored; the saved
 * segments the customer is in now are listed, or an empty state when there are none.
 */
@SpringBootTest
@AutoConfigureMockMvc
class SegmentProfileSectionTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Orders orders;

	@Autowired
	SalesChannels channels;

	@Autowired
	RfmScoring rfm;

	@Autowired
	SegmentBook book;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aScoredCustomerShowsItsRfmGroupAndItsSegmentsOthersShowEmptyStates() throws Exception {
		String site = SegmentFixtures.channel(this.channels);
		String prefix = SegmentFixtures.unique("SEGP");
		String sku = "SKU-P-" + prefix;
		long buyer = SegmentFixtures.customerOf(this.jdbc,
				this.orders
					.place(SegmentFixtures.completed(site, prefix + "-1", SegmentFixtures.buyer("钱" + prefix), sku,
							"680.00", 3))
					.order()
					.id());
		long bare = this.jdbc.sql("INSERT INTO customer (name) VALUES (:name) RETURNING id")
			.param("name", "孙" + prefix)
			.query(Long.class)
			.single();
		this.rfm.recompute("test");
		RfmScoring.Score score = this.rfm.of(buyer).orElseThrow();
		String inSegment = "买过 " + prefix;
		this.book.create(inSegment, new SegmentFilter(null, List.of(), null, null, null, null, null, null, null, null,
				null, null, null, null, sku), 1, "test");
		String otherSegment = "Not bought " + prefix;
		this.book.create(otherSegment, new SegmentFilter(null, List.of(), null, null, null, null, null, null, null,
				null, null, null, null, null, sku + "-NONE"), 0, "test");

		String scored = page(get("/crm/customers/" + buyer), "en");
		assertThat(section(scored, "profile-rfm"))
			.contains("id=\"rfm-group\"", english(score.group()), "title=\"R F M\">" + score.code() + "<",
					"id=\"rfm-r\">" + score.r() + "<", "id=\"rfm-f\">" + score.f() + "<",
					"id=\"rfm-m\">" + score.m() + "<", "3 days since the last order", "1 paid order", "680.00",
					"RFM scores as of")
			.doesNotContain("rfm-unscored", "rfm-never");
		assertThat(section(scored, "profile-segments")).contains(inSegment, "1 member when last counted")
			.doesNotContain(otherSegment, "segments-none");

		String unscored = page(get("/crm/customers/" + bare), "en");
		assertThat(section(unscored, "profile-rfm"))
			.contains("id=\"rfm-unscored\"", "the customer had no paid order at the last recompute")
			.doesNotContain("id=\"rfm-group\"");
		assertThat(section(unscored, "profile-segments")).contains("id=\"segments-none\"", "In none of the")
			.doesNotContain(inSegment, otherSegment);

		String chinese = page(get("/crm/customers/" + buyer), "zh-CN");
		assertThat(section(chinese, "profile-rfm")).contains("最近一次消费（R）", "距上次下单 3 天");
		assertThat(section(page(get("/crm/customers/" + bare), "zh-CN"), "profile-segments")).contains("目前不属于已保存的");
	}

	private static String english(RfmGroup group) {
		return switch (group) {
			case IMPORTANT_VALUE -> "Important value";
			case IMPORTANT_DEVELOP -> "Important development";
			case IMPORTANT_KEEP -> "Important retention (win back)";
			case IMPORTANT_WINBACK -> "Important win-back";
			case GENERAL_VALUE -> "General value";
			case GENERAL_DEVELOP -> "General development";
			case GENERAL_KEEP -> "General retention";
			case GENERAL_WINBACK -> "General win-back";
		};
	}

	/** The markup of the profile section with this id, up to the next section. */
	static String section(String page, String id) {
		int start = page.indexOf("id=\"" + id + "\"");
		assertThat(start).as(id).isNotNegative();
		int end = page.indexOf("id=\"profile-", start + 1);
		return page.substring(start, (end > 0) ? end : page.length());
	}

	private String page(MockHttpServletRequestBuilder request, String language) throws Exception {
		return this.mvc
			.perform(request.with(user("profile-operator").roles("OPERATOR")).header("Accept-Language", language))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

}
