package io.shopops.growth.lifecycle;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import io.shopops.platform.AuditLog;
import io.shopops.platform.StaffTasks;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The staff tasks created by lifecycle rules, on the assignee's home page, and marking
 * one done or skipped (by its assignee or a manager), audited.
 */
@Component
class LifecycleTasks implements StaffTasks {

	private final JdbcClient jdbc;

	private final AuditLog auditLog;

	LifecycleTasks(JdbcClient jdbc, AuditLog auditLog) {
		this.jdbc = jdbc;
		this.auditLog = auditLog;
	}

	@Override
	@Transactional(readOnly = true)
	public List<StaffTask> openFor(String username, Instant until, int limit) {
		return this.jdbc.sql("""
				SELECT t.id, t.title, t.due_at, t.customer_id, c.name, r.name FROM lifecycle_task t
				JOIN lifecycle_rule r ON r.id = t.rule_id LEFT JOIN customer c ON c.id = t.customer_id
				WHERE t.status = 'OPEN' AND lower(t.assignee) = lower(:user) AND t.due_at < :until
				ORDER BY t.due_at, t.id LIMIT :limit""")
			.param("user", username)
			.param("until", Timestamp.from(until))
			.param("limit", Math.max(0, limit))
			.query((rs, n) -> {
				long id = rs.getLong(1);
				String customer = (rs.getString(5) != null) ? rs.getString(5) : "#" + rs.getLong(4);
				return new StaffTask(rs.getString(2), customer + " · " + rs.getString(6),
						rs.getTimestamp(3).toInstant(), "/crm/customers/" + rs.getLong(4),
						"/crm/lifecycle/tasks/" + id + "/done", "/crm/lifecycle/tasks/" + id + "/skip");
			})
			.list();
	}

	/**
	 * Closes an open task.
	 * @param id the task
	 * @param done done, else skipped
	 * @param by who closes it
	 * @param manager whether they may close other people's tasks
	 * @return the message key of why it could not be closed, {@code null} when it was
	 */
	@Transactional
	String close(long id, boolean done, String by, boolean manager) {
		Object[] task = this.jdbc.sql("SELECT status, assignee FROM lifecycle_task WHERE id = :id FOR UPDATE")
			.param("id", id)
			.query((rs, row) -> new Object[] { rs.getString(1), rs.getString(2) })
			.optional()
			.orElseThrow(() -> new LifecycleNotFoundException("task", id));
		if (!"OPEN".equals(task[0])) {
			return "lifecycle.task.notOpen";
		}
		if (!manager && !((String) task[1]).equalsIgnoreCase(by)) {
			return "lifecycle.task.notYours";
		}
		this.jdbc.sql("UPDATE lifecycle_task SET status = :status, closed_by = :by, closed_at = now() WHERE id = :id")
			.param("status", done ? "DONE" : "SKIPPED")
			.param("by", by)
			.param("id", id)
			.update();
		if (done) {
			this.auditLog.record("LIFECYCLE_TASK_DONE", "lifecycle", "task " + id, "");
		}
		else {
			this.auditLog.record("LIFECYCLE_TASK_SKIPPED", "lifecycle", "task " + id, "");
		}
		return null;
	}

	/**
	 * The open tasks of a rule.
	 * @param ruleId the rule
	 * @return the count
	 */
	@Transactional(readOnly = true)
	long openCount(long ruleId) {
		return this.jdbc.sql("SELECT count(*) FROM lifecycle_task WHERE rule_id = :id AND status = 'OPEN'")
			.param("id", ruleId)
			.query(Long.class)
			.single();
	}

}
