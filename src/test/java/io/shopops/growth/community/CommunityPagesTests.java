package io.shopops.growth.community;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;

import io.shopops.TestUsers;
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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

/**
 * The community pages: groups and their member counts, activities, SOP items turned into
 * tasks on the assignee's home page, closing tasks, pausing items and archiving groups.
 */
@SpringBootTest
@AutoConfigureMockMvc
class CommunityPagesTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TestUsers users;

	@Autowired
	ShopSettings settings;

	@Test
	void operatorsAddAGroupRecordItsMembersAndFindItInTheList() throws Exception {
		String owner = this.users.create(Role.OPERATOR);
		String name = CommunityFixtures.unique("宝妈福利群 ");
		this.mvc.perform(as(owner, post("/community/groups/new")).param("name", " ").param("kind", "WECHAT_GROUP"))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("groupForm", "name", "NotBlank"));
		String pieceCode = CommunityFixtures.unique("P");
		this.jdbc.sql("""
				INSERT INTO content_piece (type, platform, title, status, tracking_code)
				VALUES ('POST', 'WEIBO', 'code owner', 'IDEA', :code)""").param("code", pieceCode).update();
		this.mvc
			.perform(as(owner, post("/community/groups/new")).param("name", name)
				.param("kind", "WECHAT_GROUP")
				.param("trackingCode", pieceCode.toLowerCase()))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("groupForm", "trackingCode",
					"community.form.trackingCode.taken"));
		this.mvc
			.perform(as(owner, post("/community/groups/new")).param("name", name)
				.param("kind", "WECHAT_GROUP")
				.param("owner", "nobody-" + name.hashCode()))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("groupForm", "owner", "community.form.owner.unknown"));

		long id = createGroup(owner, name);
		String code = this.jdbc.sql("SELECT tracking_code FROM community_group WHERE id = ?")
			.param(id)
			.query(String.class)
			.single();
		assertThat(code).startsWith("G").hasSize(6);
		this.mvc.perform(as(owner, post("/community/groups/new")).param("name", name).param("kind", "FAN_CLUB"))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("groupForm", "name", "community.form.name.taken"));

		LocalDate today = LocalDate.now(zone());
		members(owner, id, today.minusDays(7), "90");
		members(owner, id, today, "120");
		this.mvc
			.perform(as(owner, post("/community/groups/" + id + "/members")).param("date", today.plusDays(1).toString())
				.param("members", "5"))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("memberCountForm", "date",
					"community.members.form.date.future"));
		this.mvc
			.perform(as(owner, post("/community/groups/" + id + "/members")).param("date", today.toString())
				.param("members", "many"))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrors("memberCountForm", "members"));

		this.mvc.perform(as(owner, get("/community/groups/" + id)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(name)))
			.andExpect(content().string(containsString("+30")))
			.andExpect(content().string(containsString(code)))
			.andExpect(content().string(not(containsString("id=\"members-none\""))));
		this.mvc.perform(as(owner, get("/community")).param("q", name))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"group-table\"")))
			.andExpect(content().string(containsString(name)))
			.andExpect(content().string(not(containsString("empty-state"))));
		this.mvc.perform(as(owner, get("/community")).param("q", "不存在的群" + name))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("id=\"group-table\""))))
			.andExpect(content().string(containsString("empty-state")));
		this.mvc.perform(as(owner, get("/community")).param("kind", "NOPE").param("from", "2026-13-40"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"filter-warning\"")));
		assertThat(auditActions("community_group", id)).contains("COMMUNITY_GROUP_CREATED",
				"COMMUNITY_MEMBERS_RECORDED");
		this.mvc.perform(as(owner, get("/community/groups/99999999999"))).andExpect(status().isNotFound());
	}

	@Test
	void sopItemsBecomeTasksThatTheAssigneeClosesFromTheHomePage() throws Exception {
		String assignee = this.users.create(Role.OPERATOR);
		String colleague = this.users.create(Role.OPERATOR);
		long group = createGroup(assignee, CommunityFixtures.unique("上新群 "));
		this.mvc
			.perform(as(assignee, post("/community/groups/" + group + "/sops/new")).param("title", "上新推送")
				.param("kind", "POST")
				.param("schedule", "WEEKLY")
				.param("atTime", "10:00")
				.param("assignee", assignee))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("sopForm", "dayOfWeek",
					"community.sop.form.dayOfWeek.required"));
		this.mvc
			.perform(as(assignee, post("/community/groups/" + group + "/sops/new")).param("title", "早安问候")
				.param("kind", "POST")
				.param("schedule", "DAILY")
				.param("atTime", "00:00")
				.param("assignee", assignee))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("message", "community.sop.flash.created"));
		long sop = this.jdbc.sql("SELECT id FROM community_sop WHERE group_id = ?")
			.param(group)
			.query(Long.class)
			.single();
		// midnight of today is past: the next 14 midnights
		assertThat(openFutureTasks(sop)).isEqualTo(14);

		long overdue = this.jdbc.sql("""
				INSERT INTO community_task (sop_id, group_id, title, due_at, assignee)
				VALUES (:sop, :group, '早安问候', :due, :assignee) RETURNING id""")
			.param("sop", sop)
			.param("group", group)
			.param("due", Timestamp.from(Instant.now().minus(1, ChronoUnit.HOURS)))
			.param("assignee", assignee)
			.query(Long.class)
			.single();
		this.mvc.perform(as(assignee, get("/")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"my-tasks\"")))
			.andExpect(content().string(containsString("/community/tasks/" + overdue + "/done")));
		this.mvc.perform(as(colleague, get("/")))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("/community/tasks/" + overdue + "/done"))));

		this.mvc.perform(as(colleague, post("/community/tasks/" + overdue + "/done")).param("back", "/"))
			.andExpect(redirectedUrl("/"))
			.andExpect(flash().attribute("error", "community.task.notYours"));
		this.mvc.perform(as(assignee, post("/community/tasks/" + overdue + "/done")).param("back", "/"))
			.andExpect(redirectedUrl("/"))
			.andExpect(flash().attribute("message", "community.task.flash.DONE"));
		assertThat(this.jdbc.sql("SELECT status || ' ' || closed_by FROM community_task WHERE id = ?")
			.param(overdue)
			.query(String.class)
			.single()).isEqualTo("DONE " + assignee);
		this.mvc.perform(as(assignee, post("/community/tasks/" + overdue + "/skip")).param("back", "//evil.example"))
			.andExpect(redirectedUrl("/community/tasks"))
			.andExpect(flash().attribute("error", "community.task.notOpen"));
		assertThat(auditActions("community_task", overdue)).containsExactly("COMMUNITY_TASK_DONE");

		this.mvc.perform(as(assignee, get("/community/tasks")).param("who", "all").param("group", "" + group))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"task-table\"")))
			.andExpect(content().string(not(containsString("empty-state"))));

		// pausing removes the future open tasks, never the closed one; resuming brings
		// them back; a new schedule replaces them
		this.mvc.perform(as(assignee, post("/community/sops/" + sop + "/pause")))
			.andExpect(flash().attribute("message", "community.sop.flash.paused"));
		assertThat(openFutureTasks(sop)).isZero();
		this.mvc.perform(as(assignee, post("/community/sops/" + sop + "/resume")))
			.andExpect(flash().attribute("message", "community.sop.flash.resumed"));
		assertThat(openFutureTasks(sop)).isEqualTo(14);
		long version = this.jdbc.sql("SELECT version FROM community_sop WHERE id = ?")
			.param(sop)
			.query(Long.class)
			.single();
		this.mvc
			.perform(as(assignee, post("/community/sops/" + sop)).param("title", "周二上新")
				.param("kind", "POST")
				.param("schedule", "WEEKLY")
				.param("dayOfWeek", "TUESDAY")
				.param("atTime", "00:00")
				.param("assignee", assignee)
				.param("version", Long.toString(version)))
			.andExpect(status().is3xxRedirection());
		assertThat(openFutureTasks(sop)).isEqualTo(2);
		assertThat(this.jdbc.sql("SELECT count(*) FROM community_task WHERE id = ? AND status = 'DONE'")
			.param(overdue)
			.query(Long.class)
			.single()).isOne();
		assertThat(auditActions("community_sop", sop)).contains("COMMUNITY_SOP_CREATED", "COMMUNITY_SOP_PAUSED",
				"COMMUNITY_SOP_RESUMED", "COMMUNITY_SOP_UPDATED");

		// archiving the group removes its open tasks; restoring makes them again
		this.mvc.perform(as(assignee, post("/community/groups/" + group + "/archive")))
			.andExpect(flash().attribute("message", "community.flash.archived"));
		assertThat(openFutureTasks(sop)).isZero();
		this.mvc.perform(as(assignee, post("/community/groups/" + group + "/restore")))
			.andExpect(flash().attribute("message", "community.flash.restored"));
		assertThat(openFutureTasks(sop)).isEqualTo(2);
	}

	@Test
	void activitiesNeedAWindowThatEndsAfterItStarts() throws Exception {
		String operator = this.users.create(Role.OPERATOR);
		long group = createGroup(operator, CommunityFixtures.unique("团购群 "));
		this.mvc
			.perform(as(operator, post("/community/activities/new")).param("groupId", "" + group)
				.param("type", "GROUP_BUY")
				.param("title", "圣诞团购")
				.param("startsAt", "2030-12-20T10:00")
				.param("endsAt", "2030-12-19T10:00"))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("activityForm", "endsAt",
					"community.activity.form.endsAt.beforeStart"));
		this.mvc
			.perform(as(operator, post("/community/activities/new")).param("groupId", "99999999999")
				.param("type", "GROUP_BUY")
				.param("title", "圣诞团购")
				.param("startsAt", "2030-12-20T10:00")
				.param("endsAt", "2030-12-21T10:00"))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("activityForm", "groupId",
					"community.activity.form.group.unknown"));
		String location = this.mvc
			.perform(as(operator, post("/community/activities/new")).param("groupId", "" + group)
				.param("type", "GROUP_BUY")
				.param("title", "圣诞团购")
				.param("startsAt", "2030-12-20T10:00")
				.param("endsAt", "2030-12-22T22:00"))
			.andExpect(status().is3xxRedirection())
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		this.mvc.perform(as(operator, get(location)))
			.andExpect(status().isOk())
			.andExpect(view().name("growth/community/activity"))
			.andExpect(content().string(containsString("圣诞团购")))
			.andExpect(content().string(containsString("id=\"orders-none\"")));
		this.mvc
			.perform(as(operator, get("/community/activities")).param("group", "" + group).param("phase", "UPCOMING"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("圣诞团购")));
		this.mvc.perform(as(operator, get("/community/activities")).param("group", "" + group).param("phase", "ENDED"))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("圣诞团购"))))
			.andExpect(content().string(containsString("empty-state")));
		this.mvc.perform(as(operator, get("/community/activities")).param("phase", "SOMETIME"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"filter-warning\"")));
	}

	@Test
	void theBackAddressAfterClosingATaskStaysOnThisSite() {
		assertThat(SopController.safeBack("/community/tasks?who=all")).isEqualTo("/community/tasks?who=all");
		assertThat(SopController.safeBack("/")).isEqualTo("/");
		for (String bad : List.of("//evil.example", "https://evil.example", "/\\evil", "", "/a\r\nSet-Cookie: x")) {
			assertThat(SopController.safeBack(bad)).isEqualTo("/community/tasks");
		}
		assertThat(SopController.safeBack(null)).isEqualTo("/community/tasks");
	}

	private long createGroup(String owner, String name) throws Exception {
		String location = this.mvc
			.perform(as(owner, post("/community/groups/new")).param("name", name)
				.param("kind", "WECHAT_GROUP")
				.param("owner", owner))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("message", "community.flash.created"))
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		return Long.parseLong(location.substring("/community/groups/".length()));
	}

	private void members(String user, long group, LocalDate date, String members) throws Exception {
		this.mvc
			.perform(as(user, post("/community/groups/" + group + "/members")).param("date", date.toString())
				.param("members", members))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("message", "community.flash.members"));
	}

	private long openFutureTasks(long sop) {
		return this.jdbc
			.sql("SELECT count(*) FROM community_task WHERE sop_id = ? AND status = 'OPEN' AND due_at > now()")
			.param(sop)
			.query(Long.class)
			.single();
	}

	private List<String> auditActions(String type, long id) {
		return this.jdbc.sql("SELECT action FROM audit_entry WHERE object_type = ? AND object_id = ? ORDER BY id")
			.param(type)
			.param(Long.toString(id))
			.query(String.class)
			.list();
	}

	private ZoneId zone() {
		return this.settings.current().timeZone();
	}

	private static MockHttpServletRequestBuilder as(String username, MockHttpServletRequestBuilder request) {
		return request.with(user(username).roles("OPERATOR")).with(csrf());
	}

}
