package io.shopops.fulfilment.aftersales.ticket;

import java.util.List;

import io.shopops.TestUsers;
import io.shopops.platform.Role;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The ticket pages: the queue with its filters and SLA colours, a new ticket from an
 * order, a ticket's replies, notes, assignment, status and priority, the manager's
 * settings with canned replies, the home cards, and who may open what.
 */
@SpringBootTest
@AutoConfigureMockMvc
class TicketPagesTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TestUsers users;

	@Autowired
	Tickets tickets;

	@Test
	void anOperatorOpensATicketFromAnOrderWithValidationInBothLanguages() throws Exception {
		String operator = this.users.create(Role.OPERATOR);
		String number = TicketFixtures.unique("TKP");
		long order = TicketFixtures.order(this.jdbc, number, "李娜");

		assertThat(page(operator, get("/orders/" + order))).contains("/after-sales/tickets/new?order=" + order);
		String form = page(operator, get("/after-sales/tickets/new").param("order", String.valueOf(order)));
		assertThat(form).contains(number, "value=\"李娜\"", "value=\"138****0000\"", "name=\"orderId\"");
		assertThat(page(operator, get("/after-sales/tickets/new").param("order", "not-a-number")))
			.contains("id=\"ticket-form\"")
			.doesNotContain("id=\"ticket-order\"");

		this.mvc
			.perform(as(operator, post("/after-sales/tickets")).param("subject", " ")
				.param("priority", "BOGUS")
				.param("customerName", "x".repeat(121))
				.header("Accept-Language", "zh-CN"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("请输入主题。")))
			.andExpect(content().string(containsString("请选择优先级。")))
			.andExpect(content().string(containsString("姓名最多 120 个字符。")));
		this.mvc
			.perform(as(operator, post("/after-sales/tickets")).param("subject", "x".repeat(201))
				.param("priority", "HIGH")
				.param("orderId", "999999999")
				.header("Accept-Language", "en"))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("ticketForm", "orderId", "tickets.order.unknown"))
			.andExpect(content().string(containsString("The subject can be at most 200 characters.")))
			.andExpect(content().string(containsString("That order does not exist.")));

		String location = this.mvc
			.perform(as(operator, post("/after-sales/tickets")).param("subject", "快递一直没更新")
				.param("body", "三天了物流没有动")
				.param("priority", "HIGH")
				.param("orderId", String.valueOf(order))
				.param("customerName", "李娜"))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("message", "tickets.flash.opened"))
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		assertThat(location).matches("/after-sales/tickets/\\d+");
		String detail = page(operator, get(location));
		assertThat(detail)
			.contains("快递一直没更新", "三天了物流没有动", "href=\"/orders/" + order + "\"", number, "id=\"reply-form\"",
					"No replies or notes yet.", "/js/ticket-reply-")
			.doesNotContain("??");
		assertThat(page(operator, get("/after-sales/tickets").param("order", String.valueOf(order)))).contains(location,
				"快递一直没更新", "id=\"order-filter\"");
		assertThat(page(operator, get("/orders/" + order)))
			.contains("hx-get=\"/after-sales/tickets/of-order/" + order + "\"");
		assertThat(page(operator, get("/after-sales/tickets/of-order/" + order))).contains(location, "快递一直没更新",
				"id=\"order-ticket-list\"", "High");
		assertThat(page(operator, get("/after-sales/tickets/of-order/999999999"))).doesNotContain("<li");
	}

	@Test
	void repliesNotesAssignmentStatusAndPriorityAreLoggedAndAudited() throws Exception {
		String operator = this.users.create(Role.OPERATOR);
		String colleague = this.users.create(Role.OPERATOR);
		long cannedId = this.jdbc
			.sql("INSERT INTO ticket_canned_reply (title, body) VALUES (:title, '您好，已为您加急处理。') RETURNING id")
			.param("title", TicketFixtures.unique("加急"))
			.query(Long.class)
			.single();
		long id = this.tickets.open(new TicketDraft(TicketFixtures.unique("退款进度"), null, TicketPriority.NORMAL, null,
				"张伟", null, "manual", null));
		String path = "/after-sales/tickets/" + id;
		assertThat(page(operator, get(path))).contains("data-body=\"您好，已为您加急处理。\"", "value=\"" + cannedId + "\"",
				"value=\"" + colleague + "\"");

		this.mvc.perform(as(operator, post(path + "/reply")).param("text", "  "))
			.andExpect(redirectedUrl(path))
			.andExpect(flash().attribute("error", "tickets.text.required"));
		this.mvc.perform(as(operator, post(path + "/reply")).param("text", "x".repeat(5001)))
			.andExpect(flash().attribute("error", "tickets.text.size"));
		assertThat(firstResponse(id)).isNull();
		this.mvc.perform(as(operator, post(path + "/reply")).param("text", "您好，已为您加急处理。\n请耐心等待。"))
			.andExpect(redirectedUrl(path))
			.andExpect(flash().attribute("message", "tickets.flash.replied"));
		java.sql.Timestamp first = firstResponse(id);
		assertThat(first).isNotNull();
		this.mvc.perform(as(operator, post(path + "/reply")).param("text", "second reply"));
		assertThat(firstResponse(id)).as("only the first reply sets it").isEqualTo(first);
		this.mvc.perform(as(operator, post(path + "/note")).param("text", "客户情绪激动，注意语气"))
			.andExpect(flash().attribute("message", "tickets.flash.noted"));
		this.mvc.perform(as(operator, post(path + "/assign")).param("assignee", "no-such-user-x"))
			.andExpect(flash().attribute("error", "tickets.assign.unknown"));
		this.mvc.perform(as(operator, post(path + "/assign")).param("assignee", colleague.toUpperCase()))
			.andExpect(flash().attribute("message", "tickets.flash.assigned"));
		assertThat(this.jdbc.sql("SELECT assignee FROM ticket WHERE id = ?").param(id).query(String.class).single())
			.isEqualTo(colleague);
		this.mvc.perform(as(operator, post(path + "/priority")).param("priority", "URGENT"))
			.andExpect(flash().attribute("message", "tickets.flash.priority"));
		this.mvc.perform(as(operator, post(path + "/priority")).param("priority", "nope"))
			.andExpect(flash().attribute("error", "tickets.priority.required"));
		this.mvc.perform(as(operator, post(path + "/status")).param("status", "closed"))
			.andExpect(flash().attribute("error", "tickets.status.illegal"));
		this.mvc.perform(as(operator, post(path + "/status")).param("status", "pending_customer"))
			.andExpect(flash().attribute("message", "tickets.flash.status.pending_customer"));
		this.mvc.perform(as(operator, post(path + "/status")).param("status", "resolved"))
			.andExpect(flash().attribute("message", "tickets.flash.status.resolved"));
		this.mvc.perform(as(operator, post(path + "/status")).param("status", "open"))
			.andExpect(flash().attribute("message", "tickets.flash.status.open"));
		this.mvc.perform(as(operator, post(path + "/status")).param("status", "resolved"));
		this.mvc.perform(as(operator, post(path + "/status")).param("status", "closed"))
			.andExpect(flash().attribute("message", "tickets.flash.status.closed"));

		String detail = page(operator, get(path));
		assertThat(detail)
			.contains("客户情绪激动，注意语气", "Internal note", "class=\"status-change\"", ">Pending customer</span>",
					"This ticket is closed and can no longer be changed.", "Urgent")
			.doesNotContain("id=\"reply-form\"", "id=\"assign-form\"", "id=\"status-open\"", "open → pending_customer");
		this.mvc.perform(as(operator, post(path + "/reply")).param("text", "too late"))
			.andExpect(flash().attribute("error", "tickets.closed.readOnly"));
		assertThat(this.jdbc.sql("SELECT kind FROM ticket_entry WHERE ticket_id = ? ORDER BY at, id")
			.param(id)
			.query(String.class)
			.list()).containsExactly("reply", "reply", "internal_note", "assignment", "status_change", "status_change",
					"status_change", "status_change", "status_change");
		assertThat(this.jdbc
			.sql("SELECT action FROM audit_entry WHERE object_type = 'ticket' AND object_id = ? ORDER BY id")
			.param(String.valueOf(id))
			.query(String.class)
			.list()).containsExactly("TICKET_OPENED", "TICKET_REPLIED", "TICKET_REPLIED", "TICKET_NOTE_ADDED",
					"TICKET_ASSIGNED", "TICKET_PRIORITY_CHANGED", "TICKET_STATUS_CHANGED", "TICKET_STATUS_CHANGED",
					"TICKET_STATUS_CHANGED", "TICKET_STATUS_CHANGED", "TICKET_STATUS_CHANGED");
		this.mvc.perform(as(operator, get("/after-sales/tickets/999999999"))).andExpect(status().isNotFound());
	}

	@Test
	void theQueueFiltersSortsUrgentFirstAndColoursBreachedTickets() throws Exception {
		String operator = this.users.create(Role.OPERATOR);
		String tag = TicketFixtures.unique("Q");
		long order = TicketFixtures.order(this.jdbc, tag, "赵敏");
		long low = open(tag + " low", TicketPriority.LOW, order);
		long urgent = open(tag + " urgent", TicketPriority.URGENT, order);
		long breached = open(tag + " breached", TicketPriority.NORMAL, order);
		long mine = open(tag + " mine", TicketPriority.HIGH, order);
		this.jdbc.sql("UPDATE ticket SET first_response_due_at = now() - interval '1 hour' WHERE id = ?")
			.param(breached)
			.update();
		this.jdbc.sql("UPDATE ticket SET assignee = ? WHERE id = ?").param(operator).param(mine).update();

		String all = page(operator, get("/after-sales/tickets").param("order", String.valueOf(order)));
		assertThat(all).contains(tag + " low", tag + " urgent", tag + " breached", tag + " mine", "table-danger",
				"SLA breached");
		assertThat(all.indexOf(tag + " urgent")).isLessThan(all.indexOf(tag + " mine"));
		assertThat(all.indexOf(tag + " mine")).isLessThan(all.indexOf(tag + " breached"));
		assertThat(all.indexOf(tag + " breached")).isLessThan(all.indexOf(tag + " low"));

		assertThat(rows(operator, "priority", "URGENT", order)).containsExactly(urgent);
		assertThat(rows(operator, "assignee", "mine", order)).containsExactly(mine);
		assertThat(rows(operator, "assignee", "unassigned", order)).containsExactly(urgent, breached, low);
		assertThat(rows(operator, "breached", "true", order)).containsExactly(breached);
		this.jdbc.sql("UPDATE ticket SET status = 'resolved', resolved_at = now() WHERE id = ?").param(low).update();
		assertThat(rows(operator, "status", "active", order)).containsExactly(urgent, mine, breached);
		assertThat(rows(operator, "status", "resolved", order)).containsExactly(low);
		assertThat(rows(operator, "status", "all", order)).hasSize(4);

		String noMatch = page(operator,
				get("/after-sales/tickets").param("order", String.valueOf(order)).param("status", "closed"));
		assertThat(noMatch).contains("No ticket matches").doesNotContain("id=\"ticket-table\"");
		String bad = page(operator,
				get("/after-sales/tickets").param("status", "bogus")
					.param("priority", "x")
					.param("page", "-4")
					.param("order", "abc"));
		assertThat(bad).contains("That status is unknown", "That priority is unknown", "That order is unknown");
		assertThat(page(operator, get("/"))).contains("Open tickets", "Tickets past their SLA",
				"href=\"/after-sales/tickets?breached=true\"");
	}

	@Test
	void managersKeepTheSlaAndCannedRepliesOperatorsMayNot() throws Exception {
		String operator = this.users.create(Role.OPERATOR);
		String manager = this.users.create(Role.MANAGER);
		this.mvc.perform(as(operator, get("/after-sales/tickets/settings"))).andExpect(status().isForbidden());
		this.mvc
			.perform(as(operator, post("/after-sales/tickets/settings/canned")).param("title", "x").param("body", "y"))
			.andExpect(status().isForbidden());
		assertThat(page(operator, get("/after-sales/tickets"))).doesNotContain("id=\"ticket-settings\"");
		assertThat(page(manager, get("/after-sales/tickets"))).contains("id=\"ticket-settings\"");

		String settings = page(manager, get("/after-sales/tickets/settings"));
		assertThat(settings).contains("id=\"sla-form\"", "name=\"firstResponseHours\"");
		var rules = this.jdbc.sql("SELECT first_response_sla_hours, resolution_sla_hours, version FROM ticket_setting")
			.query()
			.singleRow();
		this.mvc
			.perform(as(manager, post("/after-sales/tickets/settings")).param("firstResponseHours", "0")
				.param("resolutionHours", "abc")
				.param("version", rules.get("version").toString())
				.header("Accept-Language", "zh-CN"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("请输入 1 到 720 之间的整数小时。")))
			.andExpect(content().string(containsString("请输入 1 到 2,160 之间的整数小时。")));
		this.mvc
			.perform(as(manager, post("/after-sales/tickets/settings")).param("firstResponseHours", "10")
				.param("resolutionHours", "5")
				.param("version", rules.get("version").toString()))
			.andExpect(model().attributeHasFieldErrorCode("slaForm", "resolutionHours", "tickets.settings.order"));
		this.mvc
			.perform(as(manager, post("/after-sales/tickets/settings"))
				.param("firstResponseHours", rules.get("first_response_sla_hours").toString())
				.param("resolutionHours", rules.get("resolution_sla_hours").toString())
				.param("version", rules.get("version").toString()))
			.andExpect(redirectedUrl("/after-sales/tickets/settings"))
			.andExpect(flash().attribute("message", "tickets.flash.settingsSaved"));
		this.mvc
			.perform(as(manager, post("/after-sales/tickets/settings")).param("firstResponseHours", "4")
				.param("resolutionHours", "48")
				.param("version", rules.get("version").toString()))
			.andExpect(status().isConflict());

		String title = TicketFixtures.unique("物流查询");
		this.mvc
			.perform(as(manager, post("/after-sales/tickets/settings/canned")).param("title", "")
				.param("body", "")
				.header("Accept-Language", "en"))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrors("cannedForm", "title", "body"))
			.andExpect(content().string(containsString("Enter a title.")))
			.andExpect(content().string(containsString("Enter the text of the reply.")));
		this.mvc
			.perform(as(manager, post("/after-sales/tickets/settings/canned")).param("title", title)
				.param("body", "您的包裹已发出，请留意物流信息。"))
			.andExpect(redirectedUrl("/after-sales/tickets/settings"))
			.andExpect(flash().attribute("message", "tickets.flash.cannedCreated"));
		this.mvc
			.perform(as(manager, post("/after-sales/tickets/settings/canned")).param("title", title).param("body", "b"))
			.andExpect(model().attributeHasFieldErrorCode("cannedForm", "title", "tickets.canned.title.duplicate"));
		long id = this.jdbc.sql("SELECT id FROM ticket_canned_reply WHERE title = ?")
			.param(title)
			.query(Long.class)
			.single();
		assertThat(page(manager, get("/after-sales/tickets/settings"))).contains(title,
				"data-confirm=\"Delete the canned reply");
		assertThat(page(manager, get("/after-sales/tickets/settings/canned/" + id))).contains("您的包裹已发出");
		this.mvc
			.perform(as(manager, post("/after-sales/tickets/settings/canned/" + id)).param("title", title + "!")
				.param("body", "新的内容"))
			.andExpect(flash().attribute("message", "tickets.flash.cannedUpdated"));
		this.mvc.perform(as(manager, post("/after-sales/tickets/settings/canned/" + id + "/delete")))
			.andExpect(flash().attribute("message", "tickets.flash.cannedDeleted"));
		this.mvc.perform(as(manager, get("/after-sales/tickets/settings/canned/" + id)))
			.andExpect(status().isNotFound());
		assertThat(this.jdbc
			.sql("SELECT action FROM audit_entry WHERE object_type = 'ticketcannedreply' AND object_id = ? ORDER BY id")
			.param(String.valueOf(id))
			.query(String.class)
			.list()).containsExactly("TICKET_CANNED_REPLY_CREATED", "TICKET_CANNED_REPLY_UPDATED",
					"TICKET_CANNED_REPLY_DELETED");
		assertThat(
				this.jdbc.sql("SELECT count(*) FROM audit_entry WHERE action = 'TICKET_SETTINGS_CHANGED' AND actor = ?")
					.param(manager)
					.query(Long.class)
					.single())
			.isOne();
	}

	@Test
	void theNewCannedReplyFormAndAnEmptyListRender() throws Exception {
		String manager = this.users.create(Role.MANAGER);
		assertThat(page(manager, get("/after-sales/tickets/settings/canned/new"))).contains("id=\"canned-form\"")
			.doesNotContain("??");
		this.mvc.perform(get("/after-sales/tickets")).andExpect(status().is3xxRedirection());
	}

	private long open(String subject, TicketPriority priority, long order) {
		return this.tickets.open(new TicketDraft(subject, null, priority, order, null, null, "manual", null));
	}

	private List<Long> rows(String user, String parameter, String value, long order) throws Exception {
		String html = page(user,
				get("/after-sales/tickets").param(parameter, value).param("order", String.valueOf(order)));
		return java.util.regex.Pattern.compile("href=\"/after-sales/tickets/(\\d+)\"")
			.matcher(html)
			.results()
			.map((m) -> Long.parseLong(m.group(1)))
			.toList();
	}

	private java.sql.Timestamp firstResponse(long id) {
		return this.jdbc.sql("SELECT first_response_at FROM ticket WHERE id = ?")
			.param(id)
			.query((rs, n) -> java.util.Optional.ofNullable(rs.getTimestamp(1)))
			.single()
			.orElse(null);
	}

	private String page(String user, MockHttpServletRequestBuilder request) throws Exception {
		return this.mvc.perform(as(user, request).header("Accept-Language", "en"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	private MockHttpServletRequestBuilder as(String username, MockHttpServletRequestBuilder request) {
		String role = username.substring(0, username.indexOf('-')).toUpperCase();
		return request.with(user(username).roles(role)).with(csrf());
	}

}
