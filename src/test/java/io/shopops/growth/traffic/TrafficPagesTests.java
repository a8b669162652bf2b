package io.shopops.growth.traffic;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.shopops.platform.Role;
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
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * {@code /traffic} (the overview of seeded events, its empty state and its handling of
 * bad dates) and {@code /traffic/sources} (reading and testing for operators, editing
 * rules for managers, applied at collection time).
 */
@SpringBootTest
@AutoConfigureMockMvc
class TrafficPagesTests {

	private static final RequestPostProcessor OPERATOR = user("traffic-operator").roles(Role.OPERATOR.name());

	private static final RequestPostProcessor MANAGER = user("traffic-manager").roles(Role.MANAGER.name());

	@Autowired
	MockMvc mvc;

	@Autowired
	Sites sites;

	@Autowired
	TrafficEvents events;

	@Autowired
	TrafficOverview overview;

	@Autowired
	ShopSettings shop;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theOverviewCountsSeededEventsByDaySourcePageAndCampaign() throws Exception {
		Sites.Site site = site();
		ZoneId zone = this.shop.current().timeZone();
		LocalDate day = LocalDate.of(2020, 3, 2);
		List<CollectedEvent> seeded = new ArrayList<>();
		// visitor a: two sessions on day 1 from a paid Baidu campaign, then a checkout
		seeded.add(event("page_view", "a", "a1", "https://x.cn/?utm_source=baidu&utm_medium=cpc", "baidu", "cpc", "双12",
				null, day, 10));
		seeded.add(event("product_view", "a", "a1", "https://x.cn/p/1", "baidu", "cpc", "双12", "SKU-1", day, 11));
		seeded.add(event("add_to_cart", "a", "a1", "https://x.cn/p/1", "baidu", "cpc", "双12", "SKU-1", day, 12));
		seeded.add(event("page_view", "a", "a2", "https://x.cn/", null, null, null, null, day, 20));
		seeded.add(event("checkout", "a", "a2", "https://x.cn/checkout", null, null, null, null, day, 21));
		// visitor b: day 1 from xiaohongshu, day 3 direct
		seeded.add(event("page_view", "b", "b1", "https://x.cn/", "xiaohongshu", "note", "秋冬上新", null, day, 9));
		seeded.add(event("page_view", "b", "b2", "https://x.cn/p/1?from=share", null, null, null, null, day.plusDays(2),
				9));
		this.events.store(site, seeded);

		String page = this.mvc
			.perform(get("/traffic").param("from", "2020-03-01")
				.param("to", "2020-03-05")
				.param("site", String.valueOf(site.id()))
				.with(OPERATOR))
			.andExpect(status().isOk())
			.andExpect(model().attribute("problems", List.of()))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page)
			.contains("id=\"total-visitors\">2<", "id=\"total-sessions\">4<", "id=\"total-pageViews\">4<",
					"id=\"total-productViews\">1<", "id=\"total-addToCart\">1<", "id=\"total-checkouts\">1<")
			.contains("2020-03-01", "2020-03-05", "双12", "秋冬上新", "https://x.cn/p/1<")
			.doesNotContain("No events were collected in this range");

		TrafficOverview.Report report = this.overview.report(LocalDate.of(2020, 3, 1), LocalDate.of(2020, 3, 5), zone,
				site.id());
		assertThat(report.days()).hasSize(5);
		assertThat(report.days().get(1).counts()).isEqualTo(new TrafficOverview.Counts(2, 3, 3, 1, 1, 1));
		assertThat(report.days().get(3).counts()).isEqualTo(new TrafficOverview.Counts(1, 1, 1, 0, 0, 0));
		assertThat(report.days().get(0).counts()).isEqualTo(TrafficOverview.Counts.ZERO);
		assertThat(report.sources()).extracting((s) -> s.source() + "=" + s.counts().visitors())
			.containsExactlyInAnyOrder("PAID=1", "CONTENT=1", "DIRECT=2");
		assertThat(report.pages()).first().satisfies((p) -> {
			assertThat(p.page()).isEqualTo("https://x.cn/");
			assertThat(p.views()).isEqualTo(3);
		});
		assertThat(report.campaigns()).extracting(TrafficOverview.TopCampaign::campaign)
			.containsExactlyInAnyOrder("双12", "秋冬上新");

		this.mvc
			.perform(get("/traffic").param("from", "2019-01-01")
				.param("to", "2019-01-07")
				.param("site", String.valueOf(site.id()))
				.with(OPERATOR))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("No events were collected in this range")))
			.andExpect(content().string(not(containsString("id=\"total-visitors\""))));
	}

	@Test
	void badDatesGiveAMessageAndTheDefaultRange() throws Exception {
		LocalDate today = LocalDate.now(this.shop.current().timeZone());
		this.mvc.perform(get("/traffic").with(OPERATOR))
			.andExpect(status().isOk())
			.andExpect(model().attribute("from", today.minusDays(6)))
			.andExpect(model().attribute("to", today))
			.andExpect(model().attribute("problems", List.of()));
		this.mvc.perform(get("/traffic").param("from", "yesterday").with(OPERATOR))
			.andExpect(status().isOk())
			.andExpect(model().attribute("from", today.minusDays(6)))
			.andExpect(content().string(containsString("A date could not be read")));
		this.mvc.perform(get("/traffic").param("to", "+999999999-12-31").with(OPERATOR))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("between the years 2000 and 9999")));
		this.mvc.perform(get("/traffic").param("from", "2024-05-02").param("to", "2024-05-01").with(OPERATOR))
			.andExpect(status().isOk())
			.andExpect(model().attribute("to", today))
			.andExpect(content().string(containsString("The start date was after the end date")));
		this.mvc.perform(get("/traffic").param("from", "2001-01-01").param("to", "2024-12-31").with(OPERATOR))
			.andExpect(status().isOk())
			.andExpect(model().attribute("from", LocalDate.of(2024, 12, 31).minusDays(365)))
			.andExpect(content().string(containsString("at most 366 days")));
		this.mvc.perform(get("/traffic").param("site", "abc").with(OPERATOR))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("There is no such site")));
		this.mvc
			.perform(get("/traffic").param("from", "2024-05-02")
				.with(user("zh").roles("OPERATOR"))
				.locale(java.util.Locale.SIMPLIFIED_CHINESE)
				.param("to", "x"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("无法识别日期")));
	}

	@Test
	void operatorsReadAndTestTheRulesButOnlyManagersEditThem() throws Exception {
		this.mvc.perform(get("/traffic/sources").with(OPERATOR))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("直通车")))
			.andExpect(content().string(containsString("xiaohongshu")))
			.andExpect(content().string(not(containsString("/traffic/sources/rules/new"))));
		this.mvc.perform(get("/traffic/sources").param("testSource", "baidu").param("testMedium", "cpc").with(OPERATOR))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("<strong>Paid</strong>")));
		this.mvc.perform(get("/traffic/sources").param("testReferrer", "https://m.baidu.com/s?wd=茶").with(OPERATOR))
			.andExpect(content().string(containsString("<strong>Search / SEO</strong>")));
		this.mvc.perform(get("/traffic/sources").param("testSource", "someone-unknown").with(OPERATOR))
			.andExpect(content().string(containsString("<strong>Other</strong>")))
			.andExpect(content().string(containsString("no rule matches")));
		this.mvc.perform(get("/traffic/sources/rules/new").with(OPERATOR)).andExpect(status().isForbidden());
		this.mvc
			.perform(post("/traffic/sources/rules").with(OPERATOR)
				.with(csrf())
				.param("priority", "1")
				.param("utmSource", "x")
				.param("source", "PAID"))
			.andExpect(status().isForbidden());
		this.mvc.perform(get("/traffic/sources").with(MANAGER))
			.andExpect(content().string(containsString("/traffic/sources/rules/new")));
	}

	@Test
	void managersAddEditAndDeleteRulesThatApplyAtCollection() throws Exception {
		String source = "partner-" + UUID.randomUUID().toString().substring(0, 8);
		Sites.Site site = site();
		this.mvc.perform(manager(post("/traffic/sources/rules")).param("priority", "abc").param("source", "NOPE"))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("form", "priority", "traffic.rule.priority.invalid"))
			.andExpect(model().attributeHasFieldErrorCode("form", "source", "traffic.rule.source.invalid"))
			.andExpect(model().attributeHasErrors("form"))
			.andExpect(content().string(containsString("Fill in at least one condition")));
		this.mvc
			.perform(manager(post("/traffic/sources/rules")).param("priority", "5")
				.param("utmSource", source)
				.param("source", "SOCIAL"))
			.andExpect(redirectedUrl("/traffic/sources"));
		long id = this.jdbc.sql("SELECT id FROM traffic_source_rule WHERE utm_source = ?")
			.param(source)
			.query(Long.class)
			.single();
		assertThat(classifiedAs(site, source)).isEqualTo("SOCIAL");

		this.mvc.perform(manager(get("/traffic/sources/rules/{id}/edit", id)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("value=\"" + source + "\"")));
		this.mvc
			.perform(manager(post("/traffic/sources/rules/{id}", id)).param("priority", "5")
				.param("utmSource", source)
				.param("referrerHost", "www.Partner.example")
				.param("source", "CONTENT")
				.param("version", "0"))
			.andExpect(redirectedUrl("/traffic/sources"));
		assertThat(this.jdbc.sql("SELECT referrer_host FROM traffic_source_rule WHERE id = ?")
			.param(id)
			.query(String.class)
			.single()).isEqualTo("partner.example");
		this.mvc
			.perform(manager(post("/traffic/sources/rules/{id}", id)).param("priority", "5")
				.param("utmSource", source)
				.param("source", "PAID")
				.param("version", "0"))
			.andExpect(status().isConflict());

		this.mvc.perform(manager(get("/traffic/sources/rules/{id}/delete", id)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Delete the rule with priority 5")));
		this.mvc.perform(manager(post("/traffic/sources/rules/{id}/delete", id)))
			.andExpect(redirectedUrl("/traffic/sources"));
		assertThat(classifiedAs(site, source)).isEqualTo("OTHER");
		this.mvc.perform(manager(get("/traffic/sources/rules/{id}/edit", id))).andExpect(status().isNotFound());
		assertThat(this.jdbc
			.sql("SELECT string_agg(action, ',' ORDER BY id) FROM audit_entry "
					+ "WHERE object_type = 'trafficrule' AND object_id = ?")
			.param(String.valueOf(id))
			.query(String.class)
			.single()).isEqualTo("TRAFFIC_RULE_CREATED,TRAFFIC_RULE_UPDATED,TRAFFIC_RULE_DELETED");
	}

	@Test
	void trafficEventsAreAppendOnly() {
		Sites.Site site = site();
		this.events.store(site,
				List.of(event("page_view", "z", null, null, null, null, null, null, LocalDate.of(2020, 1, 1), 1)));
		assertThat(org.assertj.core.api.Assertions.catchThrowable(
				() -> this.jdbc.sql("UPDATE traffic_event SET url = 'x' WHERE site_id = ?").param(site.id()).update()))
			.hasMessageContaining("append-only");
		assertThat(org.assertj.core.api.Assertions.catchThrowable(
				() -> this.jdbc.sql("DELETE FROM traffic_event WHERE site_id = ?").param(site.id()).update()))
			.hasMessageContaining("append-only");
	}

	private String classifiedAs(Sites.Site site, String utmSource) {
		String visitor = "rule-" + UUID.randomUUID();
		this.events.store(site, List.of(new CollectedEvent("page_view", visitor, null, null, null, utmSource, null,
				null, null, null, null, java.time.Instant.now())));
		return this.jdbc.sql("SELECT traffic_source FROM traffic_event WHERE visitor_id = ?")
			.param(visitor)
			.query(String.class)
			.single();
	}

	private CollectedEvent event(String type, String visitor, String session, String url, String source, String medium,
			String campaign, String sku, LocalDate day, int hour) {
		return new CollectedEvent(type, visitor + "-" + this.hashCode(), session, url, null, source, medium, campaign,
				null, null, sku, day.atTime(hour, 0).atZone(this.shop.current().timeZone()).toInstant());
	}

	private Sites.Site site() {
		String handle = UUID.randomUUID().toString().substring(0, 8);
		return this.sites.create("Pages " + handle, "https://" + handle + ".pages.example");
	}

	private static MockHttpServletRequestBuilder manager(MockHttpServletRequestBuilder request) {
		return request.with(MANAGER).with(csrf());
	}

}
