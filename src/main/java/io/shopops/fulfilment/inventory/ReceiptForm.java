package io.shopops.fulfilment.inventory;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The units received now, per purchase order line id; empty or 0 means none of that line.
 * The rules (not above what is outstanding, at least one unit) are checked by
 * {@link PurchaseOrders#receive(long, Map)}, which knows the lines.
 */
class ReceiptForm {

	private Map<Long, Integer> quantities = new LinkedHashMap<>();

	public Map<Long, Integer> getQuantities() {
		return this.quantities;
	}

	public void setQuantities(Map<Long, Integer> quantities) {
		this.quantities = quantities;
	}

}
