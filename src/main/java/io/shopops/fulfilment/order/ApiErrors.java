package io.shopops.fulfilment.order;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.shopops.fulfilment.inventory.InsufficientStockException;
import io.shopops.fulfilment.inventory.StockItemNotFoundException;
import io.shopops.fulfilment.order.OrderInvalidException.Problem;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The JSON API's refusals, each a clear 4xx with a JSON body: {@code {"error":
 * "insufficient_stock", "sku"}} (409), {@code {"error": "invalid", "problems": [{"field",
 * "code", "message"}]}} (400), {@code {"error": "illegal_transition", "from", "to"}}
 * (409) and {@code {"error": "not_found"}} (404).
 */
@RestControllerAdvice(assignableTypes = { OrderApiController.class, StockApiController.class })
class ApiErrors {

	private final MessageSource messages;

	ApiErrors(MessageSource messages) {
		this.messages = messages;
	}

	@ExceptionHandler
	ResponseEntity<Map<String, Object>> insufficient(InsufficientStockException ex) {
		return shortOf(ex.getSku());
	}

	@ExceptionHandler
	ResponseEntity<Map<String, Object>> notStocked(StockItemNotFoundException ex) {
		// a SKU with no stock row in the order's warehouse has nothing available
		return shortOf(ex.getSku());
	}

	@ExceptionHandler
	ResponseEntity<Map<String, Object>> invalid(OrderInvalidException ex, Locale locale) {
		return ResponseEntity.badRequest().body(invalid(ex.getProblems(), this.messages, locale));
	}

	@ExceptionHandler
	ResponseEntity<Map<String, Object>> illegal(IllegalOrderTransitionException ex, Locale locale) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("error", "illegal_transition");
		body.put("number", ex.getNumber());
		body.put("from", ex.getFrom().apiName());
		body.put("to", ex.getTo().apiName());
		body.put("message", this.messages.getMessage("order.api.transition.illegal",
				new Object[] { ex.getFrom().apiName(), ex.getTo().apiName() }, locale));
		return ResponseEntity.status(HttpStatus.CONFLICT).body(body);
	}

	@ExceptionHandler
	ResponseEntity<Map<String, Object>> notFound(OrderNotFoundException ex) {
		return ResponseEntity.status(HttpStatus.NOT_FOUND).body(Map.of("error", "not_found"));
	}

	@ExceptionHandler
	ResponseEntity<Map<String, Object>> channelGone(SalesChannelNotFoundException ex) {
		return ResponseEntity.status(HttpStatus.CONFLICT).body(Map.of("error", "channel_inactive"));
	}

	private static ResponseEntity<Map<String, Object>> shortOf(String sku) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("error", "insufficient_stock");
		body.put("sku", sku);
		return ResponseEntity.status(HttpStatus.CONFLICT).body(body);
	}

	static Map<String, Object> invalid(List<Problem> problems, MessageSource messages, Locale locale) {
		return invalid(problems, messages, locale, "invalid");
	}

	static Map<String, Object> invalid(List<Problem> problems, MessageSource messages, Locale locale, String error) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("error", error);
		body.put("problems", problems.stream().map((problem) -> {
			Map<String, Object> item = new LinkedHashMap<>();
			item.put("field", problem.field());
			item.put("code", problem.code());
			item.put("message", messages.getMessage(problem.code(), problem.args().toArray(), problem.code(), locale));
			return item;
		}).toList());
		return body;
	}

}
