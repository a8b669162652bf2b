package io.shopops.platform.csv;

/**
 * A parsed cell value, or the message key of the problem that prevented parsing. Exactly
 * one of the two is set.
 *
 * @param <T> the value type
 * @param value the value, or {@code null} if there is a problem
 * @param problem the problem's message key, or {@code null}
 */
public record Parsed<T>(T value, String problem) {

	/**
	 * A successfully parsed value.
	 * @param value the value, never {@code null}
	 * @param <T> the value type
	 * @return the result
	 */
	public static <T> Parsed<T> of(T value) {
		return new Parsed<>(value, null);
	}

	/**
	 * A problem.
	 * @param code the message key, such as one of {@link CsvProblems}
	 * @param <T> the value type
	 * @return the result
	 */
	public static <T> Parsed<T> problem(String code) {
		return new Parsed<>(null, code);
	}

	/**
	 * Whether the value was parsed.
	 * @return {@code true} without a problem
	 */
	public boolean ok() {
		return this.problem == null;
	}

}
