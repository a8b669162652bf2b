package io.shopops.fulfilment.order;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The channels page and {@code POST /orders/channels} (page and JSON), the order settings
 * page, and who may use them.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ChannelAndSettingsPagesTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	SalesChannels channels;

	@Autowired
	JdbcOrderSettings settings;

	@Autowired
	JdbcClient jdbc;

	@Test
	void anAdminAddsAChannelFromThePage() throws Exception {
		String code = OrderFixtures.unique("PG");
		this.mvc
			.perform(as(post("/orders/channels"), "ADMIN").param("code", code.toLowerCase())
				.param("name", "天猫旗舰店")
				.param("platform", "TMALL"))
			.andExpect(redirectedUrl("/orders/channels"))
			.andExpect(flash().attribute("message", "flash.order.channel.created"));
		assertThat(this.channels.find(code)).hasValueSatisfying((c) -> {
			assertThat(c.name()).isEqualTo("天猫旗舰店");
			assertThat(c.platform()).isEqualTo(SalesPlatform.TMALL);
		});
		this.mvc.perform(as(get("/orders/channels"), "OPERATOR").header("Accept-Language", "zh-CN"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(code)))
			.andExpect(content().string(containsString("天猫")))
			.andExpect(content().string(not(containsString("id=\"channel-form\""))));
		assertThat(this.jdbc.sql("SELECT count(*) FROM audit_entry WHERE action = 'CHANNEL_CREATED' AND object_id = ?")
			.param(code)
			.query(Long.class)
			.single()).isOne();
	}

	@Test
	void thePageShowsEveryProblemAndADuplicateCode() throws Exception {
		String code = OrderFixtures.channel(this.channels);
		this.mvc
			.perform(as(post("/orders/channels"), "ADMIN").param("code", code)
				.param("name", "Again")
				.param("platform", "JD")
				.header("Accept-Language", "en"))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("form", "code", "order.channel.code.duplicate"))
			.andExpect(content().string(containsString("A channel with the code " + code + " already exists.")));
		this.mvc
			.perform(as(post("/orders/channels"), "ADMIN").param("code", "no spaces")
				.param("name", "")
				.param("platform", "EBAY"))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrors("form", "code", "name", "platform"));
	}

	@Test
	void scriptsGetJsonWithTheNewIdOrTheProblems() throws Exception {
		String code = OrderFixtures.unique("JS");
		this.mvc
			.perform(as(post("/orders/channels"), "ADMIN").accept(MediaType.APPLICATION_JSON)
				.param("code", code)
				.param("name", "Own site")
				.param("platform", "OWN_SITE"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.code").value(code))
			.andExpect(jsonPath("$.id").value(this.channels.find(code).orElseThrow().id()));
		this.mvc
			.perform(as(post("/orders/channels"), "ADMIN").accept(MediaType.APPLICATION_JSON)
				.param("code", code)
				.param("name", "Own site")
				.param("platform", "OWN_SITE"))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.error").value("duplicate_code"))
			.andExpect(jsonPath("$.problems[0].field").value("code"));
		this.mvc
			.perform(as(post("/orders/channels"), "ADMIN").accept(MediaType.APPLICATION_JSON)
				.header("Accept-Language", "en")
				.param("code", "")
				.param("name", "x".repeat(121))
				.param("platform", ""))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.error").value("invalid"))
			.andExpect(jsonPath("$.problems.length()").value(3))
			.andExpect(jsonPath("$.problems[1].message").value("The name can be at most 120 characters."));
	}

	@Test
	void onlyAdminsAddChannelsAndChangeSettings() throws Exception {
		this.mvc
			.perform(as(post("/orders/channels"), "MANAGER").param("code", "NOPE")
				.param("name", "n")
				.param("platform", "JD"))
			.andExpect(status().isForbidden());
		this.mvc.perform(as(get("/orders/settings"), "MANAGER")).andExpect(status().isForbidden());
		this.mvc.perform(as(post("/orders/settings"), "OPERATOR")).andExpect(status().isForbidden());
		assertThat(this.channels.find("NOPE")).isEmpty();
	}

	@Test
	void anAdminChangesTheOrderSettings() throws Exception {
		long version = this.settings.form().getVersion();
		this.mvc.perform(as(get("/orders/settings"), "ADMIN").header("Accept-Language", "en"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Ship within (hours after payment)")));
		this.mvc
			.perform(as(post("/orders/settings"), "ADMIN").param("shipSlaHours", "0")
				.param("deliverySlaDays", "91")
				.param("defaultWarehouse", "NOWHERE")
				.param("version", String.valueOf(version)))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrors("form", "shipSlaHours", "deliverySlaDays", "defaultWarehouse"));
		try {
			this.mvc
				.perform(as(post("/orders/settings"), "ADMIN").param("shipSlaHours", "24")
					.param("deliverySlaDays", "5")
					.param("defaultWarehouse", "MAIN")
					.param("version", String.valueOf(version)))
				.andExpect(redirectedUrl("/orders/settings"));
			assertThat(this.settings.current()).isEqualTo(new OrderSettings.OrderRules(false, 24, 5, "MAIN"));
			// the same form again is a stale version: refused, nothing lost
			this.mvc
				.perform(as(post("/orders/settings"), "ADMIN").param("shipSlaHours", "12")
					.param("deliverySlaDays", "5")
					.param("defaultWarehouse", "MAIN")
					.param("version", String.valueOf(version)))
				.andExpect(status().isConflict());
			assertThat(this.settings.current().shipSlaHours()).isEqualTo(24);
		}
		finally {
			OrderSettingsForm restore = this.settings.form();
			restore.setShipSlaHours(48);
			restore.setDeliverySlaDays(7);
			this.settings.change(restore);
		}
		assertThat(this.settings.current()).isEqualTo(new OrderSettings.OrderRules(false, 48, 7, "MAIN"));
	}

	private static MockHttpServletRequestBuilder as(MockHttpServletRequestBuilder request, String role) {
		return request.with(user("orders-" + role.toLowerCase()).roles(role)).with(csrf());
	}

}
