package io.shopops.fulfilment.catalog.importing;

import java.util.List;

/**
 * A problem found in one row of a catalog file. A row with a problem contributes nothing
 * to the import (no variant, no image); a problem on a product field of the product's
 * first row makes the whole product invalid. A warning is different: the row was
 * imported, with a value the reader changed (such as a repeated SKU made unique), and it
 * does not count as failed.
 *
 * @param row the 1-based record number in the file counting the header as row 1, so the
 * first data record is row 2 (a quoted newline does not start a new row, so this is the
 * row number a spreadsheet shows)
 * @param column the header name as written in the file, or {@code ""} for problems with
 * the whole row
 * @param value the offending value (trimmed, cut to 200 characters), or {@code ""}
 * @param code the message key, one of {@link CatalogProblemCodes}
 * @param args the message arguments ({@code {0}}, {@code {1}}…)
 * @param warning whether the row was imported all the same
 */
public record RowProblem(long row, String column, String value, String code, List<Object> args, boolean warning) {

	public RowProblem {
		args = List.copyOf(args);
	}

	/**
	 * Creates a problem that makes its row fail.
	 * @param row the row
	 * @param column the header name, or {@code ""}
	 * @param value the offending value, or {@code ""}
	 * @param code the message key
	 * @param args the message arguments
	 */
	public RowProblem(long row, String column, String value, String code, List<Object> args) {
		this(row, column, value, code, args, false);
	}

}
