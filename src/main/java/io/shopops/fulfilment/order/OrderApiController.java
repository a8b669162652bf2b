package io.shopops.fulfilment.order;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.shopops.fulfilment.order.OrderInvalidException.Problem;
import io.shopops.fulfilment.order.Orders.Placement;
import jakarta.servlet.http.HttpServletRequest;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The JSON API of channel integrations: {@code POST /api/orders} and {@code POST
 * /api/orders/{number}/status}, for the channel of the caller's token. The body is read
 * here, bounded to 1 MB, so that a malformed or oversized body is a clear 400 or 413 with
 * every problem listed ({@link ApiErrors} maps the refusals of the service).
 */
@RestController
@RequestMapping(path = "/api/orders", produces = MediaType.APPLICATION_JSON_VALUE)
class OrderApiController {

	private final Orders orders;

	private final ObjectMapper json;

	private final MessageSource messages;

	OrderApiController(Orders orders, ObjectMapper json, MessageSource messages) {
		this.orders = orders;
		this.json = json;
		this.messages = messages;
	}

	@PostMapping
	ResponseEntity<Map<String, Object>> place(HttpServletRequest request, @AuthenticationPrincipal ApiCaller caller,
			Locale locale) throws IOException {
		JsonNode body = readBody(request);
		if (body == null) {
			return tooLarge();
		}
		if (body.isMissingNode()) {
			return malformed(locale);
		}
		OrderJson.Read<OrderDraft> read = OrderJson.order(body, caller.channelCode());
		if (!read.problems().isEmpty()) {
			return ResponseEntity.badRequest().body(ApiErrors.invalid(read.problems(), this.messages, locale));
		}
		Placement placement = this.orders.place(read.value());
		return ResponseEntity.status(placement.created() ? HttpStatus.CREATED : HttpStatus.OK)
			.body(summary(placement.order()));
	}

	@PostMapping("/{number}/status")
	ResponseEntity<Map<String, Object>> changeStatus(@PathVariable String number, HttpServletRequest request,
			@AuthenticationPrincipal ApiCaller caller, Locale locale) throws IOException {
		JsonNode body = readBody(request);
		if (body == null) {
			return tooLarge();
		}
		if (body.isMissingNode()) {
			return malformed(locale);
		}
		OrderJson.Read<OrderJson.Change> read = OrderJson.statusChange(body);
		if (!read.problems().isEmpty()) {
			return ResponseEntity.badRequest().body(ApiErrors.invalid(read.problems(), this.messages, locale));
		}
		OrderSnapshot order = this.orders.find(caller.channelCode(), number)
			.orElseThrow(() -> new OrderNotFoundException(number));
		OrderStatus target = read.value().target();
		if (order.status() == target) {
			// the same change again (a retry): nothing to do
			return ResponseEntity.ok(summary(order));
		}
		return ResponseEntity.ok(summary(this.orders.moveTo(order.id(), target, read.value().change())));
	}

	/**
	 * The body as JSON; {@code null} when it is over the limit, a missing node when it is
	 * not JSON.
	 */
	private JsonNode readBody(HttpServletRequest request) throws IOException {
		if (request.getContentLengthLong() > OrderJson.MAX_BYTES) {
			return null;
		}
		byte[] bytes = OrderJson.readBounded(request.getInputStream());
		if (bytes == null) {
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

	private ResponseEntity<Map<String, Object>> tooLarge() {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("error", "payload_too_large");
		body.put("maxBytes", OrderJson.MAX_BYTES);
		return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).body(body);
	}

	private ResponseEntity<Map<String, Object>> malformed(Locale locale) {
		return ResponseEntity.badRequest()
			.body(ApiErrors.invalid(List.of(new Problem("", "order.api.body.malformed", List.of())), this.messages,
					locale, "malformed_json"));
	}

	static Map<String, Object> summary(OrderSnapshot order) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("id", order.id());
		body.put("number", order.number());
		body.put("status", order.status().apiName());
		return body;
	}

}
