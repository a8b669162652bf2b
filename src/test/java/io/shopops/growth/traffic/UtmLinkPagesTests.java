package io.shopops.growth.traffic;

import java.util.Locale;
import java.util.UUID;

import io.shopops.platform.Role;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * {@code /traffic/links}: preview and save a link for a page or a product, field messages
 * in both languages, delete after a confirmation, everything audited.
 */
@SpringBootTest
@AutoConfigureMockMvc
class UtmLinkPagesTests {

	private static final RequestPostProcessor OPERATOR = user("links-operator").roles(Role.OPERATOR.name());

	@Autowired
	MockMvc mvc;

	@Autowired
	Sites sites;

	@Autowired
	JdbcClient jdbc;

	@Test
	void anOperatorPreviewsSavesAndDeletesALinkForAPage() throws Exception {
		String name = "Winter " + UUID.randomUUID();
		String preview = this.mvc
			.perform(post("/traffic/links").with(OPERATOR)
				.with(csrf())
				.param("name", name)
				.param("baseUrl", "https://shop.example.cn/collections/winter")
				.param("source", "xiaohongshu")
				.param("medium", "social")
				.param("campaign", "双12")
				.param("preview", "1"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(preview).contains("id=\"link-preview\"",
				"https://shop.example.cn/collections/winter?utm_source=xiaohongshu&amp;utm_medium=social&amp;utm_campaign=%E5%8F%8C12");
		assertThat(count("SELECT count(*) FROM utm_link WHERE name = ?", name)).isZero();

		this.mvc
			.perform(post("/traffic/links").with(OPERATOR)
				.with(csrf())
				.param("name", name)
				.param("baseUrl", "https://shop.example.cn/collections/winter")
				.param("source", "xiaohongshu")
				.param("medium", "social")
				.param("campaign", "双12"))
			.andExpect(redirectedUrl("/traffic/links"));
		long id = this.jdbc.sql("SELECT id FROM utm_link WHERE name = ?").param(name).query(Long.class).single();
		assertThat(count("SELECT count(*) FROM audit_entry WHERE action = 'UTM_LINK_CREATED' AND object_id = ?",
				String.valueOf(id)))
			.isOne();
		String list = page("/traffic/links", Locale.ENGLISH);
		assertThat(list).contains(name, "id=\"link-" + id + "\"").doesNotContain("No tracked links yet");

		assertThat(page("/traffic/links/" + id + "/delete", Locale.ENGLISH)).contains("Delete the link", name);
		this.mvc.perform(post("/traffic/links/" + id + "/delete").with(OPERATOR).with(csrf()))
			.andExpect(redirectedUrl("/traffic/links"));
		assertThat(count("SELECT count(*) FROM utm_link WHERE id = ?", id)).isZero();
		assertThat(count("SELECT count(*) FROM audit_entry WHERE action = 'UTM_LINK_DELETED' AND object_id = ?",
				String.valueOf(id)))
			.isOne();
		this.mvc.perform(post("/traffic/links/" + id + "/delete").with(OPERATOR).with(csrf()))
			.andExpect(status().isNotFound());
		this.mvc.perform(get("/traffic/links/" + id + "/delete").with(OPERATOR)).andExpect(status().isNotFound());
	}

	@Test
	void aProductLinkPointsAtTheProductOnTheChosenSite() throws Exception {
		String handle = "links-" + UUID.randomUUID().toString().substring(0, 8);
		this.jdbc.sql("INSERT INTO product (handle, title) VALUES (?, ?)").params(handle, "Link product").update();
		Sites.Site site = this.sites.create("Links " + handle, "https://" + handle + ".links.example");
		String name = "Product " + handle;
		this.mvc
			.perform(post("/traffic/links").with(OPERATOR)
				.with(csrf())
				.param("name", name)
				.param("product", handle)
				.param("siteId", String.valueOf(site.id()))
				.param("source", "wechat")
				.param("medium", "social")
				.param("campaign", "winter")
				.param("contentCode", "C7K2M9"))
			.andExpect(redirectedUrl("/traffic/links"));
		assertThat(this.jdbc.sql("SELECT url FROM utm_link WHERE name = ?").param(name).query(String.class).single())
			.isEqualTo(site.origin() + "/products/" + handle
					+ "?utm_source=wechat&utm_medium=social&utm_campaign=winter&code=C7K2M9");
	}

	@Test
	void problemsAreNamedPerFieldInBothLanguagesAndNothingIsSaved() throws Exception {
		String english = this.mvc
			.perform(post("/traffic/links").with(OPERATOR)
				.with(csrf())
				.locale(Locale.ENGLISH)
				.param("name", "")
				.param("baseUrl", "javascript:alert(1)")
				.param("source", "")
				.param("medium", "social")
				.param("campaign", "x")
				.param("contentCode", "not a code"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(english).contains("Give the link a name.", "utm_source is required",
				"Enter an absolute http or https URL", "Letters, digits, - and _ only");
		String chinese = this.mvc
			.perform(post("/traffic/links").with(OPERATOR)
				.with(csrf())
				.locale(Locale.SIMPLIFIED_CHINESE)
				.param("name", "x")
				.param("product", "NO-SUCH-PRODUCT-" + UUID.randomUUID())
				.param("source", "a")
				.param("medium", "b")
				.param("campaign", "c"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(chinese).contains("没有商品使用此 SKU 或 handle。");
		assertThat(page("/traffic/links?page=abc", Locale.ENGLISH)).contains("The page number was not understood");
	}

	private String page(String path, Locale locale) throws Exception {
		return this.mvc.perform(get(path).with(OPERATOR).locale(locale))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	private long count(String sql, Object param) {
		return this.jdbc.sql(sql).param(param).query(Long.class).single();
	}

}
