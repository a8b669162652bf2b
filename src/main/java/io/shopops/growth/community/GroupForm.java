package io.shopops.growth.community;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A group as its form sends it. The tracking code may be left empty on a new group (one
 * is generated); the owner and the code are checked by {@link CommunityService}.
 */
class GroupForm {

	@NotBlank(message = "{community.form.name.required}")
	@Size(max = 120, message = "{community.form.name.size}")
	private String name;

	@NotNull(message = "{community.form.kind.required}")
	private GroupKind kind;

	@Size(max = 64, message = "{community.form.owner.unknown}")
	private String owner;

	@Size(max = 64, message = "{community.form.trackingCode.format}")
	private String trackingCode;

	@Size(max = 2000, message = "{community.form.notes.size}")
	private String notes;

	private long version;

	public String getName() {
		return this.name;
	}

	public void setName(String name) {
		this.name = name;
	}

	public GroupKind getKind() {
		return this.kind;
	}

	public void setKind(GroupKind kind) {
		this.kind = kind;
	}

	public String getOwner() {
		return this.owner;
	}

	public void setOwner(String owner) {
		this.owner = owner;
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
