package io.shopops.fulfilment.order.importing;

import java.util.List;
import java.util.Map;

import io.shopops.platform.csv.CsvProblems;
import io.shopops.platform.csv.Header;

/**
 * Reads the rows of one layout into the orders of an upload, finding every column by name
 * once from the header.
 */
abstract class LayoutRows {

	/** Column lengths of the order tables. */
	static final int NUMBER = 64;

	static final int NAME = 120;

	static final int PHONE = 40;

	static final int EMAIL = 254;

	static final int BUYER = 128;

	static final int REGION = 64;

	static final int LINE1 = 300;

	static final int POSTCODE = 20;

	static final int CODE = 64;

	static final int UTM = 128;

	static final int SKU = 64;

	static final int TITLE = 255;

	static final int NOTE = 1000;

	final Header header;

	final Context context;

	LayoutRows(Header header, Context context) {
		this.header = header;
		this.context = context;
	}

	/**
	 * Reads one row.
	 * @param cells the row's cells
	 */
	abstract void row(RowCells cells);

	int column(String... aliases) {
		return this.header.index(aliases);
	}

	/**
	 * The order the row belongs to, created on its first row; the row is counted in it.
	 * {@code null} (and the row failed) when the number is missing.
	 */
	OrderBuilder order(RowCells cells, int numberColumn) {
		String number = cells.text(numberColumn, NUMBER);
		if (number == null) {
			if (!cells.failed()) {
				cells.problem(numberColumn, null, CsvProblems.VALUE_REQUIRED, List.of());
			}
			this.context.orphanRows++;
			return null;
		}
		OrderBuilder order = this.context.orders.computeIfAbsent(number,
				(key) -> new OrderBuilder(key, cells.number()));
		order.rows++;
		return order;
	}

	/**
	 * Marks the order failed when the row had a problem.
	 */
	static void settle(OrderBuilder order, RowCells cells) {
		if (cells.failed()) {
			order.failed = true;
		}
	}

	/**
	 * What the readers of one upload share: the orders by number in file order, the
	 * issues, and the shop's currency for warnings.
	 */
	static final class Context {

		final Map<String, OrderBuilder> orders;

		final List<RowIssue> issues;

		final String shopCurrency;

		long orphanRows;

		Context(Map<String, OrderBuilder> orders, List<RowIssue> issues, String shopCurrency) {
			this.orders = orders;
			this.issues = issues;
			this.shopCurrency = shopCurrency;
		}

	}

}
