package io.shopops.fulfilment.inventory;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A purchase order as its page shows it: the header, the lines with their received units
 * and the history, oldest first.
 */
record PurchaseOrder(long id, long supplierId, String supplierName, String warehouse, LocalDate expectedOn,
		PurchaseOrderStatus status, String note, long version, OffsetDateTime createdAt, List<Line> lines,
		List<Event> history) {

	public BigDecimal totalCost() {
		return this.lines.stream().map(Line::cost).reduce(BigDecimal.ZERO, BigDecimal::add);
	}

	public long outstanding() {
		return this.lines.stream().mapToLong(Line::outstanding).sum();
	}

	/**
	 * One line: a SKU ({@code variantId} is {@code null} when the SKU was deleted from
	 * the catalog since), the units ordered at a unit cost, and the units received.
	 */
	record Line(long id, Long variantId, String sku, String title, int quantity, BigDecimal unitCost, int received) {

		public int outstanding() {
			return this.quantity - this.received;
		}

		public BigDecimal cost() {
			return this.unitCost.multiply(BigDecimal.valueOf(this.quantity));
		}

	}

	/**
	 * One entry of the history.
	 */
	record Event(OffsetDateTime at, PurchaseOrderAction action, PurchaseOrderStatus status, String detail,
			String actor) {
	}

	/**
	 * A row of the purchase order list.
	 */
	record Summary(long id, String supplierName, String warehouse, LocalDate expectedOn, PurchaseOrderStatus status,
			int lines, long units, long received, BigDecimal totalCost, OffsetDateTime createdAt) {
	}

}
