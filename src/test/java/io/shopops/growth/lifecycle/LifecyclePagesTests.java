package io.shopops.growth.lifecycle;

import java.util.List;

import io.shopops.TestUsers;
import io.shopops.growth.outreach.OutreachMessages;
import io.shopops.platform.Role;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static io.shopops.growth.lifecycle.LifecycleFixtures.customer;
import static io.shopops.growth.lifecycle.LifecycleFixtures.segment;
import static io.shopops.growth.lifecycle.LifecycleFixtures.tag;
import static io.shopops.growth.lifecycle.LifecycleFixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The lifecycle pages over HTTP: managers only; the form validates in both languages;
 * create, run now, enable, disable and delete (after confirmation) are audited; the
 * history pages; task buttons on the home page; the birthday card on the customer page.
 */
@SpringBootTest
@AutoConfigureMockMvc
class LifecyclePagesTests {

	private static final RequestPostProcessor MANAGER = user("lifecycle-manager").roles("MANAGER");

	private static final RequestPostProcessor OPERATOR = user("lifecycle-operator").roles("OPERATOR");

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TestUsers users;

	@Autowired
	ObjectProvider<OutreachMessages> outreach;

	@Test
	void onlyManagersOpenThePagesAndSeeTheNavigationEntry() throws Exception {
		this.mvc.perform(get("/crm/lifecycle").with(OPERATOR)).andExpect(status().isForbidden());
		this.mvc.perform(get("/crm/lifecycle/new").with(OPERATOR)).andExpect(status().isForbidden());
		this.mvc.perform(post("/crm/lifecycle").with(OPERATOR).with(csrf())).andExpect(status().isForbidden());
		assertThat(page(get("/crm/lifecycle"), MANAGER)).contains("Lifecycle rules", "id=\"new-rule\"");
		assertThat(page(get("/crm"), MANAGER)).contains("href=\"/crm/lifecycle\"");
		assertThat(page(get("/crm"), OPERATOR)).doesNotContain("href=\"/crm/lifecycle\"");
		this.mvc.perform(get("/crm/lifecycle/999999999").with(MANAGER)).andExpect(status().isNotFound());
	}

	@Test
	void theFormExplainsWhatIsWrongInBothLanguages() throws Exception {
		MockHttpServletRequestBuilder bad = post("/crm/lifecycle").with(csrf())
			.param("name", " ")
			.param("trigger", "DORMANT")
			.param("triggerDays", "0")
			.param("action", "COUPON")
			.param("couponId", "abc")
			.param("cooldownDays", "-3")
			.param("returnDays", "999");
		assertThat(page(bad, MANAGER)).contains("Enter a name.", "Enter a number of days from 1 to 3650.",
				"Choose an active coupon that is still valid.", "Enter a cool-down from 1 to 3650 days.",
				"Enter a window from 1 to 365 days.");
		assertThat(page(bad.header("Accept-Language", "zh-CN"), MANAGER)).contains("请输入名称。", "请输入 1 到 3650 之间的天数。",
				"请选择一张仍在有效期内的启用优惠券。");
		assertThat(page(post("/crm/lifecycle").with(csrf())
			.param("name", "Task")
			.param("trigger", "CHURN_RISK")
			.param("action", "TASK")
			.param("taskTitle", "")
			.param("taskAssignee", "nobody-at-all")
			.param("cooldownDays", "30")
			.param("returnDays", "30"), MANAGER)).contains("Choose at least one RFM group.",
					"Enter what the task is (at most 200 characters).", "Choose an active user.");
		assertThat(page(post("/crm/lifecycle").with(csrf())
			.param("name", "Segment")
			.param("trigger", "SEGMENT")
			.param("segmentId", "999999999")
			.param("action", "NOPE"), MANAGER)).contains("Choose a saved segment.", "Choose an action.");
	}

	@Test
	void managersCreateRunPageDisableAndDeleteRules() throws Exception {
		String tag = unique("LCP");
		for (int i = 0; i < 27; i++) {
			tag(this.jdbc, customer(this.jdbc, "Page customer " + i), tag);
		}
		long segmentId = segment(this.jdbc, tag);
		String assignee = this.users.create(Role.OPERATOR);
		String name = unique("回访新会员");
		String location = this.mvc
			.perform(post("/crm/lifecycle").with(MANAGER)
				.with(csrf())
				.param("name", name)
				.param("trigger", "SEGMENT")
				.param("segmentId", Long.toString(segmentId))
				.param("action", "TASK")
				.param("taskTitle", "Call to welcome")
				.param("taskAssignee", assignee)
				.param("taskDueDays", "2")
				.param("cooldownDays", "60")
				.param("returnDays", "14")
				.param("actOnExisting", "true"))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("message", "lifecycle.flash.created"))
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		long id = Long.parseLong(location.substring("/crm/lifecycle/".length()));
		assertThat(page(get(location), MANAGER)).contains(name, "id=\"run-rule\"",
				"This rule has not acted on anyone yet.", "Call to welcome");
		assertThat(page(get("/crm/lifecycle"), MANAGER)).contains(name, "Enters a saved segment",
				"Create a staff task");
		assertThat(page(get(location + "/edit"), MANAGER)).contains("value=\"" + name + "\"", "Call to welcome");

		this.mvc.perform(post(location + "/run").with(MANAGER).with(csrf()))
			.andExpect(redirectedUrl(location))
			.andExpect(flash().attribute("message", "lifecycle.flash.run"))
			.andExpect(flash().attribute("messageArgs", new Object[] { 27, 0, 27, 0 }));
		String first = page(get(location), MANAGER);
		assertThat(first).contains("firing-table", "Task created", "Page 1 of 2 (27 in all)");
		assertThat(count(first, "Task created")).isEqualTo(25);
		assertThat(count(page(get(location).param("page", "1"), MANAGER), "Task created")).isEqualTo(2);
		assertThat(count(page(get(location).param("page", "x'--"), MANAGER), "Task created")).isEqualTo(25);
		assertThat(audited("LIFECYCLE_RULE_EVALUATED", id)).isEqualTo(1);

		// the assignee sees the task at home (due in two days: not today) only once due
		long task = this.jdbc.sql("SELECT min(id) FROM lifecycle_task WHERE rule_id = :id")
			.param("id", id)
			.query(Long.class)
			.single();
		this.jdbc.sql("UPDATE lifecycle_task SET due_at = now() - interval '1 hour' WHERE id = :id")
			.param("id", task)
			.update();
		RequestPostProcessor owner = user(assignee).roles("OPERATOR");
		assertThat(page(get("/"), owner)).contains("Call to welcome", "/crm/lifecycle/tasks/" + task + "/done");
		this.mvc.perform(post("/crm/lifecycle/tasks/" + task + "/done").with(OPERATOR).with(csrf()).param("back", "/"))
			.andExpect(flash().attribute("error", "lifecycle.task.notYours"));
		this.mvc.perform(post("/crm/lifecycle/tasks/" + task + "/done").with(owner).with(csrf()).param("back", "/"))
			.andExpect(redirectedUrl("/"))
			.andExpect(flash().attribute("message", "lifecycle.task.flash.done"));
		assertThat(page(get("/"), owner)).doesNotContain("/crm/lifecycle/tasks/" + task + "/done");

		this.mvc.perform(post(location + "/disable").with(MANAGER).with(csrf()))
			.andExpect(flash().attribute("message", "lifecycle.flash.disabled"));
		assertThat(page(get(location), MANAGER)).contains("id=\"enable-rule\"").doesNotContain("id=\"run-rule\"");
		this.mvc.perform(post(location + "/run").with(MANAGER).with(csrf()))
			.andExpect(flash().attribute("error", "lifecycle.run.disabled"));
		this.mvc.perform(post(location + "/enable").with(MANAGER).with(csrf()))
			.andExpect(flash().attribute("message", "lifecycle.flash.enabled"));

		assertThat(page(get(location), MANAGER)).contains("data-confirm=\"Delete the rule");
		this.mvc.perform(post(location + "/delete").with(MANAGER).with(csrf()))
			.andExpect(redirectedUrl("/crm/lifecycle"))
			.andExpect(flash().attribute("message", "lifecycle.flash.deleted"));
		this.mvc.perform(get(location).with(MANAGER)).andExpect(status().isNotFound());
		for (String action : List.of("LIFECYCLE_RULE_CREATED", "LIFECYCLE_RULE_DISABLED", "LIFECYCLE_RULE_ENABLED",
				"LIFECYCLE_RULE_DELETED")) {
			assertThat(audited(action, id)).as(action).isEqualTo(1);
		}
		assertThat(page(get("/admin/audit").param("objectType", "lifecycle"), user("boss").roles("ADMIN")))
			.contains("Lifecycle rule deleted");
	}

	@Test
	void theMessageActionIsUnavailableWithoutAnOutbox() throws Exception {
		assumeTrue(this.outreach.getIfAvailable() == null, "an outreach outbox is installed");
		assertThat(page(get("/crm/lifecycle/new"), MANAGER)).contains("id=\"message-unavailable\"",
				"no outreach outbox is installed");
		assertThat(page(post("/crm/lifecycle").with(csrf())
			.param("name", unique("Message"))
			.param("trigger", "DORMANT")
			.param("triggerDays", "90")
			.param("action", "MESSAGE")
			.param("templateId", "1")
			.param("cooldownDays", "30")
			.param("returnDays", "30"), MANAGER)).contains("Messages cannot be queued");
	}

	@Test
	void theCustomerPageEditsTheBirthday() throws Exception {
		long id = customer(this.jdbc, "Birthday page");
		String path = "/crm/customers/" + id;
		assertThat(page(get(path), OPERATOR)).contains("id=\"customer-birthday\"", "Not known");
		this.mvc.perform(post(path + "/birthday").with(OPERATOR).with(csrf()).param("month", "2").param("day", "30"))
			.andExpect(flash().attribute("error", "lifecycle.birthday.invalid"));
		this.mvc.perform(post(path + "/birthday").with(OPERATOR).with(csrf()).param("month", "13").param("day", "1"))
			.andExpect(flash().attribute("error", "lifecycle.birthday.invalid"));
		this.mvc.perform(post(path + "/birthday").with(OPERATOR).with(csrf()).param("month", "2").param("day", "29"))
			.andExpect(redirectedUrl(path))
			.andExpect(flash().attribute("message", "lifecycle.birthday.flash.saved"));
		assertThat(page(get(path), OPERATOR)).contains("02-29");
		assertThat(page(get(path).header("Accept-Language", "zh-CN"), OPERATOR)).contains("保存生日");
		this.mvc.perform(post(path + "/birthday").with(OPERATOR).with(csrf()).param("month", "").param("day", ""))
			.andExpect(flash().attribute("message", "lifecycle.birthday.flash.cleared"));
		assertThat(page(get(path), OPERATOR)).contains("Not known");
		assertThat(this.jdbc.sql("""
				SELECT count(*) FROM audit_entry WHERE action = 'CUSTOMER_BIRTHDAY_CHANGED' AND object_id = :id""")
			.param("id", Long.toString(id))
			.query(Long.class)
			.single()).isEqualTo(2);
		this.mvc
			.perform(post("/crm/customers/999999999/birthday").with(OPERATOR)
				.with(csrf())
				.param("month", "1")
				.param("day", "1"))
			.andExpect(status().isNotFound());
	}

	private long audited(String action, long id) {
		return this.jdbc.sql("SELECT count(*) FROM audit_entry WHERE action = :a AND object_id = :id")
			.param("a", action)
			.param("id", Long.toString(id))
			.query(Long.class)
			.single();
	}

	private static int count(String text, String part) {
		int count = 0;
		for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + part.length())) {
			count++;
		}
		return count;
	}

	private String page(MockHttpServletRequestBuilder request, RequestPostProcessor user) throws Exception {
		return this.mvc.perform(request.with(user))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

}
