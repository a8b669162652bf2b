package io.shopops.growth.community;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

/**
 * The records the community pages show.
 */
final class CommunityViews {

	private CommunityViews() {
	}

	/**
	 * The paid orders attributed to something: how many, what was paid, what was refunded
	 * since, and what is left (net). Cancelled orders never count.
	 */
	record Attribution(long orders, BigDecimal gmv, BigDecimal refunded) {

		static final Attribution NONE = new Attribution(0, BigDecimal.ZERO.setScale(2), BigDecimal.ZERO.setScale(2));

		public BigDecimal net() {
			return this.gmv.subtract(this.refunded);
		}

		Attribution plus(Attribution other) {
			return new Attribution(this.orders + other.orders, this.gmv.add(other.gmv),
					this.refunded.add(other.refunded));
		}

	}

	record GroupRow(long id, String name, GroupKind kind, String owner, String trackingCode, boolean archived,
			Integer members, LocalDate membersOn, long activities, Attribution attribution) {
	}

	record GroupView(GroupRow group, String notes, long version, List<MemberCount> history,
			List<ActivityRow> activities, List<SopRow> sops, List<TaskRow> upcoming) {
	}

	/**
	 * A day's count and its change against the count before it ({@code null} for the
	 * first).
	 */
	record MemberCount(LocalDate date, int members, String source, Integer change) {
	}

	record ActivityRow(long id, long groupId, String groupName, ActivityType type, String title, Instant startsAt,
			Instant endsAt, String trackingCode, Attribution attribution) {

		public String phase(Instant now) {
			if (now.isBefore(this.startsAt)) {
				return "UPCOMING";
			}
			return now.isBefore(this.endsAt) ? "RUNNING" : "ENDED";
		}

	}

	record ActivityView(ActivityRow activity, String notes, long version, List<AttributedOrder> orders) {
	}

	record AttributedOrder(long orderId, String number, String channelCode, BigDecimal paid, BigDecimal refunded,
			Instant paidAt) {
	}

	record SopRow(long id, long groupId, String groupName, String title, SopKind kind, SopSchedule schedule,
			DayOfWeek dayOfWeek, Integer dayOfMonth, LocalTime atTime, Integer minutesBefore, String assignee,
			boolean active, String notes, long version) {

		SopSchedule.Rule rule() {
			return new SopSchedule.Rule(this.dayOfWeek, this.dayOfMonth, this.atTime, this.minutesBefore);
		}

	}

	record TaskRow(long id, long sopId, long groupId, String groupName, String title, SopKind kind, Instant dueAt,
			String assignee, TaskStatus status, String closedBy, Instant closedAt, String note) {

		public boolean overdue(Instant now) {
			return this.status == TaskStatus.OPEN && this.dueAt.isBefore(now);
		}

	}

	/**
	 * A member of staff's groups and tasks: GMV is that of the groups they own.
	 */
	record StaffRow(String username, String displayName, long groups, Attribution attribution, long done, long skipped,
			long overdue) {

		public Double completion() {
			long closed = this.done + this.skipped + this.overdue;
			return (closed == 0) ? null : (double) this.done / closed;
		}

	}

	record PageOf<T>(List<T> items, int page, int pages, long total) {

		public Integer previous() {
			return (this.page > 1) ? this.page - 1 : null;
		}

		public Integer next() {
			return (this.page < this.pages) ? this.page + 1 : null;
		}

	}

}
