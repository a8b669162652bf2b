package io.shopops.growth.community;

import java.time.DayOfWeek;
import java.time.LocalTime;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.format.annotation.DateTimeFormat;

/**
 * An SOP item as its form sends it. Which of day of week, day of month, time and minutes
 * before are needed depends on the schedule; {@link CommunityService} checks them and the
 * assignee.
 */
class SopForm {

	@NotBlank(message = "{community.sop.form.title.required}")
	@Size(max = 200, message = "{community.sop.form.title.size}")
	private String title;

	@NotNull(message = "{community.sop.form.kind.required}")
	private SopKind kind;

	@NotNull(message = "{community.sop.form.schedule.required}")
	private SopSchedule schedule;

	private DayOfWeek dayOfWeek;

	@Min(value = 1, message = "{community.sop.form.dayOfMonth.range}")
	@Max(value = 28, message = "{community.sop.form.dayOfMonth.range}")
	private Integer dayOfMonth;

	@DateTimeFormat(pattern = "HH:mm")
	private LocalTime atTime;

	@Min(value = 0, message = "{community.sop.form.minutesBefore.range}")
	@Max(value = 10080, message = "{community.sop.form.minutesBefore.range}")
	private Integer minutesBefore;

	@NotBlank(message = "{community.sop.form.assignee.required}")
	@Size(max = 64, message = "{community.sop.form.assignee.unknown}")
	private String assignee;

	@Size(max = 2000, message = "{community.form.notes.size}")
	private String notes;

	private long version;

	public String getTitle() {
		return this.title;
	}

	public void setTitle(String title) {
		this.title = title;
	}

	public SopKind getKind() {
		return this.kind;
	}

	public void setKind(SopKind kind) {
		this.kind = kind;
	}

	public SopSchedule getSchedule() {
		return this.schedule;
	}

	public void setSchedule(SopSchedule schedule) {
		this.schedule = schedule;
	}

	public DayOfWeek getDayOfWeek() {
		return this.dayOfWeek;
	}

	public void setDayOfWeek(DayOfWeek dayOfWeek) {
		this.dayOfWeek = dayOfWeek;
	}

	public Integer getDayOfMonth() {
		return this.dayOfMonth;
	}

	public void setDayOfMonth(Integer dayOfMonth) {
		this.dayOfMonth = dayOfMonth;
	}

	public LocalTime getAtTime() {
		return this.atTime;
	}

	public void setAtTime(LocalTime atTime) {
		this.atTime = atTime;
	}

	public Integer getMinutesBefore() {
		return this.minutesBefore;
	}

	public void setMinutesBefore(Integer minutesBefore) {
		this.minutesBefore = minutesBefore;
	}

	public String getAssignee() {
		return this.assignee;
	}

	public void setAssignee(String assignee) {
		this.assignee = assignee;
	}

	public String getNotes() {
		return this.notes;
	}

	public void setNotes(String notes) {
		this.notes = notes;
	}

	public long getVersion() {
		return this.version;
	}

	public void setVersion(long version) {
		this.version = version;
	}

}
