package io.shopops.growth.lifecycle;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.shopops.growth.coupon.CouponGrants;
import io.shopops.growth.outreach.OutreachMessages;
import io.shopops.growth.segment.RfmGroup;
import io.shopops.growth.segment.Segments;
import io.shopops.platform.AuditLog;
import io.shopops.platform.UserDirectory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.Errors;

/**
 * The lifecycle rules: validated, created, changed, enabled, disabled and deleted by
 * managers, each change one transaction with its audit entry; their closed-loop figures
 * and firing history.
 */
@Service
class LifecycleRules {

	static final int PAGE_SIZE = 25;

	private static final String COLUMNS = """
			id, name, trigger_kind, trigger_days, rfm_groups, segment_id, action_kind, coupon_id, task_title,
			task_assignee, task_due_days, template_id, cooldown_days, return_days, act_on_existing, enabled,
			last_run_at, last_entered, last_left, last_acted, last_millis, created_by, created_at, version""";

	private final JdbcClient jdbc;

	private final AuditLog auditLog;

	private final Segments segments;

	private final CouponGrants coupons;

	private final ObjectProvider<OutreachMessages> outreach;

	private final UserDirectory users;

	LifecycleRules(JdbcClient jdbc, AuditLog auditLog, Segments segments, CouponGrants coupons,
			ObjectProvider<OutreachMessages> outreach, UserDirectory users) {
		this.jdbc = jdbc;
		this.auditLog = auditLog;
		this.segments = segments;
		this.coupons = coupons;
		this.outreach = outreach;
		this.users = users;
	}

	@Transactional(readOnly = true)
	List<LifecycleRule> list() {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM lifecycle_rule ORDER BY lower(name), id")
			.query(LifecycleRules::rule)
			.list();
	}

	@Transactional(readOnly = true)
	List<Long> enabledIds() {
		return this.jdbc.sql("SELECT id FROM lifecycle_rule WHERE enabled ORDER BY id").query(Long.class).list();
	}

	@Transactional(readOnly = true)
	Optional<LifecycleRule> find(long id) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM lifecycle_rule WHERE id = :id")
			.param("id", id)
			.query(LifecycleRules::rule)
			.optional();
	}

	LifecycleRule get(long id) {
		return find(id).orElseThrow(() -> new LifecycleNotFoundException("rule", id));
	}

	/**
	 * Whether the message action can be used: an outreach outbox is installed.
	 * @return whether messages can be queued
	 */
	boolean messagesAvailable() {
		return this.outreach.getIfAvailable() != null;
	}

	List<OutreachMessages.TemplateOption> templates() {
		OutreachMessages messages = this.outreach.getIfAvailable();
		return (messages != null) ? messages.templates() : List.of();
	}

	/**
	 * Reads the form.
	 * @param form the form
	 * @param errors receives what is wrong, by field, as message keys
	 * @return the definition, {@code null} when something is wrong
	 */
	LifecycleRule.Definition validate(LifecycleRuleForm form, Errors errors) {
		String name = blankToNull(form.getName());
		if (name == null) {
			errors.rejectValue("name", "lifecycle.form.name.required");
		}
		else if (name.length() > 80 || name.chars().anyMatch(Character::isISOControl)) {
			errors.rejectValue("name", "lifecycle.form.name.invalid");
		}
		LifecycleTrigger trigger = LifecycleTrigger.parse(form.getTrigger()).orElse(null);
		Integer triggerDays = null;
		List<RfmGroup> groups = List.of();
		Long segmentId = null;
		if (trigger == null) {
			errors.rejectValue("trigger", "lifecycle.form.trigger.required");
		}
		else if (trigger.usesDays()) {
			triggerDays = number(form.getTriggerDays(), 1, 3650);
			if (triggerDays == null) {
				errors.rejectValue("triggerDays", "lifecycle.form.triggerDays.invalid");
			}
		}
		else if (trigger == LifecycleTrigger.CHURN_RISK) {
			List<RfmGroup> parsed = new ArrayList<>();
			for (String code : form.getRfmGroups()) {
				RfmGroup.parse(code).filter((g) -> !parsed.contains(g)).ifPresent(parsed::add);
			}
			groups = parsed;
			if (groups.isEmpty()) {
				errors.rejectValue("rfmGroups", "lifecycle.form.rfmGroups.required");
			}
		}
		else if (trigger == LifecycleTrigger.SEGMENT) {
			Integer id = number(form.getSegmentId(), 1, Integer.MAX_VALUE);
			if (id == null || this.segments.find(id).isEmpty()) {
				errors.rejectValue("segmentId", "lifecycle.form.segment.required");
			}
			else {
				segmentId = id.longValue();
			}
		}
		LifecycleAction action = LifecycleAction.parse(form.getAction()).orElse(null);
		Long couponId = null;
		String taskTitle = null;
		String taskAssignee = null;
		Integer taskDueDays = null;
		Long templateId = null;
		if (action == null) {
			errors.rejectValue("action", "lifecycle.form.action.required");
		}
		else if (action == LifecycleAction.COUPON) {
			Integer id = number(form.getCouponId(), 1, Integer.MAX_VALUE);
			if (id == null || this.coupons.grantable().stream().noneMatch((c) -> c.id() == id)) {
				errors.rejectValue("couponId", "lifecycle.form.coupon.required");
			}
			else {
				couponId = id.longValue();
			}
		}
		else if (action == LifecycleAction.TASK) {
			taskTitle = blankToNull(form.getTaskTitle());
			if (taskTitle == null || taskTitle.length() > 200 || taskTitle.chars().anyMatch(Character::isISOControl)) {
				errors.rejectValue("taskTitle", "lifecycle.form.taskTitle.required");
				taskTitle = null;
			}
			String assignee = blankToNull(form.getTaskAssignee());
			Optional<UserDirectory.DirectoryUser> user = (assignee != null && assignee.length() <= 64)
					? this.users.findEnabled(assignee) : Optional.empty();
			if (user.isEmpty()) {
				errors.rejectValue("taskAssignee", "lifecycle.form.taskAssignee.required");
			}
			else {
				taskAssignee = user.get().username();
			}
			taskDueDays = number(form.getTaskDueDays(), 0, 365);
			if (taskDueDays == null) {
				errors.rejectValue("taskDueDays", "lifecycle.form.taskDueDays.invalid");
			}
		}
		else {
			OutreachMessages messages = this.outreach.getIfAvailable();
			Integer id = number(form.getTemplateId(), 1, Integer.MAX_VALUE);
			if (messages == null) {
				errors.rejectValue("action", "lifecycle.form.message.unavailable");
			}
			else if (id == null || messages.templates().stream().noneMatch((t) -> t.id() == id)) {
				errors.rejectValue("templateId", "lifecycle.form.template.required");
			}
			else {
				templateId = id.longValue();
			}
		}
		Integer cooldown = number(form.getCooldownDays(), 1, 3650);
		if (cooldown == null) {
			errors.rejectValue("cooldownDays", "lifecycle.form.cooldownDays.invalid");
		}
		Integer returnDays = number(form.getReturnDays(), 1, 365);
		if (returnDays == null) {
			errors.rejectValue("returnDays", "lifecycle.form.returnDays.invalid");
		}
		if (errors.hasErrors()) {
			return null;
		}
		return new LifecycleRule.Definition(name, trigger, triggerDays, groups, segmentId, action, couponId, taskTitle,
				taskAssignee, taskDueDays, templateId, cooldown, returnDays, form.isActOnExisting());
	}

	/**
	 * Creates a rule, enabled.
	 * @param definition what it does
	 * @param by who creates it
	 * @return its id
	 * @throws DuplicateKeyException when the name is taken
	 */
	@Transactional
	long create(LifecycleRule.Definition definition, String by) {
		Map<String, Object> values = values(definition);
		values.put("by", by);
		long id = this.jdbc.sql("""
				INSERT INTO lifecycle_rule (name, trigger_kind, trigger_days, rfm_groups, segment_id, action_kind,
				    coupon_id, task_title, task_assignee, task_due_days, template_id, cooldown_days, return_days,
				    act_on_existing, created_by)
				VALUES (:name, :trigger, :triggerDays, :rfmGroups, :segmentId, :action, :couponId, :taskTitle,
				    :taskAssignee, :taskDueDays, :templateId, :cooldown, :returnDays, :actOnExisting, :by)
				RETURNING id""").params(values).query(Long.class).single();
		this.auditLog.record("LIFECYCLE_RULE_CREATED", "lifecycle", Long.toString(id), definition.summary());
		return id;
	}

	/**
	 * Changes a rule. A changed trigger starts its membership afresh.
	 * @param id the rule
	 * @param definition what it does now
	 * @param version the version the form was read at
	 * @throws DuplicateKeyException when the name is taken
	 * @throws OptimisticLockingFailureException when someone changed it meanwhile
	 */
	@Transactional
	void update(long id, LifecycleRule.Definition definition, long version) {
		LifecycleRule before = this.jdbc.sql("SELECT " + COLUMNS + " FROM lifecycle_rule WHERE id = :id FOR UPDATE")
			.param("id", id)
			.query(LifecycleRules::rule)
			.optional()
			.orElseThrow(() -> new LifecycleNotFoundException("rule", id));
		if (before.version() != version) {
			throw new OptimisticLockingFailureException("lifecycle rule " + id + " changed");
		}
		LifecycleRule.Definition old = before.definition();
		boolean triggerChanged = old.trigger() != definition.trigger()
				|| !java.util.Objects.equals(old.triggerDays(), definition.triggerDays())
				|| !old.rfmGroups().equals(definition.rfmGroups())
				|| !java.util.Objects.equals(old.segmentId(), definition.segmentId());
		Map<String, Object> values = values(definition);
		values.put("id", id);
		this.jdbc.sql("""
				UPDATE lifecycle_rule SET name = :name, trigger_kind = :trigger, trigger_days = :triggerDays,
				    rfm_groups = :rfmGroups, segment_id = :segmentId, action_kind = :action, coupon_id = :couponId,
				    task_title = :taskTitle, task_assignee = :taskAssignee, task_due_days = :taskDueDays,
				    template_id = :templateId, cooldown_days = :cooldown, return_days = :returnDays,
				    act_on_existing = :actOnExisting, updated_at = now(), version = version + 1
				WHERE id = :id""").params(values).update();
		if (triggerChanged) {
			this.jdbc.sql("DELETE FROM lifecycle_member WHERE rule_id = :id").param("id", id).update();
			this.jdbc.sql("UPDATE lifecycle_rule SET last_run_at = NULL WHERE id = :id").param("id", id).update();
		}
		this.auditLog.record("LIFECYCLE_RULE_UPDATED", "lifecycle", Long.toString(id), definition.summary());
	}

	/**
	 * Enables or disables a rule.
	 * @param id the rule
	 * @param enabled whether it acts
	 * @return whether it changed
	 */
	@Transactional
	boolean setEnabled(long id, boolean enabled) {
		LifecycleRule rule = get(id);
		int changed = this.jdbc.sql("""
				UPDATE lifecycle_rule SET enabled = :enabled, updated_at = now(), version = version + 1
				WHERE id = :id AND enabled <> :enabled""").param("enabled", enabled).param("id", id).update();
		if (changed == 0) {
			return false;
		}
		if (enabled) {
			this.auditLog.record("LIFECYCLE_RULE_ENABLED", "lifecycle", Long.toString(id), rule.name());
		}
		else {
			this.auditLog.record("LIFECYCLE_RULE_DISABLED", "lifecycle", Long.toString(id), rule.name());
		}
		return true;
	}

	/**
	 * Deletes a rule with its memberships, history and tasks.
	 * @param id the rule
	 * @return its name
	 */
	@Transactional
	String delete(long id) {
		LifecycleRule rule = get(id);
		long firings = this.jdbc.sql("SELECT count(*) FROM lifecycle_firing WHERE rule_id = :id")
			.param("id", id)
			.query(Long.class)
			.single();
		this.jdbc.sql("DELETE FROM lifecycle_rule WHERE id = :id").param("id", id).update();
		this.auditLog.record("LIFECYCLE_RULE_DELETED", "lifecycle", Long.toString(id),
				rule.name() + " (" + firings + " firings)");
		return rule.name();
	}

	/**
	 * The rule's closed loop: customers reached, those who ordered within the return
	 * window after an action, the GMV of those orders, and the discounts of the rule's
	 * coupons redeemed.
	 * @param rule the rule
	 * @return the figures
	 */
	@Transactional(readOnly = true)
	Loop loop(LifecycleRule rule) {
		long reached = this.jdbc
			.sql("SELECT count(DISTINCT customer_id) FROM lifecycle_firing WHERE rule_id = :id AND reached")
			.param("id", rule.id())
			.query(Long.class)
			.single();
		Object[] back = this.jdbc.sql("""
				SELECT count(DISTINCT o.customer_id), count(*), coalesce(sum(o.paid_amount), 0)
				FROM customer_order o
				WHERE o.paid_at IS NOT NULL AND o.status NOT IN ('CANCELLED', 'CLOSED')
				AND o.order_id IN (SELECT w.order_id FROM lifecycle_firing f
				    JOIN customer_order w ON w.customer_id = f.customer_id AND w.placed_at > f.fired_at
				        AND w.placed_at <= f.fired_at + make_interval(days => :days)
				    WHERE f.rule_id = :id AND f.reached)""")
			.param("id", rule.id())
			.param("days", rule.definition().returnDays())
			.query((rs, n) -> new Object[] { rs.getLong(1), rs.getLong(2), rs.getBigDecimal(3) })
			.single();
		BigDecimal cost = this.jdbc.sql("""
				SELECT coalesce(sum(r.discount), 0) FROM coupon_redemption r
				WHERE r.status = 'REDEEMED' AND r.code_id IN (SELECT f.coupon_code_id FROM lifecycle_firing f
				    WHERE f.rule_id = :id AND f.coupon_code_id IS NOT NULL)""")
			.param("id", rule.id())
			.query(BigDecimal.class)
			.single();
		return new Loop(reached, (Long) back[0], (Long) back[1], (BigDecimal) back[2], cost);
	}

	/**
	 * A rule's closed loop.
	 *
	 * @param reached customers acted on successfully
	 * @param cameBack of them, customers with a paid order within the window after an
	 * action
	 * @param orders those orders
	 * @param gmv what those orders paid
	 * @param couponCost the discounts of the rule's coupon codes redeemed
	 */
	record Loop(long reached, long cameBack, long orders, BigDecimal gmv, BigDecimal couponCost) {

		/**
		 * The share of reached customers who came back.
		 * @return the percentage with one decimal, {@code null} when nobody was reached
		 */
		public BigDecimal returnRate() {
			if (this.reached == 0) {
				return null;
			}
			return BigDecimal.valueOf(this.cameBack * 1000 / this.reached, 1);
		}

	}

	/**
	 * One page of a rule's firings, newest first.
	 * @param ruleId the rule
	 * @param page the page, from 0 (past the end shows the last)
	 * @return the page
	 */
	@Transactional(readOnly = true)
	Page<Firing> firings(long ruleId, int page) {
		long total = this.jdbc.sql("SELECT count(*) FROM lifecycle_firing WHERE rule_id = :id")
			.param("id", ruleId)
			.query(Long.class)
			.single();
		int last = (int) Math.max(0, (total - 1) / PAGE_SIZE);
		int current = Math.min(Math.max(page, 0), last);
		List<Firing> rows = this.jdbc.sql("""
				SELECT f.id, f.customer_id, c.name, f.fired_at, f.action_kind, f.outcome, f.reached, k.code, f.detail
				FROM lifecycle_firing f LEFT JOIN customer c ON c.id = f.customer_id
				LEFT JOIN coupon_code k ON k.id = f.coupon_code_id
				WHERE f.rule_id = :id ORDER BY f.fired_at DESC, f.id DESC LIMIT :limit OFFSET :offset""")
			.param("id", ruleId)
			.param("limit", PAGE_SIZE)
			.param("offset", (long) current * PAGE_SIZE)
			.query((rs, n) -> new Firing(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getTimestamp(4).toInstant(),
					rs.getString(5), rs.getString(6), rs.getBoolean(7), rs.getString(8), rs.getString(9)))
			.list();
		return new PageImpl<>(rows, PageRequest.of(current, PAGE_SIZE), total);
	}

	/**
	 * One action taken.
	 *
	 * @param id its id
	 * @param customerId the customer
	 * @param customerName the customer's name, may be {@code null}
	 * @param firedAt when
	 * @param action the action's code
	 * @param outcome what happened ({@code ISSUED}, {@code TASK_CREATED}, {@code QUEUED},
	 * or why nothing did)
	 * @param reached whether the customer was reached
	 * @param couponCode the code issued, may be {@code null}
	 * @param detail more, may be {@code null}
	 */
	record Firing(long id, long customerId, String customerName, Instant firedAt, String action, String outcome,
			boolean reached, String couponCode, String detail) {

		public String outcomeKey() {
			return "lifecycle.outcome." + this.outcome;
		}

	}

	/**
	 * How many customers are in the rule's trigger as of its last evaluation.
	 * @param ruleId the rule
	 * @return the count
	 */
	@Transactional(readOnly = true)
	long memberCount(long ruleId) {
		return this.jdbc.sql("SELECT count(*) FROM lifecycle_member WHERE rule_id = :id")
			.param("id", ruleId)
			.query(Long.class)
			.single();
	}

	private static Map<String, Object> values(LifecycleRule.Definition d) {
		Map<String, Object> values = new HashMap<>();
		values.put("name", d.name());
		values.put("trigger", d.trigger().name());
		values.put("triggerDays", d.triggerDays());
		values.put("rfmGroups",
				d.rfmGroups().isEmpty() ? null : String.join(",", d.rfmGroups().stream().map(Enum::name).toList()));
		values.put("segmentId", d.segmentId());
		values.put("action", d.action().name());
		values.put("couponId", d.couponId());
		values.put("taskTitle", d.taskTitle());
		values.put("taskAssignee", d.taskAssignee());
		values.put("taskDueDays", d.taskDueDays());
		values.put("templateId", d.templateId());
		values.put("cooldown", d.cooldownDays());
		values.put("returnDays", d.returnDays());
		values.put("actOnExisting", d.actOnExisting());
		return values;
	}

	private static LifecycleRule rule(ResultSet rs, int row) throws SQLException {
		String groups = rs.getString("rfm_groups");
		List<RfmGroup> rfmGroups = (groups == null) ? List.of()
				: Arrays.stream(groups.split(",")).map(RfmGroup::parse).flatMap(Optional::stream).toList();
		LifecycleRule.Definition definition = new LifecycleRule.Definition(rs.getString("name"),
				LifecycleTrigger.valueOf(rs.getString("trigger_kind")), (Integer) rs.getObject("trigger_days"),
				rfmGroups, (Long) rs.getObject("segment_id"), LifecycleAction.valueOf(rs.getString("action_kind")),
				(Long) rs.getObject("coupon_id"), rs.getString("task_title"), rs.getString("task_assignee"),
				(Integer) rs.getObject("task_due_days"), (Long) rs.getObject("template_id"), rs.getInt("cooldown_days"),
				rs.getInt("return_days"), rs.getBoolean("act_on_existing"));
		Timestamp lastRun = rs.getTimestamp("last_run_at");
		return new LifecycleRule(rs.getLong("id"), definition, rs.getBoolean("enabled"),
				(lastRun != null) ? lastRun.toInstant() : null, (Integer) rs.getObject("last_entered"),
				(Integer) rs.getObject("last_left"), (Integer) rs.getObject("last_acted"),
				(Long) rs.getObject("last_millis"), rs.getString("created_by"),
				rs.getTimestamp("created_at").toInstant(), rs.getLong("version"));
	}

	static Integer number(String text, int min, int max) {
		String value = blankToNull(text);
		if (value == null || !value.matches("\\d{1,10}")) {
			return null;
		}
		long parsed = Long.parseLong(value);
		return (parsed < min || parsed > max) ? null : (int) parsed;
	}

	static String blankToNull(String text) {
		return (text == null || text.isBlank()) ? null : text.strip();
	}

}
