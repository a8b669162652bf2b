package io.shopops.growth.outreach;

import java.time.Instant;
import java.util.Set;

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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The outreach pages over HTTP: templates with validation and preview, a campaign from
 * the form to sent with its figures and outbox rows, scheduling and cancelling with
 * confirmation, retrying a failed message, opt-outs on a customer and from a pasted list,
 * the settings, and who may do what.
 */
@SpringBootTest
@AutoConfigureMockMvc
class OutreachPagesTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	OutboxDispatcher dispatcher;

	@Test
	void aManagerWritesATemplateSendsACampaignAndSeesItsFigures() throws Exception {
		String tag = OutreachFixtures.unique("OPG");
		long a = OutreachFixtures.customer(this.jdbc, "王芳" + tag, OutreachFixtures.phone(), null, tag);
		OutreachFixtures.customer(this.jdbc, "李雷" + tag, null, null, tag);
		long segment = OutreachFixtures.segment(this.jdbc, "seg " + tag, tag);

		assertThat(page(manager(get("/crm/outreach/templates/new")))).contains("id=\"template-form\"", "{{coupon}}",
				"id=\"preview-body\"");
		String invalid = page(manager(post("/crm/outreach/templates/new")).param("name", "tpl " + tag)
			.param("channel", "SMS")
			.param("body", "{{name}}，{{nickname}}")
			.header("Accept-Language", "en"));
		assertThat(invalid).contains("Unknown variables: nickname. Use {{name}}");
		String preview = page(manager(post("/crm/outreach/templates/new")).param("name", "tpl " + tag)
			.param("channel", "SMS")
			.param("body", "{{name}}您好，积分{{points}}")
			.param("preview", "1")
			.header("Accept-Language", "en"));
		assertThat(preview).contains("王芳您好，积分1280", "1 SMS part(s) of 70");
		assertThat(count("SELECT count(*) FROM outreach_template WHERE name = ?", "tpl " + tag)).isZero();
		this.mvc
			.perform(manager(post("/crm/outreach/templates/new")).param("name", "tpl " + tag)
				.param("channel", "SMS")
				.param("body", "{{name}}您好，积分{{points}}"))
			.andExpect(redirectedUrlPattern("/crm/outreach/templates*"));
		long template = this.jdbc.sql("SELECT id FROM outreach_template WHERE name = ?")
			.param("tpl " + tag)
			.query(Long.class)
			.single();
		assertThat(page(operator(get("/crm/outreach/templates")))).contains("tpl " + tag, "王芳您好，积分1280");

		assertThat(page(manager(get("/crm/outreach/new")))).contains("id=\"campaign-form\"", "seg " + tag);
		String missing = page(manager(post("/crm/outreach/new")).param("name", "")
			.param("templateId", "")
			.param("segmentId", "")
			.header("Accept-Language", "en"));
		assertThat(missing).contains("Enter the campaign&#39;s name.", "Choose a template.", "Choose a saved segment.");
		MvcResult created = this.mvc
			.perform(manager(post("/crm/outreach/new")).param("name", "camp " + tag)
				.param("templateId", Long.toString(template))
				.param("segmentId", Long.toString(segment)))
			.andExpect(redirectedUrlPattern("/crm/outreach/*"))
			.andReturn();
		String url = created.getResponse().getRedirectedUrl();
		String draft = page(operator(get(url)));
		assertThat(draft).contains("camp " + tag, "Draft").doesNotContain("id=\"send-now\"");
		assertThat(page(manager(get(url)))).contains("id=\"send-now\"", "id=\"edit-campaign\"");

		this.mvc.perform(operator(post(url + "/send"))).andExpect(status().isForbidden());
		this.mvc.perform(manager(post(url + "/send")))
			.andExpect(redirectedUrl(url))
			.andExpect(flash().attribute("message", "outreach.flash.sent"));
		this.dispatcher.dispatch(this.dispatcher.sender(), Instant.now(), 10_000);
		String sent = page(operator(get(url)).header("Accept-Language", "en"));
		assertThat(sent).contains("id=\"stat-targeted\">2<", "id=\"stat-sent\">1<", "id=\"stat-no-contact\">1<",
				"王芳" + tag + "您好，积分0", "No contact");
		assertThat(page(operator(get(url)).param("status", "NO_CONTACT"))).contains("李雷" + tag)
			.doesNotContain("王芳" + tag + "您好");
		assertThat(page(operator(get("/crm/outreach")))).contains("camp " + tag);
		assertThat(page(operator(get("/crm/outreach/customers/" + a)))).contains("王芳" + tag + "您好，积分0", "campaign:");
		this.mvc.perform(manager(get(url + "/cancel")))
			.andExpect(status().isOk())
			.andExpect((r) -> assertThat(r.getResponse().getContentAsString()).contains("id=\"cancel-confirm\""));
		this.mvc.perform(manager(post(url + "/cancel"))).andExpect(redirectedUrl(url));
		assertThat(page(operator(get(url)).header("Accept-Language", "zh-CN"))).contains("已取消");
		assertThat(count("SELECT count(*) FROM audit_entry WHERE action = ? AND object_id = ?",
				"OUTREACH_CAMPAIGN_CANCELLED", url.substring(url.lastIndexOf('/') + 1)))
			.isOne();
	}

	@Test
	void aScheduledCampaignNeedsAFutureTimeAndOnlyManagersChangeCampaigns() throws Exception {
		String tag = OutreachFixtures.unique("OPS");
		long segment = OutreachFixtures.segment(this.jdbc, "seg " + tag, tag);
		long template = this.jdbc
			.sql("INSERT INTO outreach_template (name, channel, body) VALUES (?, 'sms', 'hi') RETURNING id")
			.param("t " + tag)
			.query(Long.class)
			.single();
		this.mvc.perform(operator(get("/crm/outreach/new"))).andExpect(status().isForbidden());
		this.mvc
			.perform(operator(post("/crm/outreach/new")).param("name", "x")
				.param("templateId", Long.toString(template))
				.param("segmentId", Long.toString(segment)))
			.andExpect(status().isForbidden());
		String url = this.mvc
			.perform(manager(post("/crm/outreach/new")).param("name", "sched " + tag)
				.param("templateId", Long.toString(template))
				.param("segmentId", Long.toString(segment)))
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		this.mvc.perform(manager(post(url + "/schedule")).param("sendAt", "2020-01-01T10:00"))
			.andExpect(flash().attribute("error", "outreach.campaign.sendAt.past"));
		this.mvc.perform(manager(post(url + "/schedule")).param("sendAt", "tomorrow"))
			.andExpect(flash().attribute("error", "outreach.campaign.sendAt.invalid"));
		this.mvc.perform(manager(post(url + "/schedule")).param("sendAt", "2099-06-01T10:00"))
			.andExpect(flash().attribute("message", "outreach.flash.scheduled"));
		assertThat(page(operator(get(url)).header("Accept-Language", "en"))).contains("Scheduled for 2099-06-01 10:00");
		this.mvc.perform(manager(get(url + "/edit"))).andExpect(redirectedUrl(url));
		this.mvc.perform(manager(get("/crm/outreach/999999999"))).andExpect(status().isNotFound());
		assertThat(page(operator(get("/crm/outreach").param("status", "SCHEDULED")))).contains("sched " + tag);
	}

	@Test
	void aFailedMessageShowsItsErrorAndIsRetried() throws Exception {
		String tag = OutreachFixtures.unique("OPR");
		long customer = OutreachFixtures.customer(this.jdbc, "重试" + tag, OutreachFixtures.phone(), null, tag);
		long segment = OutreachFixtures.segment(this.jdbc, "seg " + tag, tag);
		long template = this.jdbc
			.sql("INSERT INTO outreach_template (name, channel, body) VALUES (?, 'sms', 'hi {{name}}') RETURNING id")
			.param("t " + tag)
			.query(Long.class)
			.single();
		String url = this.mvc
			.perform(manager(post("/crm/outreach/new")).param("name", "retry " + tag)
				.param("templateId", Long.toString(template))
				.param("segmentId", Long.toString(segment)))
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		this.mvc.perform(manager(post(url + "/send")));
		long message = OutreachFixtures.lastMessageOf(this.jdbc, customer);
		this.jdbc
			.sql("UPDATE outreach_message SET status = 'FAILED', attempts = 5, last_error = 'SMS gateway 503',"
					+ " next_attempt_at = NULL WHERE id = ?")
			.param(message)
			.update();
		String failed = page(manager(get(url)).param("status", "FAILED"));
		assertThat(failed).contains("SMS gateway 503", "/crm/outreach/messages/" + message + "/retry");
		assertThat(page(operator(get(url)))).doesNotContain("/crm/outreach/messages/" + message + "/retry");
		this.mvc.perform(operator(post("/crm/outreach/messages/" + message + "/retry")))
			.andExpect(status().isForbidden());
		this.mvc.perform(manager(post("/crm/outreach/messages/" + message + "/retry")))
			.andExpect(flash().attribute("message", "outreach.flash.retried"));
		assertThat(OutreachFixtures.status(this.jdbc, message)).isEqualTo("QUEUED");
		this.dispatcher.dispatch(new OutboxIntegrationTests.Sender(Set.of(), 0), Instant.now(), 10_000);
		assertThat(OutreachFixtures.status(this.jdbc, message)).isEqualTo("SENT");
	}

	@Test
	void operatorsOptCustomersOutAndInAndImportAList() throws Exception {
		String tag = OutreachFixtures.unique("OPO");
		String phone = OutreachFixtures.phone();
		long customer = OutreachFixtures.customer(this.jdbc, "退订" + tag, phone, "o" + tag + "@example.com", tag);
		String page = "/crm/outreach/customers/" + customer;
		assertThat(page(operator(get(page)).header("Accept-Language", "en"))).contains("退订" + tag, "Receives messages",
				"id=\"opt-out-sms\"");
		this.mvc.perform(operator(post(page + "/opt-outs")).param("channel", "sms").param("reason", "回T退订"))
			.andExpect(redirectedUrl(page))
			.andExpect(flash().attribute("message", "outreach.flash.optedOut"));
		assertThat(page(operator(get(page)).header("Accept-Language", "en"))).contains("Opted out", "回T退订");
		this.mvc.perform(operator(post(page + "/opt-outs")).param("channel", "fax"))
			.andExpect(flash().attribute("error", "outreach.optout.channel.invalid"));
		this.mvc.perform(operator(post(page + "/opt-outs/clear")).param("channel", "sms"))
			.andExpect(flash().attribute("message", "outreach.flash.optOutCleared"));
		assertThat(count("SELECT count(*) FROM outreach_opt_out WHERE customer_id = ?", customer)).isZero();
		this.mvc.perform(operator(get("/crm/outreach/customers/999999999"))).andExpect(status().isNotFound());

		assertThat(page(operator(get("/crm/outreach/opt-outs")))).contains("id=\"optout-form\"");
		String empty = page(operator(post("/crm/outreach/opt-outs")).param("channel", "email")
			.param("list", " \n ")
			.header("Accept-Language", "en"));
		assertThat(empty).contains("Paste at least one customer.");
		this.mvc
			.perform(operator(post("/crm/outreach/opt-outs")).param("channel", "email")
				.param("list", "o" + tag + "@example.com\n#" + customer + "\nnobody-" + tag + "@example.com"))
			.andExpect(redirectedUrl("/crm/outreach/opt-outs"))
			.andExpect(flash().attribute("messageArgs", new Object[] { 1, 1, 1 }));
		assertThat(count("SELECT count(*) FROM outreach_opt_out WHERE customer_id = ? AND channel = 'email'", customer))
			.isOne();
	}

	@Test
	void managersChangeTheCapAndTheAttributionWindow() throws Exception {
		OutreachSettings.Values before = this.jdbc
			.sql("SELECT cap_messages, cap_days, attribution_days FROM outreach_setting")
			.query((rs, n) -> new OutreachSettings.Values(rs.getInt(1), rs.getInt(2), rs.getInt(3)))
			.single();
		try {
			this.mvc
				.perform(operator(post("/crm/outreach/settings")).param("capMessages", "3")
					.param("capDays", "5")
					.param("attributionDays", "10"))
				.andExpect(status().isForbidden());
			this.mvc
				.perform(manager(post("/crm/outreach/settings")).param("capMessages", "0")
					.param("capDays", "5")
					.param("attributionDays", "10"))
				.andExpect(flash().attribute("error", "outreach.settings.capMessages.range"));
			this.mvc
				.perform(manager(post("/crm/outreach/settings")).param("capMessages", "x")
					.param("capDays", "5")
					.param("attributionDays", "10"))
				.andExpect(flash().attribute("error", "outreach.settings.invalid"));
			this.mvc
				.perform(manager(post("/crm/outreach/settings")).param("capMessages", "3")
					.param("capDays", "5")
					.param("attributionDays", "10"))
				.andExpect(flash().attribute("message", "outreach.flash.settings"));
			assertThat(page(operator(get("/crm/outreach")).header("Accept-Language", "en")))
				.contains("At most 3 marketing messages per customer within 5 days; orders within 10 days")
				.doesNotContain("id=\"settings-form\"");
		}
		finally {
			this.jdbc.sql("UPDATE outreach_setting SET cap_messages = ?, cap_days = ?, attribution_days = ?")
				.params(before.capMessages(), before.capDays(), before.attributionDays())
				.update();
		}
	}

	private long count(String sql, Object... params) {
		return this.jdbc.sql(sql).params(params).query(Long.class).single();
	}

	private String page(MockHttpServletRequestBuilder request) throws Exception {
		return this.mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
	}

	private static MockHttpServletRequestBuilder operator(MockHttpServletRequestBuilder request) {
		return request.with(user("outreach-operator").roles("OPERATOR")).with(csrf());
	}

	private static MockHttpServletRequestBuilder manager(MockHttpServletRequestBuilder request) {
		return request.with(user("outreach-manager").roles("MANAGER")).with(csrf());
	}

}
