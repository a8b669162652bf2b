package io.shopops.fulfilment.order.web;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import io.shopops.fulfilment.inventory.InsufficientStockException;
import io.shopops.fulfilment.order.IllegalOrderTransitionException;
import io.shopops.fulfilment.order.OrderInvalidException;
import io.shopops.fulfilment.order.OrderSnapshot;
import io.shopops.fulfilment.order.OrderStatus;
import io.shopops.fulfilment.order.Orders;
import io.shopops.fulfilment.order.Orders.ShipmentRequest;

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

	private static final Charset GB18030 = Charset.forName("GB18030");

	private static final Map<String, Column> HEADERS = Map.ofEntries(Map.entry("channel", Column.CHANNEL),
			Map.entry("channel code", Column.CHANNEL), Map.entry("渠道", Column.CHANNEL), Map.entry("店铺", Column.CHANNEL),
			Map.entry("order number", Column.NUMBER), Map.entry("order_number", Column.NUMBER),
			Map.entry("order", Column.NUMBER), Map.entry("number", Column.NUMBER), Map.entry("订单号", Column.NUMBER),
			Map.entry("订单编号", Column.NUMBER), Map.entry("carrier", Column.CARRIER), Map.entry("快递公司", Column.CARRIER),
			Map.entry("物流公司", Column.CARRIER), Map.entry("tracking number", Column.TRACKING),
			Map.entry("tracking_number", Column.TRACKING), Map.entry("tracking", Column.TRACKING),
			Map.entry("运单号", Column.TRACKING), Map.entry("快递单号", Column.TRACKING), Map.entry("物流单号", Column.TRACKING));

	private final Orders orders;

	private final OrderQuery query;

	TrackingUpload(Orders orders, OrderQuery query) {
		this.orders = orders;
		this.query = query;
	}

	/**
	 * The text of an uploaded file: UTF-8 (with or without BOM), else GB18030.
	 */
	static String decode(byte[] bytes) {
		int start = (bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB
				&& (bytes[2] & 0xFF) == 0xBF) ? 3 : 0;
		ByteBuffer buffer = ByteBuffer.wrap(bytes, start, bytes.length - start);
		try {
			return StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(buffer)
				.toString();
		}
		catch (CharacterCodingException ex) {
			return new String(bytes, GB18030);
		}
	}

	/**
	 * Reads and checks a file's text without changing anything.
	 */
	@Transactional(readOnly = true)
	Preview preview(String text) {
		List<String> fileProblems = new ArrayList<>();
		List<Row> rows = new ArrayList<>();
		List<List<String>> records = new ArrayList<>();
		try (CsvReader<CsvRecord> reader = CsvReader.builder()
			.allowExtraFields(true)
			.allowMissingFields(true)
			.skipEmptyLines(true)
			.ofCsvRecord(new StringReader(text))) {
			for (CsvRecord record : reader) {
				if (records.size() > MAX_ROWS) {
					fileProblems.add("order.tracking.tooManyRows");
					return new Preview(List.of(), fileProblems, text);
				}
				records.add(record.getFields());
			}
		}
		catch (CsvParseException ex) {
			fileProblems.add("order.tracking.malformed");
			return new Preview(List.of(), fileProblems, text);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		if (records.isEmpty()) {
			fileProblems.add("order.tracking.empty");
			return new Preview(List.of(), fileProblems, text);
		}
		int[] columns = columns(records.get(0));
		if (columns[Column.NUMBER.ordinal()] < 0 || columns[Column.CARRIER.ordinal()] < 0
				|| columns[Column.TRACKING.ordinal()] < 0) {
			fileProblems.add("order.tracking.columnsMissing");
			return new Preview(List.of(), fileProblems, text);
		}
		List<OrderQuery.ChannelOption> active = this.query.channels()
			.stream()
			.filter(OrderQuery.ChannelOption::active)
			.toList();
		String onlyChannel = (active.size() == 1) ? active.get(0).code() : null;
		Set<String> seen = new HashSet<>();
		for (int i = 1; i < records.size(); i++) {
			List<String> fields = records.get(i);
			if (fields.stream().allMatch(String::isBlank)) {
				continue;
			}
			rows.add(check(i + 1, fields, columns, onlyChannel, seen));
		}
		if (rows.isEmpty()) {
			fileProblems.add("order.tracking.empty");
		}
		return new Preview(rows, fileProblems, text);
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

	private Row check(int rowNumber, List<String> fields, int[] columns, String onlyChannel, Set<String> seen) {
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

	private static int[] columns(List<String> header) {
		int[] columns = new int[Column.values().length];
		Arrays.fill(columns, -1);
		for (int i = 0; i < header.size(); i++) {
			String name = header.get(i).replace("\uFEFF", "").strip().toLowerCase(Locale.ROOT);
			Column column = HEADERS.get(name);
			if (column != null && columns[column.ordinal()] < 0) {
				columns[column.ordinal()] = i;
			}
		}
		return columns;
	}

	private static String cell(List<String> fields, int index) {
		if (index < 0 || index >= fields.size()) {
			return null;
		}
		String value = fields.get(index).strip();
		// 京东 and 抖店 exports write ids as ="…" or with a leading tab to keep them text
		if (value.startsWith("=\"") && value.endsWith("\"") && value.length() >= 3) {
			value = value.substring(2, value.length() - 1).strip();
		}
		return value.isEmpty() ? null : value;
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
