package io.shopops.growth.community;

import java.sql.Time;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;

import io.shopops.growth.TrackingCodeRegistry;
import io.shopops.growth.TrackingCodeRegistry.Owner;
import io.shopops.growth.TrackingCodes;
import io.shopops.platform.AuditLog;
import io.shopops.platform.UserDirectory;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The changes of community: groups, their member counts, activities, SOP items and the
 * closing of tasks. Each change is one transaction with its audit entry; a change of an
 * SOP item brings its future open tasks in line at once.
 */
@Service
class CommunityService {

	private final JdbcClient jdbc;

	private final AuditLog audit;

	private final UserDirectory users;

	private final TrackingCodeRegistry codes;

	private final SopTasks tasks;

	CommunityService(JdbcClient jdbc, AuditLog audit, UserDirectory users, TrackingCodeRegistry codes, SopTasks tasks) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.users = users;
		this.codes = codes;
		this.tasks = tasks;
	}

	@Transactional
	long createGroup(GroupForm form) {
		String owner = user("owner", form.getOwner(), false);
		String code = TrackingCodes.normalize(form.getTrackingCode());
		if (code == null) {
			code = this.codes.freeCode('G');
		}
		else {
			checkCode(code, Owner.COMMUNITY_GROUP, null);
		}
		checkName(form.getName().strip(), null);
		long id;
		try {
			id = this.jdbc.sql("""
					INSERT INTO community_group (name, kind, owner, tracking_code, notes)
					VALUES (:name, :kind, :owner, :code, :notes) RETURNING id""")
				.param("name", form.getName().strip())
				.param("kind", form.getKind().name())
				.param("owner", owner)
				.param("code", code)
				.param("notes", blankToNull(form.getNotes()))
				.query(Long.class)
				.single();
		}
		catch (DuplicateKeyException ex) {
			throw new CommunityFormException("name", "community.form.name.taken", form.getName().strip());
		}
		this.audit.record("COMMUNITY_GROUP_CREATED", "community_group", Long.toString(id),
				"kind=" + form.getKind() + " code=" + code + " name=" + shorten(form.getName().strip()));
		return id;
	}

	@Transactional
	void updateGroup(long id, GroupForm form) {
		Object[] current = this.jdbc
			.sql("SELECT version, tracking_code, owner FROM community_group WHERE id = :id FOR UPDATE")
			.param("id", id)
			.query((rs, row) -> new Object[] { rs.getLong(1), rs.getString(2), rs.getString(3) })
			.optional()
			.orElseThrow(() -> new CommunityNotFoundException("group", id));
		if ((Long) current[0] != form.getVersion()) {
			throw new OptimisticLockingFailureException("community group " + id + " changed");
		}
		String owner = user("owner", form.getOwner(), false);
		String code = TrackingCodes.normalize(form.getTrackingCode());
		if (code == null) {
			throw new CommunityFormException("trackingCode", "community.form.trackingCode.required");
		}
		checkCode(code, Owner.COMMUNITY_GROUP, id);
		checkName(form.getName().strip(), id);
		this.jdbc.sql("""
				UPDATE community_group SET name = :name, kind = :kind, owner = :owner, tracking_code = :code,
				    notes = :notes, updated_at = now(), version = version + 1
				WHERE id = :id""")
			.param("name", form.getName().strip())
			.param("kind", form.getKind().name())
			.param("owner", owner)
			.param("code", code)
			.param("notes", blankToNull(form.getNotes()))
			.param("id", id)
			.update();
		String summary = "name=" + shorten(form.getName().strip());
		if (!code.equals(current[1])) {
			summary += " code=" + current[1] + "→" + code;
		}
		if (owner == null ? current[2] != null : !owner.equals(current[2])) {
			summary += " owner=" + current[2] + "→" + owner;
		}
		this.audit.record("COMMUNITY_GROUP_UPDATED", "community_group", Long.toString(id), summary);
	}

	/**
	 * Archives a group (its SOP items stop making tasks and its open tasks are removed)
	 * or brings it back.
	 * @return {@code false} if the group already was in that state
	 */
	@Transactional
	boolean archive(long id, boolean archived) {
		exists("community_group", "group", id);
		int changed = this.jdbc.sql("""
				UPDATE community_group SET archived = :archived, updated_at = now(), version = version + 1
				WHERE id = :id AND archived <> :archived""").param("archived", archived).param("id", id).update();
		if (changed == 0) {
			return false;
		}
		long removed = 0;
		if (archived) {
			removed = this.jdbc.sql("DELETE FROM community_task WHERE group_id = :id AND status = 'OPEN'")
				.param("id", id)
				.update();
		}
		else {
			this.tasks.syncGroup(id);
		}
		this.audit.record(archived ? "COMMUNITY_GROUP_ARCHIVED" : "COMMUNITY_GROUP_RESTORED", "community_group",
				Long.toString(id), archived ? "open tasks removed=" + removed : "");
		return true;
	}

	/**
	 * Records a group's member count on a day, replacing what that day had.
	 */
	@Transactional
	void recordMembers(long groupId, MemberCountForm form, LocalDate today) {
		exists("community_group", "group", groupId);
		if (form.getDate().isAfter(today)) {
			throw new CommunityFormException("date", "community.members.form.date.future");
		}
		Integer before = upsertMembers(this.jdbc, groupId, form.getDate(), form.getMembers(), "MANUAL");
		this.audit.record("COMMUNITY_MEMBERS_RECORDED", "community_group", Long.toString(groupId),
				"date=" + form.getDate() + " members=" + ((before != null) ? before + "→" : "") + form.getMembers());
	}

	/**
	 * Writes a day's count.
	 * @return the count the day had before, {@code null} if none
	 */
	static Integer upsertMembers(JdbcClient jdbc, long groupId, LocalDate date, int members, String source) {
		Integer before = jdbc
			.sql("SELECT members FROM community_member_count WHERE group_id = :id AND count_date = :date FOR UPDATE")
			.param("id", groupId)
			.param("date", date)
			.query(Integer.class)
			.optional()
			.orElse(null);
		jdbc.sql("""
				INSERT INTO community_member_count (group_id, count_date, members, source)
				VALUES (:id, :date, :members, :source)
				ON CONFLICT (group_id, count_date) DO UPDATE SET members = EXCLUDED.members, source = EXCLUDED.source,
				    updated_at = now()""")
			.param("id", groupId)
			.param("date", date)
			.param("members", members)
			.param("source", source)
			.update();
		return before;
	}

	@Transactional
	long createActivity(ActivityForm form, ZoneId zone) {
		exists("community_group", "groupId", form.getGroupId());
		checkWindow(form);
		String code = TrackingCodes.normalize(form.getTrackingCode());
		if (code == null) {
			code = this.codes.freeCode('G');
		}
		else {
			checkCode(code, Owner.COMMUNITY_ACTIVITY, null);
		}
		long id = this.jdbc.sql("""
				INSERT INTO community_activity (group_id, type, title, starts_at, ends_at, tracking_code, notes)
				VALUES (:group, :type, :title, :starts, :ends, :code, :notes) RETURNING id""")
			.param("group", form.getGroupId())
			.param("type", form.getType().name())
			.param("title", form.getTitle().strip())
			.param("starts", timestamp(form.getStartsAt(), zone))
			.param("ends", timestamp(form.getEndsAt(), zone))
			.param("code", code)
			.param("notes", blankToNull(form.getNotes()))
			.query(Long.class)
			.single();
		this.audit.record("COMMUNITY_ACTIVITY_CREATED", "community_activity", Long.toString(id),
				"group=" + form.getGroupId() + " type=" + form.getType() + " code=" + code + " title="
						+ shorten(form.getTitle()));
		return id;
	}

	@Transactional
	void updateActivity(long id, ActivityForm form, ZoneId zone) {
		Object[] current = this.jdbc
			.sql("SELECT version, tracking_code FROM community_activity WHERE id = :id FOR UPDATE")
			.param("id", id)
			.query((rs, row) -> new Object[] { rs.getLong(1), rs.getString(2) })
			.optional()
			.orElseThrow(() -> new CommunityNotFoundException("activity", id));
		if ((Long) current[0] != form.getVersion()) {
			throw new OptimisticLockingFailureException("community activity " + id + " changed");
		}
		exists("community_group", "groupId", form.getGroupId());
		checkWindow(form);
		String code = TrackingCodes.normalize(form.getTrackingCode());
		if (code == null) {
			throw new CommunityFormException("trackingCode", "community.form.trackingCode.required");
		}
		checkCode(code, Owner.COMMUNITY_ACTIVITY, id);
		this.jdbc.sql("""
				UPDATE community_activity SET group_id = :group, type = :type, title = :title, starts_at = :starts,
				    ends_at = :ends, tracking_code = :code, notes = :notes, updated_at = now(), version = version + 1
				WHERE id = :id""")
			.param("group", form.getGroupId())
			.param("type", form.getType().name())
			.param("title", form.getTitle().strip())
			.param("starts", timestamp(form.getStartsAt(), zone))
			.param("ends", timestamp(form.getEndsAt(), zone))
			.param("code", code)
			.param("notes", blankToNull(form.getNotes()))
			.param("id", id)
			.update();
		String summary = "title=" + shorten(form.getTitle().strip());
		if (!code.equals(current[1])) {
			summary += " code=" + current[1] + "→" + code;
		}
		this.audit.record("COMMUNITY_ACTIVITY_UPDATED", "community_activity", Long.toString(id), summary);
	}

	@Transactional
	long createSop(long groupId, SopForm form) {
		exists("community_group", "group", groupId);
		String assignee = user("assignee", form.getAssignee(), true);
		checkSchedule(form);
		long id = this.jdbc.sql("""
				INSERT INTO community_sop (group_id, title, kind, schedule, day_of_week, day_of_month, at_time,
				    minutes_before, assignee, notes)
				VALUES (:group, :title, :kind, :schedule, :dow, :dom, :at, :before, :assignee, :notes) RETURNING id""")
			.param("group", groupId)
			.params(sopParams(form, assignee))
			.query(Long.class)
			.single();
		this.audit.record("COMMUNITY_SOP_CREATED", "community_sop", Long.toString(id), "group=" + groupId + " schedule="
				+ form.getSchedule() + " assignee=" + assignee + " title=" + shorten(form.getTitle()));
		this.tasks.sync(id);
		return id;
	}

	@Transactional
	void updateSop(long id, SopForm form) {
		long version = this.jdbc.sql("SELECT version FROM community_sop WHERE id = :id FOR UPDATE")
			.param("id", id)
			.query(Long.class)
			.optional()
			.orElseThrow(() -> new CommunityNotFoundException("sop", id));
		if (version != form.getVersion()) {
			throw new OptimisticLockingFailureException("community sop " + id + " changed");
		}
		String assignee = user("assignee", form.getAssignee(), true);
		checkSchedule(form);
		this.jdbc.sql("""
				UPDATE community_sop SET title = :title, kind = :kind, schedule = :schedule, day_of_week = :dow,
				    day_of_month = :dom, at_time = :at, minutes_before = :before, assignee = :assignee, notes = :notes,
				    updated_at = now(), version = version + 1
				WHERE id = :id""").param("id", id).params(sopParams(form, assignee)).update();
		this.audit.record("COMMUNITY_SOP_UPDATED", "community_sop", Long.toString(id),
				"schedule=" + form.getSchedule() + " assignee=" + assignee + " title=" + shorten(form.getTitle()));
		this.tasks.sync(id);
	}

	/**
	 * Pauses an SOP item (its future open tasks are removed) or resumes it.
	 * @return {@code false} if it already was in that state
	 */
	@Transactional
	boolean pause(long id, boolean paused) {
		exists("community_sop", "sop", id);
		int changed = this.jdbc.sql("""
				UPDATE community_sop SET active = :active, updated_at = now(), version = version + 1
				WHERE id = :id AND active <> :active""").param("active", !paused).param("id", id).update();
		if (changed == 0) {
			return false;
		}
		this.audit.record(paused ? "COMMUNITY_SOP_PAUSED" : "COMMUNITY_SOP_RESUMED", "community_sop", Long.toString(id),
				"");
		this.tasks.sync(id);
		return true;
	}

	/**
	 * Closes an open task as done or skipped.
	 * @param id the task
	 * @param status {@link TaskStatus#DONE} or {@link TaskStatus#SKIPPED}
	 * @param by who closes it
	 * @param note why (optional, for a skip)
	 * @param manager whether the user may close other people's tasks
	 * @throws CommunityRuleException if the task is not open or belongs to someone else
	 */
	@Transactional
	void close(long id, TaskStatus status, String by, String note, boolean manager) {
		Object[] task = this.jdbc.sql("SELECT status, assignee FROM community_task WHERE id = :id FOR UPDATE")
			.param("id", id)
			.query((rs, row) -> new Object[] { rs.getString(1), rs.getString(2) })
			.optional()
			.orElseThrow(() -> new CommunityNotFoundException("task", id));
		if (!"OPEN".equals(task[0])) {
			throw new CommunityRuleException("community.task.notOpen");
		}
		if (!manager && !((String) task[1]).equalsIgnoreCase(by)) {
			throw new CommunityRuleException("community.task.notYours");
		}
		String trimmed = blankToNull(note);
		if (trimmed != null && trimmed.length() > 500) {
			trimmed = trimmed.substring(0, 500);
		}
		this.jdbc.sql("""
				UPDATE community_task SET status = :status, closed_by = :by, closed_at = now(), note = :note
				WHERE id = :id""")
			.param("status", status.name())
			.param("by", by)
			.param("note", trimmed)
			.param("id", id)
			.update();
		this.audit.record((status == TaskStatus.DONE) ? "COMMUNITY_TASK_DONE" : "COMMUNITY_TASK_SKIPPED",
				"community_task", Long.toString(id), (trimmed != null) ? "note=" + shorten(trimmed) : "");
	}

	private java.util.Map<String, Object> sopParams(SopForm form, String assignee) {
		java.util.Map<String, Object> params = new java.util.HashMap<>();
		SopSchedule schedule = form.getSchedule();
		boolean timed = schedule != SopSchedule.BEFORE_LIVESTREAM;
		params.put("title", form.getTitle().strip());
		params.put("kind", form.getKind().name());
		params.put("schedule", schedule.name());
		params.put("dow", (schedule == SopSchedule.WEEKLY) ? form.getDayOfWeek().getValue() : null);
		params.put("dom", (schedule == SopSchedule.MONTHLY) ? form.getDayOfMonth() : null);
		params.put("at", timed ? Time.valueOf(form.getAtTime()) : null);
		params.put("before", timed ? null : form.getMinutesBefore());
		params.put("assignee", assignee);
		params.put("notes", blankToNull(form.getNotes()));
		return params;
	}

	private static void checkSchedule(SopForm form) {
		switch (form.getSchedule()) {
			case WEEKLY -> {
				if (form.getDayOfWeek() == null) {
					throw new CommunityFormException("dayOfWeek", "community.sop.form.dayOfWeek.required");
				}
			}
			case MONTHLY -> {
				if (form.getDayOfMonth() == null) {
					throw new CommunityFormException("dayOfMonth", "community.sop.form.dayOfMonth.required");
				}
			}
			case BEFORE_LIVESTREAM -> {
				if (form.getMinutesBefore() == null) {
					throw new CommunityFormException("minutesBefore", "community.sop.form.minutesBefore.required");
				}
			}
			default -> {
			}
		}
		if (form.getSchedule() != SopSchedule.BEFORE_LIVESTREAM && form.getAtTime() == null) {
			throw new CommunityFormException("atTime", "community.sop.form.atTime.required");
		}
	}

	private static void checkWindow(ActivityForm form) {
		if (!form.getEndsAt().isAfter(form.getStartsAt())) {
			throw new CommunityFormException("endsAt", "community.activity.form.endsAt.beforeStart");
		}
	}

	private void checkCode(String code, Owner owner, Long self) {
		if (!TrackingCodes.isValid(code)) {
			throw new CommunityFormException("trackingCode", "community.form.trackingCode.format");
		}
		if (this.codes.isTaken(code, owner, self)) {
			throw new CommunityFormException("trackingCode", "community.form.trackingCode.taken", code);
		}
	}

	private void checkName(String name, Long self) {
		boolean taken = this.jdbc
			.sql("SELECT count(*) FROM community_group WHERE lower(name) = lower(:name) AND id IS DISTINCT FROM :self")
			.param("name", name)
			.param("self", self)
			.query(Long.class)
			.single() > 0;
		if (taken) {
			throw new CommunityFormException("name", "community.form.name.taken", name);
		}
	}

	private String user(String field, String username, boolean required) {
		if (username == null || username.isBlank()) {
			if (required) {
				throw new CommunityFormException(field, "community.form." + field + ".required");
			}
			return null;
		}
		return this.users.findEnabled(username.strip())
			.map(UserDirectory.DirectoryUser::username)
			.orElseThrow(() -> new CommunityFormException(field, "community.form." + field + ".unknown"));
	}

	private void exists(String table, String field, Long id) {
		boolean found = id != null && this.jdbc.sql("SELECT count(*) FROM " + table + " WHERE id = :id")
			.param("id", id)
			.query(Long.class)
			.single() > 0;
		if (!found) {
			if ("groupId".equals(field)) {
				throw new CommunityFormException("groupId", "community.activity.form.group.unknown");
			}
			throw new CommunityNotFoundException(field, (id != null) ? id : -1);
		}
	}

	static Timestamp timestamp(LocalDateTime local, ZoneId zone) {
		return Timestamp.from(local.atZone(zone).toInstant());
	}

	static Timestamp timestamp(Instant instant) {
		return Timestamp.from(instant);
	}

	private static String blankToNull(String text) {
		return (text == null || text.isBlank()) ? null : text.strip();
	}

	private static String shorten(String text) {
		String stripped = text.strip();
		return (stripped.length() > 60) ? stripped.substring(0, 60) + "…" : stripped;
	}

}
