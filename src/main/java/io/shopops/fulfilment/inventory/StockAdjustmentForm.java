package io.shopops.fulfilment.inventory;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.util.StringUtils;

/**
 * A manual correction of one stock row: a signed change and a reason from the list, with
 * a note (required for {@link AdjustmentReason#OTHER}).
 */
class StockAdjustmentForm {

	@NotNull(message = "{stock.adjustment.delta.required}")
	@Min(value = -1_000_000, message = "{stock.adjustment.delta.range}")
	@Max(value = 1_000_000, message = "{stock.adjustment.delta.range}")
	private Integer delta;

	@NotNull(message = "{stock.adjustment.reason.required}")
	private AdjustmentReason reason;

	@Size(max = 200, message = "{stock.adjustment.note.size}")
	private String note;

	public Integer getDelta() {
		return this.delta;
	}

	public void setDelta(Integer delta) {
		this.delta = delta;
	}

	public AdjustmentReason getReason() {
		return this.reason;
	}

	public void setReason(AdjustmentReason reason) {
		this.reason = reason;
	}

	public String getNote() {
		return this.note;
	}

	public void setNote(String note) {
		this.note = note;
	}

	@AssertTrue(message = "{stock.adjustment.delta.zero}")
	public boolean isDeltaNotZero() {
		return this.delta == null || this.delta != 0;
	}

	@AssertTrue(message = "{stock.adjustment.note.required}")
	public boolean isNoteGivenWhenNeeded() {
		return this.reason != AdjustmentReason.OTHER || StringUtils.hasText(this.note);
	}

	/**
	 * The reason as recorded in the ledger: the reason's code, then the note if any.
	 */
	String ledgerReason() {
		return StringUtils.hasText(this.note) ? this.reason.name() + ": " + this.note.strip() : this.reason.name();
	}

}
