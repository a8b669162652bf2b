package io.shopops.fulfilment.inventory;

import java.math.BigDecimal;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A line of a draft purchase order: a SKU, the units to order and the cost of one unit. A
 * SKU already on the order gets the new quantity and cost.
 */
class PurchaseOrderLineForm {

	@NotBlank(message = "{purchaseOrder.line.sku.required}")
	@Size(max = 64, message = "{purchaseOrder.line.sku.unknown}")
	private String sku = "";

	@NotNull(message = "{purchaseOrder.line.quantity.range}")
	@Min(value = 1, message = "{purchaseOrder.line.quantity.range}")
	@Max(value = 1_000_000, message = "{purchaseOrder.line.quantity.range}")
	private Integer quantity;

	@NotNull(message = "{purchaseOrder.line.unitCost.range}")
	@DecimalMin(value = "0", message = "{purchaseOrder.line.unitCost.range}")
	@DecimalMax(value = "99999999.99", message = "{purchaseOrder.line.unitCost.range}")
	@Digits(integer = 8, fraction = 2, message = "{purchaseOrder.line.unitCost.range}")
	private BigDecimal unitCost;

	public String getSku() {
		return this.sku;
	}

	public void setSku(String sku) {
		this.sku = (sku != null) ? sku.strip() : "";
	}

	public Integer getQuantity() {
		return this.quantity;
	}

	public void setQuantity(Integer quantity) {
		this.quantity = quantity;
	}

	public BigDecimal getUnitCost() {
		return this.unitCost;
	}

	public void setUnitCost(BigDecimal unitCost) {
		this.unitCost = unitCost;
	}

}
