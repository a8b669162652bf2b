package io.shopops.fulfilment.catalog.importing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import de.siegmar.fastcsv.reader.CloseableIterator;
import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import de.siegmar.fastcsv.reader.FieldMismatchStrategy;

/**
 * Reads a product catalog CSV file (ShopOps template, Shopify or WooCommerce export) as a
 * stream of products and row problems, holding only one product in memory at a time
 * (WooCommerce: the variable products and variations until the end of the file).
 * <p>
 * Use {@link #inspect(Path)} first to detect the encoding and format and count the
 * records, then {@link #read(Path, FileInfo, CatalogSink)}. Row data never causes an
 * exception: every problem is passed to {@link CatalogSink#problem(RowProblem)}. Rows are
 * numbered like a spreadsheet shows them: the header is row 1, the first data record row
 * 2, and a newline inside a quoted field does not start a new row.
 * <p>
 * Structure checks (empty header cells at the end of the header do not count): a record
 * with fewer fields than the header, or with more fields of which an extra one is not
 * empty, gets {@link CatalogProblemCodes#COLUMNS_COUNT} and is skipped; a record with
 * only extra empty fields (trailing commas) is accepted; a record whose fields are all
 * empty is ignored. A quoted field that never closes gets
 * {@link CatalogProblemCodes#QUOTE_UNCLOSED} on the row where it starts, and other
 * unparsable CSV gets {@link CatalogProblemCodes#CSV_MALFORMED}; reading stops there, the
 * rows before it are still delivered.
 */
public final class CatalogFileReader {

	private static final int PROGRESS_INTERVAL = 1000;

	private CatalogFileReader() {
	}

	/**
	 * Detects the encoding and format of a catalog file and counts its records, streaming
	 * through it once.
	 * <p>
	 * Encoding: a UTF-8 BOM means UTF-8; otherwise UTF-8 if the whole file is valid
	 * UTF-8; otherwise GB18030 (what Excel and WPS save in China).
	 * @param file the file
	 * @return what was found
	 * @throws CatalogFileException if the file is empty, not text, or its header is not
	 * recognised ({@link CatalogProblemCodes#HEADER_UNKNOWN} with the missing required
	 * columns as one comma-separated argument)
	 * @throws IOException if the file cannot be read
	 */
	public static FileInfo inspect(Path file) throws IOException {
		FileScanner.Result scan = FileScanner.scan(file);
		List<String> header = readHeader(file, scan.charset());
		CatalogFormat format = ColumnLayout.detect(header);
		return new FileInfo(scan.charset(), scan.bom(), format, header, Math.max(0, scan.records() - 1));
	}

	/**
	 * Reads a catalog file, passing each product and problem to the sink.
	 * @param file the file
	 * @param info what {@link #inspect(Path)} found out about the file
	 * @param sink receives products, problems and progress
	 * @return the counts
	 * @throws CatalogFileException if the header cannot be read
	 * @throws IOException if the file cannot be read
	 */
	public static ReadSummary read(Path file, FileInfo info, CatalogSink sink) throws IOException {
		try (CsvReader<CsvRecord> csv = reader(file, info.charset())) {
			CloseableIterator<CsvRecord> records = csv.iterator();
			CsvRecord headerRecord = next(records);
			if (headerRecord == null) {
				throw new CatalogFileException(CatalogProblemCodes.FILE_EMPTY, List.of());
			}
			ColumnLayout layout = ColumnLayout.of(info.format(), header(headerRecord));
			RowAssembler assembler = (info.format() == CatalogFormat.WOOCOMMERCE)
					? new WooCommerceAssembler(layout, sink) : new ProductAssembler(layout, sink);
			int columns = significantColumns(layout);
			long row = 1;
			long dataRecords = 0;
			long pendingEmptyLines = 0;
			long nextProgress = PROGRESS_INTERVAL;
			while (true) {
				CsvRecord record;
				try {
					record = next(records);
				}
				catch (CsvParseException ex) {
					row++;
					dataRecords += pendingEmptyLines + 1;
					assembler.rowProblem(row, isUnclosedQuote(ex) ? CatalogProblemCodes.QUOTE_UNCLOSED
							: CatalogProblemCodes.CSV_MALFORMED);
					break;
				}
				if (record == null) {
					break;
				}
				row++;
				if (record.getFieldCount() == 1 && record.getField(0).isEmpty()) {
					pendingEmptyLines++;
					continue;
				}
				dataRecords += pendingEmptyLines + 1;
				pendingEmptyLines = 0;
				if (dataRecords >= nextProgress) {
					sink.progress(dataRecords);
					nextProgress = dataRecords + PROGRESS_INTERVAL;
				}
				if (isBlank(record)) {
					continue;
				}
				if (hasWrongFieldCount(record, columns)) {
					assembler.rowProblem(row, CatalogProblemCodes.COLUMNS_COUNT, columns, record.getFieldCount());
					continue;
				}
				assembler.row(row, record);
			}
			return assembler.finish(dataRecords);
		}
	}

	private static List<String> readHeader(Path file, Charset charset) throws IOException {
		try (CsvReader<CsvRecord> csv = reader(file, charset)) {
			CsvRecord record;
			try {
				record = next(csv.iterator());
			}
			catch (CsvParseException ex) {
				if (String.valueOf(ex.getMessage()).contains("maximum limit of")
						&& String.valueOf(ex.getMessage()).endsWith("fields")) {
					throw new CatalogFileException(CatalogProblemCodes.HEADER_TOO_MANY_COLUMNS,
							List.of(ColumnLayout.MAX_COLUMNS));
				}
				throw new CatalogFileException(CatalogProblemCodes.CSV_MALFORMED, List.of(1));
			}
			if (record == null) {
				throw new CatalogFileException(CatalogProblemCodes.FILE_EMPTY, List.of());
			}
			return header(record);
		}
	}

	private static CsvReader<CsvRecord> reader(Path file, Charset charset) throws IOException {
		return CsvReader.builder()
			.detectBomHeader(true)
			.skipEmptyLines(false)
			.allowUnclosedQuote(false)
			.extraFieldStrategy(FieldMismatchStrategy.IGNORE)
			.missingFieldStrategy(FieldMismatchStrategy.IGNORE)
			.ofCsvRecord(file, charset);
	}

	private static CsvRecord next(CloseableIterator<CsvRecord> records) throws IOException {
		try {
			return records.hasNext() ? records.next() : null;
		}
		catch (UncheckedIOException ex) {
			throw ex.getCause();
		}
	}

	private static List<String> header(CsvRecord record) {
		List<String> header = new ArrayList<>(record.getFields());
		if (!header.isEmpty()) {
			header.set(0, header.get(0).replace("\uFEFF", ""));
		}
		return header;
	}

	/**
	 * The header's columns up to its last named one: spreadsheets often save trailing
	 * empty header cells that the rows do not have.
	 */
	private static int significantColumns(ColumnLayout layout) {
		int columns = layout.size();
		while (columns > 1 && layout.name(columns - 1).isBlank()) {
			columns--;
		}
		return columns;
	}

	private static boolean isBlank(CsvRecord record) {
		for (int i = 0; i < record.getFieldCount(); i++) {
			if (!record.getField(i).isBlank()) {
				return false;
			}
		}
		return true;
	}

	private static boolean hasWrongFieldCount(CsvRecord record, int expected) {
		int actual = record.getFieldCount();
		if (actual < expected) {
			return true;
		}
		for (int i = expected; i < actual; i++) {
			if (!record.getField(i).isBlank()) {
				return true;
			}
		}
		return false;
	}

	private static boolean isUnclosedQuote(CsvParseException ex) {
		String message = String.valueOf(ex.getMessage());
		return message.contains("Unclosed quoted field") || message.contains("maximum buffer size");
	}

}
