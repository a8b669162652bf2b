package io.shopops.growth.traffic;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.shopops.platform.AuditLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Re-attribution (重新归因): attributes again, set-based, the orders whose attribution can
 * have changed since they were recorded, and moves their GMV and refunds between the
 * rollup rows, so that {@code attribution_day} stays what a recomputation from the facts
 * gives. Only own-site orders with a visitor id that were attributed by a touch or as
 * direct can change this way (a content code, campaign or UTM parameters of the order
 * itself win over any touch), and only their touch part is computed again, by the same
 * statement the listener uses ({@link Attributions#TOUCH_TARGET}).
 * <ul>
 * <li><b>Window change</b>: {@link Attributions#changeWindow} queues a job
 * ({@code attribution_rework}) for all such orders, which goes through them in order id
 * batches of {@value #BATCH}, keeping its place, so a restart continues where it stopped;
 * a later change replaces an unfinished job. Audited when it finishes.</li>
 * <li><b>Late touches</b>: tracked events received after the orders of their visitor were
 * recorded, with a time before the order (an event is placed by its {@code at}, not by
 * when it arrived): every run looks at the events received since the last run (up to
 * {@link #SETTLE} ago, so that inserts still in flight are not skipped) and attributes
 * again the orders whose window they fall in. Audited when an order changed.</li>
 * </ul>
 * Each batch is one transaction that holds the rollup's lock exclusively
 * ({@link Attributions#ROLLUP_LOCK_SPACE}; the listeners hold it shared), so it never
 * works from a fact a listener is changing. Running it again changes nothing.
 */
@Service
class Reattribution {

	private static final Logger log = LoggerFactory.getLogger(Reattribution.class);

	static final int BATCH = 1_000;

	/** How long after its arrival an event is looked at for late touches. */
	static final Duration SETTLE = Duration.ofMinutes(1);

	/** The orders a touch can attribute. */
	private static final String TOUCHABLE = """
			a.own_site AND a.visitor_id IS NOT NULL AND a.placed_at IS NOT NULL AND a.rule IN ('TOUCH', 'DIRECT')""";

	/**
	 * Attributes again the touchable orders of {@code :ids} with the window
	 * {@code :window}: the changed ones get their new target, and their contribution (GMV
	 * on the payment day, refunds on theirs) leaves the old rollup row for the new one,
	 * in one statement. Returns how many orders changed.
	 */
	private static final String REATTRIBUTE = """
			WITH o AS (
			    SELECT a.order_id, a.channel_code, a.pay_day, a.paid_amount, a.visitor_id, a.placed_at, a.rule,
			           a.traffic_source, a.campaign_id, a.piece_id, a.group_id, a.activity_id, a.touch_event_id
			    FROM attribution_order a WHERE a.order_id = ANY(CAST(:ids AS bigint[])) AND %s
			), changed AS (
			    SELECT o.*, t.* FROM o CROSS JOIN LATERAL (%s) t
			    WHERE (o.rule, o.traffic_source, o.campaign_id, o.piece_id, o.group_id, o.activity_id, o.touch_event_id)
			          IS DISTINCT FROM (t.new_rule, t.new_source, t.new_campaign, t.new_piece, t.new_group,
			                            t.new_activity, t.new_touch)
			), moved AS (
			    UPDATE attribution_order a SET rule = c.new_rule, traffic_source = c.new_source,
			        campaign_id = c.new_campaign, piece_id = c.new_piece, group_id = c.new_group,
			        activity_id = c.new_activity, touch_event_id = c.new_touch, recorded_at = now()
			    FROM changed c WHERE a.order_id = c.order_id
			    RETURNING a.order_id
			), deltas AS (
			    SELECT c.pay_day AS day, c.channel_code, c.rule, c.traffic_source, c.campaign_id, c.piece_id,
			           c.group_id, -1 AS orders, -c.paid_amount AS gmv, 0 AS refunds, CAST(0 AS numeric) AS refund_amount
			    FROM changed c
			    UNION ALL
			    SELECT c.pay_day, c.channel_code, c.new_rule, c.new_source, c.new_campaign, c.new_piece, c.new_group,
			           1, c.paid_amount, 0, 0
			    FROM changed c
			    UNION ALL
			    SELECT r.refund_day, c.channel_code, c.rule, c.traffic_source, c.campaign_id, c.piece_id, c.group_id,
			           0, 0, -1, -r.amount
			    FROM changed c JOIN attribution_refund r ON r.order_id = c.order_id
			    UNION ALL
			    SELECT r.refund_day, c.channel_code, c.new_rule, c.new_source, c.new_campaign, c.new_piece, c.new_group,
			           0, 0, 1, r.amount
			    FROM changed c JOIN attribution_refund r ON r.order_id = c.order_id
			), rolled AS (
			    INSERT INTO attribution_day (day, channel_code, rule, traffic_source, campaign_id, piece_id, group_id,
			        orders, gmv, refunds, refund_amount)
			    SELECT day, channel_code, rule, traffic_source, campaign_id, piece_id, group_id, sum(orders), sum(gmv),
			           sum(refunds), sum(refund_amount)
			    FROM deltas GROUP BY 1, 2, 3, 4, 5, 6, 7 ORDER BY 1, 2, 3, 4, 5, 6, 7
			    ON CONFLICT (day, channel_code, rule, traffic_source, campaign_id, piece_id, group_id) DO UPDATE
			    SET orders = attribution_day.orders + EXCLUDED.orders, gmv = attribution_day.gmv + EXCLUDED.gmv,
			        refunds = attribution_day.refunds + EXCLUDED.refunds,
			        refund_amount = attribution_day.refund_amount + EXCLUDED.refund_amount
			)
			SELECT count(*) FROM moved"""
		.formatted(TOUCHABLE, Attributions.TOUCH_TARGET);

	private final JdbcClient jdbc;

	private final TransactionTemplate transaction;

	private final AuditLog auditLog;

	private final Clock clock;

	private final Duration settle;

	Reattribution(JdbcClient jdbc, PlatformTransactionManager transactions, AuditLog auditLog,
			@Value("${shopops.traffic.reattribution-settle:PT1M}") Duration settle) {
		this.jdbc = jdbc;
		this.transaction = new TransactionTemplate(transactions);
		this.auditLog = auditLog;
		this.clock = Clock.systemUTC();
		this.settle = settle;
	}

	@Scheduled(cron = "${shopops.traffic.reattribution-cron:*/30 * * * * *}")
	void scheduled() {
		try {
			run();
		}
		catch (RuntimeException ex) {
			log.warn("Re-attribution failed; it runs again at its next interval", ex);
		}
	}

	/**
	 * Runs the queued window changes, then a late-touch pass up to {@link #SETTLE} ago,
	 * then compacts the rollup's change notes.
	 * @return how many orders changed
	 */
	synchronized long run() {
		long changed = runQueued();
		changed += lateTouches(Instant.now(this.clock).minus(this.settle));
		this.transaction.executeWithoutResult((status) -> compactChanges());
		return changed;
	}

	/**
	 * Runs every queued window change to its end.
	 * @return how many orders changed
	 */
	synchronized long runQueued() {
		long changed = 0;
		Long job;
		while ((job = next()) != null) {
			changed += runWindowJob(job);
		}
		return changed;
	}

	private Long next() {
		return this.jdbc.sql("""
				SELECT id FROM attribution_rework WHERE finished_at IS NULL AND reason = 'WINDOW'
				ORDER BY id LIMIT 1""").query(Long.class).optional().orElse(null);
	}

	private long runWindowJob(long job) {
		long changed = 0;
		while (true) {
			Batch batch = retrying(() -> this.transaction.execute((status) -> windowBatch(job)));
			changed += batch.changed();
			if (batch.done()) {
				return changed;
			}
		}
	}

	/** One batch of a window job, in its transaction. */
	private Batch windowBatch(long job) {
		lockRollup();
		Job state = this.jdbc.sql("""
				SELECT window_days, done_until, finished_at IS NOT NULL FROM attribution_rework WHERE id = :id
				FOR UPDATE""")
			.param("id", job)
			.query((rs, n) -> new Job(rs.getInt(1), rs.getLong(2), rs.getBoolean(3)))
			.single();
		if (state.finished()) {
			return new Batch(0, true);
		}
		List<Long> ids = this.jdbc
			.sql("SELECT a.order_id FROM attribution_order a WHERE a.order_id > :after AND " + TOUCHABLE
					+ " ORDER BY a.order_id LIMIT " + BATCH)
			.param("after", state.doneUntil())
			.query(Long.class)
			.list();
		long changed = ids.isEmpty() ? 0 : reattribute(ids, state.windowDays());
		boolean done = ids.size() < BATCH;
		this.jdbc.sql("""
				UPDATE attribution_rework SET done_until = :until, checked = checked + :checked,
				    changed = changed + :changed, finished_at = CASE WHEN :done THEN now() END WHERE id = :id""")
			.param("until", ids.isEmpty() ? state.doneUntil() : ids.get(ids.size() - 1))
			.param("checked", ids.size())
			.param("changed", changed)
			.param("done", done)
			.param("id", job)
			.update();
		if (done) {
			var totals = this.jdbc.sql("SELECT checked, changed FROM attribution_rework WHERE id = :id")
				.param("id", job)
				.query((rs, n) -> new long[] { rs.getLong(1), rs.getLong(2) })
				.single();
			this.auditLog.record("ATTRIBUTION_REATTRIBUTED", "attribution", "rework-" + job, "window_days: "
					+ state.windowDays() + "; orders checked: " + totals[0] + ", changed: " + totals[1]);
		}
		return new Batch(changed, done);
	}

	/**
	 * Attributes again the orders that tracked events received after the last pass and up
	 * to {@code until} can change.
	 * @return how many orders changed
	 */
	synchronized long lateTouches(Instant until) {
		Pass pass = this.jdbc.sql("SELECT window_days, touches_seen_until FROM attribution_setting WHERE id = 1")
			.query((rs, n) -> new Pass(rs.getInt(1), rs.getTimestamp(2).toInstant()))
			.single();
		if (!until.isAfter(pass.seenUntil())) {
			return 0;
		}
		// the orders whose window a newly received touch falls in
		List<Long> ids = this.jdbc.sql("""
				SELECT DISTINCT a.order_id FROM traffic_event e
				JOIN attribution_order a ON a.visitor_id = e.visitor_id AND a.placed_at >= e.occurred_at
				     AND a.placed_at <= e.occurred_at + make_interval(hours => 24 * CAST(:window AS integer))
				WHERE e.received_at > :from AND e.received_at <= :until
				  AND (e.content_code IS NOT NULL OR e.utm_source IS NOT NULL OR e.utm_medium IS NOT NULL
				       OR e.utm_campaign IS NOT NULL)
				  AND """ + " " + TOUCHABLE + " ORDER BY a.order_id")
			.param("window", pass.windowDays())
			.param("from", Timestamp.from(pass.seenUntil()))
			.param("until", Timestamp.from(until))
			.query(Long.class)
			.list();
		long changed = 0;
		for (int i = 0; i < ids.size(); i += BATCH) {
			List<Long> batch = ids.subList(i, Math.min(ids.size(), i + BATCH));
			changed += retrying(() -> this.transaction.execute((status) -> {
				lockRollup();
				int window = this.jdbc.sql("SELECT window_days FROM attribution_setting WHERE id = 1")
					.query(Integer.class)
					.single();
				return reattribute(batch, window);
			}));
		}
		long total = changed;
		this.transaction.executeWithoutResult((status) -> {
			this.jdbc.sql("UPDATE attribution_setting SET touches_seen_until = :until WHERE id = 1")
				.param("until", Timestamp.from(until))
				.update();
			if (!ids.isEmpty()) {
				long job = this.jdbc
					.sql("""
							INSERT INTO attribution_rework (reason, window_days, requested_by, checked, changed, finished_at)
							VALUES ('LATE_TOUCH', :window, 'system', :checked, :changed, now()) RETURNING id""")
					.param("window", pass.windowDays())
					.param("checked", ids.size())
					.param("changed", total)
					.query(Long.class)
					.single();
				if (total > 0) {
					this.auditLog.record("ATTRIBUTION_REATTRIBUTED", "attribution", "rework-" + job,
							"late touches received until " + until + "; orders checked: " + ids.size() + ", changed: "
									+ total);
				}
			}
		});
		return total;
	}

	/** Re-attributes the touchable orders among {@code ids}; returns how many changed. */
	private long reattribute(List<Long> ids, int window) {
		return this.jdbc.sql(REATTRIBUTE)
			.param("ids", ids.toArray(Long[]::new))
			.param("window", window)
			.query(Long.class)
			.single();
	}

	private void lockRollup() {
		this.jdbc.sql("SELECT pg_advisory_xact_lock(:space, 0)")
			.param("space", Attributions.ROLLUP_LOCK_SPACE)
			.query((rs, n) -> 1)
			.single();
	}

	/** Compacts the rollup's change notes to one per day, each with a new version. */
	int compactChanges() {
		return this.jdbc.sql("""
				WITH gone AS (
				  DELETE FROM attribution_change c
				  USING (SELECT day FROM attribution_change GROUP BY day HAVING count(*) > 1) d WHERE c.day = d.day
				  RETURNING c.day)
				INSERT INTO attribution_change (day) SELECT DISTINCT day FROM gone""").update();
	}

	/** A batch that lost a deadlock or lock wait is run again (it is idempotent). */
	private static <T> T retrying(java.util.function.Supplier<T> batch) {
		List<RuntimeException> failures = new ArrayList<>();
		while (true) {
			try {
				return batch.get();
			}
			catch (PessimisticLockingFailureException ex) {
				failures.add(ex);
				if (failures.size() >= 3) {
					throw ex;
				}
			}
		}
	}

	private record Job(int windowDays, long doneUntil, boolean finished) {
	}

	private record Batch(long changed, boolean done) {
	}

	private record Pass(int windowDays, Instant seenUntil) {
	}

}
