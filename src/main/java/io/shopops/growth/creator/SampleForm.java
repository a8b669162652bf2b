package io.shopops.growth.creator;

import java.time.LocalDate;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.format.annotation.DateTimeFormat;

/**
 * A sample sent to a creator as its form sends it: the SKU and warehouse are checked
 * against stock by {@link CreatorService}.
 */
class SampleForm {

	@NotBlank(message = "{creator.sample.form.sku.required}")
	@Size(max = 64, message = "{creator.sample.form.sku.unknown}")
	private String sku;

	@NotNull(message = "{creator.sample.form.quantity.range}")
	@Min(value = 1, message = "{creator.sample.form.quantity.range}")
	@Max(value = 10_000, message = "{creator.sample.form.quantity.range}")
	private Integer quantity;

	@NotBlank(message = "{creator.sample.form.warehouse.required}")
	@Size(max = 32, message = "{creator.sample.form.warehouse.required}")
	private String warehouse;

	@NotNull(message = "{creator.sample.form.sentOn.required}")
	@DateTimeFormat(pattern = "yyyy-MM-dd")
	private LocalDate sentOn;

	@Size(max = 300, message = "{creator.sample.form.note.size}")
	private String note;

	public String getSku() {
		return this.sku;
	}

	public void setSku(String sku) {
		this.sku = sku;
	}

	public Integer getQuantity() {
		return this.quantity;
	}

	public void setQuantity(Integer quantity) {
		this.quantity = quantity;
	}

	public String getWarehouse() {
		return this.warehouse;
	}

	public void setWarehouse(String warehouse) {
		this.warehouse = warehouse;
	}

	public LocalDate getSentOn() {
		return this.sentOn;
	}

	public void setSentOn(LocalDate sentOn) {
		this.sentOn = sentOn;
	}

	public String getNote() {
		return this.note;
	}

	public void setNote(String note) {
		this.note = note;
	}

}
