package io.shopops.growth.traffic;

import java.time.LocalDate;
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
 * {@code /traffic/seo} over HTTP: managers add, edit and delete keywords (after a
 * confirmation), operators read them and enter ranks; field messages in both languages;
 * the list's current rank, change, filters, sorting and pages; everything audited.
 */
@SpringBootTest
@AutoConfigureMockMvc
class SeoPagesTests {

	private static final RequestPostProcessor OPERATOR = user("seo-operator").roles(Role.OPERATOR.name());

	private static final RequestPostProcessor MANAGER = user("seo-manager").roles(Role.MANAGER.name());

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aManagerAddsEditsAndDeletesAKeywordAndAnOperatorEntersItsRanks() throws Exception {
		String tag = tag();
		String keyword = "cashmere scarf " + tag;
		this.mvc
			.perform(post("/traffic/seo").with(MANAGER)
				.with(csrf())
				.param("keyword", "  Cashmere   Scarf " + tag + " ")
				.param("targetUrl", "https://shop.example.cn/products/scarf")
				.param("searchVolume", "1,200")
				.param("notes", "winter hero"))
			.andExpect(status().is3xxRedirection());
		long id = this.jdbc.sql("SELECT id FROM seo_keyword WHERE keyword_key = ?")
			.param(keyword)
			.query(Long.class)
			.single();
		assertThat(count("SELECT count(*) FROM audit_entry WHERE action = 'SEO_KEYWORD_CREATED' AND object_id = ?",
				String.valueOf(id)))
			.isOne();
		// the same keyword for the same target again is refused, in any case
		assertThat(this.mvc
			.perform(post("/traffic/seo").with(MANAGER)
				.with(csrf())
				.locale(Locale.ENGLISH)
				.param("keyword", keyword.toUpperCase(Locale.ROOT))
				.param("targetUrl", "https://shop.example.cn/products/scarf"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString()).contains("This keyword is already tracked for the same target.");

		LocalDate today = LocalDate.now();
		for (String[] entry : new String[][] { { today.minusDays(8).toString(), "12" },
				{ today.minusDays(1).toString(), "4" } }) {
			this.mvc
				.perform(post("/traffic/seo/" + id + "/ranks").with(OPERATOR)
					.with(csrf())
					.param("date", entry[0])
					.param("rank", entry[1]))
				.andExpect(redirectedUrl("/traffic/seo/" + id));
		}
		assertThat(count("SELECT count(*) FROM audit_entry WHERE action = 'SEO_RANK_ENTERED' AND object_id = ?",
				String.valueOf(id)))
			.isEqualTo(2);
		String detail = page("/traffic/seo/" + id, OPERATOR, Locale.ENGLISH);
		assertThat(detail)
			.contains("Cashmere Scarf " + tag, "id=\"current-rank\">4<", "Up 8", "id=\"best-rank\">4<", "1,200",
					"winter hero", "id=\"seo-rank-chart\"",
					"data-dates=\"" + today.minusDays(8) + "," + today.minusDays(1) + "\"", "data-ranks=\"12,4\"",
					"/js/seo-rank-chart", "rank-" + today.minusDays(1))
			.doesNotContain("id=\"edit-keyword\"", "<script>");
		String list = page("/traffic/seo?q=" + tag, OPERATOR, Locale.ENGLISH);
		assertThat(list).contains("id=\"keyword-" + id + "\"", "data-trend=\"up\"")
			.doesNotContain("id=\"add-keyword\"");

		// an operator may not change the keyword
		this.mvc.perform(get("/traffic/seo/new").with(OPERATOR)).andExpect(status().isForbidden());
		this.mvc.perform(get("/traffic/seo/" + id + "/edit").with(OPERATOR)).andExpect(status().isForbidden());
		this.mvc.perform(post("/traffic/seo/" + id).with(OPERATOR).with(csrf()).param("keyword", "x"))
			.andExpect(status().isForbidden());
		this.mvc.perform(post("/traffic/seo/" + id + "/delete").with(OPERATOR).with(csrf()))
			.andExpect(status().isForbidden());

		assertThat(page("/traffic/seo/" + id + "/edit", MANAGER, Locale.ENGLISH)).contains("Edit the SEO keyword",
				"value=\"Cashmere Scarf " + tag + "\"");
		this.mvc
			.perform(post("/traffic/seo/" + id).with(MANAGER)
				.with(csrf())
				.param("keyword", "Cashmere Scarf " + tag)
				.param("targetUrl", "https://shop.example.cn/products/scarf-2")
				.param("searchVolume", "1500"))
			.andExpect(redirectedUrl("/traffic/seo/" + id));
		assertThat(this.jdbc.sql("SELECT target_url || ' ' || search_volume FROM seo_keyword WHERE id = ?")
			.param(id)
			.query(String.class)
			.single()).isEqualTo("https://shop.example.cn/products/scarf-2 1500");
		assertThat(count("SELECT count(*) FROM audit_entry WHERE action = 'SEO_KEYWORD_UPDATED' AND object_id = ?",
				String.valueOf(id)))
			.isOne();

		assertThat(page("/traffic/seo/" + id + "/delete", MANAGER, Locale.ENGLISH))
			.contains("Delete the keyword Cashmere Scarf " + tag + " and its 2 ranks?");
		this.mvc.perform(post("/traffic/seo/" + id + "/delete").with(MANAGER).with(csrf()))
			.andExpect(redirectedUrl("/traffic/seo"));
		assertThat(count("SELECT count(*) FROM seo_keyword WHERE id = ?", id)).isZero();
		assertThat(count("SELECT count(*) FROM seo_rank WHERE keyword_id = ?", id)).isZero();
		assertThat(count("SELECT count(*) FROM audit_entry WHERE action = 'SEO_KEYWORD_DELETED' AND object_id = ?",
				String.valueOf(id)))
			.isOne();
		this.mvc.perform(get("/traffic/seo/" + id).with(OPERATOR)).andExpect(status().isNotFound());
		this.mvc.perform(post("/traffic/seo/" + id + "/delete").with(MANAGER).with(csrf()))
			.andExpect(status().isNotFound());
	}

	@Test
	void problemsAreNamedPerFieldInBothLanguagesAndNothingIsSaved() throws Exception {
		String english = this.mvc
			.perform(post("/traffic/seo").with(MANAGER)
				.with(csrf())
				.locale(Locale.ENGLISH)
				.param("keyword", " ")
				.param("targetUrl", "javascript:alert(1)")
				.param("searchVolume", "-4")
				.param("notes", "x".repeat(2001)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(english).contains("Enter the keyword.", "Enter an absolute http(s) URL",
				"Enter the search volume as a whole number", "The notes may have at most 2000 characters.");
		String chinese = this.mvc
			.perform(post("/traffic/seo").with(MANAGER)
				.with(csrf())
				.locale(Locale.SIMPLIFIED_CHINESE)
				.param("keyword", "围巾 " + tag())
				.param("sku", "NO-SUCH-SKU-" + UUID.randomUUID()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(chinese).contains("商品目录中没有这个 SKU。");
		assertThat(this.mvc
			.perform(post("/traffic/seo").with(MANAGER)
				.with(csrf())
				.locale(Locale.SIMPLIFIED_CHINESE)
				.param("keyword", "围巾")
				.param("sku", "A")
				.param("targetUrl", "https://shop.example.cn/"))
			.andReturn()
			.getResponse()
			.getContentAsString()).contains("请填写目标页面网址或商品 SKU，不能同时填写。");

		long id = keyword("rank problems " + tag(), null);
		String rank = this.mvc
			.perform(post("/traffic/seo/" + id + "/ranks").with(OPERATOR)
				.with(csrf())
				.locale(Locale.ENGLISH)
				.param("date", LocalDate.now().plusDays(3).toString())
				.param("rank", "0"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(rank).contains("The date may not lie in the future or before 2000.",
				"Enter the rank as a number from 1 to 1000", "value=\"0\"");
		String rankZh = this.mvc
			.perform(post("/traffic/seo/" + id + "/ranks").with(OPERATOR)
				.with(csrf())
				.locale(Locale.SIMPLIFIED_CHINESE)
				.param("date", "yesterday")
				.param("rank", ""))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(rankZh).contains("日期格式为 YYYY-MM-DD。", "请输入排名。");
		assertThat(count("SELECT count(*) FROM seo_rank WHERE keyword_id = ?", id)).isZero();
		assertThat(page("/traffic/seo/" + id, OPERATOR, Locale.ENGLISH)).contains("No ranks yet")
			.doesNotContain("id=\"seo-rank-chart\"");
	}

	@Test
	void theListFiltersSortsAndPages() throws Exception {
		String tag = tag();
		LocalDate today = LocalDate.now();
		long up = keyword("a up " + tag, 500L);
		rank(up, today.minusDays(7), 20);
		rank(up, today, 2);
		long down = keyword("b down " + tag, 9000L);
		rank(down, today.minusDays(9), 5);
		rank(down, today, 15);
		long none = keyword("c none " + tag, null);
		for (int i = 0; i < 26; i++) {
			keyword("z filler " + tag + " " + String.format("%02d", i), null);
		}
		String byChange = page("/traffic/seo?q=" + tag + "&sort=change&dir=desc", OPERATOR, Locale.ENGLISH);
		assertThat(byChange.indexOf("keyword-" + up)).isPositive().isLessThan(byChange.indexOf("keyword-" + down));
		assertThat(byChange).contains("Up 18", "Down 10", "Page 1 of 2 (29 in all)",
				"sort=change&amp;dir=desc&amp;page=2");
		String top3 = page("/traffic/seo?q=" + tag + "&position=top3", OPERATOR, Locale.ENGLISH);
		assertThat(top3).contains("keyword-" + up).doesNotContain("keyword-" + down, "keyword-" + none);
		String falling = page("/traffic/seo?q=" + tag + "&trend=down", OPERATOR, Locale.ENGLISH);
		assertThat(falling).contains("keyword-" + down).doesNotContain("keyword-" + up);
		String byVolume = page("/traffic/seo?q=" + tag + "&sort=volume&dir=desc", OPERATOR, Locale.ENGLISH);
		assertThat(byVolume.indexOf("keyword-" + down)).isPositive().isLessThan(byVolume.indexOf("keyword-" + up));
		String second = page("/traffic/seo?q=" + tag + "&page=2", OPERATOR, Locale.ENGLISH);
		assertThat(second).contains("Page 2 of 2", "z filler " + tag + " 25").doesNotContain("keyword-" + up);
		assertThat(page("/traffic/seo?q=nothing-" + tag, OPERATOR, Locale.ENGLISH)).contains("No keyword matches");
		assertThat(
				page("/traffic/seo?q=" + tag + "&page=x&sort=nope&position=%00&dir=sideways", OPERATOR, Locale.ENGLISH))
			.contains("The page number could not be read");
		assertThat(page("/traffic/seo", MANAGER, Locale.SIMPLIFIED_CHINESE)).contains("SEO 关键词", "id=\"add-keyword\"");
	}

	@Test
	void adminsDownloadTheImportTemplateInBothLanguages() throws Exception {
		RequestPostProcessor admin = user("seo-admin").roles(Role.ADMIN.name());
		String english = this.mvc.perform(get("/imports/seo-ranks/template.csv?headers=en").with(admin))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
		assertThat(english).startsWith("\uFEFFkeyword,date,rank,url,search volume");
		String chinese = this.mvc.perform(get("/imports/seo-ranks/template.csv?headers=zh").with(admin))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
		assertThat(chinese).startsWith("\uFEFF关键词,日期,排名,网址,搜索量");
		this.mvc.perform(get("/imports/seo-ranks/template.csv").with(MANAGER)).andExpect(status().isForbidden());
		assertThat(page("/imports/seo-ranks", admin, Locale.ENGLISH)).contains("SEO rank history import",
				"/imports/seo-ranks/template.csv?headers=zh", "Date of the ranks");
	}

	private long keyword(String keyword, Long volume) {
		return this.jdbc.sql("""
				INSERT INTO seo_keyword (keyword, keyword_key, target_key, search_volume, created_by)
				VALUES (?, ?, '', ?, 'test') RETURNING id""")
			.params(keyword, SeoKeyword.key(keyword), volume)
			.query(Long.class)
			.single();
	}

	private void rank(long id, LocalDate date, int rank) {
		this.jdbc.sql(
				"INSERT INTO seo_rank (keyword_id, rank_date, rank, source, entered_by) VALUES (?, ?, ?, 'MANUAL', 't')")
			.params(id, date, rank)
			.update();
	}

	private String page(String path, RequestPostProcessor user, Locale locale) throws Exception {
		return this.mvc.perform(get(path).with(user).locale(locale))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	private long count(String sql, Object param) {
		return this.jdbc.sql(sql).param(param).query(Long.class).single();
	}

	private static String tag() {
		return UUID.randomUUID().toString().substring(0, 8);
	}

}
