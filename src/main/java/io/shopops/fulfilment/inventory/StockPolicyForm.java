package io.shopops.fulfilment.inventory;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/**
 * The safety stock and usual supplier of a SKU; both may be left empty (an empty safety
 * stock stops watching the SKU).
 */
class StockPolicyForm {

	@Min(value = 0, message = "{stockPolicy.safetyStock.range}")
	@Max(value = 1_000_000, message = "{stockPolicy.safetyStock.range}")
	private Integer safetyStock;

	private Long supplierId;

	static StockPolicyForm of(StockPolicy policy) {
		StockPolicyForm form = new StockPolicyForm();
		form.setSafetyStock(policy.safetyStock());
		form.setSupplierId(policy.supplierId());
		return form;
	}

	public Integer getSafetyStock() {
		return this.safetyStock;
	}

	public void setSafetyStock(Integer safetyStock) {
		this.safetyStock = safetyStock;
	}

	public Long getSupplierId() {
		return this.supplierId;
	}

	public void setSupplierId(Long supplierId) {
		this.supplierId = supplierId;
	}

}
