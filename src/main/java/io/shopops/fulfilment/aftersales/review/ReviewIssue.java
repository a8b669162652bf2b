package io.shopops.fulfilment.aftersales.review;

import java.util.List;

/**
 * A problem or warning about one row of a review file.
 *
 * @param row the 1-based row number (the header is row 1)
 * @param column the column as named in the file, {@code ""} for the whole row
 * @param value the offending value, may be {@code null}
 * @param code the message key
 * @param args the message arguments
 * @param warning whether the row was still taken
 */
record ReviewIssue(long row, String column, String value, String code, List<Object> args, boolean warning) {

	ReviewIssue {
		args = List.copyOf(args);
	}

}
