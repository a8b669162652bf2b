package io.shopops.fulfilment.aftersales.api;

import java.math.BigDecimal;
import java.util.List;

/**
 * A refusal of the after-sales service; nothing was changed. Each subclass names one
 * rule, with a message key for the pages.
 */
public abstract class AfterSalesException extends RuntimeException {

	protected AfterSalesException(String message) {
		super(message);
	}

	/**
	 * The message key describing the refusal.
	 * @return the key
	 */
	public abstract String code();

	/**
	 * The arguments of {@link #code()}.
	 * @return the arguments, may be empty
	 */
	public abstract Object[] args();

	/**
	 * The amount is more than what remains refundable of the request's order lines.
	 */
	public static class OverRefund extends AfterSalesException {

		private final BigDecimal refundable;

		public OverRefund(BigDecimal refundable) {
			super("refundable: " + refundable);
			this.refundable = refundable;
		}

		/**
		 * What may still be refunded.
		 * @return the amount, zero or more
		 */
		public BigDecimal refundable() {
			return this.refundable;
		}

		@Override
		public String code() {
			return "afterSales.error.overRefund";
		}

		@Override
		public Object[] args() {
			return new Object[] { this.refundable.toPlainString() };
		}

	}

	/**
	 * The request cannot move to the asked status.
	 */
	public static class IllegalTransition extends AfterSalesException {

		private final RequestStatus from;

		private final RequestStatus to;

		public IllegalTransition(RequestStatus from, RequestStatus to) {
			super(from + " -> " + to);
			this.from = from;
			this.to = to;
		}

		public RequestStatus from() {
			return this.from;
		}

		public RequestStatus to() {
			return this.to;
		}

		@Override
		public String code() {
			return "afterSales.error.illegalTransition";
		}

		@Override
		public Object[] args() {
			return new Object[] { this.from.name(), this.to.name() };
		}

	}

	/**
	 * An operator asked for a refund above the threshold that needs a manager.
	 */
	public static class ManagerRequired extends AfterSalesException {

		private final BigDecimal threshold;

		public ManagerRequired(BigDecimal threshold) {
			super("above " + threshold);
			this.threshold = threshold;
		}

		@Override
		public String code() {
			return "afterSales.error.managerRequired";
		}

		@Override
		public Object[] args() {
			return new Object[] { this.threshold.toPlainString() };
		}

	}

	/**
	 * The request does not exist.
	 */
	public static class NotFound extends AfterSalesException {

		public NotFound(String id) {
			super(id);
		}

		@Override
		public String code() {
			return "afterSales.error.notFound";
		}

		@Override
		public Object[] args() {
			return new Object[0];
		}

	}

	/**
	 * The draft or the command has invalid fields.
	 */
	public static class Invalid extends AfterSalesException {

		private final transient List<Problem> problems;

		public Invalid(List<Problem> problems) {
			super(problems.toString());
			this.problems = List.copyOf(problems);
		}

		public List<Problem> problems() {
			return this.problems;
		}

		@Override
		public String code() {
			return this.problems.isEmpty() ? "afterSales.error.invalid" : this.problems.get(0).code();
		}

		@Override
		public Object[] args() {
			return this.problems.isEmpty() ? new Object[0] : this.problems.get(0).args().toArray();
		}

	}

	/**
	 * One problem of a draft or command.
	 *
	 * @param field the field, in the JSON API's names ({@code lines[0].amount} …)
	 * @param code the message key describing it
	 * @param args the message arguments
	 */
	public record Problem(String field, String code, List<Object> args) {

		public Problem {
			args = List.copyOf(args);
		}

		public static Problem of(String field, String code, Object... args) {
			return new Problem(field, code, List.of(args));
		}

	}

}
