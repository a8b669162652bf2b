package io.shopops.dashboard;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;
import io.shopops.platform.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.RequestBuilder;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The digest page over HTTP (MockMvc): admins only, empty states, adding channels and
 * rules with their validation errors, test messages to a local HTTP server, the
 * deliveries with their errors, retry, disable and delete.
 */
@SpringBootTest
@AutoConfigureMockMvc
class DigestPagesTests {

	private static final RequestPostProcessor ADMIN = user("digest-admin").roles(Role.ADMIN.name());

	private static final RequestPostProcessor MANAGER = user("digest-manager").roles(Role.MANAGER.name());

	private static final RequestPostProcessor OPERATOR = user("digest-operator").roles(Role.OPERATOR.name());

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	private HttpServer server;

	private volatile int answer = 200;

	private final AtomicInteger received = new AtomicInteger();

	@BeforeEach
	void setUp() throws IOException {
		this.jdbc.sql("DELETE FROM digest_channel").update();
		this.jdbc.sql("DELETE FROM digest_alert_rule").update();
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.server.createContext("/", (exchange) -> {
			exchange.getRequestBody().readAllBytes();
			this.received.incrementAndGet();
			byte[] out = ((this.answer == 200) ? "{\"errcode\":0,\"errmsg\":\"ok\"}" : "robot is down")
				.getBytes(StandardCharsets.UTF_8);
			exchange.sendResponseHeaders(this.answer, out.length);
			exchange.getResponseBody().write(out);
			exchange.close();
		});
		this.server.start();
	}

	@AfterEach
	void stopServer() {
		this.server.stop(0);
	}

	private String hook(String token) {
		return "http://127.0.0.1:" + this.server.getAddress().getPort() + "/cgi-bin/webhook/send?key=" + token;
	}

	@Test
	void onlyAdminsOpenThePageAndSeeItInTheNavigation() throws Exception {
		this.mvc.perform(get("/dashboard/digest").with(MANAGER)).andExpect(status().isForbidden());
		this.mvc.perform(get("/dashboard/digest").with(OPERATOR)).andExpect(status().isForbidden());
		this.mvc.perform(post("/dashboard/digest/send-now").with(MANAGER).with(csrf()))
			.andExpect(status().isForbidden());
		this.mvc.perform(get("/dashboard/digest")).andExpect(status().is3xxRedirection());
		assertThat(page(get("/dashboard").with(MANAGER))).doesNotContain("href=\"/dashboard/digest\"");
		assertThat(page(get("/dashboard/digest").with(ADMIN))).contains("href=\"/dashboard/digest\"");
	}

	@Test
	void anEmptyPageSaysWhatWillAppear() throws Exception {
		this.jdbc.sql("DELETE FROM digest_delivery").update();
		String page = page(get("/dashboard/digest").with(ADMIN));
		assertThat(page)
			.contains("Daily digest and alerts", "No channels yet", "No alert rules yet", "No deliveries yet",
					"id=\"channel-form\"", "id=\"rule-form\"", "The scheduled digest is off")
			.doesNotContain("id=\"digest-channels\"", "id=\"digest-deliveries\"", "??");
		String chinese = page(get("/dashboard/digest").param("lang", "zh-CN").with(ADMIN));
		assertThat(chinese).contains("日报与告警", "还没有渠道", "还没有告警规则", "还没有投递记录").doesNotContain("??");
	}

	@Test
	void aChannelIsAddedAndShownWithoutItsTokenOrSecret() throws Exception {
		String token = "693a91f6-7c1d-4bc4-97a0-0ec2sifa5aaa";
		MvcResult result = this.mvc
			.perform(post("/dashboard/digest/channels").with(ADMIN)
				.with(csrf())
				.param("name", "运营群")
				.param("kind", "DINGTALK")
				.param("target", hook(token))
				.param("secret", "SECvery-secret-value")
				.param("language", "zh_CN")
				.param("dailyDigest", "true")
				.param("_dailyDigest", "on")
				.param("_alerts", "on"))
			.andExpect(redirectedUrl("/dashboard/digest"))
			.andReturn();
		assertThat(result.getFlashMap().get("message")).isEqualTo("digest.flash.channelCreated");
		String page = page(get("/dashboard/digest").with(ADMIN));
		assertThat(page).contains("id=\"digest-channels\"", "运营群", "DingTalk robot", "signed", "…5aaa", "Daily digest")
			.doesNotContain(token, "SECvery-secret-value");
		assertThat(this.jdbc.sql("SELECT daily_digest, alerts FROM digest_channel WHERE name = '运营群'")
			.query((rs, n) -> rs.getBoolean(1) + "/" + rs.getBoolean(2))
			.single()).isEqualTo("true/false");
		assertThat(this.jdbc.sql("""
				SELECT summary FROM audit_entry WHERE action = 'DIGEST_CHANNEL_CREATED' ORDER BY id DESC LIMIT 1""")
			.query(String.class)
			.single()).contains("运营群", "DINGTALK", "signed").doesNotContain(token, "SECvery");
	}

	@Test
	void aChannelIsEditedKeepingItsTokenAndSecretUnlessNewOnesAreGiven() throws Exception {
		String token = "edit-token-0123456789";
		this.mvc
			.perform(post("/dashboard/digest/channels").with(ADMIN)
				.with(csrf())
				.param("name", "Editable")
				.param("kind", "DINGTALK")
				.param("target", hook(token))
				.param("secret", "SECold")
				.param("language", "zh_CN")
				.param("dailyDigest", "true")
				.param("alerts", "true"))
			.andExpect(redirectedUrl("/dashboard/digest"));
		long id = this.jdbc.sql("SELECT id FROM digest_channel WHERE name = 'Editable'").query(Long.class).single();
		assertThat(page(get("/dashboard/digest").with(ADMIN))).contains("/dashboard/digest/channels/" + id + "/edit");
		String form = page(get("/dashboard/digest/channels/" + id + "/edit").with(ADMIN));
		assertThat(form).contains("Edit the channel", "value=\"Editable\"", "…6789", "Remove the secret")
			.doesNotContain(token, "SECold", "??");

		this.mvc
			.perform(post("/dashboard/digest/channels/" + id + "/edit").with(ADMIN)
				.with(csrf())
				.param("name", "Renamed")
				.param("target", "")
				.param("secret", "")
				.param("language", "en")
				.param("_dailyDigest", "on")
				.param("alerts", "true"))
			.andExpect(redirectedUrl("/dashboard/digest"));
		assertThat(channelRow(id)).isEqualTo("Renamed|" + hook(token) + "|SECold|en|false|true");

		String bad = page(post("/dashboard/digest/channels/" + id + "/edit").with(ADMIN)
			.with(csrf())
			.param("name", "Renamed")
			.param("target", "ftp://example.com/x")
			.param("secret", "SECnew")
			.param("language", "en"));
		assertThat(bad).contains("must start with https:// or http://", "is-invalid").doesNotContain("SECnew", token);
		assertThat(channelRow(id)).isEqualTo("Renamed|" + hook(token) + "|SECold|en|false|true");

		this.mvc
			.perform(post("/dashboard/digest/channels/" + id + "/edit").with(ADMIN)
				.with(csrf())
				.param("name", "Renamed")
				.param("target", hook("new-token"))
				.param("secret", "SECnew")
				.param("language", "en")
				.param("dailyDigest", "true"))
			.andExpect(redirectedUrl("/dashboard/digest"));
		assertThat(channelRow(id)).isEqualTo("Renamed|" + hook("new-token") + "|SECnew|en|true|false");
		this.mvc
			.perform(post("/dashboard/digest/channels/" + id + "/edit").with(ADMIN)
				.with(csrf())
				.param("name", "Renamed")
				.param("language", "en")
				.param("removeSecret", "true"))
			.andExpect(redirectedUrl("/dashboard/digest"));
		assertThat(channelRow(id)).isEqualTo("Renamed|" + hook("new-token") + "|null|en|false|false");
		assertThat(this.jdbc
			.sql("""
					SELECT string_agg(summary, ' ') FROM audit_entry WHERE action = 'DIGEST_CHANNEL_UPDATED' AND object_id = :id""")
			.param("id", Long.toString(id))
			.query(String.class)
			.single()).contains("Editable -> Renamed", "secret removed").doesNotContain("SECnew", "new-token", token);
		this.mvc.perform(get("/dashboard/digest/channels/999999999/edit").with(ADMIN)).andExpect(status().isNotFound());
		this.mvc.perform(get("/dashboard/digest/channels/" + id + "/edit").with(MANAGER))
			.andExpect(status().isForbidden());
	}

	private String channelRow(long id) {
		return this.jdbc
			.sql("SELECT name, target, secret, language, daily_digest, alerts FROM digest_channel WHERE id = :id")
			.param("id", id)
			.query((rs, n) -> rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getString(3) + "|" + rs.getString(4)
					+ "|" + rs.getBoolean(5) + "|" + rs.getBoolean(6))
			.single();
	}

	@Test
	void aChannelWithABadTargetIsRefusedWithAClearMessage() throws Exception {
		assertThat(invalidChannel("WECOM", "ftp://example.com/hook")).contains("must start with https:// or http://");
		assertThat(invalidChannel("WECOM", "https://user:pw@example.com/hook"))
			.contains("must not contain a user name or password");
		assertThat(invalidChannel("FEISHU", "not a url")).contains("This is not a valid URL.");
		assertThat(invalidChannel("EMAIL", "boss@example.com, nobody")).contains("Enter one or more e-mail addresses");
		assertThat(invalidChannel("WECOM", "")).contains("Enter the webhook URL or the e-mail addresses.");
		assertThat(invalidChannel("TELEGRAM", "https://example.com")).contains("Choose where the channel sends.");
		String blankName = page(post("/dashboard/digest/channels").with(ADMIN)
			.with(csrf())
			.param("name", " ")
			.param("kind", "WECOM")
			.param("target", hook("x"))
			.param("secret", "do-not-echo")
			.param("language", "zh_CN"));
		assertThat(blankName).contains("Enter a name.", "is-invalid").doesNotContain("do-not-echo");
		assertThat(invalidChannel("WECOM", hook("y"), "xx")).contains("Choose Chinese or English.");
		this.mvc
			.perform(post("/dashboard/digest/channels").with(ADMIN)
				.with(csrf())
				.param("name", "Twice")
				.param("kind", "WECOM")
				.param("target", hook("a"))
				.param("language", "en"))
			.andExpect(redirectedUrl("/dashboard/digest"));
		String twice = page(post("/dashboard/digest/channels").with(ADMIN)
			.with(csrf())
			.param("name", "twice")
			.param("kind", "WECOM")
			.param("target", hook("b"))
			.param("language", "en"));
		assertThat(twice).contains("Another channel has this name.");
		assertThat(this.jdbc.sql("SELECT count(*) FROM digest_channel").query(Long.class).single()).isEqualTo(1);
	}

	private String invalidChannel(String kind, String target) throws Exception {
		return invalidChannel(kind, target, "en");
	}

	private String invalidChannel(String kind, String target, String language) throws Exception {
		String page = page(post("/dashboard/digest/channels").with(ADMIN)
			.with(csrf())
			.param("name", "Bad " + kind)
			.param("kind", kind)
			.param("target", target)
			.param("language", language));
		assertThat(page).contains("is-invalid").doesNotContain("??");
		return page;
	}

	@Test
	void aTestMessageGoesOutAndAFailureShowsWithItsErrorUntilRetried() throws Exception {
		long id = channel("Test robot");
		MvcResult sent = this.mvc.perform(post("/dashboard/digest/channels/" + id + "/test").with(ADMIN).with(csrf()))
			.andExpect(redirectedUrl("/dashboard/digest"))
			.andReturn();
		assertThat(sent.getFlashMap().get("message")).isEqualTo("digest.flash.testSent");
		assertThat(this.received.get()).isEqualTo(1);

		this.answer = 500;
		MvcResult failed = this.mvc.perform(post("/dashboard/digest/channels/" + id + "/test").with(ADMIN).with(csrf()))
			.andExpect(redirectedUrl("/dashboard/digest"))
			.andReturn();
		assertThat(failed.getFlashMap().get("error")).isEqualTo("digest.flash.testFailed");
		assertThat((Object[]) failed.getFlashMap().get("errorArgs")).containsExactly("HTTP 500: robot is down");
		String page = page(get("/dashboard/digest").param("status", "FAILED").with(ADMIN));
		assertThat(page).contains("id=\"digest-deliveries\"", "HTTP 500: robot is down", "Failed", "Retry",
				"test message from ShopOps");
		long delivery = this.jdbc.sql("SELECT id FROM digest_delivery WHERE status = 'FAILED' AND channel_id = :id")
			.param("id", id)
			.query(Long.class)
			.single();

		this.answer = 200;
		MvcResult retried = this.mvc
			.perform(post("/dashboard/digest/deliveries/" + delivery + "/retry").with(ADMIN).with(csrf()))
			.andExpect(redirectedUrl("/dashboard/digest"))
			.andReturn();
		assertThat(retried.getFlashMap().get("message")).isEqualTo("digest.flash.retried");
		assertThat(this.jdbc.sql("SELECT status FROM digest_delivery WHERE id = :id")
			.param("id", delivery)
			.query(String.class)
			.single()).isEqualTo("SENT");
		// a sent delivery is not retried
		MvcResult again = this.mvc
			.perform(post("/dashboard/digest/deliveries/" + delivery + "/retry").with(ADMIN).with(csrf()))
			.andReturn();
		assertThat(again.getFlashMap().get("error")).isEqualTo("digest.flash.notRetried");
		assertThat(page(get("/dashboard/digest").param("status", "SENT").with(ADMIN))).contains("Sent")
			.doesNotContain("HTTP 500: robot is down");
	}

	@Test
	void aChannelIsDisabledEnabledAndDeletedAfterConfirmation() throws Exception {
		long id = channel("Short-lived");
		String page = page(get("/dashboard/digest").with(ADMIN));
		assertThat(page).contains("data-confirm=\"Delete the channel Short-lived and its deliveries?\"");
		this.mvc.perform(post("/dashboard/digest/channels/" + id + "/disable").with(ADMIN).with(csrf()))
			.andExpect(redirectedUrl("/dashboard/digest"));
		assertThat(page(get("/dashboard/digest").with(ADMIN))).contains("Disabled", "Enable");
		this.mvc.perform(post("/dashboard/digest/channels/" + id + "/enable").with(ADMIN).with(csrf()))
			.andExpect(redirectedUrl("/dashboard/digest"));
		this.mvc.perform(post("/dashboard/digest/channels/" + id + "/delete").with(ADMIN))
			.andExpect(status().isForbidden());
		this.mvc.perform(post("/dashboard/digest/channels/" + id + "/delete").with(ADMIN).with(csrf()))
			.andExpect(redirectedUrl("/dashboard/digest"));
		assertThat(this.jdbc.sql("SELECT count(*) FROM digest_channel").query(Long.class).single()).isZero();
		MvcResult gone = this.mvc.perform(post("/dashboard/digest/channels/" + id + "/delete").with(ADMIN).with(csrf()))
			.andReturn();
		assertThat(gone.getFlashMap().get("error")).isEqualTo("digest.flash.notFound");
		assertThat(this.jdbc.sql("""
				SELECT count(*) FROM audit_entry WHERE object_type = 'digest_channel' AND object_id = :id
				AND action IN ('DIGEST_CHANNEL_DISABLED', 'DIGEST_CHANNEL_ENABLED', 'DIGEST_CHANNEL_DELETED')""")
			.param("id", Long.toString(id))
			.query(Long.class)
			.single()).isEqualTo(3);
	}

	@Test
	void rulesAreAddedWithTheirValidationAndListed() throws Exception {
		this.mvc
			.perform(post("/dashboard/digest/rules").with(ADMIN)
				.with(csrf())
				.param("kind", "CONVERSION_DROP")
				.param("threshold", "20"))
			.andExpect(redirectedUrl("/dashboard/digest"));
		this.mvc
			.perform(post("/dashboard/digest/rules").with(ADMIN)
				.with(csrf())
				.param("kind", "SLA_BACKLOG")
				.param("threshold", "10")
				.param("queueKey", "queue.ordersToShip"))
			.andExpect(redirectedUrl("/dashboard/digest"));
		String page = page(get("/dashboard/digest").with(ADMIN));
		assertThat(page).contains("id=\"digest-rules\"", "Conversion drops more than X % below its 7-day average",
				"20.00 %", "A work queue holds more than X items", "10.00 items");
		assertThat(invalidRule("CONVERSION_DROP", "abc", null)).contains("Enter a number from 0 to 1,000,000");
		assertThat(invalidRule("CONVERSION_DROP", "-1", null)).contains("Enter a number from 0 to 1,000,000");
		assertThat(invalidRule("CONVERSION_DROP", "150", null)).contains("Enter at most 100 for this rule.");
		assertThat(invalidRule("CONVERSION_DROP", "", null)).contains("Enter a threshold.");
		assertThat(invalidRule("SLA_BACKLOG", "5", "")).contains("Choose a work queue.");
		assertThat(invalidRule("SLA_BACKLOG", "5", "queue.nothing")).contains("Choose a work queue.");
		assertThat(invalidRule("PROMOTED_STOCK_OUT", "1.5", null)).contains("Enter a whole number for this rule.");
		assertThat(invalidRule("SOMETHING", "1", null)).contains("Choose what the rule watches.");
		assertThat(this.jdbc.sql("SELECT count(*) FROM digest_alert_rule").query(Long.class).single()).isEqualTo(2);
		long rule = this.jdbc.sql("SELECT id FROM digest_alert_rule WHERE kind = 'CONVERSION_DROP'")
			.query(Long.class)
			.single();
		this.mvc.perform(post("/dashboard/digest/rules/" + rule + "/disable").with(ADMIN).with(csrf()))
			.andExpect(redirectedUrl("/dashboard/digest"));
		this.mvc.perform(post("/dashboard/digest/rules/" + rule + "/delete").with(ADMIN).with(csrf()))
			.andExpect(redirectedUrl("/dashboard/digest"));
		assertThat(this.jdbc.sql("SELECT count(*) FROM digest_alert_rule").query(Long.class).single()).isEqualTo(1);
	}

	private String invalidRule(String kind, String threshold, String queueKey) throws Exception {
		MockHttpServletRequestBuilder request = post("/dashboard/digest/rules").with(ADMIN)
			.with(csrf())
			.param("kind", kind)
			.param("threshold", threshold);
		if (queueKey != null) {
			request.param("queueKey", queueKey);
		}
		String page = page(request);
		assertThat(page).contains("is-invalid").doesNotContain("??");
		return page;
	}

	@Test
	void yesterdaysDigestIsSentByHandOncePerChannel() throws Exception {
		channel("Morning robot");
		MvcResult first = this.mvc.perform(post("/dashboard/digest/send-now").with(ADMIN).with(csrf()))
			.andExpect(redirectedUrl("/dashboard/digest"))
			.andReturn();
		assertThat(first.getFlashMap().get("message")).isEqualTo("digest.flash.sentNow");
		assertThat((Object[]) first.getFlashMap().get("messageArgs")).containsExactly(1);
		assertThat(this.received.get()).isEqualTo(1);
		MvcResult second = this.mvc.perform(post("/dashboard/digest/send-now").with(ADMIN).with(csrf())).andReturn();
		assertThat((Object[]) second.getFlashMap().get("messageArgs")).containsExactly(0);
		assertThat(this.received.get()).isEqualTo(1);
		assertThat(page(get("/dashboard/digest").with(ADMIN))).contains("Daily digest", "daily KPIs");
	}

	@Test
	void oddParametersShowThePage() throws Exception {
		page(get("/dashboard/digest").param("page", "-5").param("status", "NOPE").with(ADMIN));
		page(get("/dashboard/digest").param("page", "99999999999").param("status", "sent").with(ADMIN));
		this.mvc.perform(post("/dashboard/digest/channels/999999999/test").with(ADMIN).with(csrf()))
			.andExpect(redirectedUrl("/dashboard/digest"));
		this.mvc.perform(post("/dashboard/digest/rules/999999999/enable").with(ADMIN).with(csrf()))
			.andExpect(redirectedUrl("/dashboard/digest"));
	}

	private long channel(String name) throws Exception {
		this.mvc
			.perform(post("/dashboard/digest/channels").with(ADMIN)
				.with(csrf())
				.param("name", name)
				.param("kind", "WECOM")
				.param("target", hook("k-" + name.hashCode()))
				.param("language", "en")
				.param("dailyDigest", "true")
				.param("alerts", "true"))
			.andExpect(redirectedUrl("/dashboard/digest"));
		return this.jdbc.sql("SELECT id FROM digest_channel WHERE name = :name")
			.param("name", name)
			.query(Long.class)
			.single();
	}

	private String page(RequestBuilder request) throws Exception {
		return this.mvc.perform(request)
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
	}

}
