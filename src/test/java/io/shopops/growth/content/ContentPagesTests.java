package io.shopops.growth.content;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;

import io.shopops.TestUsers;
import io.shopops.fulfilment.inventory.Inventory;
import io.shopops.platform.Role;
import io.shopops.platform.ShopSettings;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

/**
 * The content pages: the calendar's month and list views, a piece's form, page, status
 * actions and metrics, livestream sessions and the leaderboard.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ContentPagesTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TestUsers users;

	@Autowired
	Inventory inventory;

	@Autowired
	ShopSettings settings;

	@Autowired
	ContentQueries queries;

	@Test
	void operatorsPlanAPieceScheduleItAndSeeItInItsMonth() throws Exception {
		String owner = this.users.create(Role.OPERATOR);
		String sku = ContentFixtures.sku(this.jdbc, this.inventory, ContentFixtures.unique("PG"), 5);
		String title = ContentFixtures.unique("双十二预热短视频");
		String location = this.mvc
			.perform(operator(post("/content/new")).param("type", "SHORT_VIDEO")
				.param("platform", "XIAOHONGSHU")
				.param("title", title)
				.param("owner", owner)
				.param("products", sku)
				.param("publishAt", "2026-12-10T20:00"))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("message", "content.flash.created"))
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		long id = Long.parseLong(location.substring("/content/".length()));
		String code = this.jdbc.sql("SELECT tracking_code FROM content_piece WHERE id = ?")
			.param(id)
			.query(String.class)
			.single();
		assertThat(code).matches("C[2-9A-Z]{5}");
		assertThat(page(get(location))).contains(title, code, sku, "?content=" + code, "id=\"move-scheduled\"");

		this.mvc.perform(operator(post(location + "/status")).param("status", "SCHEDULED"))
			.andExpect(flash().attribute("message", "content.flash.status.SCHEDULED"));
		this.mvc.perform(operator(post(location + "/status")).param("status", "SCRIPTING"))
			.andExpect(flash().attribute("message", "content.flash.status.SCRIPTING"));
		this.mvc.perform(operator(post(location + "/status")).param("status", "PUBLISHED"))
			.andExpect(flash().attribute("error", "content.status.notAllowed"));
		this.mvc.perform(operator(post(location + "/status")).param("status", "SCHEDULED"));
		assertThat(page(get("/content").param("month", "2026-12"))).contains(title, "data-date=\"2026-12-10\"",
				"2026-12");
		assertThat(page(get("/content").param("month", "2026-11"))).doesNotContain(title);
		assertThat(page(get("/content").param("view", "list").param("status", "SCHEDULED").param("owner", owner)))
			.contains(title, "id=\"content-table\"");
		assertThat(page(get("/content").param("view", "list").param("platform", "WEIBO").param("owner", owner)))
			.doesNotContain(title)
			.contains("id=\"content-filter\"");
		assertThat(auditActions(id)).contains("CONTENT_CREATED", "CONTENT_STATUS_CHANGED");

		// archiving asks first and is final
		assertThat(page(get(location))).contains("data-confirm=\"Archive this piece?");
		this.mvc.perform(operator(post(location + "/status")).param("status", "ARCHIVED"))
			.andExpect(flash().attribute("message", "content.flash.status.ARCHIVED"));
		assertThat(page(get(location))).doesNotContain("id=\"move-");
	}

	@Test
	void theListIsPaginatedPerFilter() throws Exception {
		String owner = this.users.create(Role.OPERATOR);
		for (int i = 0; i < 27; i++) {
			long id = ContentFixtures.piece(this.jdbc, "POST", "IDEA", ContentFixtures.unique("P"), null);
			this.jdbc.sql("UPDATE content_piece SET owner = ? WHERE id = ?").params(owner, id).update();
		}
		String first = page(get("/content").param("view", "list").param("owner", owner));
		assertThat(first.split("<tr>").length - 2).isEqualTo(25);
		assertThat(first).contains("id=\"page-next\"", "Page 1 of 2 (27 in all)")
			.doesNotContain("id=\"page-previous\"");
		String second = page(get("/content").param("view", "list").param("owner", owner).param("page", "2"));
		assertThat(second.split("<tr>").length - 2).isEqualTo(2);
		assertThat(second).contains("id=\"page-previous\"").doesNotContain("id=\"page-next\"");
		assertThat(page(get("/content").param("view", "list").param("owner", owner).param("page", "99")))
			.contains("Page 2 of 2");
	}

	@Test
	void piecesDueWithinAWeekOrLateAndNotYetPublishedAreCountedAndListed() throws Exception {
		String owner = this.users.create(Role.OPERATOR);
		long before = this.queries.countDue();
		Instant now = Instant.now();
		owned(owner, "SCHEDULED", now.plus(java.time.Duration.ofDays(6)));
		owned(owner, "SCRIPTING", now.minus(java.time.Duration.ofDays(2)));
		owned(owner, "SCHEDULED", now.plus(java.time.Duration.ofDays(8)));
		owned(owner, "PUBLISHED", now.plus(java.time.Duration.ofDays(1)));
		owned(owner, "IDEA", null);
		assertThat(this.queries.countDue()).isEqualTo(before + 2);

		String list = page(get("/content").param("view", "list").param("owner", owner).param("due", "week"));
		assertThat(list).contains("id=\"content-due\"", "within the next 7 days", "Page 1 of 1 (2 in all)")
			.doesNotContain("id=\"filter-warning\"");
		assertThat(page(get("/content").param("view", "list").param("owner", owner).param("due", "month")))
			.contains("id=\"filter-warning\"", "Page 1 of 1 (5 in all)")
			.doesNotContain("id=\"content-due\"");
	}

	private long owned(String owner, String status, Instant publishAt) {
		long id = ContentFixtures.piece(this.jdbc, "POST", status, ContentFixtures.unique("D"), publishAt);
		this.jdbc.sql("UPDATE content_piece SET owner = ? WHERE id = ?").params(owner, id).update();
		return id;
	}

	@Test
	void schedulingWithoutAPublishTimeIsRefused() throws Exception {
		String code = ContentFixtures.unique("N");
		long id = ContentFixtures.piece(this.jdbc, "NOTE", "SCRIPTING", code, null);
		this.mvc.perform(operator(post("/content/" + id + "/status")).param("status", "SCHEDULED"))
			.andExpect(flash().attribute("error", "content.status.needsPublishTime"));
		this.mvc.perform(operator(post("/content/" + id + "/status")).param("status", "bogus"))
			.andExpect(flash().attribute("error", "content.status.notAllowed"));
		assertThat(
				this.jdbc.sql("SELECT status FROM content_piece WHERE id = ?").param(id).query(String.class).single())
			.isEqualTo("SCRIPTING");
		assertThat(page(get("/content"))).contains("id=\"unscheduled\"");
	}

	@Test
	void theFormValidatesInBothLanguages() throws Exception {
		String taken = ContentFixtures.unique("T");
		ContentFixtures.piece(this.jdbc, "POST", "IDEA", taken, null);
		this.mvc.perform(operator(post("/content/new")).param("type", "POST").param("platform", "WEIBO"))
			.andExpect(status().isOk())
			.andExpect(view().name("growth/content/form"))
			.andExpect(model().attributeHasFieldErrorCode("pieceForm", "title", "NotBlank"))
			.andExpect(content().string(containsString("Enter a title.")));
		this.mvc
			.perform(operator(post("/content/new")).param("type", "nope")
				.param("platform", "WEIBO")
				.param("title", "x")
				.param("publishAt", "tomorrow")
				.header("Accept-Language", "zh-CN"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("请选择类型。")))
			.andExpect(content().string(containsString("请输入时间，例如 2026-12-31 20:00。")));
		this.mvc
			.perform(operator(post("/content/new")).param("type", "POST")
				.param("platform", "WEIBO")
				.param("title", "重复的码")
				.param("trackingCode", taken.toLowerCase()))
			.andExpect(status().isOk())
			.andExpect(
					model().attributeHasFieldErrorCode("pieceForm", "trackingCode", "content.form.trackingCode.taken"))
			.andExpect(content().string(containsString("already used by another piece")));
		this.mvc
			.perform(operator(post("/content/new")).param("type", "POST")
				.param("platform", "WEIBO")
				.param("title", "坏码")
				.param("trackingCode", "a b")
				.header("Accept-Language", "zh-CN"))
			.andExpect(content().string(containsString("请使用 3 到 16 位字母、数字、- 或 _。")));
		this.mvc
			.perform(operator(post("/content/new")).param("type", "POST")
				.param("platform", "WEIBO")
				.param("title", "未知负责人")
				.param("owner", "nobody-" + taken)
				.param("products", "NO-SUCH-SKU-" + taken))
			.andExpect(model().attributeHasFieldErrorCode("pieceForm", "owner", "content.form.owner.unknown"));
		this.mvc
			.perform(operator(post("/content/new")).param("type", "POST")
				.param("platform", "WEIBO")
				.param("title", "未知商品")
				.param("products", "NO-SUCH-SKU-" + taken))
			.andExpect(model().attributeHasFieldErrorCode("pieceForm", "products", "content.form.products.unknown"));
	}

	@Test
	void editingKeepsCodesUniqueAndAScheduledPieceNeedsItsTime() throws Exception {
		String code = ContentFixtures.unique("E");
		String other = ContentFixtures.unique("O");
		long id = ContentFixtures.piece(this.jdbc, "SHORT_VIDEO", "SCHEDULED", code, Instant.now());
		ContentFixtures.piece(this.jdbc, "SHORT_VIDEO", "IDEA", other, null);
		assertThat(page(get("/content/" + id + "/edit"))).contains("value=\"" + code + "\"");
		this.mvc
			.perform(operator(post("/content/" + id)).param("type", "SHORT_VIDEO")
				.param("platform", "DOUYIN")
				.param("title", "改名")
				.param("trackingCode", other)
				.param("publishAt", "2026-12-12T12:00")
				.param("version", "0"))
			.andExpect(
					model().attributeHasFieldErrorCode("pieceForm", "trackingCode", "content.form.trackingCode.taken"));
		this.mvc
			.perform(operator(post("/content/" + id)).param("type", "SHORT_VIDEO")
				.param("platform", "DOUYIN")
				.param("title", "改名")
				.param("trackingCode", code)
				.param("version", "0"))
			.andExpect(model().attributeHasFieldErrorCode("pieceForm", "publishAt", "content.form.publishAt.required"));
		String newCode = ContentFixtures.unique("R");
		this.mvc
			.perform(operator(post("/content/" + id)).param("type", "SHORT_VIDEO")
				.param("platform", "DOUYIN")
				.param("title", "改名")
				.param("trackingCode", newCode)
				.param("publishAt", "2026-12-12T12:00")
				.param("version", "0"))
			.andExpect(flash().attribute("message", "content.flash.updated"));
		this.mvc
			.perform(operator(post("/content/" + id)).param("type", "SHORT_VIDEO")
				.param("platform", "DOUYIN")
				.param("title", "过期页面")
				.param("trackingCode", newCode)
				.param("publishAt", "2026-12-12T12:00")
				.param("version", "0"))
			.andExpect(status().isConflict());
		assertThat(auditActions(id)).contains("CONTENT_UPDATED");
		this.mvc.perform(operator(get("/content/999999999"))).andExpect(status().isNotFound());
	}

	@Test
	void metricsAreEnteredPerDayAndTheLeaderboardRanksThem() throws Exception {
		String first = ContentFixtures.unique("M");
		String second = ContentFixtures.unique("M");
		long a = ContentFixtures.piece(this.jdbc, "SHORT_VIDEO", "PUBLISHED", first, Instant.now());
		long b = ContentFixtures.piece(this.jdbc, "NOTE", "PUBLISHED", second, Instant.now());
		LocalDate day = LocalDate.of(2031, 3, 4);
		metrics(a, day, "900000001", "10");
		metrics(a, day, "900000002", "10");
		metrics(b, day, "5", "900000000");
		assertThat(
				this.jdbc.sql("SELECT views FROM content_metric WHERE piece_id = ?").param(a).query(Long.class).list())
			.containsExactly(900000002L);
		assertThat(page(get("/content/" + a))).contains("900000002");
		this.mvc
			.perform(operator(post("/content/" + a + "/metrics")).param("date", "2031-03-05")
				.param("views", "-1")
				.param("likes", "x")
				.header("Accept-Language", "zh-CN"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("请输入 0 到 100,000,000,000 之间的整数。")));
		assertThat(auditActions(a)).contains("CONTENT_METRICS_RECORDED");

		String byViews = page(get("/content/leaderboard").param("from", "2031-03-01")
			.param("to", "2031-03-31")
			.param("sort", "views"));
		assertThat(byViews.indexOf(first)).isPositive().isLessThan(byViews.indexOf(second));
		String byEngagement = page(get("/content/leaderboard").param("from", "2031-03-01")
			.param("to", "2031-03-31")
			.param("sort", "ENGAGEMENT"));
		assertThat(byEngagement.indexOf(second)).isPositive().isLessThan(byEngagement.indexOf(first));
		assertThat(page(get("/content/leaderboard").param("from", "2031-04-01").param("to", "2031-03-01")))
			.contains("id=\"filter-warning\"");
	}

	@Test
	void livestreamSessionsHaveAFormAListAndAPage() throws Exception {
		String code = ContentFixtures.unique("LV");
		long piece = ContentFixtures.piece(this.jdbc, "LIVESTREAM", "SCHEDULED", code, Instant.now());
		long video = ContentFixtures.piece(this.jdbc, "SHORT_VIDEO", "IDEA", ContentFixtures.unique("SV"), null);
		assertThat(page(get("/content/live/new").param("piece", Long.toString(piece)))).contains(code);
		this.mvc
			.perform(operator(post("/content/live/new")).param("pieceId", Long.toString(piece))
				.param("startsAt", "2026-12-12T20:00")
				.param("endsAt", "2026-12-12T19:00")
				.param("peakViewers", "900")
				.param("totalViewers", "100")
				.header("Accept-Language", "zh-CN"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("结束时间必须晚于开始时间。")));
		this.mvc
			.perform(operator(post("/content/live/new")).param("pieceId", Long.toString(video))
				.param("startsAt", "2026-12-12T20:00")
				.param("endsAt", "2026-12-12T22:00"))
			.andExpect(model().attributeHasFieldErrorCode("sessionForm", "pieceId",
					"content.live.form.piece.notLivestream"));
		this.mvc
			.perform(operator(post("/content/live/new")).param("pieceId", Long.toString(piece))
				.param("startsAt", "2026-12-12T20:00")
				.param("endsAt", "2026-12-12T22:00")
				.param("peakViewers", "900")
				.param("totalViewers", "100"))
			.andExpect(model().attributeHasFieldErrorCode("sessionForm", "peakViewers",
					"content.live.form.peak.aboveTotal"));
		String location = this.mvc
			.perform(operator(post("/content/live/new")).param("pieceId", Long.toString(piece))
				.param("startsAt", "2026-12-12T20:00")
				.param("endsAt", "2026-12-12T22:30")
				.param("peakViewers", "1200")
				.param("totalViewers", "35000"))
			.andExpect(flash().attribute("message", "content.live.flash.created"))
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		assertThat(page(get(location))).contains("150 min", "1200", code);
		assertThat(page(get("/content/live"))).contains("id=\"session-table\"");
		assertThat(page(get(location + "/edit"))).contains("2026-12-12T20:00");
		this.mvc
			.perform(operator(post(location)).param("pieceId", Long.toString(piece))
				.param("startsAt", "2026-12-12T20:00")
				.param("endsAt", "2026-12-12T23:00")
				.param("peakViewers", "1500")
				.param("totalViewers", "40000")
				.param("version", "0"))
			.andExpect(flash().attribute("message", "content.live.flash.updated"));
		assertThat(page(get(location))).contains("180 min");
		long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
		assertThat(this.jdbc.sql("SELECT action FROM audit_entry WHERE object_type = 'livestream' AND object_id = ?")
			.param(Long.toString(id))
			.query(String.class)
			.list()).contains("LIVESTREAM_CREATED", "LIVESTREAM_UPDATED");
	}

	@Test
	void aBadMonthFallsBackToThisMonthWithAMessage() throws Exception {
		YearMonth now = YearMonth.now(zone());
		String expected = now.getYear() + "-" + String.format("%02d", now.getMonthValue());
		assertThat(page(get("/content").param("month", "2026-13"))).contains("id=\"filter-warning\"", expected);
		assertThat(page(get("/content").param("month", "+999999999-12"))).contains("id=\"filter-warning\"");
		assertThat(page(get("/content"))).doesNotContain("id=\"filter-warning\"").contains(expected);
		assertThat(page(get("/content").param("view", "list").param("status", "nope")))
			.contains("id=\"filter-warning\"");
		this.mvc.perform(get("/content")).andExpect(status().is3xxRedirection());
		this.mvc.perform(get("/content/leaderboard"))
			.andExpect(status().is3xxRedirection())
			.andExpect(content().string(not(containsString("leaderboard-table"))));
	}

	private void metrics(long piece, LocalDate day, String views, String likes) throws Exception {
		this.mvc
			.perform(operator(post("/content/" + piece + "/metrics")).param("date", day.toString())
				.param("views", views)
				.param("likes", likes)
				.param("comments", "0")
				.param("shares", "0")
				.param("clicks", "3"))
			.andExpect(flash().attribute("message", "content.flash.metrics"));
	}

	private java.util.List<String> auditActions(long id) {
		return this.jdbc.sql("SELECT action FROM audit_entry WHERE object_type = 'content' AND object_id = ?")
			.param(Long.toString(id))
			.query(String.class)
			.list();
	}

	private ZoneId zone() {
		return this.settings.current().timeZone();
	}

	private String page(MockHttpServletRequestBuilder request) throws Exception {
		return this.mvc.perform(request.with(user("content-operator").roles("OPERATOR")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	private static MockHttpServletRequestBuilder operator(MockHttpServletRequestBuilder request) {
		return request.with(user("content-operator").roles("OPERATOR")).with(csrf());
	}

}
