package io.shopops.growth.lifecycle;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import io.shopops.growth.coupon.CouponGrants;
import io.shopops.growth.outreach.OutreachMessages;
import io.shopops.growth.segment.Segments;
import io.shopops.platform.AuditLog;
import io.shopops.platform.ShopSettings;
import io.shopops.platform.UserDirectory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Evaluates lifecycle rules in set-based steps. First, in one transaction that holds the
 * rule's advisory lock, the customers matching the trigger now are written to a temporary
 * table by one statement (or by the saved segment's batches), customers who no longer
 * match leave the rule's membership and those who newly match enter it as pending. Then
 * the pending entries are handled in batches of {@value #BATCH}, each in its own
 * transaction: a conditional upsert of {@code lifecycle_claim} claims the customers whose
 * last action by the rule is older than the cool-down (so that two evaluations at once
 * never act twice), the action is taken for the claimed ones and every action is written
 * to the history. Each evaluation is audited.
 */
@Service
class LifecycleEvaluator {

	static final int BATCH = 1000;

	/** The high bits of the rules' advisory lock keys ("LIFE"). */
	private static final long LOCK_KEY = 0x4C49464500000000L;

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final LifecycleRules rules;

	private final Segments segments;

	private final CouponGrants coupons;

	private final ObjectProvider<OutreachMessages> outreach;

	private final UserDirectory users;

	private final ShopSettings settings;

	private final AuditLog auditLog;

	LifecycleEvaluator(JdbcClient jdbc, PlatformTransactionManager transactions, LifecycleRules rules,
			Segments segments, CouponGrants coupons, ObjectProvider<OutreachMessages> outreach, UserDirectory users,
			ShopSettings settings, AuditLog auditLog) {
		this.jdbc = jdbc;
		this.transactions = new TransactionTemplate(transactions);
		this.rules = rules;
		this.segments = segments;
		this.coupons = coupons;
		this.outreach = outreach;
		this.users = users;
		this.settings = settings;
		this.auditLog = auditLog;
	}

	/**
	 * Evaluates every enabled rule.
	 * @param now the time of the evaluation
	 * @param actor who runs it ({@code system} for the scheduled job)
	 * @return each rule's run
	 */
	List<Run> evaluateAll(Instant now, String actor) {
		List<Run> runs = new ArrayList<>();
		for (long id : this.rules.enabledIds()) {
			runs.add(evaluate(id, now, actor));
		}
		return runs;
	}

	/**
	 * Evaluates one rule.
	 * @param ruleId the rule
	 * @param now the time of the evaluation (customers' figures are read as they are; the
	 * trigger windows and the cool-down are measured from it)
	 * @param actor who runs it
	 * @return what it did
	 * @throws LifecycleNotFoundException if there is no such rule
	 */
	Run evaluate(long ruleId, Instant now, String actor) {
		long started = System.nanoTime();
		LifecycleRule rule = this.rules.get(ruleId);
		int[] membership = this.transactions.execute((status) -> refresh(rule, now));
		int acted = 0;
		int passedOver = 0;
		long after = 0;
		while (true) {
			long from = after;
			Batch batch = this.transactions.execute((status) -> handleBatch(rule, from, now, actor));
			if (batch == null || batch.handled() == 0) {
				break;
			}
			acted += batch.reached();
			passedOver += batch.handled() - batch.claimed();
			after = batch.lastId();
		}
		long millis = Duration.ofNanos(System.nanoTime() - started).toMillis();
		Run run = new Run(ruleId, membership[0], membership[1], acted, passedOver, millis);
		this.transactions.executeWithoutResult((status) -> {
			this.jdbc.sql("""
					UPDATE lifecycle_rule SET last_run_at = :now, last_entered = :entered, last_left = :left,
					    last_acted = :acted, last_millis = :millis WHERE id = :id""")
				.param("now", Timestamp.from(now))
				.param("entered", run.entered())
				.param("left", run.left())
				.param("acted", run.acted())
				.param("millis", run.millis())
				.param("id", ruleId)
				.update();
			this.auditLog.recordAs(actor, "LIFECYCLE_RULE_EVALUATED", "lifecycle", Long.toString(ruleId),
					rule.name() + ": " + run.entered() + " entered, " + run.left() + " left, " + run.acted()
							+ " acted on, " + run.passedOver() + " within cool-down, " + run.millis() + " ms");
		});
		return run;
	}

	private int[] refresh(LifecycleRule rule, Instant now) {
		this.jdbc.sql("SELECT pg_advisory_xact_lock(:key)").param("key", LOCK_KEY + rule.id()).query().listOfRows();
		boolean firstRun = this.jdbc.sql("SELECT last_run_at IS NULL FROM lifecycle_rule WHERE id = :id")
			.param("id", rule.id())
			.query(Boolean.class)
			.optional()
			.orElseThrow(() -> new LifecycleNotFoundException("rule", rule.id()));
		this.jdbc
			.sql("CREATE TEMPORARY TABLE IF NOT EXISTS lifecycle_match (customer_id BIGINT PRIMARY KEY) "
					+ "ON COMMIT DROP")
			.update();
		this.jdbc.sql("TRUNCATE lifecycle_match").update();
		fill(rule, now);
		this.jdbc.sql("ANALYZE lifecycle_match").update();
		int left = this.jdbc.sql("""
				DELETE FROM lifecycle_member m WHERE m.rule_id = :id
				AND NOT EXISTS (SELECT 1 FROM lifecycle_match x WHERE x.customer_id = m.customer_id)""")
			.param("id", rule.id())
			.update();
		int entered = this.jdbc.sql("""
				INSERT INTO lifecycle_member (rule_id, customer_id, entered_at, pending)
				SELECT :id, x.customer_id, :now, :pending FROM lifecycle_match x
				ON CONFLICT (rule_id, customer_id) DO NOTHING""")
			.param("id", rule.id())
			.param("now", Timestamp.from(now))
			.param("pending", !firstRun || rule.definition().actOnExisting())
			.update();
		this.jdbc.sql("DROP TABLE lifecycle_match").update();
		return new int[] { entered, left };
	}

	/**
	 * Writes the customers matching the rule's trigger now into {@code lifecycle_match}.
	 */
	private void fill(LifecycleRule rule, Instant now) {
		LifecycleRule.Definition d = rule.definition();
		Timestamp at = Timestamp.from(now);
		switch (d.trigger()) {
			case NEW_CUSTOMER -> this.jdbc.sql("""
					INSERT INTO lifecycle_match (customer_id) SELECT id FROM customer
					WHERE merged_into IS NULL AND first_order_at > :from AND first_order_at <= :now""")
				.param("from", Timestamp.from(now.minus(Duration.ofDays(d.triggerDays()))))
				.param("now", at)
				.update();
			case DORMANT -> this.jdbc.sql("""
					INSERT INTO lifecycle_match (customer_id) SELECT id FROM customer
					WHERE merged_into IS NULL AND last_order_at <= :cutoff""")
				.param("cutoff", Timestamp.from(now.minus(Duration.ofDays(d.triggerDays()))))
				.update();
			case CHURN_RISK -> this.jdbc.sql("""
					INSERT INTO lifecycle_match (customer_id) SELECT customer_id FROM customer_rfm
					WHERE rfm_group IN (:groups)""")
				.param("groups", d.rfmGroups().stream().map(Enum::name).toList())
				.update();
			case BIRTHDAY_MONTH -> {
				ZoneId zone = this.settings.current().timeZone();
				this.jdbc.sql("""
						INSERT INTO lifecycle_match (customer_id) SELECT id FROM customer
						WHERE merged_into IS NULL AND birthday_month = :month""")
					.param("month", now.atZone(zone).getMonthValue())
					.update();
			}
			case REPURCHASE_DUE -> this.jdbc.sql("""
					INSERT INTO lifecycle_match (customer_id)
					SELECT o.customer_id FROM retention_order o
					JOIN customer k ON k.id = o.customer_id AND k.merged_into IS NULL
					JOIN retention_purchase p ON p.order_id = o.order_id
					JOIN retention_cycle c ON c.product_id = p.product_id
					WHERE o.status NOT IN ('CANCELLED', 'CLOSED')
					AND o.paid_at <= CAST(:now AS timestamptz) - make_interval(days => c.cycle_days)
					AND NOT EXISTS (SELECT 1 FROM retention_order o2 WHERE o2.customer_id = o.customer_id
					    AND o2.order_id <> o.order_id AND o2.status NOT IN ('CANCELLED', 'CLOSED'))
					GROUP BY o.customer_id""").param("now", at).update();
			case SEGMENT -> {
				if (this.segments.find(d.segmentId()).isPresent()) {
					this.segments.forEachBatch(d.segmentId(), (ids) -> this.jdbc.sql("""
							INSERT INTO lifecycle_match (customer_id) SELECT unnest(CAST(:ids AS bigint[]))
							ON CONFLICT DO NOTHING""").param("ids", ids.toArray(new Long[0])).update());
				}
			}
		}
	}

	/**
	 * Handles the next batch of pending entries, by customer id from {@code after} on (so
	 * that each batch starts where the last ended, not at the dead index entries of the
	 * ones before). Entries another evaluation holds are skipped: it handles them.
	 */
	private Batch handleBatch(LifecycleRule rule, long after, Instant now, String actor) {
		List<Long> ids = this.jdbc.sql("""
				SELECT customer_id FROM lifecycle_member WHERE rule_id = :id AND pending AND customer_id > :after
				ORDER BY customer_id LIMIT :limit FOR UPDATE SKIP LOCKED""")
			.param("id", rule.id())
			.param("after", after)
			.param("limit", BATCH)
			.query(Long.class)
			.list();
		if (ids.isEmpty()) {
			return new Batch(0, 0, 0, after);
		}
		this.jdbc.sql("UPDATE lifecycle_member SET pending = false WHERE rule_id = :id AND customer_id IN (:ids)")
			.param("id", rule.id())
			.param("ids", ids)
			.update();
		List<Long> claimed = claim(rule.id(), ids, now, rule.definition().cooldownDays());
		int reached = claimed.isEmpty() ? 0 : act(rule, claimed, now, actor);
		return new Batch(ids.size(), reached, claimed.size(), ids.get(ids.size() - 1));
	}

	private record Batch(int handled, int reached, int claimed, long lastId) {
	}

	/**
	 * Claims the customers the rule has not acted on within the cool-down, in the
	 * caller's transaction. A customer claimed by a transaction not yet committed is
	 * claimed by nobody else: the upsert waits for it and then finds the fresh claim.
	 * @param ruleId the rule
	 * @param customerIds the customers, distinct
	 * @param now the time of the action
	 * @param cooldownDays the cool-down
	 * @return the customers claimed
	 */
	List<Long> claim(long ruleId, List<Long> customerIds, Instant now, int cooldownDays) {
		return this.jdbc.sql("""
				INSERT INTO lifecycle_claim (rule_id, customer_id, fired_at)
				SELECT :id, c, :now FROM unnest(CAST(:ids AS bigint[])) AS c
				ON CONFLICT (rule_id, customer_id) DO UPDATE SET fired_at = EXCLUDED.fired_at
				WHERE lifecycle_claim.fired_at <= :cutoff
				RETURNING customer_id""")
			.param("id", ruleId)
			.param("now", Timestamp.from(now))
			.param("ids", customerIds.toArray(new Long[0]))
			.param("cutoff", Timestamp.from(now.minus(Duration.ofDays(cooldownDays))))
			.query(Long.class)
			.list();
	}

	private int act(LifecycleRule rule, List<Long> customers, Instant now, String actor) {
		LifecycleRule.Definition d = rule.definition();
		return switch (d.action()) {
			case TASK -> task(rule, customers, now);
			case COUPON -> coupon(rule, customers, now, actor);
			case MESSAGE -> message(rule, customers, now);
		};
	}

	private int task(LifecycleRule rule, List<Long> customers, Instant now) {
		LifecycleRule.Definition d = rule.definition();
		if (d.taskAssignee() == null || this.users.findEnabled(d.taskAssignee()).isEmpty()) {
			List<Outcome> outcomes = customers.stream().map((c) -> new Outcome(c, "NO_ASSIGNEE", false, null)).toList();
			return record(rule, outcomes, now);
		}
		return this.jdbc
			.sql("""
					WITH f AS (
					    INSERT INTO lifecycle_firing (rule_id, customer_id, fired_at, action_kind, outcome, reached, detail)
					    SELECT :id, c, :now, 'TASK', 'TASK_CREATED', true, :assignee FROM unnest(CAST(:ids AS bigint[])) AS c
					    RETURNING id, customer_id)
					INSERT INTO lifecycle_task (rule_id, firing_id, customer_id, title, assignee, due_at)
					SELECT :id, f.id, f.customer_id, :title, :assignee, :due FROM f""")
			.param("id", rule.id())
			.param("now", Timestamp.from(now))
			.param("ids", customers.toArray(new Long[0]))
			.param("assignee", d.taskAssignee())
			.param("title", d.taskTitle())
			.param("due", Timestamp.from(now.plus(Duration.ofDays((d.taskDueDays() != null) ? d.taskDueDays() : 0))))
			.update();
	}

	private int coupon(LifecycleRule rule, List<Long> customers, Instant now, String actor) {
		CouponGrants.Grant grant = this.coupons.grant(rule.definition().couponId(), customers, rule.name(), actor);
		List<Outcome> outcomes = new ArrayList<>(customers.size());
		for (Long customer : customers) {
			CouponGrants.Code code = grant.codes().get(customer);
			if (grant.status() != CouponGrants.GrantStatus.ISSUED) {
				outcomes.add(new Outcome(customer, "COUPON_" + grant.status().name(), false, null));
			}
			else if (code != null) {
				outcomes.add(new Outcome(customer, "ISSUED", true, code.id()));
			}
			else {
				outcomes.add(new Outcome(customer, "ALREADY_HELD", false, null));
			}
		}
		return record(rule, outcomes, now);
	}

	private int message(LifecycleRule rule, List<Long> customers, Instant now) {
		OutreachMessages messages = this.outreach.getIfAvailable();
		List<Outcome> outcomes = new ArrayList<>(customers.size());
		for (Long customer : customers) {
			if (messages == null) {
				outcomes.add(new Outcome(customer, "UNAVAILABLE", false, null));
				continue;
			}
			OutreachMessages.QueueResult result;
			try {
				result = messages.queue(customer, rule.definition().templateId(), "lifecycle:" + rule.id());
			}
			catch (RuntimeException ex) {
				outcomes.add(new Outcome(customer, "FAILED", false, null));
				continue;
			}
			outcomes.add(new Outcome(customer, result.name(), result == OutreachMessages.QueueResult.QUEUED, null));
		}
		return record(rule, outcomes, now);
	}

	private int record(LifecycleRule rule, List<Outcome> outcomes, Instant now) {
		this.jdbc
			.sql("""
					INSERT INTO lifecycle_firing (rule_id, customer_id, fired_at, action_kind, outcome, reached, coupon_code_id)
					SELECT :id, x.c, :now, :action, x.o, x.r, x.k
					FROM unnest(CAST(:customers AS bigint[]), CAST(:outcomes AS varchar[]), CAST(:reached AS boolean[]),
					    CAST(:codes AS bigint[])) AS x (c, o, r, k)""")
			.param("id", rule.id())
			.param("now", Timestamp.from(now))
			.param("action", rule.action().name())
			.param("customers", outcomes.stream().map(Outcome::customerId).toArray(Long[]::new))
			.param("outcomes", outcomes.stream().map(Outcome::outcome).toArray(String[]::new))
			.param("reached", outcomes.stream().map(Outcome::reached).toArray(Boolean[]::new))
			.param("codes", outcomes.stream().map(Outcome::codeId).toArray(Long[]::new))
			.update();
		return (int) outcomes.stream().filter(Outcome::reached).count();
	}

	private record Outcome(long customerId, String outcome, boolean reached, Long codeId) {
	}

	/**
	 * What one evaluation of a rule did.
	 *
	 * @param ruleId the rule
	 * @param entered customers who newly matched the trigger
	 * @param left customers who no longer match it
	 * @param acted customers reached by the action
	 * @param passedOver entries not acted on because the rule acted on the customer
	 * within the cool-down
	 * @param millis how long it took
	 */
	record Run(long ruleId, int entered, int left, int acted, int passedOver, long millis) {
	}

}
