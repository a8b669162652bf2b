package io.shopops.platform.csv;

import de.siegmar.fastcsv.reader.CsvRecord;

/**
 * One data record of a CSV file, with the row number a spreadsheet shows for it. Columns
 * are 0-based indexes, as {@link Header#index(String...)} finds them; an index of
 * {@code -1} (a column the file does not have) or past the end of the record reads as
 * {@code ""}.
 */
public final class CsvRow {

	private final long number;

	private final CsvRecord record;

	CsvRow(long number, CsvRecord record) {
		this.number = number;
		this.record = record;
	}

	/**
	 * The 1-based row number: the header is row 1, the first data record row 2, and a
	 * line break inside a quoted value does not start a new row.
	 * @return the row number
	 */
	public long number() {
		return this.number;
	}

	/**
	 * The number of fields in this record.
	 * @return the number of fields
	 */
	public int size() {
		return this.record.getFieldCount();
	}

	/**
	 * A field exactly as read.
	 * @param index the 0-based column, or {@code -1}
	 * @return the value, {@code ""} for a missing column
	 */
	public String raw(int index) {
		return (index < 0 || index >= this.record.getFieldCount()) ? "" : this.record.getField(index);
	}

	/**
	 * A field, trimmed.
	 * @param index the 0-based column, or {@code -1}
	 * @return the trimmed value, {@code ""} for an empty or missing column
	 */
	public String get(int index) {
		return (index < 0 || index >= this.record.getFieldCount()) ? "" : this.record.getField(index).strip();
	}

	/**
	 * A field cleaned as {@link Cells#text(String)} does: trimmed, with Excel's
	 * {@code ="…"} guard and a leading tab removed.
	 * @param index the 0-based column, or {@code -1}
	 * @return the cleaned value, {@code ""} for an empty or missing column
	 */
	public String text(int index) {
		return Cells.text(raw(index));
	}

	/**
	 * A field cleaned as {@link Cells#id(String)} does: like {@link #text(int)}, and a
	 * leading apostrophe dropped.
	 * @param index the 0-based column, or {@code -1}
	 * @return the cleaned value, {@code ""} for an empty or missing column
	 */
	public String id(int index) {
		return Cells.id(raw(index));
	}

	@Override
	public String toString() {
		return "row " + this.number + " " + this.record.getFields();
	}

}
