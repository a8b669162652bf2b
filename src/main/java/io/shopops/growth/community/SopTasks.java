package io.shopops.growth.community;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.shopops.growth.community.CommunityViews.SopRow;
import io.shopops.growth.content.LivestreamSchedule;
import io.shopops.platform.ShopSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Turns SOP items into dated tasks for the next {@link #HORIZON}: when an item is added,
 * changed, paused or resumed, and every hour (new livestream sessions, the window moving
 * on). Idempotent: a task is keyed by item and due time, future open tasks that no longer
 * fall due are removed, and done or skipped tasks are never touched.
 */
@Component
@EnableScheduling
class SopTasks {

	static final Duration HORIZON = Duration.ofDays(14);

	private static final Logger log = LoggerFactory.getLogger(SopTasks.class);

	private final JdbcClient jdbc;

	private final CommunityQueries queries;

	private final LivestreamSchedule livestreams;

	private final ShopSettings settings;

	SopTasks(JdbcClient jdbc, CommunityQueries queries, LivestreamSchedule livestreams, ShopSettings settings) {
		this.jdbc = jdbc;
		this.queries = queries;
		this.livestreams = livestreams;
		this.settings = settings;
	}

	@Scheduled(cron = "${shopops.community.task-cron:0 5 * * * *}")
	void hourly() {
		int added = syncAll();
		if (added > 0) {
			log.info("Community SOPs: {} tasks added", added);
		}
	}

	/**
	 * Brings the tasks of every active item of every group up to date.
	 * @return how many tasks were added
	 */
	@Transactional
	int syncAll() {
		int added = 0;
		for (SopRow sop : this.queries.activeSops()) {
			added += sync(sop);
		}
		return added;
	}

	@Transactional
	void syncGroup(long groupId) {
		for (long id : this.jdbc.sql("SELECT id FROM community_sop WHERE group_id = :id")
			.param("id", groupId)
			.query(Long.class)
			.list()) {
			sync(id);
		}
	}

	/**
	 * Brings one item's tasks up to date.
	 * @param sopId the item
	 * @return how many tasks were added
	 */
	@Transactional
	int sync(long sopId) {
		SopRow sop = this.queries.sop(sopId).orElseThrow(() -> new CommunityNotFoundException("sop", sopId));
		return sync(sop);
	}

	private int sync(SopRow sop) {
		Instant now = Instant.now();
		boolean archived = this.jdbc.sql("SELECT archived FROM community_group WHERE id = :id")
			.param("id", sop.groupId())
			.query(Boolean.class)
			.single();
		List<Instant> due = (sop.active() && !archived) ? occurrences(sop, now) : List.of();
		List<Timestamp> stamps = due.stream().map(Timestamp::from).toList();
		String keep = stamps.isEmpty() ? "" : " AND due_at NOT IN (:due)";
		var delete = this.jdbc
			.sql("DELETE FROM community_task WHERE sop_id = :sop AND status = 'OPEN' AND due_at >= :now" + keep)
			.param("sop", sop.id())
			.param("now", Timestamp.from(now));
		if (!stamps.isEmpty()) {
			delete = delete.param("due", stamps);
		}
		delete.update();
		this.jdbc.sql("""
				UPDATE community_task SET title = :title, assignee = :assignee
				WHERE sop_id = :sop AND status = 'OPEN' AND due_at >= :now AND (title, assignee)
				    IS DISTINCT FROM (:title, :assignee)""")
			.param("title", sop.title())
			.param("assignee", sop.assignee())
			.param("sop", sop.id())
			.param("now", Timestamp.from(now))
			.update();
		int added = 0;
		for (Timestamp at : stamps) {
			added += this.jdbc.sql("""
					INSERT INTO community_task (sop_id, group_id, title, due_at, assignee)
					VALUES (:sop, :group, :title, :due, :assignee) ON CONFLICT (sop_id, due_at) DO NOTHING""")
				.param("sop", sop.id())
				.param("group", sop.groupId())
				.param("title", sop.title())
				.param("due", at)
				.param("assignee", sop.assignee())
				.update();
		}
		return added;
	}

	private List<Instant> occurrences(SopRow sop, Instant now) {
		Instant until = now.plus(HORIZON);
		List<Instant> sessions = List.of();
		if (sop.schedule() == SopSchedule.BEFORE_LIVESTREAM) {
			sessions = this.livestreams.startsBetween(now, until.plus(Duration.ofMinutes(sop.minutesBefore())));
		}
		return sop.schedule().occurrences(sop.rule(), now, until, this.settings.current().timeZone(), sessions);
	}

}
