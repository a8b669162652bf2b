package io.shopops.growth.traffic;

import java.util.List;
import java.util.Optional;

import io.shopops.platform.AuditLog;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The editable rules that map UTM source/medium and referrer host to a traffic source,
 * applied when an event is collected. Collection reads them from memory, refreshed at
 * least every {@link #REFRESH_NANOS} and at once in this instance after a change.
 */
@Service
class SourceRules {

	private static final long REFRESH_NANOS = 30_000_000_000L;

	private final JdbcClient jdbc;

	private final AuditLog auditLog;

	private volatile Cached cached;

	SourceRules(JdbcClient jdbc, AuditLog auditLog) {
		this.jdbc = jdbc;
		this.auditLog = auditLog;
	}

	/** The rules in the order they are tried. */
	@Transactional(readOnly = true)
	List<SourceRule> list() {
		return this.jdbc.sql(SELECT + " ORDER BY priority, id").query(SourceRules::row).list();
	}

	/** The rules as collection applies them, from memory. */
	List<SourceRule> current() {
		Cached current = this.cached;
		long now = System.nanoTime();
		if (current == null || now - current.since() > REFRESH_NANOS) {
			current = new Cached(List.copyOf(list()), now);
			this.cached = current;
		}
		return current.rules();
	}

	@Transactional(readOnly = true)
	Optional<SourceRule> find(long id) {
		return this.jdbc.sql(SELECT + " WHERE id = ?").param(id).query(SourceRules::row).optional();
	}

	@Transactional
	SourceRule create(SourceRuleForm.Values values) {
		long id = this.jdbc.sql("""
				INSERT INTO traffic_source_rule (priority, utm_source, utm_medium, referrer_host, traffic_source)
				VALUES (:priority, :source, :medium, :host, :target) RETURNING id""")
			.param("priority", values.priority())
			.param("source", values.utmSource())
			.param("medium", values.utmMedium())
			.param("host", values.referrerHost())
			.param("target", values.source().name())
			.query(Long.class)
			.single();
		SourceRule rule = find(id).orElseThrow();
		this.auditLog.record("TRAFFIC_RULE_CREATED", "trafficrule", String.valueOf(id), describe(rule));
		refreshAfterCommit();
		return rule;
	}

	/**
	 * @throws OptimisticLockingFailureException when someone changed the rule since the
	 * form was opened
	 */
	@Transactional
	Optional<SourceRule> update(long id, int version, SourceRuleForm.Values values) {
		Optional<SourceRule> before = find(id);
		if (before.isEmpty()) {
			return before;
		}
		int updated = this.jdbc.sql("""
				UPDATE traffic_source_rule SET priority = :priority, utm_source = :source, utm_medium = :medium,
				referrer_host = :host, traffic_source = :target, version = version + 1
				WHERE id = :id AND version = :version""")
			.param("priority", values.priority())
			.param("source", values.utmSource())
			.param("medium", values.utmMedium())
			.param("host", values.referrerHost())
			.param("target", values.source().name())
			.param("id", id)
			.param("version", version)
			.update();
		if (updated == 0) {
			throw new OptimisticLockingFailureException("traffic source rule " + id + " changed meanwhile");
		}
		SourceRule after = find(id).orElseThrow();
		this.auditLog.record("TRAFFIC_RULE_UPDATED", "trafficrule", String.valueOf(id),
				describe(before.get()) + " → " + describe(after));
		refreshAfterCommit();
		return Optional.of(after);
	}

	@Transactional
	boolean delete(long id) {
		Optional<SourceRule> rule = find(id);
		if (rule.isEmpty()) {
			return false;
		}
		this.jdbc.sql("DELETE FROM traffic_source_rule WHERE id = ?").param(id).update();
		this.auditLog.record("TRAFFIC_RULE_DELETED", "trafficrule", String.valueOf(id), describe(rule.get()));
		refreshAfterCommit();
		return true;
	}

	static String describe(SourceRule rule) {
		return "#" + rule.priority() + " source=" + dash(rule.utmSource()) + " medium=" + dash(rule.utmMedium())
				+ " referrer=" + dash(rule.referrerHost()) + " → " + rule.source();
	}

	private static String dash(String value) {
		return (value != null) ? value : "*";
	}

	private void refreshAfterCommit() {
		this.cached = null;
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {

				@Override
				public void afterCompletion(int status) {
					SourceRules.this.cached = null;
				}

			});
		}
	}

	private static final String SELECT = """
			SELECT id, priority, utm_source, utm_medium, referrer_host, traffic_source, version
			FROM traffic_source_rule""";

	private static SourceRule row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		return new SourceRule(rs.getLong("id"), rs.getInt("priority"), rs.getString("utm_source"),
				rs.getString("utm_medium"), rs.getString("referrer_host"),
				TrafficSource.valueOf(rs.getString("traffic_source")), rs.getInt("version"));
	}

	private record Cached(List<SourceRule> rules, long since) {
	}

}
