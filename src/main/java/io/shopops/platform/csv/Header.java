package io.shopops.platform.csv;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The header row of a CSV file, finding columns by name. Names are compared after
 * {@link #normalize(String) normalising}: case, surrounding and repeated spaces, a BOM, a
 * trailing {@code *} (required-column marks) and full-width parentheses do not matter, so
 * {@code 商品数量（件）} finds {@code 商品数量(件)} and {@code lineitem SKU} finds
 * {@code Lineitem sku}. When a name occurs twice, the first column wins.
 */
public final class Header {

	private final List<String> names;

	private final Map<String, Integer> indexes;

	private Header(List<String> names) {
		this.names = List.copyOf(names);
		Map<String, Integer> indexes = new HashMap<>();
		for (int i = 0; i < this.names.size(); i++) {
			indexes.putIfAbsent(normalize(this.names.get(i)), i);
		}
		this.indexes = indexes;
	}

	/**
	 * Creates a header.
	 * @param names the header cells as written in the file
	 * @return the header
	 */
	public static Header of(List<String> names) {
		List<String> cleaned = new ArrayList<>(names);
		if (!cleaned.isEmpty()) {
			cleaned.set(0, cleaned.get(0).replace("\uFEFF", ""));
		}
		return new Header(cleaned);
	}

	/**
	 * The header cells as written in the file (a BOM removed).
	 * @return the names, never {@code null}
	 */
	public List<String> names() {
		return this.names;
	}

	/**
	 * The number of header cells.
	 * @return the number of columns
	 */
	public int size() {
		return this.names.size();
	}

	/**
	 * The columns up to the last one with a name: spreadsheets often save empty header
	 * cells at the end that the rows do not have.
	 * @return the number of significant columns, at least 1 for a non-empty header
	 */
	public int significantSize() {
		int columns = this.names.size();
		while (columns > 1 && this.names.get(columns - 1).isBlank()) {
			columns--;
		}
		return columns;
	}

	/**
	 * The column's name as written in the file.
	 * @param index the 0-based column
	 * @return the name, {@code ""} for {@code -1} (a missing column)
	 */
	public String name(int index) {
		return (index < 0) ? "" : this.names.get(index);
	}

	/**
	 * Finds a column by the first of several names that the file has, such as the English
	 * and Chinese names of the same field.
	 * @param aliases the names, in order of preference
	 * @return the 0-based column, or {@code -1} if the file has none of them
	 */
	public int index(String... aliases) {
		for (String alias : aliases) {
			Integer index = this.indexes.get(normalize(alias));
			if (index != null) {
				return index;
			}
		}
		return -1;
	}

	/**
	 * Whether the file has a column of any of these names.
	 * @param aliases the names
	 * @return whether one was found
	 */
	public boolean has(String... aliases) {
		return index(aliases) >= 0;
	}

	/**
	 * Normalises a column name for comparison: BOM removed, trimmed, trailing {@code *}
	 * or {@code ＊} removed, full-width parentheses as ASCII, runs of whitespace as one
	 * space, no space next to an opening parenthesis, lower case.
	 * @param name the name
	 * @return the normalised name
	 */
	public static String normalize(String name) {
		String normalized = name.replace("\uFEFF", "").strip();
		while (normalized.endsWith("*") || normalized.endsWith("＊")) {
			normalized = normalized.substring(0, normalized.length() - 1).strip();
		}
		return normalized.replace('（', '(')
			.replace('）', ')')
			.replaceAll("\\s+", " ")
			.replace(" (", "(")
			.replace("( ", "(")
			.toLowerCase(Locale.ROOT);
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof Header header && header.names.equals(this.names);
	}

	@Override
	public int hashCode() {
		return this.names.hashCode();
	}

	@Override
	public String toString() {
		return this.names.toString();
	}

}
