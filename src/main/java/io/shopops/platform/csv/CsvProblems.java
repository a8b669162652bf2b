package io.shopops.platform.csv;

import java.util.List;

/**
 * The generic problem message keys of CSV imports, used as
 * {@link CsvFileException#code()} for whole files and as row problem codes. Every key has
 * an English and a Chinese message; an import adds its own keys (under
 * {@code import.problem.}) for its own rules.
 */
public final class CsvProblems {

	/** The file has no content. */
	public static final String FILE_EMPTY = "import.problem.file.empty";

	/** The file contains binary data (NUL bytes). */
	public static final String FILE_BINARY = "import.problem.file.binary";

	/** The file is an Excel workbook rather than CSV. */
	public static final String FILE_SPREADSHEET = "import.problem.file.spreadsheet";

	/** The file is UTF-16 ("Unicode text"), not UTF-8 or GB18030. */
	public static final String FILE_ENCODING = "import.problem.file.encoding";

	/** The header has too many columns; {0} = the limit. */
	public static final String HEADER_TOO_MANY_COLUMNS = "import.problem.header.tooManyColumns";

	/** The CSV cannot be parsed from this row on; nothing after it was read. */
	public static final String CSV_MALFORMED = "import.problem.csv.malformed";

	/** A quoted field opened on this row is never closed; nothing after it was read. */
	public static final String QUOTE_UNCLOSED = "import.problem.quote.unclosed";

	/** The row has a different number of fields; {0} = expected, {1} = actual. */
	public static final String COLUMNS_COUNT = "import.problem.columns.count";

	/** A required value is empty. */
	public static final String VALUE_REQUIRED = "import.problem.value.required";

	/** The value is longer than its column allows; {0} = maximum length. */
	public static final String VALUE_TOO_LONG = "import.problem.value.tooLong";

	/**
	 * Not a plain decimal amount of money. The {@code price} keys are kept from the
	 * catalog import, whose stored reports use them.
	 */
	public static final String MONEY_INVALID = "import.problem.price.invalid";

	/** The amount is negative. */
	public static final String MONEY_NEGATIVE = "import.problem.price.negative";

	/** The amount has more than 2 decimals. */
	public static final String MONEY_DECIMALS = "import.problem.price.decimals";

	/** The amount is above 99,999,999.99. */
	public static final String MONEY_TOO_LARGE = "import.problem.price.tooLarge";

	/** Not a whole number. */
	public static final String NUMBER_INVALID = "import.problem.number.invalid";

	/** The whole number is negative. */
	public static final String NUMBER_NEGATIVE = "import.problem.number.negative";

	/** The whole number is above 2,147,483,647 (or below its negative). */
	public static final String NUMBER_TOO_LARGE = "import.problem.number.tooLarge";

	/** Not a date or date and time in a supported form. */
	public static final String DATE_INVALID = "import.problem.date.invalid";

	/** Not a yes/no value. */
	public static final String BOOLEAN_INVALID = "import.problem.boolean.invalid";

	/** All generic codes, for checking that every one has a message. */
	public static final List<String> ALL = List.of(FILE_EMPTY, FILE_BINARY, FILE_SPREADSHEET, FILE_ENCODING,
			HEADER_TOO_MANY_COLUMNS, CSV_MALFORMED, QUOTE_UNCLOSED, COLUMNS_COUNT, VALUE_REQUIRED, VALUE_TOO_LONG,
			MONEY_INVALID, MONEY_NEGATIVE, MONEY_DECIMALS, MONEY_TOO_LARGE, NUMBER_INVALID, NUMBER_NEGATIVE,
			NUMBER_TOO_LARGE, DATE_INVALID, BOOLEAN_INVALID);

	private CsvProblems() {
	}

}
