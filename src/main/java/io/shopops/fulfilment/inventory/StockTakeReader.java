package io.shopops.fulfilment.inventory;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.shopops.platform.csv.Cells;
import io.shopops.platform.csv.CsvFile;
import io.shopops.platform.csv.CsvFileException;
import io.shopops.platform.csv.CsvProblems;
import io.shopops.platform.csv.CsvRow;
import io.shopops.platform.csv.CsvRowHandler;
import io.shopops.platform.csv.Header;
import io.shopops.platform.csv.Parsed;

/**
 * Reads a stock-take file with the platform's CSV toolkit (UTF-8 with or without BOM, or
 * GB18030; comma or tab separated): the columns SKU ({@code sku}, {@code 商家编码},
 * {@code SKU编码}, {@code 规格编码}), warehouse ({@code warehouse}, {@code 仓库}, {@code 仓库编码};
 * optional, {@code MAIN} without it) and counted ({@code counted}, {@code 盘点数量},
 * {@code 实盘数量}), in any order and case.
 */
final class StockTakeReader {

	/** The most data rows a stock-take file may have. */
	static final int MAX_ROWS = 50_000;

	/** The largest count accepted for one row. */
	static final int MAX_COUNTED = 10_000_000;

	static final String[] SKU = { "sku", "商家编码", "SKU编码", "规格编码" };

	static final String[] WAREHOUSE = { "warehouse", "仓库", "仓库编码" };

	static final String[] COUNTED = { "counted", "盘点数量", "实盘数量" };

	private StockTakeReader() {
	}

	/**
	 * @return the rows in file order, each with its values or its problem
	 * @throws CsvFileException if the file is not a readable CSV, lacks a column or has
	 * more than {@link #MAX_ROWS} rows
	 * @throws IOException if the file cannot be read
	 */
	static List<StockTakeRow> read(Path file) throws IOException {
		CsvFile csv = CsvFile.open(file);
		Header header = csv.header();
		int sku = header.index(SKU);
		int warehouse = header.index(WAREHOUSE);
		int counted = header.index(COUNTED);
		List<String> missing = new ArrayList<>();
		if (sku < 0) {
			missing.add("SKU / 商家编码");
		}
		if (counted < 0) {
			missing.add("counted / 盘点数量");
		}
		if (!missing.isEmpty()) {
			throw new CsvFileException("stockTake.header.missing", List.of(String.join(", ", missing)));
		}
		if (csv.records() > MAX_ROWS) {
			throw new CsvFileException("stockTake.file.tooManyRows", List.of(MAX_ROWS));
		}
		List<StockTakeRow> rows = new ArrayList<>();
		csv.read(new CsvRowHandler() {

			@Override
			public void row(CsvRow row) {
				rows.add(parse(row, sku, warehouse, counted));
			}

			@Override
			public void problem(long row, String code, List<Object> args) {
				rows.add(new StockTakeRow(row, "", "", null, code, args.stream().map(String::valueOf).toList()));
			}

		});
		if (rows.isEmpty()) {
			throw new CsvFileException(CsvProblems.FILE_EMPTY, List.of());
		}
		return rows;
	}

	private static StockTakeRow parse(CsvRow row, int skuColumn, int warehouseColumn, int countedColumn) {
		String sku = limit(row.id(skuColumn), 200);
		String warehouse = (warehouseColumn < 0) ? Inventory.DEFAULT_WAREHOUSE
				: limit(row.text(warehouseColumn).toUpperCase(Locale.ROOT), 64);
		if (warehouse.isEmpty()) {
			warehouse = Inventory.DEFAULT_WAREHOUSE;
		}
		if (sku.isEmpty()) {
			return new StockTakeRow(row.number(), sku, warehouse, null, CsvProblems.VALUE_REQUIRED, List.of());
		}
		String raw = row.text(countedColumn);
		Parsed<Integer> counted = raw.isEmpty() ? Parsed.problem(CsvProblems.VALUE_REQUIRED) : Cells.wholeNumber(raw);
		if (counted.ok() && counted.value() > MAX_COUNTED) {
			counted = Parsed.problem(CsvProblems.NUMBER_TOO_LARGE);
		}
		return new StockTakeRow(row.number(), sku, warehouse, counted.ok() ? counted.value() : null, counted.problem(),
				List.of());
	}

	private static String limit(String value, int length) {
		return (value.length() > length) ? value.substring(0, length) : value;
	}

}
