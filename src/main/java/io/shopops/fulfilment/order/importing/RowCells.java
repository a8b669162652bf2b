package io.shopops.fulfilment.order.importing;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import io.shopops.platform.csv.Cells;
import io.shopops.platform.csv.CsvProblems;
import io.shopops.platform.csv.CsvRow;
import io.shopops.platform.csv.Header;
import io.shopops.platform.csv.Parsed;

/**
 * Reads the cells of one row as values, reporting each bad cell as a problem of the row
 * with its column name. Empty cells (and {@code -}, which 抖店 writes for nothing) read as
 * {@code null}.
 */
final class RowCells {

	private final Header header;

	private final CsvRow row;

	private final ZoneId zone;

	private final String columnPrefix;

	private final List<RowIssue> issues;

	private boolean failed;

	RowCells(Header header, CsvRow row, ZoneId zone, String columnPrefix, List<RowIssue> issues) {
		this.header = header;
		this.row = row;
		this.zone = zone;
		this.columnPrefix = columnPrefix;
		this.issues = issues;
	}

	long number() {
		return this.row.number();
	}

	boolean failed() {
		return this.failed;
	}

	String column(int index) {
		return this.columnPrefix + this.header.name(index);
	}

	/**
	 * A text cell, cleaned of Excel's {@code ="…"} guard, a leading tab and, for ids, a
	 * leading apostrophe.
	 */
	String text(int index) {
		String text = Cells.id(this.row.raw(index));
		return (text.isEmpty() || text.equals("-")) ? null : text;
	}

	/** A text cell of at most {@code max} characters; longer is a problem. */
	String text(int index, int max) {
		String text = text(index);
		if (text != null && text.length() > max) {
			problem(index, text, CsvProblems.VALUE_TOO_LONG, List.of(max));
			return null;
		}
		return text;
	}

	/** A text cell cut to {@code max} characters, with a warning when it was longer. */
	String cut(int index, int max) {
		String text = text(index);
		if (text != null && text.length() > max) {
			warning(index, text, OrderProblems.WARNING_TRUNCATED, List.of(max));
			return text.substring(0, max);
		}
		return text;
	}

	/** A required text cell. */
	String required(int index, int max) {
		String text = text(index, max);
		if (text == null && !this.failed) {
			problem(index, null, CsvProblems.VALUE_REQUIRED, List.of());
		}
		return text;
	}

	BigDecimal money(int index) {
		String text = text(index);
		if (text == null) {
			return null;
		}
		Parsed<BigDecimal> parsed = Cells.money(text);
		if (!parsed.ok()) {
			problem(index, text, parsed.problem(), List.of());
			return null;
		}
		return parsed.value();
	}

	BigDecimal requiredMoney(int index) {
		if (text(index) == null) {
			problem(index, null, CsvProblems.VALUE_REQUIRED, List.of());
			return null;
		}
		return money(index);
	}

	/** A quantity: a whole number of at least 1. */
	Integer quantity(int index) {
		String text = text(index);
		if (text == null) {
			problem(index, null, CsvProblems.VALUE_REQUIRED, List.of());
			return null;
		}
		Parsed<Integer> parsed = Cells.wholeNumber(text);
		if (!parsed.ok()) {
			problem(index, text, parsed.problem(), List.of());
			return null;
		}
		if (parsed.value() == 0) {
			problem(index, text, OrderProblems.QUANTITY_ZERO, List.of());
			return null;
		}
		return parsed.value();
	}

	/** A point in time; a value without an offset is in the shop's zone. */
	Instant time(int index) {
		String text = text(index);
		if (text == null || text.startsWith("0000-00-00") || text.startsWith("1970-01-01")) {
			return null;
		}
		Parsed<java.time.OffsetDateTime> parsed = Cells.dateTime(text, this.zone);
		if (!parsed.ok()) {
			problem(index, text, parsed.problem(), List.of());
			return null;
		}
		return parsed.value().toInstant();
	}

	void problem(int index, String value, String code, List<Object> args) {
		this.failed = true;
		this.issues.add(new RowIssue(this.row.number(), (index < 0) ? "" : column(index), value, code, args, false));
	}

	void warning(int index, String value, String code, List<Object> args) {
		this.issues.add(new RowIssue(this.row.number(), (index < 0) ? "" : column(index), value, code, args, true));
	}

}
