package io.shopops.fulfilment.order.importing;

import java.util.List;

/**
 * A problem or warning about one row of an order file.
 *
 * @param row the 1-based row number in its file (the header is row 1)
 * @param column the column as named in the file, {@code ""} for the whole row; a column
 * of the second file of an upload is prefixed with that file's report name
 * @param value the offending value, may be {@code null}
 * @param code the message key
 * @param args the message arguments
 * @param warning whether the row was still taken
 */
record RowIssue(long row, String column, String value, String code, List<Object> args, boolean warning) {

	RowIssue {
		args = List.copyOf(args);
	}

}
