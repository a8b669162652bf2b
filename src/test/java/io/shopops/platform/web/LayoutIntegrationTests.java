package io.shopops.platform.web;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.cookie;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@SpringBootTest
@AutoConfigureMockMvc
class LayoutIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Test
	void navigationShowsOnlyWhatTheRoleMayOpen() throws Exception {
		String operator = page("/", "OPERATOR", "en");
		assertThat(operator).contains("data-nav=\"/products\"", "data-nav=\"/crm\"")
			.doesNotContain("data-nav=\"/dashboard\"", "data-nav=\"/admin/users\"");
		String manager = page("/", "MANAGER", "en");
		assertThat(manager).contains("data-nav=\"/dashboard\"").doesNotContain("data-nav=\"/admin/users\"");
		String admin = page("/", "ADMIN", "en");
		assertThat(admin).contains("data-nav=\"/dashboard\"", "data-nav=\"/admin/users\"", "data-nav=\"/admin/audit\"",
				"data-nav=\"/admin/settings\"");
	}

	@Test
	void theBrowserLanguageChoosesTheMessages() throws Exception {
		assertThat(page("/", "OPERATOR", "zh-CN")).contains("履约", "增长", "退出登录");
		assertThat(page("/", "OPERATOR", "zh-TW")).contains("履约");
		assertThat(page("/", "OPERATOR", "fr")).contains("Fulfilment", "Log out");
	}

	@Test
	void theLanguageSwitchIsRemembered() throws Exception {
		this.mvc.perform(get("/").param("lang", "zh-CN").with(user("u").roles("OPERATOR")))
			.andExpect(cookie().value("shopops-lang", "zh-CN"));
		String body = this.mvc
			.perform(get("/products").cookie(new Cookie("shopops-lang", "zh-CN"))
				.header("Accept-Language", "en")
				.with(user("u").roles("OPERATOR")))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(body).contains("商品");
	}

	@Test
	void footerShowsTheVersion() throws Exception {
		assertThat(page("/", "OPERATOR", "en")).contains("id=\"app-version\"");
	}

	private String page(String path, String role, String language) throws Exception {
		return this.mvc.perform(get(path).header("Accept-Language", language).with(user("u").roles(role)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

}
