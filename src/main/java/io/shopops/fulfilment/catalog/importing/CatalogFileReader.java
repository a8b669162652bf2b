package io.shopops.fulfilment.catalog.importing;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import io.shopops.platform.csv.CsvFile;
import io.shopops.platform.csv.CsvFileException;
import io.shopops.platform.csv.CsvProblems;
import io.shopops.platform.csv.CsvRow;
import io.shopops.platform.csv.CsvRowHandler;
import io.shopops.platform.csv.Header;

/**
 * Reads a product catalog CSV file (ShopOps template, Shopify or WooCommerce export) as a
 * stream of products and row problems, holding only one product in memory at a time
 * (WooCommerce: the variable products and variations until the end of the file).
 * <p>
 * Use {@link #inspect(Path)} first to detect the encoding and format and count the
 * records, then {@link #read(Path, FileInfo, CatalogSink)}. Row data never causes an
 * exception: every problem is passed to {@link CatalogSink#problem(RowProblem)}. Files
 * are read by the platform's {@link CsvFile}, comma-separated only (a file separated
 * otherwise is refused with a message saying so), with its row numbers and structure
 * checks ({@link CsvProblems#COLUMNS_COUNT}, {@link CsvProblems#QUOTE_UNCLOSED},
 * {@link CsvProblems#CSV_MALFORMED}).
 */
public final class CatalogFileReader {

	private CatalogFileReader() {
	}

	/**
	 * Detects the encoding and format of a catalog file and counts its records, streaming
	 * through it once.
	 * @param file the file
	 * @return what was found
	 * @throws CsvFileException if the file is empty, not text, or its header is not
	 * recognised ({@link CatalogProblemCodes#HEADER_UNKNOWN} with the missing required
	 * columns as one comma-separated argument)
	 * @throws IOException if the file cannot be read
	 */
	public static FileInfo inspect(Path file) throws IOException {
		CsvFile csv = CsvFile.open(file, ',');
		List<String> header = csv.header().names();
		CatalogFormat format = ColumnLayout.detect(header);
		return new FileInfo(csv.charset(), csv.bom(), format, header, csv.records());
	}

	/**
	 * Reads a catalog file, passing each product and problem to the sink.
	 * @param file the file
	 * @param info what {@link #inspect(Path)} found out about the file
	 * @param sink receives products, problems and progress
	 * @return the counts
	 * @throws CsvFileException if the header cannot be read
	 * @throws IOException if the file cannot be read
	 */
	public static ReadSummary read(Path file, FileInfo info, CatalogSink sink) throws IOException {
		CsvFile csv = new CsvFile(file, info.charset(), info.bom(), ',', Header.of(info.header()), info.records());
		ColumnLayout layout = ColumnLayout.of(info.format(), info.header());
		RowAssembler assembler = (info.format() == CatalogFormat.WOOCOMMERCE) ? new WooCommerceAssembler(layout, sink)
				: new ProductAssembler(layout, sink);
		long records = csv.read(new CsvRowHandler() {

			@Override
			public void row(CsvRow row) {
				assembler.row(row.number(), row);
			}

			@Override
			public void problem(long row, String code, List<Object> args) {
				assembler.rowProblem(row, code, args.toArray());
			}

			@Override
			public void progress(long recordsRead) {
				sink.progress(recordsRead);
			}

		});
		return assembler.finish(records);
	}

}
