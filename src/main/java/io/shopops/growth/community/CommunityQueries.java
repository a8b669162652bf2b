package io.shopops.growth.community;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.shopops.growth.community.CommunityViews.ActivityRow;
import io.shopops.growth.community.CommunityViews.ActivityView;
import io.shopops.growth.community.CommunityViews.AttributedOrder;
import io.shopops.growth.community.CommunityViews.Attribution;
import io.shopops.growth.community.CommunityViews.GroupRow;
import io.shopops.growth.community.CommunityViews.GroupView;
import io.shopops.growth.community.CommunityViews.MemberCount;
import io.shopops.growth.community.CommunityViews.PageOf;
import io.shopops.growth.community.CommunityViews.SopRow;
import io.shopops.growth.community.CommunityViews.StaffRow;
import io.shopops.growth.community.CommunityViews.TaskRow;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads the community pages: groups with their latest member count and attributed orders,
 * activities, SOP items, tasks and the staff table. An order is attributed to the
 * activity whose tracking code is its content code, or else to the group whose code it
 * is; a group's figures include its activities'. Paid, not cancelled orders count, net of
 * what was refunded.
 */
@Component
class CommunityQueries {

	static final int PAGE_SIZE = 25;

	private static final String GROUP_COLUMNS = """
			g.id, g.name, g.kind, g.owner, g.tracking_code, g.archived, m.members, m.count_date,
			(SELECT count(*) FROM community_activity a WHERE a.group_id = g.id)""";

	private static final String LATEST_COUNT = """
			LEFT JOIN LATERAL (SELECT members, count_date FROM community_member_count c
			    WHERE c.group_id = g.id ORDER BY count_date DESC LIMIT 1) m ON true""";

	private static final String ACTIVITY_COLUMNS = """
			a.id, a.group_id, g.name, a.type, a.title, a.starts_at, a.ends_at, a.tracking_code""";

	private static final String SOP_COLUMNS = """
			s.id, s.group_id, g.name, s.title, s.kind, s.schedule, s.day_of_week, s.day_of_month, s.at_time,
			s.minutes_before, s.assignee, s.active, s.notes, s.version""";

	private static final String TASK_COLUMNS = """
			t.id, t.sop_id, t.group_id, g.name, t.title, s.kind, t.due_at, t.assignee, t.status, t.closed_by,
			t.closed_at, t.note""";

	private final JdbcClient jdbc;

	CommunityQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Transactional(readOnly = true)
	PageOf<GroupRow> groups(GroupFilter filter, Instant from, Instant to, int pageNumber) {
		Map<String, Object> params = new HashMap<>();
		List<String> conditions = new ArrayList<>();
		conditions.add(filter.archived() ? "g.archived" : "NOT g.archived");
		if (filter.kind() != null) {
			conditions.add("g.kind = :kind");
			params.put("kind", filter.kind().name());
		}
		if (filter.owner() != null) {
			conditions.add("lower(g.owner) = lower(:owner)");
			params.put("owner", filter.owner());
		}
		if (filter.query() != null) {
			conditions.add("(g.name ILIKE :query ESCAPE '\\' OR g.tracking_code = upper(:code))");
			params.put("query", "%" + like(filter.query()) + "%");
			params.put("code", filter.query());
		}
		String where = " WHERE " + String.join(" AND ", conditions);
		long total = this.jdbc.sql("SELECT count(*) FROM community_group g" + where)
			.params(params)
			.query(Long.class)
			.single();
		int pages = (int) Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
		int page = Math.min(Math.max(1, pageNumber), pages);
		params.put("limit", PAGE_SIZE);
		params.put("offset", (page - 1) * PAGE_SIZE);
		List<Object[]> rows = this.jdbc
			.sql("SELECT " + GROUP_COLUMNS + " FROM community_group g " + LATEST_COUNT + where
					+ " ORDER BY lower(g.name), g.id LIMIT :limit OFFSET :offset")
			.params(params)
			.query((rs,
					row) -> new Object[] { rs.getLong(1), rs.getString(2), GroupKind.valueOf(rs.getString(3)),
							rs.getString(4), rs.getString(5), rs.getBoolean(6), (Integer) rs.getObject(7),
							(rs.getDate(8) != null) ? rs.getDate(8).toLocalDate() : null, rs.getLong(9) })
			.list();
		Map<Long, Attribution> attributed = groupAttribution(rows.stream().map((r) -> (Long) r[0]).toList(), from, to);
		List<GroupRow> groups = rows.stream()
			.map((r) -> new GroupRow((Long) r[0], (String) r[1], (GroupKind) r[2], (String) r[3], (String) r[4],
					(Boolean) r[5], (Integer) r[6], (java.time.LocalDate) r[7], (Long) r[8],
					attributed.getOrDefault((Long) r[0], Attribution.NONE)))
			.toList();
		return new PageOf<>(groups, page, pages, total);
	}

	/**
	 * The attribution of every group that is not archived over a window, for the list's
	 * totals.
	 */
	Attribution total(Instant from, Instant to) {
		return this.jdbc
			.sql("""
					SELECT count(*), coalesce(sum(o.paid_amount), 0), coalesce(sum(o.refunded), 0)
					FROM content_order o
					WHERE o.paid_at >= :from AND o.paid_at < :to AND NOT o.cancelled AND o.content_code IN (
					    SELECT g.tracking_code FROM community_group g WHERE NOT g.archived
					    UNION ALL SELECT a.tracking_code FROM community_activity a JOIN community_group g ON g.id = a.group_id
					    WHERE NOT g.archived)""")
			.param("from", Timestamp.from(from))
			.param("to", Timestamp.from(to))
			.query(CommunityQueries::attribution)
			.single();
	}

	private Map<Long, Attribution> groupAttribution(List<Long> ids, Instant from, Instant to) {
		Map<Long, Attribution> result = new HashMap<>();
		if (ids.isEmpty()) {
			return result;
		}
		this.jdbc.sql("""
				SELECT c.group_id, count(*), coalesce(sum(o.paid_amount), 0), coalesce(sum(o.refunded), 0)
				FROM (SELECT id AS group_id, tracking_code AS code FROM community_group WHERE id IN (:ids)
				      UNION ALL SELECT group_id, tracking_code FROM community_activity WHERE group_id IN (:ids)) c
				JOIN content_order o ON o.content_code = c.code
				WHERE o.paid_at >= :from AND o.paid_at < :to AND NOT o.cancelled
				GROUP BY c.group_id""")
			.param("ids", ids)
			.param("from", Timestamp.from(from))
			.param("to", Timestamp.from(to))
			.query((rs, row) -> result.put(rs.getLong(1),
					new Attribution(rs.getLong(2), money(rs.getBigDecimal(3)), money(rs.getBigDecimal(4)))))
			.list();
		return result;
	}

	@Transactional(readOnly = true)
	Optional<GroupView> group(long id, Instant from, Instant to, Instant now) {
		return this.jdbc
			.sql("SELECT " + GROUP_COLUMNS + ", g.notes, g.version FROM community_group g " + LATEST_COUNT
					+ " WHERE g.id = :id")
			.param("id", id)
			.query((rs,
					row) -> new Object[] { rs.getLong(1), rs.getString(2), GroupKind.valueOf(rs.getString(3)),
							rs.getString(4), rs.getString(5), rs.getBoolean(6), (Integer) rs.getObject(7),
							(rs.getDate(8) != null) ? rs.getDate(8).toLocalDate() : null, rs.getLong(9),
							rs.getString(10), rs.getLong(11) })
			.optional()
			.map((r) -> {
				GroupRow group = new GroupRow((Long) r[0], (String) r[1], (GroupKind) r[2], (String) r[3],
						(String) r[4], (Boolean) r[5], (Integer) r[6], (java.time.LocalDate) r[7], (Long) r[8],
						groupAttribution(List.of(id), from, to).getOrDefault(id, Attribution.NONE));
				List<TaskRow> upcoming = this.jdbc
					.sql("SELECT " + TASK_COLUMNS + " FROM community_task t JOIN community_group g ON g.id = t.group_id"
							+ " JOIN community_sop s ON s.id = t.sop_id WHERE t.group_id = :id AND t.status = 'OPEN'"
							+ " ORDER BY t.due_at, t.id LIMIT 10")
					.param("id", id)
					.query(CommunityQueries::task)
					.list();
				return new GroupView(group, (String) r[9], (Long) r[10], history(id), activitiesOf(id),
						sops("s.group_id = :id", Map.of("id", id)), upcoming);
			});
	}

	/**
	 * The member counts of a group, newest first (at most a year's worth of entries),
	 * each with its change against the entry before.
	 */
	List<MemberCount> history(long groupId) {
		List<Object[]> rows = this.jdbc.sql("""
				SELECT count_date, members, source FROM community_member_count WHERE group_id = :id
				ORDER BY count_date DESC LIMIT 367""")
			.param("id", groupId)
			.query((rs, row) -> new Object[] { rs.getDate(1).toLocalDate(), rs.getInt(2), rs.getString(3) })
			.list();
		List<MemberCount> history = new ArrayList<>();
		for (int i = 0; i < rows.size(); i++) {
			Object[] r = rows.get(i);
			Integer change = (i + 1 < rows.size()) ? (Integer) r[1] - (Integer) rows.get(i + 1)[1] : null;
			history.add(new MemberCount((java.time.LocalDate) r[0], (Integer) r[1], (String) r[2], change));
		}
		return history;
	}

	private List<ActivityRow> activitiesOf(long groupId) {
		List<ActivityRow> rows = this.jdbc
			.sql("SELECT " + ACTIVITY_COLUMNS + " FROM community_activity a JOIN community_group g ON g.id = a.group_id"
					+ " WHERE a.group_id = :id ORDER BY a.starts_at DESC, a.id DESC LIMIT 50")
			.param("id", groupId)
			.query(CommunityQueries::activity)
			.list();
		return withAttribution(rows);
	}

	@Transactional(readOnly = true)
	PageOf<ActivityRow> activities(ActivityFilter filter, Instant now, int pageNumber) {
		Map<String, Object> params = new HashMap<>();
		List<String> conditions = new ArrayList<>();
		if (filter.groupId() != null) {
			conditions.add("a.group_id = :group");
			params.put("group", filter.groupId());
		}
		if (filter.type() != null) {
			conditions.add("a.type = :type");
			params.put("type", filter.type().name());
		}
		if (filter.phase() != null) {
			conditions.add(switch (filter.phase()) {
				case "UPCOMING" -> "a.starts_at > :now";
				case "RUNNING" -> "a.starts_at <= :now AND a.ends_at > :now";
				default -> "a.ends_at <= :now";
			});
			params.put("now", Timestamp.from(now));
		}
		String where = conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
		long total = this.jdbc.sql("SELECT count(*) FROM community_activity a" + where)
			.params(params)
			.query(Long.class)
			.single();
		int pages = (int) Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
		int page = Math.min(Math.max(1, pageNumber), pages);
		params.put("limit", PAGE_SIZE);
		params.put("offset", (page - 1) * PAGE_SIZE);
		List<ActivityRow> rows = this.jdbc
			.sql("SELECT " + ACTIVITY_COLUMNS + " FROM community_activity a JOIN community_group g ON g.id = a.group_id"
					+ where + " ORDER BY a.starts_at DESC, a.id DESC LIMIT :limit OFFSET :offset")
			.params(params)
			.query(CommunityQueries::activity)
			.list();
		return new PageOf<>(withAttribution(rows), page, pages, total);
	}

	private List<ActivityRow> withAttribution(List<ActivityRow> rows) {
		if (rows.isEmpty()) {
			return rows;
		}
		Map<String, Attribution> byCode = new HashMap<>();
		this.jdbc.sql("""
				SELECT o.content_code, count(*), coalesce(sum(o.paid_amount), 0), coalesce(sum(o.refunded), 0)
				FROM content_order o WHERE o.content_code IN (:codes) AND o.paid_at IS NOT NULL AND NOT o.cancelled
				GROUP BY o.content_code""")
			.param("codes", rows.stream().map(ActivityRow::trackingCode).toList())
			.query((rs, row) -> byCode.put(rs.getString(1),
					new Attribution(rs.getLong(2), money(rs.getBigDecimal(3)), money(rs.getBigDecimal(4)))))
			.list();
		return rows.stream()
			.map((a) -> new ActivityRow(a.id(), a.groupId(), a.groupName(), a.type(), a.title(), a.startsAt(),
					a.endsAt(), a.trackingCode(), byCode.getOrDefault(a.trackingCode(), Attribution.NONE)))
			.toList();
	}

	@Transactional(readOnly = true)
	Optional<ActivityView> activity(long id) {
		return this.jdbc
			.sql("SELECT " + ACTIVITY_COLUMNS + ", a.notes, a.version FROM community_activity a"
					+ " JOIN community_group g ON g.id = a.group_id WHERE a.id = :id")
			.param("id", id)
			.query((rs, row) -> new Object[] { activity(rs, row), rs.getString(9), rs.getLong(10) })
			.optional()
			.map((r) -> {
				ActivityRow activity = withAttribution(List.of((ActivityRow) r[0])).get(0);
				List<AttributedOrder> orders = this.jdbc.sql("""
						SELECT order_id, order_number, channel_code, paid_amount, refunded, paid_at FROM content_order
						WHERE content_code = :code AND paid_at IS NOT NULL AND NOT cancelled
						ORDER BY paid_at DESC, order_id DESC LIMIT 100""")
					.param("code", activity.trackingCode())
					.query((rs, row) -> new AttributedOrder(rs.getLong(1), rs.getString(2), rs.getString(3),
							money(rs.getBigDecimal(4)), money(rs.getBigDecimal(5)), rs.getTimestamp(6).toInstant()))
					.list();
				return new ActivityView(activity, (String) r[1], (Long) r[2], orders);
			});
	}

	Optional<SopRow> sop(long id) {
		return sops("s.id = :id", Map.of("id", id)).stream().findFirst();
	}

	List<SopRow> activeSops() {
		return sops("s.active AND NOT g.archived", Map.of());
	}

	private List<SopRow> sops(String condition, Map<String, Object> params) {
		return this.jdbc
			.sql("SELECT " + SOP_COLUMNS + " FROM community_sop s JOIN community_group g ON g.id = s.group_id WHERE "
					+ condition + " ORDER BY s.active DESC, s.id")
			.params(params)
			.query((rs, row) -> new SopRow(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
					SopKind.valueOf(rs.getString(5)), SopSchedule.valueOf(rs.getString(6)),
					(rs.getObject(7) != null) ? DayOfWeek.of(rs.getInt(7)) : null, (Integer) intOrNull(rs, 8),
					(rs.getTime(9) != null) ? rs.getTime(9).toLocalTime() : null, (Integer) intOrNull(rs, 10),
					rs.getString(11), rs.getBoolean(12), rs.getString(13), rs.getLong(14)))
			.list();
	}

	@Transactional(readOnly = true)
	PageOf<TaskRow> tasks(TaskFilter filter, int pageNumber) {
		Map<String, Object> params = new HashMap<>();
		List<String> conditions = new ArrayList<>();
		conditions.add("t.due_at >= :from AND t.due_at < :to");
		params.put("from", Timestamp.from(filter.from()));
		params.put("to", Timestamp.from(filter.to()));
		if (filter.assignee() != null) {
			conditions.add("lower(t.assignee) = lower(:assignee)");
			params.put("assignee", filter.assignee());
		}
		if (filter.status() != null) {
			conditions.add("t.status = :status");
			params.put("status", filter.status().name());
		}
		if (filter.groupId() != null) {
			conditions.add("t.group_id = :group");
			params.put("group", filter.groupId());
		}
		String where = " WHERE " + String.join(" AND ", conditions);
		long total = this.jdbc.sql("SELECT count(*) FROM community_task t" + where)
			.params(params)
			.query(Long.class)
			.single();
		int pages = (int) Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
		int page = Math.min(Math.max(1, pageNumber), pages);
		params.put("limit", PAGE_SIZE);
		params.put("offset", (page - 1) * PAGE_SIZE);
		List<TaskRow> rows = this.jdbc
			.sql("SELECT " + TASK_COLUMNS + " FROM community_task t JOIN community_group g ON g.id = t.group_id"
					+ " JOIN community_sop s ON s.id = t.sop_id" + where
					+ " ORDER BY t.due_at, t.id LIMIT :limit OFFSET :offset")
			.params(params)
			.query(CommunityQueries::task)
			.list();
		return new PageOf<>(rows, page, pages, total);
	}

	List<TaskRow> openFor(String username, Instant until, int limit) {
		return this.jdbc
			.sql("SELECT " + TASK_COLUMNS + " FROM community_task t JOIN community_group g ON g.id = t.group_id"
					+ " JOIN community_sop s ON s.id = t.sop_id"
					+ " WHERE lower(t.assignee) = lower(:user) AND t.status = 'OPEN' AND t.due_at < :until"
					+ " ORDER BY t.due_at, t.id LIMIT :limit")
			.param("user", username)
			.param("until", Timestamp.from(until))
			.param("limit", limit)
			.query(CommunityQueries::task)
			.list();
	}

	Optional<TaskRow> task(long id) {
		return this.jdbc
			.sql("SELECT " + TASK_COLUMNS + " FROM community_task t JOIN community_group g ON g.id = t.group_id"
					+ " JOIN community_sop s ON s.id = t.sop_id WHERE t.id = :id")
			.param("id", id)
			.query(CommunityQueries::task)
			.optional();
	}

	/**
	 * Every member of staff who owns a group or has tasks in the window: the GMV of the
	 * groups they own, and their tasks due in the window (done, skipped, still open past
	 * due), the busiest first.
	 */
	@Transactional(readOnly = true)
	List<StaffRow> staff(Instant from, Instant to, Instant now, Map<String, String> names) {
		Map<String, long[]> counts = new LinkedHashMap<>();
		Map<String, Attribution> gmv = new HashMap<>();
		this.jdbc.sql("""
				SELECT lower(g.owner), count(DISTINCT g.id) FROM community_group g
				WHERE g.owner IS NOT NULL AND NOT g.archived GROUP BY lower(g.owner)""")
			.query((rs, row) -> counts.computeIfAbsent(rs.getString(1), (k) -> new long[4])[0] = rs.getLong(2))
			.list();
		this.jdbc.sql("""
				SELECT lower(c.owner), count(*), coalesce(sum(o.paid_amount), 0), coalesce(sum(o.refunded), 0)
				FROM (SELECT g.owner, g.tracking_code AS code FROM community_group g WHERE g.owner IS NOT NULL
				      UNION ALL SELECT g.owner, a.tracking_code FROM community_activity a
				      JOIN community_group g ON g.id = a.group_id WHERE g.owner IS NOT NULL) c
				JOIN content_order o ON o.content_code = c.code
				WHERE o.paid_at >= :from AND o.paid_at < :to AND NOT o.cancelled
				GROUP BY lower(c.owner)""")
			.param("from", Timestamp.from(from))
			.param("to", Timestamp.from(to))
			.query((rs, row) -> {
				counts.computeIfAbsent(rs.getString(1), (k) -> new long[4]);
				return gmv.put(rs.getString(1),
						new Attribution(rs.getLong(2), money(rs.getBigDecimal(3)), money(rs.getBigDecimal(4))));
			})
			.list();
		this.jdbc
			.sql("""
					SELECT lower(assignee), count(*) FILTER (WHERE status = 'DONE'),
					    count(*) FILTER (WHERE status = 'SKIPPED'), count(*) FILTER (WHERE status = 'OPEN' AND due_at < :now)
					FROM community_task WHERE due_at >= :from AND due_at < :to GROUP BY lower(assignee)""")
			.param("from", Timestamp.from(from))
			.param("to", Timestamp.from(to))
			.param("now", Timestamp.from(now))
			.query((rs, row) -> {
				long[] c = counts.computeIfAbsent(rs.getString(1), (k) -> new long[4]);
				c[1] = rs.getLong(2);
				c[2] = rs.getLong(3);
				c[3] = rs.getLong(4);
				return c;
			})
			.list();
		List<StaffRow> rows = new ArrayList<>();
		counts.forEach((user, c) -> rows.add(new StaffRow(user, names.getOrDefault(user, user), c[0],
				gmv.getOrDefault(user, Attribution.NONE), c[1], c[2], c[3])));
		rows.sort((a, b) -> {
			int byGmv = b.attribution().net().compareTo(a.attribution().net());
			return (byGmv != 0) ? byGmv : a.username().compareTo(b.username());
		});
		return rows;
	}

	private static Object intOrNull(ResultSet rs, int column) throws SQLException {
		int value = rs.getInt(column);
		return rs.wasNull() ? null : value;
	}

	private static Attribution attribution(ResultSet rs, int row) throws SQLException {
		return new Attribution(rs.getLong(1), money(rs.getBigDecimal(2)), money(rs.getBigDecimal(3)));
	}

	static ActivityRow activity(ResultSet rs, int row) throws SQLException {
		return new ActivityRow(rs.getLong(1), rs.getLong(2), rs.getString(3), ActivityType.valueOf(rs.getString(4)),
				rs.getString(5), rs.getTimestamp(6).toInstant(), rs.getTimestamp(7).toInstant(), rs.getString(8),
				Attribution.NONE);
	}

	static TaskRow task(ResultSet rs, int row) throws SQLException {
		return new TaskRow(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4), rs.getString(5),
				SopKind.valueOf(rs.getString(6)), rs.getTimestamp(7).toInstant(), rs.getString(8),
				TaskStatus.valueOf(rs.getString(9)), rs.getString(10),
				(rs.getTimestamp(11) != null) ? rs.getTimestamp(11).toInstant() : null, rs.getString(12));
	}

	private static BigDecimal money(BigDecimal value) {
		return value.setScale(2, java.math.RoundingMode.UNNECESSARY);
	}

	private static String like(String text) {
		return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}

	/**
	 * The groups that are not archived, by name, at most 500 (for a select).
	 */
	List<GroupOption> groupOptions() {
		return this.jdbc
			.sql("SELECT id, name FROM community_group WHERE NOT archived ORDER BY lower(name), id LIMIT 500")
			.query((rs, row) -> new GroupOption(rs.getLong(1), rs.getString(2)))
			.list();
	}

	/**
	 * The name of a group that is not archived.
	 */
	Optional<String> activeGroupName(long id) {
		return this.jdbc.sql("SELECT name FROM community_group WHERE id = :id AND NOT archived")
			.param("id", id)
			.query(String.class)
			.optional();
	}

	boolean groupExists(long id) {
		return this.jdbc.sql("SELECT EXISTS (SELECT 1 FROM community_group WHERE id = :id)")
			.param("id", id)
			.query(Boolean.class)
			.single();
	}

	/**
	 * A group as a select shows it.
	 */
	record GroupOption(long id, String name) {
	}

	/**
	 * The filters of the group list.
	 */
	record GroupFilter(GroupKind kind, String owner, String query, boolean archived) {

		public boolean isFiltered() {
			return this.kind != null || this.owner != null || this.query != null;
		}

	}

	/**
	 * The filters of the activity list; phase is UPCOMING, RUNNING or ENDED.
	 */
	record ActivityFilter(Long groupId, ActivityType type, String phase) {

		public boolean isFiltered() {
			return this.groupId != null || this.type != null || this.phase != null;
		}

	}

	/**
	 * The filters of the task list: due in [from, to).
	 */
	record TaskFilter(Instant from, Instant to, String assignee, TaskStatus status, Long groupId) {
	}

}
