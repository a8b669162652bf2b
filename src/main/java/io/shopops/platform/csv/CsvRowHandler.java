package io.shopops.platform.csv;

import java.util.List;

/**
 * Receives what {@link CsvFile#read(CsvRowHandler)} finds while it streams through a
 * file.
 */
public interface CsvRowHandler {

	/**
	 * Called for every data record that is not blank and whose field count fits the
	 * header, in file order.
	 * @param row the record (immutable, so it may be kept)
	 */
	void row(CsvRow row);

	/**
	 * Called for a record that cannot be handed to {@link #row(CsvRow)}:
	 * {@link CsvProblems#COLUMNS_COUNT} (arguments: expected and actual field count; the
	 * row is skipped), or {@link CsvProblems#QUOTE_UNCLOSED} or
	 * {@link CsvProblems#CSV_MALFORMED} (no arguments; reading stops there).
	 * @param row the 1-based row number
	 * @param code the problem code
	 * @param args the message arguments
	 */
	void problem(long row, String code, List<Object> args);

	/**
	 * Called about every 1000 records.
	 * @param recordsRead the number of data records read so far
	 */
	default void progress(long recordsRead) {
	}

}
