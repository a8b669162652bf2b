package io.shopops.fulfilment.order.importing;

import java.util.List;

import io.shopops.fulfilment.order.OrderDraft;

/**
 * An order read from a file, ready to place, with where it came from.
 *
 * @param draft the order
 * @param row the row of its first line (or of its 订单报表 row)
 * @param rows how many rows of the upload it takes, in every file
 * @param lines the draft's lines, each with its row and SKU column
 */
record ImportedOrder(OrderDraft draft, long row, int rows, List<LineAt> lines) {

	/**
	 * Whether the order arrives already shipped, completed or closed: history, recorded
	 * without touching stock.
	 */
	boolean history() {
		return switch (this.draft.status()) {
			case PENDING_PAYMENT, PAID, AWAITING_STOCK, PARTIALLY_SHIPPED -> false;
			case SHIPPED, DELIVERED, COMPLETED, CANCELLED, CLOSED -> true;
		};
	}

	/**
	 * One line of the order with the row it came from.
	 *
	 * @param row the row
	 * @param skuColumn the name of the SKU column, for problems
	 * @param line the line
	 */
	record LineAt(long row, String skuColumn, OrderDraft.Line line) {
	}

}
