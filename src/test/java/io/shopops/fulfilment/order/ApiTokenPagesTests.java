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
 * {@code /admin/api-tokens}: create (page and JSON, shown once, hashed at rest), list
 * without secrets, revoke after a confirmation; admins only.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ApiTokenPagesTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	SalesChannels channels;

	@Autowired
	ApiTokens tokens;

	@Autowired
	JdbcClient jdbc;

	@Test
	void scriptsCreateATokenAndGetItOnce() throws Exception {
		String channel = OrderFixtures.channel(this.channels);
		String answer = this.mvc
			.perform(admin(post("/admin/api-tokens")).accept(MediaType.APPLICATION_JSON)
				.param("channel", channel)
				.param("name", "checkout"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.id").isNumber())
			.andExpect(jsonPath("$.token").isString())
			.andReturn()
			.getResponse()
			.getContentAsString();
		String token = com.jayway.jsonpath.JsonPath.read(answer, "$.token");
		long id = ((Number) com.jayway.jsonpath.JsonPath.read(answer, "$.id")).longValue();
		assertThat(
				this.jdbc.sql("SELECT token_hash FROM api_token WHERE id = ?").param(id).query(String.class).single())
			.isEqualTo(ApiTokens.hash(token))
			.isNotEqualTo(token);
		assertThat(this.tokens.authenticate(token))
			.hasValueSatisfying((auth) -> assertThat(auth.getName()).isEqualTo("api:" + channel));
		this.mvc.perform(admin(get("/admin/api-tokens")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("checkout")))
			.andExpect(content().string(not(containsString(token))));
		this.mvc
			.perform(admin(post("/admin/api-tokens")).accept(MediaType.APPLICATION_JSON)
				.param("channel", "NO-SUCH-CHANNEL")
				.param("name", ""))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.problems[*].field").value(org.hamcrest.Matchers.contains("channel", "name")));
	}

	@Test
	void thePageShowsTheNewTokenOnceAndRevokesAfterAConfirmation() throws Exception {
		String channel = OrderFixtures.channel(this.channels);
		String page = this.mvc
			.perform(admin(post("/admin/api-tokens")).param("channel", channel).param("name", "erp sync"))
			.andExpect(status().isOk())
			.andExpect(model().attributeExists("created"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		java.util.regex.Matcher shown = java.util.regex.Pattern.compile("id=\"created-token-value\">([^<]+)<")
			.matcher(page);
		assertThat(shown.find()).isTrue();
		String token = shown.group(1);
		long id = this.tokens.authenticate(token)
			.map((auth) -> ((ApiCaller) auth.getPrincipal()).tokenId())
			.orElseThrow();

		this.mvc.perform(admin(get("/admin/api-tokens/{id}/revoke", id)).header("Accept-Language", "en"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Revoke the token &quot;erp sync&quot; of " + channel + "?")));
		this.mvc.perform(admin(post("/admin/api-tokens/{id}/revoke", id)))
			.andExpect(redirectedUrl("/admin/api-tokens"))
			.andExpect(flash().attribute("message", "flash.order.api.token.revoked"));

		assertThat(this.tokens.authenticate(token)).isEmpty();
		assertThat(this.jdbc
			.sql("SELECT action FROM audit_entry WHERE object_type = 'apitoken' AND object_id = ? ORDER BY id")
			.param(String.valueOf(id))
			.query(String.class)
			.list()).containsExactly("API_TOKEN_CREATED", "API_TOKEN_REVOKED");
		this.mvc.perform(admin(post("/admin/api-tokens/{id}/revoke", id)).accept(MediaType.APPLICATION_JSON))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.revoked").value(true));
		this.mvc.perform(admin(post("/admin/api-tokens/{id}/revoke", 999_999_999L)).accept(MediaType.APPLICATION_JSON))
			.andExpect(status().isNotFound());
		this.mvc.perform(admin(get("/admin/api-tokens/{id}/revoke", 999_999_999L))).andExpect(status().isNotFound());
	}

	@Test
	void onlyAdminsManageTokens() throws Exception {
		this.mvc.perform(get("/admin/api-tokens").with(user("m").roles("MANAGER"))).andExpect(status().isForbidden());
		this.mvc
			.perform(post("/admin/api-tokens").with(user("m").roles("MANAGER"))
				.with(csrf())
				.param("channel", "X")
				.param("name", "y"))
			.andExpect(status().isForbidden());
		// a state change from a session needs the CSRF token
		this.mvc.perform(post("/admin/api-tokens").with(user("a").roles("ADMIN")).param("channel", "X"))
			.andExpect(status().isForbidden());
	}

	private static MockHttpServletRequestBuilder admin(MockHttpServletRequestBuilder request) {
		return request.with(user("tokens-admin").roles("ADMIN")).with(csrf());
	}

}
