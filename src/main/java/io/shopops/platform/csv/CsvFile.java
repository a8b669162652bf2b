package io.shopops.platform.csv;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import de.siegmar.fastcsv.reader.CloseableIterator;
import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import de.siegmar.fastcsv.reader.FieldMismatchStrategy;

/**
 * A CSV file as shops' spreadsheets and sales channels save it, inspected by
 * {@link #open(Path)} and then streamed by {@link #read(CsvRowHandler)} with constant
 * memory.
 * <p>
 * Encoding: a UTF-8 BOM means UTF-8; otherwise UTF-8 if the whole file is valid UTF-8;
 * otherwise GB18030 (what Excel, WPS, 淘宝 and 京东 save in China; a superset of GBK and
 * GB2312). UTF-16 files, Excel workbooks and binary files are refused. Delimiter: the
 * allowed one (comma, tab) that splits the header into the most fields. Rows are numbered
 * as a spreadsheet shows them: the header is row 1, and a line break inside a quoted
 * value does not start a new row.
 * <p>
 * Structure checks (empty header cells at the end of the header do not count): a record
 * with fewer fields than the header, or with more fields of which an extra one is not
 * empty, is reported as {@link CsvProblems#COLUMNS_COUNT} and skipped; a record with only
 * extra empty fields (trailing commas) is accepted; a record whose fields are all blank
 * is ignored. A quoted field that never closes is reported as
 * {@link CsvProblems#QUOTE_UNCLOSED} on the row where it starts, other unparsable CSV as
 * {@link CsvProblems#CSV_MALFORMED}; reading stops there, the rows before it are still
 * delivered. A double quote inside an unquoted value is an ordinary character, so
 * {@code ="123"} and {@code 12" wig} are read as written.
 *
 * @param path the file
 * @param charset UTF-8 or GB18030
 * @param bom whether the file starts with a UTF-8 BOM
 * @param delimiter the field delimiter
 * @param header the header row
 * @param records the number of data records after the header (a trailing empty line is
 * not counted)
 */
public record CsvFile(Path path, Charset charset, boolean bom, char delimiter, Header header, long records) {

	/** The most columns a header may have. */
	public static final int MAX_COLUMNS = 1000;

	/** The Chinese national encoding, the one files that are not UTF-8 are read in. */
	public static final Charset GB18030 = FileScanner.GB18030;

	private static final int PROGRESS_INTERVAL = 1000;

	public CsvFile {
		Objects.requireNonNull(path, "path");
		Objects.requireNonNull(charset, "charset");
		Objects.requireNonNull(header, "header");
	}

	/**
	 * Inspects a comma- or tab-separated file: detects its encoding and delimiter, reads
	 * its header and counts its records, streaming through it once.
	 * @param file the file
	 * @return the file's description, ready to {@link #read(CsvRowHandler)}
	 * @throws CsvFileException if the file is empty, binary, a workbook or UTF-16, or its
	 * header has more than {@link #MAX_COLUMNS} columns
	 * @throws IOException if the file cannot be read
	 */
	public static CsvFile open(Path file) throws IOException {
		return open(file, ',', '\t');
	}

	/**
	 * Inspects a file like {@link #open(Path)}, allowing only the given delimiters.
	 * @param file the file
	 * @param delimiters the allowed delimiters, the one to assume on a tie first
	 * @return the file's description
	 * @throws CsvFileException if the file is empty, binary, a workbook or UTF-16, or its
	 * header has more than {@link #MAX_COLUMNS} columns
	 * @throws IOException if the file cannot be read
	 */
	public static CsvFile open(Path file, char... delimiters) throws IOException {
		if (delimiters.length == 0) {
			throw new IllegalArgumentException("No delimiter allowed");
		}
		FileScanner.Result scan = FileScanner.scan(file, delimiters);
		Header header = readHeader(file, scan.charset(), scan.delimiter());
		if (header.size() > MAX_COLUMNS) {
			throw new CsvFileException(CsvProblems.HEADER_TOO_MANY_COLUMNS, List.of(MAX_COLUMNS));
		}
		return new CsvFile(file, scan.charset(), scan.bom(), scan.delimiter(), header, Math.max(0, scan.records() - 1));
	}

	/**
	 * Streams through the data records, passing each to the handler with its row number.
	 * @param handler receives rows, row problems and progress
	 * @return the number of data records read, counting blank ones but not trailing empty
	 * lines
	 * @throws CsvFileException if the file has become empty
	 * @throws IOException if the file cannot be read
	 */
	public long read(CsvRowHandler handler) throws IOException {
		try (CsvReader<CsvRecord> csv = reader(this.path, this.charset, this.delimiter)) {
			CloseableIterator<CsvRecord> records = csv.iterator();
			if (next(records) == null) {
				throw new CsvFileException(CsvProblems.FILE_EMPTY, List.of());
			}
			int columns = this.header.significantSize();
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
					handler.problem(row, isUnclosedQuote(ex) ? CsvProblems.QUOTE_UNCLOSED : CsvProblems.CSV_MALFORMED,
							List.of());
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
					handler.progress(dataRecords);
					nextProgress = dataRecords + PROGRESS_INTERVAL;
				}
				if (isBlank(record)) {
					continue;
				}
				if (hasWrongFieldCount(record, columns)) {
					handler.problem(row, CsvProblems.COLUMNS_COUNT, List.of(columns, record.getFieldCount()));
					continue;
				}
				handler.row(new CsvRow(row, record));
			}
			return dataRecords;
		}
	}

	private static Header readHeader(Path file, Charset charset, char delimiter) throws IOException {
		try (CsvReader<CsvRecord> csv = reader(file, charset, delimiter)) {
			CsvRecord record;
			try {
				record = next(csv.iterator());
			}
			catch (CsvParseException ex) {
				if (String.valueOf(ex.getMessage()).contains("maximum limit of")
						&& String.valueOf(ex.getMessage()).endsWith("fields")) {
					throw new CsvFileException(CsvProblems.HEADER_TOO_MANY_COLUMNS, List.of(MAX_COLUMNS));
				}
				throw new CsvFileException(CsvProblems.CSV_MALFORMED, List.of(1));
			}
			if (record == null) {
				throw new CsvFileException(CsvProblems.FILE_EMPTY, List.of());
			}
			return Header.of(record.getFields());
		}
	}

	private static CsvReader<CsvRecord> reader(Path file, Charset charset, char delimiter) throws IOException {
		return CsvReader.builder()
			.fieldSeparator(delimiter)
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
		String message = String.valueOf(ex.getMessage()).toLowerCase(Locale.ROOT);
		return message.contains("unclosed quoted field") || message.contains("maximum buffer size");
	}

}
