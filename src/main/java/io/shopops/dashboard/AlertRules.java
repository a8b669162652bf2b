package io.shopops.dashboard;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

import io.shopops.platform.AuditLog;
import io.shopops.platform.WorkQueue;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The alert rules, kept by admins; every change is audited.
 */
@Service
class AlertRules {

	private final JdbcClient jdbc;

	private final List<WorkQueue> queues;

	private final AuditLog audit;

	AlertRules(JdbcClient jdbc, List<WorkQueue> queues, AuditLog audit) {
		this.jdbc = jdbc;
		this.queues = queues;
		this.audit = audit;
	}

	/**
	 * The work queues an SLA backlog rule may count, by their message keys.
	 */
	List<String> queueKeys() {
		return this.queues.stream().map(WorkQueue::labelKey).distinct().toList();
	}

	Optional<WorkQueue> queue(String key) {
		return this.queues.stream().filter((queue) -> queue.labelKey().equals(key)).findFirst();
	}

	@Transactional(readOnly = true)
	public List<AlertRule> list() {
		return select("ORDER BY id").query(AlertRules::row).list();
	}

	@Transactional(readOnly = true)
	public List<AlertRule> enabled() {
		return select("WHERE enabled ORDER BY id").query(AlertRules::row).list();
	}

	@Transactional(readOnly = true)
	public Optional<AlertRule> find(long id) {
		return select("WHERE id = :id").param("id", id).query(AlertRules::row).optional();
	}

	private JdbcClient.StatementSpec select(String rest) {
		return this.jdbc.sql("SELECT id, kind, threshold, queue_key, enabled FROM digest_alert_rule " + rest);
	}

	private static AlertRule row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		return new AlertRule(rs.getLong(1), AlertRuleKind.valueOf(rs.getString(2)), rs.getBigDecimal(3),
				rs.getString(4), rs.getBoolean(5));
	}

	/**
	 * Adds a rule.
	 * @return its id
	 * @throws DigestFormException when the work queue is not known or the threshold does
	 * not fit the kind
	 */
	@Transactional
	public long create(AlertRuleForm form) {
		String queueKey = null;
		if (form.getKind() == AlertRuleKind.SLA_BACKLOG) {
			if (form.getQueueKey() == null || queue(form.getQueueKey()).isEmpty()) {
				throw new DigestFormException("queueKey", "digest.rule.queue.unknown");
			}
			queueKey = form.getQueueKey();
		}
		BigDecimal threshold = form.getThreshold();
		boolean count = form.getKind() == AlertRuleKind.SLA_BACKLOG
				|| form.getKind() == AlertRuleKind.PROMOTED_STOCK_OUT;
		if (count && threshold.stripTrailingZeros().scale() > 0) {
			throw new DigestFormException("threshold", "digest.rule.threshold.whole");
		}
		if (form.getKind() == AlertRuleKind.CONVERSION_DROP && threshold.compareTo(BigDecimal.valueOf(100)) > 0) {
			throw new DigestFormException("threshold", "digest.rule.threshold.percent");
		}
		if (form.getKind() == AlertRuleKind.REFUND_SPIKE && threshold.compareTo(BigDecimal.valueOf(100)) > 0) {
			throw new DigestFormException("threshold", "digest.rule.threshold.percent");
		}
		long id = this.jdbc.sql("""
				INSERT INTO digest_alert_rule (kind, threshold, queue_key) VALUES (:kind, :threshold, :queue)
				RETURNING id""")
			.param("kind", form.getKind().name())
			.param("threshold", threshold)
			.param("queue", queueKey)
			.query(Long.class)
			.single();
		this.audit.record("ALERT_RULE_CREATED", "digest_alert_rule", Long.toString(id),
				form.getKind() + " " + threshold.toPlainString() + ((queueKey != null) ? " " + queueKey : ""));
		return id;
	}

	/**
	 * @return whether the rule exists
	 */
	@Transactional
	public boolean setEnabled(long id, boolean enabled) {
		Optional<AlertRule> rule = find(id);
		if (rule.isEmpty()) {
			return false;
		}
		if (rule.get().enabled() != enabled) {
			this.jdbc.sql("UPDATE digest_alert_rule SET enabled = :enabled, updated_at = now() WHERE id = :id")
				.param("enabled", enabled)
				.param("id", id)
				.update();
			this.audit.record(enabled ? "ALERT_RULE_ENABLED" : "ALERT_RULE_DISABLED", "digest_alert_rule",
					Long.toString(id), rule.get().kind().name());
		}
		return true;
	}

	/**
	 * @return whether the rule existed
	 */
	@Transactional
	public boolean delete(long id) {
		Optional<AlertRule> rule = find(id);
		if (rule.isEmpty()) {
			return false;
		}
		this.jdbc.sql("DELETE FROM digest_alert_rule WHERE id = :id").param("id", id).update();
		this.audit.record("ALERT_RULE_DELETED", "digest_alert_rule", Long.toString(id),
				rule.get().kind() + " " + rule.get().threshold().toPlainString());
		return true;
	}

}
