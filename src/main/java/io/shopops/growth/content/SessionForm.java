package io.shopops.growth.content;

import java.time.LocalDateTime;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.format.annotation.DateTimeFormat;

/**
 * A livestream session as its form sends it: the livestream piece it belongs to, its
 * window in the shop's time zone, host, viewers and featured SKUs.
 */
class SessionForm {

	@NotNull(message = "{content.live.form.piece.required}")
	private Long pieceId;

	@NotNull(message = "{content.live.form.startsAt.required}")
	@DateTimeFormat(pattern = "yyyy-MM-dd'T'HH:mm")
	private LocalDateTime startsAt;

	@NotNull(message = "{content.live.form.endsAt.required}")
	@DateTimeFormat(pattern = "yyyy-MM-dd'T'HH:mm")
	private LocalDateTime endsAt;

	@Size(max = 64, message = "{content.form.owner.unknown}")
	private String host;

	@Min(value = 0, message = "{content.live.form.viewers.range}")
	@Max(value = 1_000_000_000, message = "{content.live.form.viewers.range}")
	private Integer peakViewers;

	@Min(value = 0, message = "{content.live.form.viewers.range}")
	@Max(value = 1_000_000_000, message = "{content.live.form.viewers.range}")
	private Integer totalViewers;

	@Size(max = 2000, message = "{content.form.products.size}")
	private String products;

	@Size(max = 2000, message = "{content.form.notes.size}")
	private String notes;

	private long version;

	public Long getPieceId() {
		return this.pieceId;
	}

	public void setPieceId(Long pieceId) {
		this.pieceId = pieceId;
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

	public String getHost() {
		return this.host;
	}

	public void setHost(String host) {
		this.host = host;
	}

	public Integer getPeakViewers() {
		return this.peakViewers;
	}

	public void setPeakViewers(Integer peakViewers) {
		this.peakViewers = peakViewers;
	}

	public Integer getTotalViewers() {
		return this.totalViewers;
	}

	public void setTotalViewers(Integer totalViewers) {
		this.totalViewers = totalViewers;
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
