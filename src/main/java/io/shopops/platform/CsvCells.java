package io.shopops.platform;

/**
 * Makes CSV cells safe to open in spreadsheet programs.
 */
public final class CsvCells {

	private CsvCells() {
	}

	/**
	 * Prefixes a cell that a spreadsheet would read as a formula ({@code = + - @}, tab or
	 * carriage return first) with an apostrophe, so it shows as text instead of running.
	 */
	public static String neutralize(String value) {
		if (value == null || value.isEmpty()) {
			return (value != null) ? value : "";
		}
		char first = value.charAt(0);
		return (first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r')
				? "'" + value : value;
	}

}
