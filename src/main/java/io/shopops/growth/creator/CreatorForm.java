package io.shopops.growth.creator;

import io.shopops.growth.content.ContentPlatform;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A creator as its form sends it; the handle's uniqueness per platform is checked by
 * {@link CreatorService}. Operators see the contact masked: sent back unchanged, the
 * stored contact is kept.
 */
class CreatorForm {

	@NotNull(message = "{creator.form.platform.required}")
	private ContentPlatform platform;

	@NotBlank(message = "{creator.form.handle.required}")
	@Size(max = 80, message = "{creator.form.handle.size}")
	@Pattern(regexp = "[^\\p{Cntrl}]*", message = "{creator.form.handle.size}")
	private String handle;

	@Size(max = 120, message = "{creator.form.displayName.size}")
	private String displayName;

	@Min(value = 0, message = "{creator.form.followers.range}")
	@Max(value = 10_000_000_000L, message = "{creator.form.followers.range}")
	private Long followers;

	@Size(max = 60, message = "{creator.form.category.size}")
	private String category;

	@Size(max = 200, message = "{creator.form.contact.size}")
	private String contact;

	@Size(max = 2000, message = "{creator.form.notes.size}")
	private String notes;

	private long version;

	public ContentPlatform getPlatform() {
		return this.platform;
	}

	public void setPlatform(ContentPlatform platform) {
		this.platform = platform;
	}

	public String getHandle() {
		return this.handle;
	}

	public void setHandle(String handle) {
		this.handle = handle;
	}

	public String getDisplayName() {
		return this.displayName;
	}

	public void setDisplayName(String displayName) {
		this.displayName = displayName;
	}

	public Long getFollowers() {
		return this.followers;
	}

	public void setFollowers(Long followers) {
		this.followers = followers;
	}

	public String getCategory() {
		return this.category;
	}

	public void setCategory(String category) {
		this.category = category;
	}

	public String getContact() {
		return this.contact;
	}

	public void setContact(String contact) {
		this.contact = contact;
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
