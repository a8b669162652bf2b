package io.shopops.growth.traffic;

import java.util.UUID;

import io.shopops.platform.Role;
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
 * {@code /admin/sites}: add (page and JSON), list with the snippet, enable and disable,
 * rotate the key after a confirmation, every change audited; admins only.
 */
@SpringBootTest
@AutoConfigureMockMvc
class SitePagesTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Sites sites;

	@Autowired
	JdbcClient jdbc;

	@Test
	void scriptsAddASiteAndGetItsKey() throws Exception {
		String handle = handle();
		String answer = this.mvc
			.perform(admin(post("/admin/sites")).accept(MediaType.APPLICATION_JSON)
				.param("name", "官网 " + handle)
				.param("origin", "HTTPS://" + handle + ".Shop.example/"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.id").isNumber())
			.andExpect(jsonPath("$.key").value(org.hamcrest.Matchers.startsWith("pk_")))
			.andReturn()
			.getResponse()
			.getContentAsString();
		long id = ((Number) com.jayway.jsonpath.JsonPath.read(answer, "$.id")).longValue();
		String key = com.jayway.jsonpath.JsonPath.read(answer, "$.key");
		assertThat(this.sites.byKey(key)).hasValueSatisfying((site) -> {
			assertThat(site.id()).isEqualTo(id);
			assertThat(site.origin()).isEqualTo("https://" + handle + ".shop.example");
		});
		assertThat(audits("SITE_CREATED", id)).isOne();

		this.mvc
			.perform(admin(post("/admin/sites")).accept(MediaType.APPLICATION_JSON)
				.param("name", "")
				.param("origin", "ftp://nope/path"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.error").value("invalid"))
			.andExpect(jsonPath("$.problems[*].field").value(org.hamcrest.Matchers.contains("name", "origin")));
		this.mvc
			.perform(admin(post("/admin/sites")).accept(MediaType.APPLICATION_JSON)
				.param("name", "again")
				.param("origin", "https://" + handle + ".shop.example"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.problems[0].code").value("traffic.site.origin.taken"));
	}

	@Test
	void adminsAddListDisableEnableAndRotateOnThePage() throws Exception {
		String handle = handle();
		this.mvc
			.perform(admin(post("/admin/sites")).param("name", "Shop " + handle)
				.param("origin", "https://" + handle + ".cn"))
			.andExpect(redirectedUrl("/admin/sites"))
			.andExpect(flash().attribute("message", "flash.traffic.site.created"));
		Sites.Site site = this.sites.list()
			.stream()
			.filter((s) -> s.name().equals("Shop " + handle))
			.findFirst()
			.orElseThrow();
		this.mvc.perform(admin(get("/admin/sites")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("https://" + handle + ".cn")))
			.andExpect(content().string(containsString("/js/collect.js&quot; data-key=&quot;" + site.publicKey())));

		this.mvc.perform(admin(post("/admin/sites")).param("name", "").param("origin", "not a url"))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("form", "name", "traffic.site.name.required"))
			.andExpect(model().attributeHasFieldErrorCode("form", "origin", "traffic.site.origin.invalid"))
			.andExpect(content().string(containsString("Enter a name.")));

		this.mvc.perform(admin(post("/admin/sites/{id}/disable", site.id()))).andExpect(redirectedUrl("/admin/sites"));
		assertThat(this.sites.byKey(site.publicKey())).isEmpty();
		this.mvc.perform(admin(post("/admin/sites/{id}/enable", site.id()))).andExpect(redirectedUrl("/admin/sites"));
		assertThat(this.sites.byKey(site.publicKey())).isPresent();
		assertThat(audits("SITE_DISABLED", site.id())).isOne();
		assertThat(audits("SITE_ENABLED", site.id())).isOne();

		this.mvc.perform(admin(get("/admin/sites/{id}/rotate", site.id())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("The current key is refused at once")));
		assertThat(this.sites.byKey(site.publicKey())).as("nothing changes before the confirmation").isPresent();
		this.mvc.perform(admin(post("/admin/sites/{id}/rotate", site.id())))
			.andExpect(redirectedUrl("/admin/sites"))
			.andExpect(flash().attribute("message", "flash.traffic.site.rotated"));
		assertThat(this.sites.byKey(site.publicKey())).isEmpty();
		String newKey = this.sites.find(site.id()).orElseThrow().publicKey();
		assertThat(newKey).isNotEqualTo(site.publicKey());
		assertThat(this.sites.byKey(newKey)).isPresent();
		assertThat(audits("SITE_KEY_ROTATED", site.id())).isOne();

		this.mvc.perform(admin(get("/admin/sites/{id}/rotate", 999_999_999L))).andExpect(status().isNotFound());
	}

	@Test
	void onlyAdminsManageSites() throws Exception {
		this.mvc.perform(get("/admin/sites").with(user("m").roles(Role.MANAGER.name())))
			.andExpect(status().isForbidden());
		this.mvc
			.perform(post("/admin/sites").with(user("m").roles(Role.MANAGER.name()))
				.with(csrf())
				.param("name", "x")
				.param("origin", "https://manager.example"))
			.andExpect(status().isForbidden());
		this.mvc
			.perform(admin(post("/admin/sites")).with(csrf().useInvalidToken())
				.param("name", "x")
				.param("origin", "https://csrf.example"))
			.andExpect(status().isForbidden());
	}

	private long audits(String action, long id) {
		return this.jdbc
			.sql("SELECT count(*) FROM audit_entry WHERE action = ? AND object_type = 'site' AND object_id = ?")
			.param(action)
			.param(String.valueOf(id))
			.query(Long.class)
			.single();
	}

	private static String handle() {
		return "site-" + UUID.randomUUID().toString().substring(0, 8);
	}

	private static MockHttpServletRequestBuilder admin(MockHttpServletRequestBuilder request) {
		return request.with(user("site-admin").roles(Role.ADMIN.name())).with(csrf());
	}

}
