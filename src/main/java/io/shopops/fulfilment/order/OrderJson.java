package io.shopops.fulfilment.order;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.shopops.fulfilment.order.OrderInvalidException.Problem;
import io.shopops.fulfilment.order.Orders.StatusChange;
import tools.jackson.databind.JsonNode;

/**
 * Reads the JSON API's bodies into drafts and status changes, collecting every problem of
 * shape and type at once; the draft's own rules ({@link DraftRules}) are added for the
 * fields whose type was right, so that a caller sees everything wrong in one answer.
 */
final class OrderJson {

	/** The largest body the API reads. */
	static final int MAX_BYTES = 1024 * 1024;

	private static final Instant EARLIEST = Instant.parse("1970-01-01T00:00:00Z");

	private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

	private OrderJson() {
	}

	/**
	 * Reads at most {@link #MAX_BYTES} of a body.
	 * @return the bytes, or {@code null} when the body is larger
	 */
	static byte[] readBounded(InputStream in) throws IOException {
		byte[] body = in.readNBytes(MAX_BYTES + 1);
		return (body.length > MAX_BYTES) ? null : body;
	}

	/**
	 * The draft of {@code POST /api/orders}.
	 */
	static Read<OrderDraft> order(JsonNode root, String channelCode) {
		List<Problem> problems = new ArrayList<>();
		if (root == null || !root.isObject()) {
			problems.add(DraftRules.problem("", "order.api.body.object"));
			return new Read<>(null, problems);
		}
		String number = text(root, "number", "number", problems);
		OrderStatus status = null;
		String statusName = text(root, "status", "status", problems);
		if (statusName != null) {
			if (statusName.equalsIgnoreCase("paid") || statusName.equalsIgnoreCase("pending_payment")) {
				status = OrderStatus.fromApiName(statusName);
			}
			else {
				problems.add(DraftRules.problem("status", "order.api.status.new"));
			}
		}
		Instant placedAt = time(root, "placedAt", problems);
		Instant paidAt = time(root, "paidAt", problems);
		Customer customer = null;
		JsonNode c = object(root, "customer", problems);
		if (c != null) {
			customer = new Customer(text(c, "name", "customer.name", problems),
					text(c, "phone", "customer.phone", problems), text(c, "email", "customer.email", problems),
					text(c, "buyerId", "customer.buyerId", problems));
		}
		Address address = null;
		JsonNode a = object(root, "address", problems);
		if (a != null) {
			address = new Address(text(a, "name", "address.name", problems),
					text(a, "phone", "address.phone", problems), text(a, "province", "address.province", problems),
					text(a, "city", "address.city", problems), text(a, "district", "address.district", problems),
					text(a, "line1", "address.line1", problems), text(a, "postcode", "address.postcode", problems));
		}
		Utm utm = null;
		JsonNode u = object(root, "utm", problems);
		if (u != null) {
			utm = new Utm(text(u, "source", "utm.source", problems), text(u, "medium", "utm.medium", problems),
					text(u, "campaign", "utm.campaign", problems), text(u, "content", "utm.content", problems));
		}
		List<OrderDraft.Line> lines = lines(root, problems);
		OrderDraft draft = new OrderDraft(channelCode, number, status, Times.placed(placedAt, paidAt), customer,
				address, lines, money(root, "shippingFee", "shippingFee", problems),
				money(root, "discount", "discount", problems), upper(text(root, "currency", "currency", problems)),
				text(root, "couponCode", "couponCode", problems), utm,
				text(root, "contentCode", "contentCode", problems), text(root, "visitorId", "visitorId", problems),
				null, text(root, "note", "note", problems), OrderSource.API);
		return new Read<>(draft, withRules(problems, draft));
	}

	/**
	 * The change of {@code POST /api/orders/{number}/status}.
	 */
	static Read<Change> statusChange(JsonNode root) {
		List<Problem> problems = new ArrayList<>();
		if (root == null || !root.isObject()) {
			problems.add(DraftRules.problem("", "order.api.body.object"));
			return new Read<>(null, problems);
		}
		OrderStatus target = null;
		String name = text(root, "status", "status", problems);
		if (name == null) {
			if (problems.isEmpty()) {
				problems.add(DraftRules.problem("status", "order.api.status.change"));
			}
		}
		else {
			target = switch (name.strip().toLowerCase(Locale.ROOT)) {
				case "paid" -> OrderStatus.PAID;
				case "shipped" -> OrderStatus.SHIPPED;
				case "delivered" -> OrderStatus.DELIVERED;
				case "completed" -> OrderStatus.COMPLETED;
				case "cancelled" -> OrderStatus.CANCELLED;
				case "closed" -> OrderStatus.CLOSED;
				default -> null;
			};
			if (target == null) {
				problems.add(DraftRules.problem("status", "order.api.status.change"));
			}
		}
		Instant at = time(root, "at", problems);
		String carrier = text(root, "carrier", "carrier", problems);
		String tracking = text(root, "trackingNumber", "trackingNumber", problems);
		String reason = text(root, "reason", "reason", problems);
		DraftRules.checkShipmentText(problems, carrier, tracking);
		if (reason != null && reason.length() > 300) {
			problems.add(DraftRules.problem("reason", "order.draft.text.size", 300));
		}
		return new Read<>(new Change(target, new StatusChange(at, carrier, tracking, reason)), problems);
	}

	private static List<OrderDraft.Line> lines(JsonNode root, List<Problem> problems) {
		JsonNode node = root.get("lines");
		if (node == null || node.isNull()) {
			return List.of();
		}
		if (!node.isArray()) {
			problems.add(DraftRules.problem("lines", "order.api.type.array"));
			return null;
		}
		if (node.size() > DraftRules.MAX_LINES) {
			problems.add(DraftRules.problem("lines", "order.draft.lines.tooMany", DraftRules.MAX_LINES));
			return null;
		}
		List<OrderDraft.Line> lines = new ArrayList<>(node.size());
		for (int i = 0; i < node.size(); i++) {
			String prefix = "lines[" + i + "].";
			JsonNode line = node.get(i);
			if (!line.isObject()) {
				problems.add(DraftRules.problem("lines[" + i + "]", "order.api.type.object"));
				lines.add(null);
				continue;
			}
			lines.add(new OrderDraft.Line(text(line, "sku", prefix + "sku", problems),
					text(line, "title", prefix + "title", problems), quantity(line, prefix + "quantity", problems),
					money(line, "unitPrice", prefix + "unitPrice", problems),
					money(line, "discount", prefix + "discount", problems)));
		}
		return lines;
	}

	/**
	 * The shape problems, then the draft's rules for the fields not already reported.
	 */
	private static List<Problem> withRules(List<Problem> problems, OrderDraft draft) {
		if (draft.lines() == null || draft.lines().contains(null)) {
			// the rules need the lines; report what was found
			return problems;
		}
		Set<String> reported = new HashSet<>();
		problems.forEach((p) -> reported.add(p.field()));
		List<Problem> all = new ArrayList<>(problems);
		DraftRules.check(draft).stream().filter((p) -> !reported.contains(p.field())).forEach(all::add);
		return all;
	}

	private static JsonNode object(JsonNode parent, String name, List<Problem> problems) {
		JsonNode node = parent.get(name);
		if (node == null || node.isNull()) {
			return null;
		}
		if (!node.isObject()) {
			problems.add(DraftRules.problem(name, "order.api.type.object"));
			return null;
		}
		return node;
	}

	private static String text(JsonNode parent, String name, String field, List<Problem> problems) {
		JsonNode node = parent.get(name);
		if (node == null || node.isNull()) {
			return null;
		}
		if (node.isString()) {
			String value = node.stringValue();
			return value.isEmpty() ? null : value;
		}
		if (node.isIntegralNumber()) {
			// a number sent for a text, e.g. an order number or a phone
			return node.asString();
		}
		problems.add(DraftRules.problem(field, "order.api.type.text"));
		return null;
	}

	private static int quantity(JsonNode parent, String field, List<Problem> problems) {
		JsonNode node = parent.get("quantity");
		if (node == null || node.isNull()) {
			problems.add(DraftRules.problem(field, "order.draft.quantity.range", DraftRules.MAX_QUANTITY));
			return 0;
		}
		if (node.isIntegralNumber() && node.canConvertToInt()) {
			return node.intValue();
		}
		if (node.isString() && node.stringValue().strip().matches("\\d{1,9}")) {
			return Integer.parseInt(node.stringValue().strip());
		}
		problems.add(DraftRules.problem(field, "order.draft.quantity.range", DraftRules.MAX_QUANTITY));
		return 0;
	}

	private static BigDecimal money(JsonNode parent, String name, String field, List<Problem> problems) {
		JsonNode node = parent.get(name);
		if (node == null || node.isNull()) {
			return null;
		}
		try {
			if (node.isString() && node.stringValue().strip().length() <= 40) {
				return new BigDecimal(node.stringValue().strip());
			}
			if (node.isNumber()) {
				BigDecimal value = node.decimalValue();
				if (value.precision() <= 40) {
					return value;
				}
			}
		}
		catch (NumberFormatException | ArithmeticException ex) {
			// reported below
		}
		problems.add(DraftRules.problem(field, "order.api.type.decimal"));
		return null;
	}

	private static Instant time(JsonNode parent, String name, List<Problem> problems) {
		JsonNode node = parent.get(name);
		if (node == null || node.isNull()) {
			return null;
		}
		if (node.isString()) {
			try {
				Instant at = OffsetDateTime.parse(node.stringValue().strip()).toInstant();
				if (at.isBefore(EARLIEST) || at.isAfter(LATEST)) {
					problems.add(DraftRules.problem(name, "order.api.time.range"));
					return null;
				}
				return at;
			}
			catch (DateTimeParseException ex) {
				// reported below
			}
		}
		problems.add(DraftRules.problem(name, "order.api.time.format"));
		return null;
	}

	private static String upper(String value) {
		return (value != null) ? value.strip().toUpperCase(Locale.ROOT) : null;
	}

	/**
	 * What was read, and every problem found; the value is only usable without problems.
	 */
	record Read<T>(T value, List<Problem> problems) {
	}

	/**
	 * A status change asked for.
	 */
	record Change(OrderStatus target, StatusChange change) {
	}

}
