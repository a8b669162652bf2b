package io.shopops.fulfilment.catalog.importing;

import java.util.List;

/**
 * A problem found in one row of a catalog file. A row with a problem contributes nothing
 * to the import (no variant, no image); a problem on a product field of the product's
 * first row makes the whole product invalid.
 *
 * @param row the 1-based record number in the file counting the header as row 1, so the
 * first data record is row 2 (a quoted newline does not start a new row, so this is the
 * row number a spreadsheet shows)
 * @param column the header name as written in the file, or {@code ""} for problems with
 * the whole row
 * @param value the offending value (trimmed, cut to 200 characters), or {@code ""}
 * @param code the message key, one of {@link CatalogProblemCodes}
 * @param args the message arguments ({@code {0}}, {@code {1}}…)
 */
public record RowProblem(long row, String column, String value, String code, List<Object> args) {

	public RowProblem {
		args = List.copyOf(args);
	}

}
