package io.shopops.fulfilment.order.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import io.shopops.fulfilment.inventory.InsufficientStockException;
import io.shopops.fulfilment.order.IllegalOrderTransitionException;
import io.shopops.fulfilment.order.OrderInvalidException;
import io.shopops.fulfilment.order.OrderSnapshot;
import io.shopops.fulfilment.order.OrderStatus;
import io.shopops.fulfilment.order.Orders;
import io.shopops.fulfilment.order.Orders.ShipmentRequest;
import io.shopops.platform.csv.Cells;
import io.shopops.platform.csv.CsvFile;
import io.shopops.platform.csv.CsvFileException;
import io.shopops.platform.csv.CsvProblems;
import io.shopops.platform.csv.CsvRow;
import io.shopops.platform.csv.CsvRowHandler;
import io.shopops.platform.csv.Header;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The bulk tracking upload: a CSV of order numbers (with their channel when the shop has
 * several), carriers and tracking numbers. A paid order ships everything it has left with
 * that tracking number; a shipped one gets the tracking number on its latest parcel. The
 * file is checked row by row first; it is applied only when no row has a problem, and
 * then in one transaction: all rows or none.
 */
@Component
class TrackingUpload {

	static final int MAX_ROWS = 5000;

	static final int MAX_BYTES = 2 * 1024 * 1024;

	static final int MAX_TEXT = 64;

	private final Orders orders;

	private final OrderQuery query;

	TrackingUpload(Orders orders, OrderQuery query) {
		this.orders = orders;
		this.query = query;
	}

	/**
	 * The text of an uploaded file, in the encoding the platform's CSV toolkit detects
	 * (UTF-8 with or without BOM, else GB18030), without a BOM.
	 * @throws CsvFileException if the file is empty, binary, a workbook or UTF-16
	 */
	static String decode(byte[] bytes) throws IOException {
		Path file = Files.createTempFile("shopops-tracking-", ".csv");
		try {
			Files.write(file, bytes);
			String text = new String(bytes, CsvFile.open(file).charset());
			return text.startsWith("\uFEFF") ? text.substring(1) : text;
		}
		finally {
			Files.deleteIfExists(file);
		}
	}

	/**
	 * Reads and checks a file's text without changing anything.
	 */
	@Transactional(readOnly = true)
	Preview preview(String text) {
		Path file = null;
		try {
			file = Files.createTempFile("shopops-tracking-", ".csv");
			Files.writeString(file, text, StandardCharsets.UTF_8);
			return preview(CsvFile.open(file), text);
		}
		catch (CsvFileException ex) {
			return new Preview(List.of(), List
				.of(ex.code().equals(CsvProblems.FILE_EMPTY) ? "order.tracking.empty" : "order.tracking.malformed"),
					text);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		finally {
			if (file != null) {
				file.toFile().delete();
			}
		}
	}

	private Preview preview(CsvFile file, String text) throws IOException {
		if (file.records() > MAX_ROWS) {
			return new Preview(List.of(), List.of("order.tracking.tooManyRows"), text);
		}
		Header header = file.header();
		int[] columns = { header.index("channel", "channel code", "渠道", "店铺"),
				header.index("order number", "order_number", "order", "number", "订单号", "订单编号"),
				header.index("carrier", "快递公司", "物流公司"),
				header.index("tracking number", "tracking_number", "tracking", "运单号", "快递单号", "物流单号") };
		if (columns[Column.NUMBER.ordinal()] < 0 || columns[Column.CARRIER.ordinal()] < 0
				|| columns[Column.TRACKING.ordinal()] < 0) {
			return new Preview(List.of(), List.of("order.tracking.columnsMissing"), text);
		}
		List<CsvRow> records = new ArrayList<>();
		Map<Long, String> brokenRows = new TreeMap<>();
		file.read(new CsvRowHandler() {

			@Override
			public void row(CsvRow row) {
				records.add(row);
			}

			@Override
			public void problem(long row, String code, List<Object> args) {
				brokenRows.put(row, code);
			}

		});
		if (brokenRows.containsValue(CsvProblems.CSV_MALFORMED)
				|| brokenRows.containsValue(CsvProblems.QUOTE_UNCLOSED)) {
			return new Preview(List.of(), List.of("order.tracking.malformed"), text);
		}
		List<OrderQuery.ChannelOption> active = this.query.channels()
			.stream()
			.filter(OrderQuery.ChannelOption::active)
			.toList();
		String onlyChannel = (active.size() == 1) ? active.get(0).code() : null;
		Set<String> seen = new HashSet<>();
		List<Row> rows = new ArrayList<>();
		for (long broken : brokenRows.keySet()) {
			rows.add(new Row((int) broken, null, null, null, null, null, null, null,
					List.of("order.tracking.columnsCount")));
		}
		for (CsvRow record : records) {
			if (isBlank(record)) {
				continue;
			}
			rows.add(check((int) record.number(), record, columns, onlyChannel, seen));
		}
		rows.sort(Comparator.comparingInt(Row::rowNumber));
		if (rows.isEmpty()) {
			return new Preview(List.of(), List.of("order.tracking.empty"), text);
		}
		return new Preview(rows, List.of(), text);
	}

	private static boolean isBlank(CsvRow row) {
		for (int i = 0; i < row.size(); i++) {
			if (!row.get(i).isEmpty()) {
				return false;
			}
		}
		return true;
	}

	/**
	 * Applies a file whose preview has no problem: every row or, when one fails, none.
	 * @return the preview, applied when {@link Preview#applicable()}
	 * @throws RowFailedException when a row is refused while applying; nothing was
	 * changed
	 */
	@Transactional
	Preview apply(String text) {
		Preview preview = preview(text);
		if (!preview.applicable()) {
			return preview;
		}
		for (Row row : preview.rows()) {
			try {
				if (row.action() == Action.SHIP) {
					this.orders.ship(row.orderId(),
							new ShipmentRequest(row.carrier(), row.trackingNumber(), null, List.of()));
				}
				else {
					this.orders.track(row.orderId(), row.carrier(), row.trackingNumber());
				}
			}
			catch (IllegalOrderTransitionException | InsufficientStockException | OrderInvalidException ex) {
				throw new RowFailedException(row.rowNumber(), row.number());
			}
		}
		return preview;
	}

	private Row check(int rowNumber, CsvRow fields, int[] columns, String onlyChannel, Set<String> seen) {
		String channel = cell(fields, columns[Column.CHANNEL.ordinal()]);
		String number = cell(fields, columns[Column.NUMBER.ordinal()]);
		String carrier = cell(fields, columns[Column.CARRIER.ordinal()]);
		String tracking = cell(fields, columns[Column.TRACKING.ordinal()]);
		List<String> problems = new ArrayList<>();
		if (channel == null) {
			channel = onlyChannel;
			if (channel == null) {
				problems.add("order.tracking.channelRequired");
			}
		}
		if (number == null) {
			problems.add("order.tracking.numberRequired");
		}
		if (carrier == null || tracking == null) {
			problems.add("order.tracking.trackingRequired");
		}
		if ((carrier != null && carrier.length() > MAX_TEXT) || (tracking != null && tracking.length() > MAX_TEXT)
				|| (number != null && number.length() > MAX_TEXT) || (channel != null && channel.length() > 32)) {
			problems.add("order.tracking.tooLong");
		}
		Long orderId = null;
		OrderStatus status = null;
		Action action = null;
		if (problems.isEmpty()) {
			String key = channel.toUpperCase(Locale.ROOT) + "\u0000" + number;
			if (!seen.add(key)) {
				problems.add("order.tracking.duplicate");
			}
			Optional<OrderSnapshot> order = this.orders.find(channel.toUpperCase(Locale.ROOT), number);
			if (order.isEmpty()) {
				problems.add("order.tracking.orderUnknown");
			}
			else {
				orderId = order.get().id();
				status = order.get().status();
				if (status == OrderStatus.PAID || status == OrderStatus.PARTIALLY_SHIPPED) {
					action = Action.SHIP;
				}
				else if (status == OrderStatus.SHIPPED || status == OrderStatus.DELIVERED
						|| status == OrderStatus.COMPLETED) {
					action = Action.TRACK;
				}
				else {
					problems.add("order.tracking.statusRefused");
				}
			}
		}
		return new Row(rowNumber, channel, number, carrier, tracking, orderId, status, action, problems);
	}

	private static String cell(CsvRow row, int index) {
		return Cells.emptyToNull(row.text(index));
	}

	enum Column {

		CHANNEL, NUMBER, CARRIER, TRACKING

	}

	/** What a row does. */
	enum Action {

		/** Ships everything the paid order has left, with the tracking number. */
		SHIP,

		/** Sets the tracking number of the shipped order's latest parcel. */
		TRACK

	}

	/**
	 * One row of the file as checked.
	 */
	record Row(int rowNumber, String channel, String number, String carrier, String trackingNumber, Long orderId,
			OrderStatus status, Action action, List<String> problems) {
	}

	/**
	 * A checked file: its rows, the problems of the whole file, and the text to apply.
	 */
	record Preview(List<Row> rows, List<String> fileProblems, String text) {

		public boolean applicable() {
			return this.fileProblems.isEmpty() && !this.rows.isEmpty()
					&& this.rows.stream().allMatch((row) -> row.problems().isEmpty());
		}

		public long problemRows() {
			return this.rows.stream().filter((row) -> !row.problems().isEmpty()).count();
		}

	}

	/**
	 * A row was refused while the file was applied; the whole file was rolled back.
	 */
	static class RowFailedException extends RuntimeException {

		private final int rowNumber;

		private final String number;

		RowFailedException(int rowNumber, String number) {
			super("Row " + rowNumber + " (" + number + ") was refused");
			this.rowNumber = rowNumber;
			this.number = number;
		}

		int rowNumber() {
			return this.rowNumber;
		}

		String number() {
			return this.number;
		}

	}

}
