package io.shopops.platform.csv;

import java.io.IOException;
import java.util.List;

/**
 * A problem that makes a whole file unreadable or unimportable, such as an empty file, a
 * binary or spreadsheet file, or a header with too many columns or of no supported
 * layout. Carries a message key and its arguments, never user text.
 */
public class CsvFileException extends IOException {

	private final String code;

	private final transient List<Object> args;

	/**
	 * Creates an exception.
	 * @param code the message key, such as one of {@link CsvProblems}
	 * @param args the message arguments
	 */
	public CsvFileException(String code, List<Object> args) {
		super(code + (args.isEmpty() ? "" : " " + args));
		this.code = code;
		this.args = List.copyOf(args);
	}

	/**
	 * Returns the message key.
	 * @return the message key, never {@code null}
	 */
	public String code() {
		return this.code;
	}

	/**
	 * Returns the message arguments.
	 * @return the message arguments, never {@code null}
	 */
	public List<Object> args() {
		return this.args;
	}

}
