package io.shopops.fulfilment.order.importing;

import java.io.IOException;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;

import io.shopops.platform.csv.CsvFile;
import io.shopops.platform.csv.CsvFileException;
import io.shopops.platform.csv.CsvRow;
import io.shopops.platform.csv.CsvRowHandler;

/**
 * Reads an upload of order files: one file in any layout, or the two files of a 淘宝/天猫
 * export (订单报表 and 宝贝报表, in either order), into orders and row issues.
 */
final class OrderFiles {

	/** The report name prefixed to the 宝贝报表's columns in problems. */
	static final String ITEMS_PREFIX = "宝贝报表:";

	private OrderFiles() {
	}

	/**
	 * Recognises the files of an upload and counts their records.
	 * @param files one or two files
	 * @return the upload, its files in reading order
	 * @throws CsvFileException if a file is unreadable, of no known layout, or the files
	 * are not one file or a 淘宝 pair
	 * @throws IOException if a file cannot be read
	 */
	static Upload inspect(List<Path> files) throws IOException {
		List<Source> sources = new ArrayList<>();
		for (Path path : files) {
			CsvFile file = CsvFile.open(path);
			OrderLayout layout = OrderLayout.detect(file.header());
			if (layout == null) {
				if (OrderLayout.isShopifyWithoutLines(file.header())) {
					throw new CsvFileException(OrderProblems.SHOPIFY_NO_LINES, List.of());
				}
				throw new CsvFileException(OrderProblems.HEADER_UNKNOWN,
						List.of(String.join(", ", file.header().names().stream().limit(12).toList())));
			}
			sources.add(new Source(file, layout));
		}
		sources.sort(Comparator.comparing(Source::layout));
		List<OrderLayout> layouts = sources.stream().map(Source::layout).toList();
		boolean taobao = layouts.contains(OrderLayout.TAOBAO_ORDERS) || layouts.contains(OrderLayout.TAOBAO_ITEMS);
		if (taobao && !layouts.equals(List.of(OrderLayout.TAOBAO_ORDERS, OrderLayout.TAOBAO_ITEMS))) {
			throw new CsvFileException(
					(sources.size() == 1) ? OrderProblems.TAOBAO_PAIR : OrderProblems.FILES_NOT_A_PAIR, List.of());
		}
		if (!taobao && sources.size() > 1) {
			throw new CsvFileException(OrderProblems.FILES_NOT_A_PAIR, List.of());
		}
		return new Upload(List.copyOf(sources));
	}

	/**
	 * Reads every order of the upload.
	 * @param upload the inspected upload
	 * @param channelCode the channel the orders are for
	 * @param zone the zone of times without an offset
	 * @param shopCurrency the shop's currency, for warnings
	 * @return the orders that can be placed, the issues, and the failed rows
	 * @throws IOException if a file cannot be read
	 */
	static Result read(Upload upload, String channelCode, ZoneId zone, String shopCurrency) throws IOException {
		List<RowIssue> issues = new ArrayList<>();
		LayoutRows.Context context = new LayoutRows.Context(new LinkedHashMap<>(), issues, shopCurrency);
		long records = 0;
		long badRecords = 0;
		for (Source source : upload.sources()) {
			String prefix = (source.layout() == OrderLayout.TAOBAO_ITEMS) ? ITEMS_PREFIX : "";
			LayoutRows rows = switch (source.layout()) {
				case TEMPLATE -> new TemplateRows(source.file().header(), context);
				case SHOPIFY -> new ShopifyRows(source.file().header(), context);
				case TAOBAO_ORDERS -> new TaobaoOrderRows(source.file().header(), context);
				case TAOBAO_ITEMS -> new TaobaoItemRows(source.file().header(), context);
				case JD -> new JdRows(source.file().header(), context);
				case DOUYIN -> new DouyinRows(source.file().header(), context);
			};
			long[] bad = new long[1];
			records += source.file().read(new CsvRowHandler() {

				@Override
				public void row(CsvRow row) {
					rows.row(new RowCells(source.file().header(), row, zone, prefix, issues));
				}

				@Override
				public void problem(long row, String code, List<Object> args) {
					issues.add(new RowIssue(row, "", null, code, args, false));
					bad[0]++;
				}

			});
			badRecords += bad[0];
		}
		List<ImportedOrder> orders = new ArrayList<>();
		long failedRows = context.orphanRows + badRecords;
		for (OrderBuilder builder : context.orders.values()) {
			ImportedOrder order = builder.build(channelCode, issues);
			if (order != null) {
				orders.add(order);
			}
			else {
				failedRows += builder.rows;
			}
		}
		issues.sort(Comparator.comparing((RowIssue issue) -> issue.column().startsWith(ITEMS_PREFIX))
			.thenComparingLong(RowIssue::row));
		return new Result(orders, issues, records, failedRows);
	}

	/**
	 * One file of an upload and its layout.
	 */
	record Source(CsvFile file, OrderLayout layout) {
	}

	/**
	 * The files of an upload, in reading order.
	 */
	record Upload(List<Source> sources) {

		long records() {
			return this.sources.stream().mapToLong((source) -> source.file().records()).sum();
		}

		OrderLayout layout() {
			return this.sources.get(0).layout();
		}

	}

	/**
	 * What an upload holds.
	 *
	 * @param orders the orders without problems, in file order
	 * @param issues every problem and warning, by file and row
	 * @param records the data records read, in every file
	 * @param failedRows the rows that failed: of orders with a problem, and rows that
	 * belong to no order
	 */
	record Result(List<ImportedOrder> orders, List<RowIssue> issues, long records, long failedRows) {
	}

}
