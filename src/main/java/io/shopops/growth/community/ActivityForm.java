package io.shopops.growth.community;

import java.time.LocalDateTime;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.format.annotation.DateTimeFormat;

/**
 * An activity as its form sends it; the window and the code are checked by
 * {@link CommunityService}.
 */
class ActivityForm {

	@NotNull(message = "{community.activity.form.group.required}")
	private Long groupId;

	@NotNull(message = "{community.activity.form.type.required}")
	private ActivityType type;

	@NotBlank(message = "{community.activity.form.title.required}")
	@Size(max = 200, message = "{community.activity.form.title.size}")
	private String title;

	@NotNull(message = "{community.activity.form.startsAt.required}")
	@DateTimeFormat(pattern = "yyyy-MM-dd'T'HH:mm")
	private LocalDateTime startsAt;

	@NotNull(message = "{community.activity.form.endsAt.required}")
	@DateTimeFormat(pattern = "yyyy-MM-dd'T'HH:mm")
	private LocalDateTime endsAt;

	@Size(max = 64, message = "{community.form.trackingCode.format}")
	private String trackingCode;

	@Size(max = 2000, message = "{community.form.notes.size}")
	private String notes;

	private long version;

	public Long getGroupId() {
		return this.groupId;
	}

	public void setGroupId(Long groupId) {
		this.groupId = groupId;
	}

	public ActivityType getType() {
		return this.type;
	}

	public void setType(ActivityType type) {
		this.type = type;
	}

	public String getTitle() {
		return this.title;
	}

	public void setTitle(String title) {
		this.title = title;
	}

	public LocalDateTime getStartsAt() {
		return this.startsAt;
	}

	public void setStartsAt(LocalDateTime startsAt) {
		this.startsAt = startsAt;
	}

	public LocalDateTime getEndsAt() {
		return this.endsAt;
	}

	public void setEndsAt(LocalDateTime endsAt) {
		this.endsAt = endsAt;
	}

	public String getTrackingCode() {
		return this.trackingCode;
	}

	public void setTrackingCode(String trackingCode) {
		this.trackingCode = trackingCode;
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
