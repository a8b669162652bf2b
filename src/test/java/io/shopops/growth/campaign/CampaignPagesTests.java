package io.shopops.growth.campaign;

import java.time.LocalDate;
import java.util.List;

import io.shopops.platform.ShopSettings;
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
 * The paid campaign pages: managers create, edit and enter spend, operators read; the
 * one-source rule as the pages say it; validation; deleting a day after confirmation.
 */
@SpringBootTest
@AutoConfigureMockMvc
class CampaignPagesTests {

	private static final RequestPostProcessor MANAGER = user("campaign-manager").roles("MANAGER");

	private static final RequestPostProcessor OPERATOR = user("campaign-operator").roles("OPERATOR");

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Campaigns campaigns;

	@Autowired
	ShopSettings settings;

	@Test
	void managersCreateACampaignEnterSpendAndSeeItsFigures() throws Exception {
		LocalDate today = LocalDate.now(this.settings.current().timeZone());
		String name = CampaignFixtures.unique("年货节万相台");
		String location = this.mvc
			.perform(post("/traffic/campaigns/new").with(MANAGER)
				.with(csrf())
				.param("name", name)
				.param("platform", "WANXIANGTAI")
				.param("channelCode", "")
				.param("budgetTotal", "1000")
				.param("dailyBudget", "50")
				.param("startDate", today.minusDays(9).toString())
				.param("endDate", today.toString())
				.param("status", "ACTIVE"))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("message", "campaign.flash.created"))
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		long id = Long.parseLong(location.substring("/traffic/campaigns/".length()));
		this.mvc
			.perform(post(location + "/spend").with(MANAGER)
				.with(csrf())
				.param("date", today.toString())
				.param("spend", "80")
				.param("impressions", "2000")
				.param("clicks", "50")
				.param("orders", "4")
				.param("gmv", "400"))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("message", "campaign.flash.spendRecorded"));
		String detail = page(get(location), OPERATOR);
		// CTR 2.50 %, CPC 1.60, ROI 5.00; 80 > daily budget 50: alert
		assertThat(detail).contains(name, "2.50%", "1.60", "5.00", "id=\"pacing-alert\"", "万相台无界")
			.doesNotContain("id=\"spend-form\"", "id=\"edit-campaign\"");
		assertThat(page(get("/traffic/campaigns"), OPERATOR)).contains(name, "campaign-table")
			.doesNotContain("id=\"new-campaign\"");
		assertThat(page(get(location), MANAGER)).contains("id=\"spend-form\"", "id=\"delete-" + today + "\"");

		// an import source for the day, then the manual entry again: replaced, and it
		// says so
		this.campaigns.record(id, today, CampaignFixtures.numbers("90", 2000, 50, 4, "400"), SpendSource.QIANCHUAN);
		this.mvc
			.perform(post(location + "/spend").with(MANAGER)
				.with(csrf())
				.param("date", today.toString())
				.param("spend", "85")
				.param("impressions", "0")
				.param("clicks", "0")
				.param("orders", "0"))
			.andExpect(flash().attribute("message", "campaign.flash.spendReplaced.QIANCHUAN"));
		assertThat(this.campaigns.find(id, today).orElseThrow().campaign().totals().spend()).isEqualByComparingTo("85");

		// deleting a day asks first
		assertThat(page(get(location + "/spend/" + today + "/delete"), MANAGER)).contains("id=\"delete-question\"");
		this.mvc.perform(post(location + "/spend/" + today + "/delete").with(MANAGER).with(csrf()))
			.andExpect(flash().attribute("message", "campaign.flash.spendDeleted"));
		assertThat(this.campaigns.find(id, today).orElseThrow().days()).isEmpty();

		this.mvc
			.perform(post(location).with(MANAGER)
				.with(csrf())
				.param("name", name)
				.param("platform", "QIANCHUAN")
				.param("budgetTotal", "2000")
				.param("startDate", today.minusDays(9).toString())
				.param("endDate", today.toString())
				.param("status", "PAUSED")
				.param("version", "0"))
			.andExpect(flash().attribute("message", "campaign.flash.updated"));
		assertThat(auditActions(id)).containsExactly("CAMPAIGN_CREATED", "CAMPAIGN_SPEND_RECORDED",
				"CAMPAIGN_SPEND_REPLACED", "CAMPAIGN_SPEND_REPLACED", "CAMPAIGN_SPEND_DELETED", "CAMPAIGN_UPDATED");
	}

	@Test
	void operatorsOnlyRead() throws Exception {
		long id = this.campaigns.create(CampaignFixtures.form(CampaignFixtures.unique("read"), null,
				LocalDate.of(2020, 1, 1), LocalDate.of(2020, 1, 31)));
		this.mvc.perform(get("/traffic/campaigns/new").with(OPERATOR)).andExpect(status().isForbidden());
		this.mvc.perform(get("/traffic/campaigns/" + id + "/edit").with(OPERATOR)).andExpect(status().isForbidden());
		this.mvc
			.perform(post("/traffic/campaigns/" + id + "/spend").with(OPERATOR)
				.with(csrf())
				.param("date", "2020-01-02")
				.param("spend", "1"))
			.andExpect(status().isForbidden());
		this.mvc.perform(get("/traffic/campaigns")).andExpect(status().is3xxRedirection());
		assertThat(page(get("/traffic"), OPERATOR)).contains("id=\"open-campaigns\"");
		this.mvc.perform(get("/traffic/campaigns/999999999").with(OPERATOR)).andExpect(status().isNotFound());
		this.mvc.perform(get("/traffic/campaigns/" + id + "/spend/2020-01-02/delete").with(MANAGER))
			.andExpect(status().isNotFound());
		this.mvc.perform(get("/traffic/campaigns/" + id + "/spend/nope/delete").with(MANAGER))
			.andExpect(status().isNotFound());
		assertThat(page(get("/traffic/campaigns").param("page", "abc"), OPERATOR)).contains("campaign-pager");
	}

	@Test
	void badValuesAreShownOnTheFormsInBothLanguages() throws Exception {
		String taken = CampaignFixtures.unique("taken");
		long id = this.campaigns
			.create(CampaignFixtures.form(taken, null, LocalDate.of(2021, 1, 1), LocalDate.of(2021, 1, 31)));
		this.mvc
			.perform(post("/traffic/campaigns/new").with(MANAGER)
				.with(csrf())
				.param("name", "")
				.param("platform", "NOPE")
				.param("budgetTotal", "-5")
				.param("startDate", "2021-02-10")
				.param("endDate", "2021-02-01")
				.param("status", "ACTIVE"))
			.andExpect(status().isOk())
			.andExpect(
					model().attributeHasFieldErrors("campaignForm", "name", "platform", "budgetTotal", "endDateValid"));
		String english = this.mvc
			.perform(post("/traffic/campaigns/new").with(MANAGER)
				.with(csrf())
				.param("name", taken.toUpperCase())
				.param("platform", "GOOGLE_ADS")
				.param("channelCode", "NO-SUCH")
				.param("budgetTotal", "10")
				.param("startDate", "2021-02-01")
				.param("endDate", "2021-02-10")
				.param("status", "ACTIVE"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(english).contains("There is no sales channel NO-SUCH.");
		String chinese = this.mvc
			.perform(post("/traffic/campaigns/" + id + "/spend").with(MANAGER)
				.with(csrf())
				.header("Accept-Language", "zh-CN")
				.param("date", "2021-03-01")
				.param("spend", "1"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(chinese).contains("请选择 2021-01-01 至 2021-01-31（投放日期）之间的一天。");
		this.mvc
			.perform(post("/traffic/campaigns/" + id + "/spend").with(MANAGER)
				.with(csrf())
				.param("date", "x")
				.param("spend", "abc")
				.param("clicks", "-1"))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrors("spendForm", "date", "spend", "clicks"));
		assertThat(this.campaigns.find(id, LocalDate.of(2021, 1, 1)).orElseThrow().days()).isEmpty();
	}

	private List<String> auditActions(long id) {
		return this.jdbc
			.sql("SELECT action FROM audit_entry WHERE object_type = 'campaign' AND object_id = ? ORDER BY id")
			.param(Long.toString(id))
			.query(String.class)
			.list();
	}

	private String page(MockHttpServletRequestBuilder request, RequestPostProcessor user) throws Exception {
		return this.mvc.perform(request.with(user))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

}
