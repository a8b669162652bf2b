package io.shopops.growth.creator;

import java.math.BigDecimal;
import java.time.LocalDate;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.format.annotation.DateTimeFormat;

/**
 * A cooperation record as its form sends it; the terms that fit its type, the dates, the
 * tracking code and the linked pieces are checked by {@link CreatorService}.
 */
class CooperationForm {

	@NotBlank(message = "{creator.cooperation.form.title.required}")
	@Size(max = 200, message = "{creator.cooperation.form.title.size}")
	private String title;

	@NotNull(message = "{creator.cooperation.form.type.required}")
	private CooperationType type;

	@NotNull(message = "{creator.cooperation.form.status.required}")
	private CooperationStatus status;

	@NotNull(message = "{creator.cooperation.form.startsOn.required}")
	@DateTimeFormat(pattern = "yyyy-MM-dd")
	private LocalDate startsOn;

	@DateTimeFormat(pattern = "yyyy-MM-dd")
	private LocalDate endsOn;

	@DecimalMin(value = "0", message = "{creator.cooperation.form.fixedFee.range}")
	@DecimalMax(value = "99999999.99", message = "{creator.cooperation.form.fixedFee.range}")
	@Digits(integer = 8, fraction = 2, message = "{creator.cooperation.form.fixedFee.range}")
	private BigDecimal fixedFee;

	@DecimalMin(value = "0", message = "{creator.cooperation.form.commissionRate.range}")
	@DecimalMax(value = "100", message = "{creator.cooperation.form.commissionRate.range}")
	@Digits(integer = 3, fraction = 2, message = "{creator.cooperation.form.commissionRate.range}")
	private BigDecimal commissionRate;

	@Size(max = 64, message = "{creator.cooperation.form.trackingCode.format}")
	private String trackingCode;

	@Size(max = 1000, message = "{creator.cooperation.form.pieces.size}")
	private String pieces;

	@Size(max = 2000, message = "{creator.form.notes.size}")
	private String notes;

	private long version;

	public String getTitle() {
		return this.title;
	}

	public void setTitle(String title) {
		this.title = title;
	}

	public CooperationType getType() {
		return this.type;
	}

	public void setType(CooperationType type) {
		this.type = type;
	}

	public CooperationStatus getStatus() {
		return this.status;
	}

	public void setStatus(CooperationStatus status) {
		this.status = status;
	}

	public LocalDate getStartsOn() {
		return this.startsOn;
	}

	public void setStartsOn(LocalDate startsOn) {
		this.startsOn = startsOn;
	}

	public LocalDate getEndsOn() {
		return this.endsOn;
	}

	public void setEndsOn(LocalDate endsOn) {
		this.endsOn = endsOn;
	}

	public BigDecimal getFixedFee() {
		return this.fixedFee;
	}

	public void setFixedFee(BigDecimal fixedFee) {
		this.fixedFee = fixedFee;
	}

	public BigDecimal getCommissionRate() {
		return this.commissionRate;
	}

	public void setCommissionRate(BigDecimal commissionRate) {
		this.commissionRate = commissionRate;
	}

	public String getTrackingCode() {
		return this.trackingCode;
	}

	public void setTrackingCode(String trackingCode) {
		this.trackingCode = trackingCode;
	}

	public String getPieces() {
		return this.pieces;
	}

	public void setPieces(String pieces) {
		this.pieces = pieces;
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
