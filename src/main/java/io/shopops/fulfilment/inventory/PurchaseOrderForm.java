package io.shopops.fulfilment.inventory;

import java.time.LocalDate;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.util.StringUtils;

/**
 * The header of a purchase order: supplier, receiving warehouse, expected delivery date
 * and a note.
 */
class PurchaseOrderForm {

	@NotNull(message = "{purchaseOrder.supplier.required}")
	private Long supplierId;

	@NotBlank(message = "{purchaseOrder.warehouse.required}")
	private String warehouse = Inventory.DEFAULT_WAREHOUSE;

	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	private LocalDate expectedOn;

	@Size(max = 500, message = "{purchaseOrder.note.size}")
	private String note;

	private long version;

	static PurchaseOrderForm of(PurchaseOrder order) {
		PurchaseOrderForm form = new PurchaseOrderForm();
		form.setSupplierId(order.supplierId());
		form.setWarehouse(order.warehouse());
		form.setExpectedOn(order.expectedOn());
		form.setNote(order.note());
		form.setVersion(order.version());
		return form;
	}

	public Long getSupplierId() {
		return this.supplierId;
	}

	public void setSupplierId(Long supplierId) {
		this.supplierId = supplierId;
	}

	public String getWarehouse() {
		return this.warehouse;
	}

	public void setWarehouse(String warehouse) {
		this.warehouse = (warehouse != null) ? warehouse.strip() : "";
	}

	public LocalDate getExpectedOn() {
		return this.expectedOn;
	}

	public void setExpectedOn(LocalDate expectedOn) {
		this.expectedOn = expectedOn;
	}

	public String getNote() {
		return this.note;
	}

	public void setNote(String note) {
		this.note = StringUtils.hasText(note) ? note.strip() : null;
	}

	public long getVersion() {
		return this.version;
	}

	public void setVersion(long version) {
		this.version = version;
	}

	@AssertTrue(message = "{purchaseOrder.expectedOn.range}")
	public boolean isExpectedOnPlausible() {
		return this.expectedOn == null || (this.expectedOn.getYear() >= 2000 && this.expectedOn.getYear() <= 2999);
	}

	String summary() {
		return "supplier " + this.supplierId + ", " + this.warehouse
				+ ((this.expectedOn != null) ? ", expected " + this.expectedOn : "");
	}

}
