package io.shopops.fulfilment.order;

import java.util.List;

/**
 * An order (or channel) was refused because of its content; carries every problem found.
 * Nothing was changed.
 */
public class OrderInvalidException extends RuntimeException {

	private final transient List<Problem> problems;

	public OrderInvalidException(List<Problem> problems) {
		super(problems.toString());
		this.problems = List.copyOf(problems);
	}

	public List<Problem> getProblems() {
		return this.problems;
	}

	/**
	 * One problem.
	 *
	 * @param field the field, in the JSON API's names ({@code lines[0].sku},
	 * {@code customer.email}, {@code number} …)
	 * @param code the message key describing it
	 * @param args the message arguments
	 */
	public record Problem(String field, String code, List<Object> args) {

		public Problem {
			args = List.copyOf(args);
		}

	}

}
