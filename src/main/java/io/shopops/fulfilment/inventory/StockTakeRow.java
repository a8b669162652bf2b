package io.shopops.fulfilment.inventory;

import java.util.List;

/**
 * One data row of a stock-take file as read: the SKU, warehouse and counted units, or the
 * problem that made it unreadable.
 *
 * @param row the spreadsheet row number (the header is row 1)
 * @param sku the SKU as written, {@code ""} if none
 * @param warehouse the warehouse code, upper-cased
 * @param counted the counted units, or {@code null} when the cell is not a whole number
 * of 0 or more
 * @param problem the message key of the row's problem, or {@code null}
 * @param args the problem's message arguments
 */
record StockTakeRow(long row, String sku, String warehouse, Integer counted, String problem, List<String> args) {

	StockTakeRow {
		args = List.copyOf(args);
	}

}
