package io.shopops.fulfilment.catalog.importing;

import io.shopops.platform.csv.CsvRow;

/**
 * Turns the data rows of one file format into products and problems for a
 * {@link CatalogSink}.
 */
interface RowAssembler {

	/**
	 * Handles one non-blank data row whose field count matches the header.
	 * @param row the row number (header is row 1)
	 * @param record the record
	 */
	void row(long row, CsvRow record);

	/**
	 * Reports a problem with a whole row found before it reached {@link #row}, such as a
	 * wrong number of fields.
	 * @param row the row
	 * @param code the problem code
	 * @param args the message arguments
	 */
	void rowProblem(long row, String code, Object... args);

	/**
	 * Passes on what is still held and returns the counts.
	 * @param records the number of data records read
	 * @return the summary
	 */
	ReadSummary finish(long records);

}
