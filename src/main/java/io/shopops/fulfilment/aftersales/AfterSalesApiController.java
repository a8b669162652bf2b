package io.shopops.fulfilment.aftersales;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import io.shopops.fulfilment.aftersales.api.AfterSales;
import io.shopops.fulfilment.aftersales.api.AfterSalesDraft;
import io.shopops.fulfilment.aftersales.api.AfterSalesException;
import io.shopops.fulfilment.aftersales.api.AfterSalesException.Problem;
import io.shopops.fulfilment.aftersales.api.AfterSalesRequest;
import io.shopops.fulfilment.aftersales.api.Authority;
import io.shopops.fulfilment.aftersales.api.RequestSource;
import io.shopops.fulfilment.aftersales.api.RequestStatus;
import io.shopops.fulfilment.aftersales.api.RequestType;
import io.shopops.fulfilment.order.ApiCaller;
import io.shopops.fulfilment.order.OrderSnapshot;
import io.shopops.fulfilment.order.Orders;
import jakarta.servlet.http.HttpServletRequest;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The stable JSON API of after-sales requests for channel integrations, with the orders
 * API's tokens: {@code POST /api/orders/{number}/after-sales} opens a request on the
 * caller's channel's order, {@code POST /api/after-sales/{id}/status} moves it. Refunds
 * reported here are recorded as the channel made them (no threshold), but never above
 * what remains refundable: {@code 409 {"error": "over_refund", "refundable"}}.
 */
@RestController
class AfterSalesApiController {

	static final int MAX_BYTES = 64 * 1024;

	private static final Instant EARLIEST = Instant.parse("1970-01-01T00:00:00Z");

	private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

	private final AfterSales afterSales;

	private final Orders orders;

	private final ObjectMapper json;

	private final MessageSource messages;

	AfterSalesApiController(AfterSales afterSales, Orders orders, ObjectMapper json, MessageSource messages) {
		this.afterSales = afterSales;
		this.orders = orders;
		this.json = json;
		this.messages = messages;
	}

	@PostMapping(path = "/api/orders/{number}/after-sales", produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<Map<String, Object>> create(@PathVariable String number, HttpServletRequest request,
			@AuthenticationPrincipal ApiCaller caller, Locale locale) throws IOException {
		JsonNode body = readBody(request);
		if (body == null) {
			return tooLarge();
		}
		if (!body.isObject()) {
			return malformed(locale);
		}
		OrderSnapshot order = this.orders.find(caller.channelCode(), number)
			.orElseThrow(() -> new AfterSalesException.NotFound(number));
		List<Problem> problems = new ArrayList<>();
		RequestType type = null;
		String typeText = text(body, "type", problems);
		if (typeText == null) {
			problems.add(Problem.of("type", "afterSales.error.typeRequired"));
		}
		else {
			try {
				type = RequestType.fromApiName(typeText);
			}
			catch (IllegalArgumentException ex) {
				problems.add(Problem.of("type", "afterSales.api.typeUnknown"));
			}
		}
		String reason = text(body, "reason", problems);
		String reasonText = text(body, "reasonText", problems);
		String note = text(body, "note", problems);
		List<String> photos = new ArrayList<>();
		JsonNode photoNode = body.get("photoUrls");
		if (photoNode != null && !photoNode.isNull()) {
			if (!photoNode.isArray()) {
				problems.add(Problem.of("photoUrls", "afterSales.error.photoUrl"));
			}
			else {
				photoNode.forEach((p) -> photos.add(p.isString() ? p.stringValue() : ""));
			}
		}
		Instant at = time(body, problems);
		List<AfterSalesDraft.Line> lines = new ArrayList<>();
		JsonNode linesNode = body.get("lines");
		if (linesNode == null || !linesNode.isArray() || linesNode.isEmpty()) {
			problems.add(Problem.of("lines", "afterSales.error.linesRequired"));
		}
		else {
			for (int i = 0; i < linesNode.size() && i < 500; i++) {
				JsonNode line = linesNode.get(i);
				String field = "lines[" + i + "]";
				if (!line.isObject()) {
					problems.add(Problem.of(field, "afterSales.api.skuRequired"));
					continue;
				}
				String sku = text(line, "sku", problems);
				if (sku == null) {
					problems.add(Problem.of(field + ".sku", "afterSales.api.skuRequired"));
					continue;
				}
				Optional<OrderSnapshot.Line> orderLine = order.lines()
					.stream()
					.filter((l) -> l.sku().equals(sku))
					.findFirst();
				if (orderLine.isEmpty()) {
					problems.add(Problem.of(field + ".sku", "afterSales.api.skuUnknown", sku));
					continue;
				}
				JsonNode quantity = line.get("quantity");
				int units;
				if (quantity == null || quantity.isNull()) {
					units = orderLine.get().quantity();
				}
				else if (quantity.isIntegralNumber() && quantity.canConvertToInt() && quantity.intValue() >= 1) {
					units = quantity.intValue();
				}
				else {
					problems.add(Problem.of(field + ".quantity", "afterSales.api.quantityFormat"));
					continue;
				}
				BigDecimal amount = money(line, "amount", field + ".amount", problems);
				lines.add(new AfterSalesDraft.Line(orderLine.get().id(), units, amount));
			}
		}
		if (!problems.isEmpty()) {
			throw new AfterSalesException.Invalid(problems);
		}
		AfterSalesRequest created = this.afterSales.create(
				new AfterSalesDraft(order.id(), type, reason, reasonText, photos, note, lines, RequestSource.API, at));
		return ResponseEntity.status(HttpStatus.CREATED).body(summary(created));
	}

	@PostMapping(path = "/api/after-sales/{id}/status", produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<Map<String, Object>> changeStatus(@PathVariable String id, HttpServletRequest request,
			@AuthenticationPrincipal ApiCaller caller, Locale locale) throws IOException {
		long requestId;
		try {
			requestId = Long.parseLong(id);
		}
		catch (NumberFormatException ex) {
			throw new AfterSalesException.NotFound(id);
		}
		JsonNode body = readBody(request);
		if (body == null) {
			return tooLarge();
		}
		if (!body.isObject()) {
			return malformed(locale);
		}
		AfterSalesRequest current = this.afterSales.find(requestId)
			.filter((r) -> r.channelCode().equals(caller.channelCode()))
			.orElseThrow(() -> new AfterSalesException.NotFound(id));
		List<Problem> problems = new ArrayList<>();
		String statusText = text(body, "status", problems);
		RequestStatus target = null;
		if (statusText == null) {
			problems.add(Problem.of("status", "afterSales.api.statusRequired"));
		}
		else {
			try {
				target = RequestStatus.fromApiName(statusText);
				if (target == RequestStatus.REQUESTED || target == RequestStatus.INSPECTED) {
					problems.add(Problem.of("status", "afterSales.api.statusUnknown"));
				}
			}
			catch (IllegalArgumentException ex) {
				problems.add(Problem.of("status", "afterSales.api.statusUnknown"));
			}
		}
		BigDecimal amount = money(body, "amount", "amount", problems);
		String reason = text(body, "reason", problems);
		Instant at = time(body, problems);
		if (!problems.isEmpty()) {
			throw new AfterSalesException.Invalid(problems);
		}
		if (current.status() == target) {
			// the same change again (a retry): nothing to do
			return ResponseEntity.ok(summary(current));
		}
		AfterSalesRequest after = switch (target) {
			case APPROVED -> this.afterSales.approve(requestId, at, Authority.CHANNEL);
			case REJECTED -> this.afterSales.reject(requestId, (reason != null) ? reason : "api", at);
			case RECEIVED -> this.afterSales.receive(requestId, at);
			case REFUNDED -> this.afterSales.refund(requestId, amount, at, Authority.CHANNEL);
			case EXCHANGE_SHIPPED -> this.afterSales.shipExchange(requestId, at);
			case CLOSED -> this.afterSales.close(requestId, at);
			case REQUESTED, INSPECTED -> throw new IllegalStateException();
		};
		return ResponseEntity.ok(summary(after));
	}

	@ExceptionHandler
	ResponseEntity<Map<String, Object>> overRefund(AfterSalesException.OverRefund ex, Locale locale) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("error", "over_refund");
		body.put("refundable", ex.refundable().toPlainString());
		body.put("message", this.messages.getMessage(ex.code(), ex.args(), locale));
		return ResponseEntity.status(HttpStatus.CONFLICT).body(body);
	}

	@ExceptionHandler
	ResponseEntity<Map<String, Object>> illegal(AfterSalesException.IllegalTransition ex, Locale locale) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("error", "illegal_transition");
		body.put("from", ex.from().apiName());
		body.put("to", ex.to().apiName());
		body.put("message",
				this.messages.getMessage(ex.code(), new Object[] { ex.from().apiName(), ex.to().apiName() }, locale));
		return ResponseEntity.status(HttpStatus.CONFLICT).body(body);
	}

	@ExceptionHandler
	ResponseEntity<Map<String, Object>> invalid(AfterSalesException.Invalid ex, Locale locale) {
		return ResponseEntity.badRequest().body(invalid(ex.problems(), locale, "invalid"));
	}

	@ExceptionHandler
	ResponseEntity<Map<String, Object>> notFound(AfterSalesException.NotFound ex) {
		return ResponseEntity.status(HttpStatus.NOT_FOUND).body(Map.of("error", "not_found"));
	}

	private Map<String, Object> invalid(List<Problem> problems, Locale locale, String error) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("error", error);
		body.put("problems", problems.stream().map((problem) -> {
			Map<String, Object> item = new LinkedHashMap<>();
			item.put("field", problem.field());
			item.put("code", problem.code());
			item.put("message",
					this.messages.getMessage(problem.code(), problem.args().toArray(), problem.code(), locale));
			return item;
		}).toList());
		return body;
	}

	static Map<String, Object> summary(AfterSalesRequest request) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("id", request.id());
		body.put("status", request.status().apiName());
		return body;
	}

	private static String text(JsonNode parent, String name, List<Problem> problems) {
		JsonNode node = parent.get(name);
		if (node == null || node.isNull()) {
			return null;
		}
		if (node.isString()) {
			return node.stringValue();
		}
		if (node.isNumber() || node.isBoolean()) {
			return node.asString();
		}
		problems.add(Problem.of(name, "afterSales.error.invalid"));
		return null;
	}

	private static BigDecimal money(JsonNode parent, String name, String field, List<Problem> problems) {
		JsonNode node = parent.get(name);
		if (node == null || node.isNull()) {
			return null;
		}
		try {
			BigDecimal value = null;
			if (node.isString() && node.stringValue().strip().length() <= 20) {
				value = new BigDecimal(node.stringValue().strip());
			}
			else if (node.isNumber()) {
				value = node.decimalValue();
			}
			if (value != null && value.signum() >= 0 && value.compareTo(AfterSalesService.MAX_AMOUNT) <= 0
					&& value.stripTrailingZeros().scale() <= 2) {
				return value;
			}
		}
		catch (NumberFormatException | ArithmeticException ex) {
			// reported below
		}
		problems.add(Problem.of(field, "afterSales.error.amountFormat"));
		return null;
	}

	private static Instant time(JsonNode parent, List<Problem> problems) {
		JsonNode node = parent.get("at");
		if (node == null || node.isNull()) {
			return null;
		}
		if (node.isString()) {
			try {
				Instant at = OffsetDateTime.parse(node.stringValue().strip()).toInstant();
				if (!at.isBefore(EARLIEST) && !at.isAfter(LATEST)) {
					return at;
				}
			}
			catch (DateTimeParseException ex) {
				// reported below
			}
		}
		problems.add(Problem.of("at", "afterSales.api.timeFormat"));
		return null;
	}

	/**
	 * The body as JSON; {@code null} when it is over the limit, a missing node when it is
	 * not JSON.
	 */
	private JsonNode readBody(HttpServletRequest request) throws IOException {
		if (request.getContentLengthLong() > MAX_BYTES) {
			return null;
		}
		InputStream in = request.getInputStream();
		byte[] bytes = in.readNBytes(MAX_BYTES + 1);
		if (bytes.length > MAX_BYTES) {
			return null;
		}
		try {
			JsonNode node = this.json.readTree(bytes);
			return (node != null) ? node : this.json.missingNode();
		}
		catch (JacksonException ex) {
			return this.json.missingNode();
		}
	}

	private static ResponseEntity<Map<String, Object>> tooLarge() {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("error", "payload_too_large");
		body.put("maxBytes", MAX_BYTES);
		return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).body(body);
	}

	private ResponseEntity<Map<String, Object>> malformed(Locale locale) {
		return ResponseEntity.badRequest()
			.body(invalid(List.of(Problem.of("", "afterSales.api.body.malformed")), locale, "malformed_json"));
	}

}
