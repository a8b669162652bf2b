package io.shopops.growth.campaign;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import io.shopops.fulfilment.order.SalesChannels;
import io.shopops.fulfilment.order.SalesPlatform;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The ad spend import as admins reach it: from the campaign pages to
 * {@code /imports/ad-spend} with its templates and campaign pick list, an upload through
 * the import jobs (a 千川 report for a chosen campaign; the downloaded template), refused
 * uploads, and the platform campaign id on the campaign form.
 */
@SpringBootTest
@AutoConfigureMockMvc
class AdSpendImportPagesTests {

	private static final RequestPostProcessor ADMIN = user("ad-import-admin").roles("ADMIN");

	private static final RequestPostProcessor MANAGER = user("ad-import-manager").roles("MANAGER");

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Campaigns campaigns;

	@Autowired
	SalesChannels channels;

	@TempDir
	Path dir;

	@Test
	void adminsFindTheImportOnTheCampaignPagesAndImportAChosenCampaignsQianchuanReport() throws Exception {
		LocalDate start = LocalDate.of(2011, 5, 1);
		String channel = "AP" + CampaignFixtures.unique("").substring(1, 9).toUpperCase(java.util.Locale.ROOT);
		this.channels.create(channel, "千川页面 " + channel, SalesPlatform.DOUYIN);
		CampaignForm form = CampaignFixtures.form(CampaignFixtures.unique("千川页面"), channel, start, start.plusDays(9));
		form.setPlatform(AdPlatform.QIANCHUAN);
		long id = this.campaigns.create(form);
		this.mvc.perform(get("/traffic/campaigns").with(ADMIN))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"import-ad-spend\"")));
		this.mvc.perform(get("/traffic/campaigns/{id}", id).with(ADMIN))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("/imports/ad-spend?campaign=" + id)));
		this.mvc.perform(get("/traffic/campaigns/{id}", id).with(MANAGER))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("id=\"import-ad-spend\""))));
		this.mvc.perform(get("/imports/ad-spend").with(ADMIN))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("/imports/ad-spend/template.csv?headers=zh")))
			.andExpect(content().string(containsString("value=\"" + id + "\"")))
			.andExpect(content().string(containsString(form.getName())));
		this.mvc.perform(get("/imports/ad-spend").with(MANAGER)).andExpect(status().isForbidden());
		// from the campaign's page the campaign comes chosen
		this.mvc.perform(get("/imports/ad-spend").param("campaign", Long.toString(id)).with(ADMIN))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("value=\"" + id + "\" selected=\"selected\"")));
		this.mvc.perform(get("/imports/ad-spend").param("campaign", "x'<>").with(ADMIN))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("selected=\"selected\""))));

		Path file = Files.writeString(this.dir.resolve("千川.csv"),
				AdReportTests.QIANCHUAN_LIVE + "\n"
						+ "2011-05-02,官方旗舰店,1001,3.2,3200,40,25,3300,95%,2%,\"120,000\",\"3,600\",3%,1.1%,\"1,000.00\","
						+ "\"3,400.00\",3.4,8.33\n");
		refused(request(file), AdSpendImportHandler.CAMPAIGN_MISSING);
		refused(request(file).param("campaign", "file"), AdSpendImportHandler.CAMPAIGN_MISSING);
		Map<String, Object> job = importFile(request(file).param("campaign", Long.toString(id)));
		assertThat(job).containsEntry("status", "succeeded").containsEntry("created", 1).containsEntry("failed", 0);
		assertThat(this.campaigns.find(id, start).orElseThrow().campaign().totals().spend())
			.isEqualByComparingTo("1000.00");
		this.mvc.perform(get("/traffic/campaigns/{id}", id).with(ADMIN))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("2011-05-02")));
		// the KPI page's ad spend of the campaign's channel is the imported spend
		String kpi = this.mvc
			.perform(get("/dashboard/kpi").param("from", "2011-05-01")
				.param("to", "2011-05-03")
				.param("channel", channel)
				.accept(MediaType.APPLICATION_JSON)
				.with(MANAGER))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		Map<?, ?> report = new JsonMapper().readValue(kpi, Map.class);
		assertThat(((Map<?, ?>) report.get("totals")).get("adSpend")).isEqualTo("1000.00");
		assertThat(((List<?>) report.get("days")).stream()
			.map((day) -> (Object) ((Map<?, ?>) day).get("adSpend"))
			.toList()).containsExactly((Object) "0.00", "1000.00", "0.00");
	}

	@Test
	void theDownloadedTemplateImportsAndWorkbooksAreRefusedWithTheSaveAsAdvice() throws Exception {
		String english = this.mvc.perform(get("/imports/ad-spend/template.csv").with(ADMIN))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Disposition", containsString("shopops-ad-spend-en.csv")))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(english).startsWith("\uFEFFdate,campaign,campaign_id,spend,impressions,clicks,orders,gmv");
		String chinese = this.mvc.perform(get("/imports/ad-spend/template.csv").param("headers", "zh").with(ADMIN))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(chinese).startsWith("\uFEFF日期,推广计划,推广计划ID,花费");
		this.mvc.perform(get("/imports/ad-spend/template.csv").with(MANAGER)).andExpect(status().isForbidden());
		// the template's example campaign does not exist here: validating reports it
		Path downloaded = Files.writeString(this.dir.resolve("template.csv"), chinese);
		Map<String, Object> job = importFile(request(downloaded).param("mode", "validate"));
		assertThat(job).containsEntry("total", 1).containsEntry("failed", 1);

		Path xlsx = this.dir.resolve("万相台.xlsx");
		Files.write(xlsx, new byte[] { 'P', 'K', 3, 4, 20, 0, 6, 0, 8, 0, 0, 0, 33, 0 });
		refused(request(xlsx), AdSpendImportHandler.WORKBOOK);
	}

	@Test
	void thePlatformCampaignIdIsEnteredOnTheFormAndUniquePerPlatform() throws Exception {
		LocalDate start = LocalDate.of(2011, 6, 1);
		String externalId = "WX" + System.nanoTime();
		for (int i = 0; i < 2; i++) {
			var result = this.mvc.perform(post("/traffic/campaigns/new").with(MANAGER)
				.with(csrf())
				.param("name", CampaignFixtures.unique("外部ID"))
				.param("platform", "WANXIANGTAI")
				.param("externalId", " " + externalId + " ")
				.param("budgetTotal", "1000")
				.param("startDate", start.toString())
				.param("endDate", start.plusDays(5).toString())
				.param("status", "ACTIVE"));
			if (i == 0) {
				result.andExpect(status().is3xxRedirection());
			}
			else {
				result.andExpect(status().isOk())
					.andExpect(model().attributeHasFieldErrorCode("campaignForm", "externalId",
							"campaign.form.externalId.taken"));
			}
		}
		long id = this.jdbc.sql("SELECT id FROM campaign WHERE external_id = ?")
			.param(externalId)
			.query(Long.class)
			.single();
		this.mvc.perform(get("/traffic/campaigns/{id}", id).with(MANAGER))
			.andExpect(content().string(containsString(externalId)));
		this.mvc.perform(get("/traffic/campaigns/{id}/edit", id).with(MANAGER))
			.andExpect(content().string(containsString("value=\"" + externalId + "\"")));
	}

	private Map<String, Object> importFile(MockMultipartHttpServletRequestBuilder request) throws Exception {
		String body = this.mvc.perform(request.accept(MediaType.APPLICATION_JSON))
			.andExpect(status().isSeeOther())
			.andReturn()
			.getResponse()
			.getContentAsString();
		long id = ((Number) new JsonMapper().readValue(body, Map.class).get("id")).longValue();
		await().atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofMillis(100))
			.until(() -> List.of("succeeded", "failed").contains(job(id).get("status")));
		return job(id);
	}

	private MockMultipartHttpServletRequestBuilder request(Path file) throws Exception {
		MockMultipartHttpServletRequestBuilder request = multipart("/imports/ad-spend");
		request
			.file(new MockMultipartFile("file", file.getFileName().toString(), "text/csv", Files.readAllBytes(file)));
		request.with(ADMIN).with(csrf());
		return request;
	}

	private void refused(MockMultipartHttpServletRequestBuilder request, String code) throws Exception {
		String body = this.mvc.perform(request.accept(MediaType.APPLICATION_JSON))
			.andExpect(status().isBadRequest())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(body).contains("\"error\":\"" + code + "\"");
	}

	@SuppressWarnings("unchecked")
	private Map<String, Object> job(long id) throws Exception {
		String json = this.mvc.perform(get("/imports/{id}", id).accept(MediaType.APPLICATION_JSON).with(ADMIN))
			.andReturn()
			.getResponse()
			.getContentAsString();
		return new JsonMapper().readValue(json, Map.class);
	}

}
