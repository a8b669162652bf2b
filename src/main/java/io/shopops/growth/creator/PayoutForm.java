package io.shopops.growth.creator;

import java.math.BigDecimal;
import java.time.LocalDate;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.format.annotation.DateTimeFormat;

/**
 * A payout or an adjustment of a creator's ledger as its form sends it; a payout's amount
 * is positive and may not exceed the balance, an adjustment's is signed and needs a
 * reason (checked by {@link CreatorService}).
 */
class PayoutForm {

	@NotNull(message = "{creator.payout.form.kind.required}")
	private PayoutKind kind;

	@NotNull(message = "{creator.payout.form.date.required}")
	@DateTimeFormat(pattern = "yyyy-MM-dd")
	private LocalDate date;

	@NotNull(message = "{creator.payout.form.amount.range}")
	@DecimalMin(value = "-99999999.99", message = "{creator.payout.form.amount.range}")
	@DecimalMax(value = "99999999.99", message = "{creator.payout.form.amount.range}")
	@Digits(integer = 8, fraction = 2, message = "{creator.payout.form.amount.range}")
	private BigDecimal amount;

	@Size(max = 100, message = "{creator.payout.form.reference.size}")
	private String reference;

	@Size(max = 500, message = "{creator.payout.form.note.size}")
	private String note;

	public PayoutKind getKind() {
		return this.kind;
	}

	public void setKind(PayoutKind kind) {
		this.kind = kind;
	}

	public LocalDate getDate() {
		return this.date;
	}

	public void setDate(LocalDate date) {
		this.date = date;
	}

	public BigDecimal getAmount() {
		return this.amount;
	}

	public void setAmount(BigDecimal amount) {
		this.amount = amount;
	}

	public String getReference() {
		return this.reference;
	}

	public void setReference(String reference) {
		this.reference = reference;
	}

	public String getNote() {
		return this.note;
	}

	public void setNote(String note) {
		this.note = note;
	}

}
