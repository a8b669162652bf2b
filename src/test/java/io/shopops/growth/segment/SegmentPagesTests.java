package io.shopops.growth.segment;

import java.util.ArrayList;
import java.util.List;

import io.shopops.fulfilment.order.Orders;
import io.shopops.fulfilment.order.SalesChannels;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The segment pages over HTTP: the form with its preview and JSON count, saving with
 * validation, the detail, edit, members with pagination and delete with confirmation, and
 * the RFM page whose recompute is for managers.
 */
@SpringBootTest
@AutoConfigureMockMvc
class SegmentPagesTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Orders orders;

	@Autowired
	SalesChannels channels;

	@Autowired
	JdbcClient jdbc;

	@Test
	void operatorsPreviewSaveEditAndDeleteASegment() throws Exception {
		String site = SegmentFixtures.channel(this.channels);
		String prefix = SegmentFixtures.unique("SEGP");
		String sku = "SKU-" + prefix;
		place(site, prefix + "-1", "王芳" + prefix, sku, "399.00", 3);
		place(site, prefix + "-2", "李雷" + prefix, "OTHER-" + prefix, "59.00", 30);

		String form = page(operator(get("/crm/segments/new")));
		assertThat(form).contains("id=\"segment-form\"", "id=\"segment-count\"", "/js/segment-count",
				"data-count-url=\"/crm/segments/count\"", "Important win-back", "href=\"/crm/segments\"",
				"formaction=\"/crm/segments/new\"", "formmethod=\"get\"");
		assertThat(page(operator(get("/crm/segments/new").param("firstChannel", site).param("preview", "1"))))
			.contains("2 customers");
		assertThat(page(operator(get("/crm/segments/new").param("firstChannel", site)
			.param("sku", sku)
			.param("rMin", "9")
			.param("preview", "1")))).contains("RFM scores are whole numbers from 1 to 5")
			.contains("Fix the filter to see the count");
		this.mvc.perform(operator(get("/crm/segments/count")).param("firstChannel", site).param("sku", sku))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.count").value(1))
			.andExpect(jsonPath("$.text").value("1 customer"));
		this.mvc
			.perform(operator(get("/crm/segments/count")).param("spendMin", "abc").header("Accept-Language", "zh-CN"))
			.andExpect(jsonPath("$.problems[0]").value(org.hamcrest.Matchers.startsWith("净消费是")));

		// saving needs a name; the form comes back with what was typed
		String invalid = this.mvc
			.perform(operator(post("/crm/segments")).param("firstChannel", site)
				.param("sku", sku)
				.header("Accept-Language", "en"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(invalid).contains("Enter a name of 1 to 80 characters.", "value=\"" + sku + "\"");
		String name = "复购 " + prefix;
		MvcResult created = this.mvc
			.perform(operator(post("/crm/segments")).param("name", name).param("firstChannel", site).param("sku", sku))
			.andExpect(redirectedUrlPattern("/crm/segments/*"))
			.andExpect(flash().attribute("message", "segment.flash.created"))
			.andReturn();
		String url = created.getResponse().getRedirectedUrl();
		String id = url.substring(url.lastIndexOf('/') + 1);
		assertThat(this.mvc
			.perform(operator(post("/crm/segments")).param("name", name.toUpperCase()).header("Accept-Language", "en"))
			.andReturn()
			.getResponse()
			.getContentAsString()).contains("Another segment already has this name.");

		assertThat(page(operator(get("/crm/segments")))).contains(name, url);
		String detail = page(operator(get(url)));
		assertThat(detail).contains(name, "id=\"segment-count\">1<", "Bought SKU", sku, "data-confirm=",
				url + "/members", url + "/edit");
		assertThat(this.mvc.perform(operator(get(url)).header("Accept-Language", "zh-CN"))
			.andReturn()
			.getResponse()
			.getContentAsString()).contains("购买过的 SKU", "当前客户数", "客户分群");
		assertThat(page(operator(get(url + "/members")))).contains("王芳" + prefix).doesNotContain("李雷" + prefix);

		assertThat(page(operator(get(url + "/edit")))).contains("value=\"" + name + "\"", "value=\"" + sku + "\"",
				"formaction=\"" + url + "/edit\"", "action=\"" + url + "\"");
		this.mvc.perform(operator(post(url)).param("name", name).param("firstChannel", site).param("tags", "x,,"))
			.andExpect(redirectedUrl(url))
			.andExpect(flash().attribute("message", "segment.flash.updated"));
		assertThat(page(operator(get(url)))).contains("id=\"segment-count\">0<", "Has any tag of");
		assertThat(page(operator(get(url + "/members")))).contains("No customer matches");

		this.mvc.perform(operator(post(url + "/delete")))
			.andExpect(redirectedUrl("/crm/segments"))
			.andExpect(flash().attribute("message", "segment.flash.deleted"));
		this.mvc.perform(operator(get(url))).andExpect(status().isNotFound());
		this.mvc.perform(operator(get(url + "/members"))).andExpect(status().isNotFound());
		this.mvc.perform(operator(post(url)).param("name", "x")).andExpect(status().isNotFound());
		assertThat(this.jdbc
			.sql("SELECT action FROM audit_entry WHERE object_type = 'segment' AND object_id = :id ORDER BY id")
			.param("id", id)
			.query(String.class)
			.list()).containsExactly("SEGMENT_CREATED", "SEGMENT_UPDATED", "SEGMENT_DELETED");
	}

	@Test
	void membersArePagedByTwentyFive() throws Exception {
		String site = SegmentFixtures.channel(this.channels);
		String prefix = SegmentFixtures.unique("SEGM");
		List<String> names = new ArrayList<>();
		for (int i = 0; i < 26; i++) {
			String name = "会员" + i + "-" + prefix;
			names.add(name);
			place(site, prefix + "-" + i, name, "SKU-" + prefix, "10.00", 1 + i);
		}
		MvcResult created = this.mvc
			.perform(manager(post("/crm/segments")).param("name", "分页 " + prefix).param("firstChannel", site))
			.andReturn();
		String url = created.getResponse().getRedirectedUrl() + "/members";
		String first = page(operator(get(url)));
		// newest customers first
		assertThat(first).contains("26 customers", names.get(25), names.get(1), url + "?page=1")
			.doesNotContain(names.get(0) + "<");
		assertThat(page(operator(get(url).param("page", "1")))).contains(names.get(0))
			.doesNotContain(names.get(25) + "<");
		assertThat(page(operator(get(url).param("page", "999")))).contains(names.get(0));
		assertThat(page(operator(get(url).param("page", "-1")))).contains(names.get(25));
	}

	@Test
	void everyoneReadsTheRfmGroupsButOnlyManagersRecompute() throws Exception {
		this.mvc.perform(operator(post("/crm/segments/rfm/recompute"))).andExpect(status().isForbidden());
		assertThat(page(operator(get("/crm/segments/rfm")))).contains("RFM").doesNotContain("id=\"recompute-rfm\"");
		this.mvc.perform(manager(post("/crm/segments/rfm/recompute")))
			.andExpect(redirectedUrl("/crm/segments/rfm"))
			.andExpect(flash().attribute("message", "segment.rfm.flash.recomputed"));
		String english = page(manager(get("/crm/segments/rfm")));
		assertThat(english).contains("id=\"recompute-rfm\"", "id=\"rfm-groups\"", "Important value", "General win-back",
				"Last computed");
		String chinese = this.mvc.perform(operator(get("/crm/segments/rfm")).header("Accept-Language", "zh-CN"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(chinese).contains("重要价值客户", "重要发展客户", "重要保持客户（唤回）", "重要挽留客户", "一般价值客户", "一般发展客户", "一般保持客户",
				"一般挽留客户");
		assertThat(this.jdbc.sql("SELECT count(*) FROM audit_entry WHERE action = 'RFM_RECOMPUTED' AND actor = :actor")
			.param("actor", "segment-manager")
			.query(Long.class)
			.single()).isPositive();
		this.mvc.perform(operator(get("/crm/segments/999999999999"))).andExpect(status().isNotFound());
	}

	private void place(String site, String number, String name, String sku, String amount, int daysAgo) {
		SegmentFixtures.customerOf(this.jdbc,
				this.orders
					.place(SegmentFixtures.completed(site, number, SegmentFixtures.buyer(name), sku, amount, daysAgo))
					.order()
					.id());
	}

	private String page(MockHttpServletRequestBuilder request) throws Exception {
		return this.mvc.perform(request.header("Accept-Language", "en"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	private static MockHttpServletRequestBuilder operator(MockHttpServletRequestBuilder request) {
		return request.with(user("segment-operator").roles("OPERATOR")).with(csrf());
	}

	private static MockHttpServletRequestBuilder manager(MockHttpServletRequestBuilder request) {
		return request.with(user("segment-manager").roles("MANAGER")).with(csrf());
	}

}
