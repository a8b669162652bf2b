package io.shopops.growth.lifecycle;

import io.shopops.growth.crm.CustomerHook;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Moves a merged-away customer's lifecycle rows to the survivor, so that the rules treat
 * the two as the one customer they are: the actions taken (and their staff tasks) count
 * for the survivor in each rule's closed loop, whose orders the merge moved too; the last
 * action of each rule becomes the later of the two, so that the cool-down applies to the
 * survivor; and a rule's membership (who is in its trigger) moves with its pending flag,
 * so that an entry not yet handled is still handled, once.
 * <p>
 * Every statement names the rules ({@code rule_id IN (SELECT id FROM lifecycle_rule)}),
 * so that it reads the tables' {@code (rule_id, customer_id)} indexes instead of scanning
 * them.
 */
@Component
class LifecycleMergeHook implements CustomerHook {

	private final JdbcClient jdbc;

	LifecycleMergeHook(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public void merged(long survivorId, long duplicateId) {
		this.jdbc.sql("""
				UPDATE lifecycle_task SET customer_id = :survivor
				WHERE firing_id IN (SELECT f.id FROM lifecycle_firing f
				    WHERE f.rule_id IN (SELECT id FROM lifecycle_rule) AND f.customer_id = :duplicate)""")
			.param("survivor", survivorId)
			.param("duplicate", duplicateId)
			.update();
		this.jdbc.sql("""
				UPDATE lifecycle_firing SET customer_id = :survivor
				WHERE rule_id IN (SELECT id FROM lifecycle_rule) AND customer_id = :duplicate""")
			.param("survivor", survivorId)
			.param("duplicate", duplicateId)
			.update();
		this.jdbc.sql("""
				INSERT INTO lifecycle_claim (rule_id, customer_id, fired_at)
				SELECT rule_id, :survivor, fired_at FROM lifecycle_claim
				WHERE rule_id IN (SELECT id FROM lifecycle_rule) AND customer_id = :duplicate
				ON CONFLICT (rule_id, customer_id)
				DO UPDATE SET fired_at = greatest(lifecycle_claim.fired_at, EXCLUDED.fired_at)""")
			.param("survivor", survivorId)
			.param("duplicate", duplicateId)
			.update();
		this.jdbc.sql("""
				DELETE FROM lifecycle_claim
				WHERE rule_id IN (SELECT id FROM lifecycle_rule) AND customer_id = :duplicate""")
			.param("duplicate", duplicateId)
			.update();
		this.jdbc.sql("""
				INSERT INTO lifecycle_member (rule_id, customer_id, entered_at, pending)
				SELECT rule_id, :survivor, entered_at, pending FROM lifecycle_member
				WHERE rule_id IN (SELECT id FROM lifecycle_rule) AND customer_id = :duplicate
				ON CONFLICT (rule_id, customer_id)
				DO UPDATE SET entered_at = least(lifecycle_member.entered_at, EXCLUDED.entered_at),
				    pending = lifecycle_member.pending OR EXCLUDED.pending""")
			.param("survivor", survivorId)
			.param("duplicate", duplicateId)
			.update();
		this.jdbc.sql("""
				DELETE FROM lifecycle_member
				WHERE rule_id IN (SELECT id FROM lifecycle_rule) AND customer_id = :duplicate""")
			.param("duplicate", duplicateId)
			.update();
	}

}
