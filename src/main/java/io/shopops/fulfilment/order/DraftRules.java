package io.shopops.fulfilment.order;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import io.shopops.fulfilment.order.OrderInvalidException.Problem;

/**
 * The rules an order draft must follow before anything is stored, checked all at once so
 * that every problem is reported together. Which SKUs exist is checked by the service.
 */
final class DraftRules {

	/** At most this many lines per order. */
	static final int MAX_LINES = 500;

	static final int MAX_QUANTITY = 1_000_000;

	/** {@code NUMERIC(12,2)}: unit prices, discounts and the shipping fee. */
	static final BigDecimal MAX_PRICE = new BigDecimal("9999999999.99");

	/** {@code NUMERIC(14,2)}: line amounts and order totals. */
	static final BigDecimal MAX_AMOUNT = new BigDecimal("999999999999.99");

	/** The statuses an order may arrive in. */
	static final Set<OrderStatus> ACCEPTED = Set.of(OrderStatus.PENDING_PAYMENT, OrderStatus.PAID, OrderStatus.SHIPPED,
			OrderStatus.DELIVERED, OrderStatus.COMPLETED, OrderStatus.CANCELLED, OrderStatus.CLOSED);

	private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

	private DraftRules() {
	}

	/**
	 * Whether a draft in this status is history: recorded without touching stock.
	 */
	static boolean isHistory(OrderStatus status) {
		return status != OrderStatus.PENDING_PAYMENT && status != OrderStatus.PAID;
	}

	/**
	 * Every problem of the draft's own content.
	 * @return the problems, empty when the draft is acceptable
	 */
	static List<Problem> check(OrderDraft draft) {
		List<Problem> problems = new ArrayList<>();
		if (draft.number() == null || draft.number().isBlank()) {
			problems.add(problem("number", "order.draft.number.required"));
		}
		else {
			text(problems, "number", draft.number(), 64);
		}
		if (draft.status() == null) {
			problems.add(problem("status", "order.draft.status.required"));
		}
		else if (!ACCEPTED.contains(draft.status())) {
			problems.add(problem("status", "order.draft.status.notAccepted", draft.status().apiName()));
		}
		BigDecimal goods = BigDecimal.ZERO;
		if (draft.lines() == null || draft.lines().isEmpty()) {
			problems.add(problem("lines", "order.draft.lines.required"));
		}
		else if (draft.lines().size() > MAX_LINES) {
			problems.add(problem("lines", "order.draft.lines.tooMany", MAX_LINES));
		}
		else {
			for (int i = 0; i < draft.lines().size(); i++) {
				BigDecimal amount = checkLine(problems, "lines[" + i + "].", draft.lines().get(i));
				if (amount != null) {
					goods = goods.add(amount);
				}
			}
		}
		boolean amounts = money(problems, "shippingFee", draft.shippingFee(), false);
		amounts &= money(problems, "discount", draft.discount(), false);
		if (goods.compareTo(MAX_AMOUNT) > 0) {
			problems.add(problem("lines", "order.draft.amount.tooLarge", MAX_AMOUNT.toPlainString()));
		}
		else if (amounts && paidAmount(goods, draft.shippingFee(), draft.discount()).signum() < 0) {
			problems.add(problem("discount", "order.draft.discount.exceedsOrder"));
		}
		if (draft.currency() != null && !CURRENCY.matcher(draft.currency()).matches()) {
			problems.add(problem("currency", "order.draft.currency.format"));
		}
		if (draft.customer() != null) {
			Customer customer = draft.customer();
			text(problems, "customer.name", customer.name(), 120);
			text(problems, "customer.phone", customer.phone(), 40);
			text(problems, "customer.email", customer.email(), 254);
			text(problems, "customer.buyerId", customer.buyerId(), 128);
		}
		if (draft.address() != null) {
			Address address = draft.address();
			text(problems, "address.name", address.name(), 120);
			text(problems, "address.phone", address.phone(), 40);
			text(problems, "address.province", address.province(), 64);
			text(problems, "address.city", address.city(), 64);
			text(problems, "address.district", address.district(), 64);
			text(problems, "address.line1", address.line1(), 300);
			text(problems, "address.postcode", address.postcode(), 20);
		}
		if (draft.utm() != null) {
			text(problems, "utm.source", draft.utm().source(), 128);
			text(problems, "utm.medium", draft.utm().medium(), 128);
			text(problems, "utm.campaign", draft.utm().campaign(), 128);
			text(problems, "utm.content", draft.utm().content(), 128);
		}
		text(problems, "couponCode", draft.couponCode(), 64);
		text(problems, "contentCode", draft.contentCode(), 64);
		text(problems, "visitorId", draft.visitorId(), 64);
		text(problems, "note", draft.note(), 1000);
		if (draft.shipment() != null) {
			text(problems, "shipment.carrier", draft.shipment().carrier(), 64);
			text(problems, "shipment.trackingNumber", draft.shipment().trackingNumber(), 64);
		}
		if (draft.source() == null) {
			problems.add(problem("source", "order.draft.source.required"));
		}
		return problems;
	}

	/**
	 * What the buyer pays: the lines, plus shipping, minus the order-level discount.
	 */
	static BigDecimal paidAmount(BigDecimal goods, BigDecimal shippingFee, BigDecimal discount) {
		return goods.add(orZero(shippingFee)).subtract(orZero(discount));
	}

	/**
	 * A line's worth: {@code quantity × unitPrice − discount}.
	 */
	static BigDecimal lineAmount(OrderDraft.Line line) {
		return line.unitPrice().multiply(BigDecimal.valueOf(line.quantity())).subtract(orZero(line.discount()));
	}

	static BigDecimal orZero(BigDecimal value) {
		return (value != null) ? value : BigDecimal.ZERO;
	}

	private static BigDecimal checkLine(List<Problem> problems, String prefix, OrderDraft.Line line) {
		if (line == null) {
			problems.add(problem(prefix.substring(0, prefix.length() - 1), "order.draft.line.required"));
			return null;
		}
		if (line.sku() == null || line.sku().isBlank()) {
			problems.add(problem(prefix + "sku", "order.draft.sku.required"));
		}
		else {
			text(problems, prefix + "sku", line.sku(), 64);
		}
		text(problems, prefix + "title", line.title(), 255);
		boolean valid = true;
		if (line.quantity() < 1 || line.quantity() > MAX_QUANTITY) {
			problems.add(problem(prefix + "quantity", "order.draft.quantity.range", MAX_QUANTITY));
			valid = false;
		}
		valid &= money(problems, prefix + "unitPrice", line.unitPrice(), true);
		valid &= money(problems, prefix + "discount", line.discount(), false);
		if (!valid) {
			return null;
		}
		BigDecimal amount = lineAmount(line);
		if (amount.signum() < 0) {
			problems.add(problem(prefix + "discount", "order.draft.discount.exceedsLine"));
			return null;
		}
		if (amount.compareTo(MAX_AMOUNT) > 0) {
			problems.add(problem(prefix + "quantity", "order.draft.amount.tooLarge", MAX_AMOUNT.toPlainString()));
			return null;
		}
		return amount;
	}

	/**
	 * A money amount: zero or more, at most two decimals, within the column's range.
	 * @return whether it is valid (a missing optional amount is)
	 */
	private static boolean money(List<Problem> problems, String field, BigDecimal value, boolean required) {
		if (value == null) {
			if (required) {
				problems.add(problem(field, "order.draft.amount.required"));
			}
			return !required;
		}
		if (value.signum() < 0) {
			problems.add(problem(field, "order.draft.amount.negative"));
			return false;
		}
		if (value.stripTrailingZeros().scale() > 2) {
			problems.add(problem(field, "order.draft.amount.scale"));
			return false;
		}
		if (value.compareTo(MAX_PRICE) > 0) {
			problems.add(problem(field, "order.draft.amount.tooLarge", MAX_PRICE.toPlainString()));
			return false;
		}
		return true;
	}

	/**
	 * The carrier and tracking number of a shipment.
	 */
	static void checkShipmentText(List<Problem> problems, String carrier, String trackingNumber) {
		text(problems, "carrier", carrier, 64);
		text(problems, "trackingNumber", trackingNumber, 64);
	}

	private static void text(List<Problem> problems, String field, String value, int max) {
		if (value == null) {
			return;
		}
		if (value.length() > max) {
			problems.add(problem(field, "order.draft.text.size", max));
		}
		else if (value.indexOf('\u0000') >= 0) {
			// PostgreSQL cannot store NUL in text
			problems.add(problem(field, "order.draft.text.nul"));
		}
	}

	static Problem problem(String field, String code, Object... args) {
		return new Problem(field, code, List.of(args));
	}

}
