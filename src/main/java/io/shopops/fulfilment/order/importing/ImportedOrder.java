package io.shopops.fulfilment.order.importing;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.shopops.fulfilment.order.OrderDraft;

/**
 * An order read from a file, ready to place, with where it came from.
 *
 * @param draft the order
 * @param row the row of its first line (or of its 订单报表 row)
 * @param rows how many rows of the upload it takes, in every file
 * @param lines the draft's lines, each with its row and SKU column
 * @param refund what the channel refunded on the order, {@code null} for nothing
 */
record ImportedOrder(OrderDraft draft, long row, int rows, List<LineAt> lines, Refund refund) {

	ImportedOrder(OrderDraft draft, long row, int rows, List<LineAt> lines) {
		this(draft, row, rows, lines, null);
	}

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

	/**
	 * What the channel reports it refunded on the order.
	 *
	 * @param total the money refunded in all, more than zero
	 * @param lines per line position the money refunded for that line (抖店's refunded
	 * sub-orders); empty to spread the total over the lines
	 * @param at when the channel refunded, {@code null} when the file does not say
	 * @param row the row it was read from
	 * @param column the column it was read from
	 */
	record Refund(BigDecimal total, Map<Integer, BigDecimal> lines, Instant at, long row, String column) {

		Refund {
			lines = Map.copyOf(lines);
		}

	}

}
