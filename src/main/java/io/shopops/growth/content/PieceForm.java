package io.shopops.growth.content;

import java.time.LocalDateTime;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.format.annotation.DateTimeFormat;

/**
 * A piece as the new and edit forms send it. The tracking code may be left empty on a new
 * piece (one is generated); linked products are SKUs separated by commas, spaces or
 * lines. The owner, SKUs, code and publish time are checked by {@link ContentService}.
 */
class PieceForm {

	@NotNull(message = "{content.form.type.required}")
	private ContentType type;

	@NotNull(message = "{content.form.platform.required}")
	private ContentPlatform platform;

	@NotBlank(message = "{content.form.title.required}")
	@Size(max = 200, message = "{content.form.title.size}")
	private String title;

	@Size(max = 64, message = "{content.form.owner.unknown}")
	private String owner;

	@DateTimeFormat(pattern = "yyyy-MM-dd'T'HH:mm")
	private LocalDateTime publishAt;

	@Size(max = 64, message = "{content.form.trackingCode.format}")
	private String trackingCode;

	@Size(max = 2000, message = "{content.form.products.size}")
	private String products;

	@Size(max = 2000, message = "{content.form.notes.size}")
	private String notes;

	private long version;

	public ContentType getType() {
		return this.type;
	}

	public void setType(ContentType type) {
		this.type = type;
	}

	public ContentPlatform getPlatform() {
		return this.platform;
	}

	public void setPlatform(ContentPlatform platform) {
		this.platform = platform;
	}

	public String getTitle() {
		return this.title;
	}

	public void setTitle(String title) {
		this.title = title;
	}

	public String getOwner() {
		return this.owner;
	}

	public void setOwner(String owner) {
		this.owner = owner;
	}

	public LocalDateTime getPublishAt() {
		return this.publishAt;
	}

	public void setPublishAt(LocalDateTime publishAt) {
		this.publishAt = publishAt;
	}

	public String getTrackingCode() {
		return this.trackingCode;
	}

	public void setTrackingCode(String trackingCode) {
		this.trackingCode = trackingCode;
	}

	public String getProducts() {
		return this.products;
	}

	public void setProducts(String products) {
		this.products = products;
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
