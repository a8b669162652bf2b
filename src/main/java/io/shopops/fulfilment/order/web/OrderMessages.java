package io.shopops.fulfilment.order.web;

import java.util.List;
import java.util.Locale;

import io.shopops.fulfilment.order.OrderInvalidException.Problem;
import io.shopops.fulfilment.order.OrderStatus;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Renders order problems and status names in the user's language, for messages whose
 * arguments must be translated too.
 */
@Component
class OrderMessages {

	private final MessageSource messages;

	OrderMessages(MessageSource messages) {
		this.messages = messages;
	}

	String status(OrderStatus status, Locale locale) {
		return this.messages.getMessage("order.page.status." + status.name(), null, status.name(), locale);
	}

	String problem(Problem problem, Locale locale) {
		String text = this.messages.getMessage(problem.code(), problem.args().toArray(), problem.code(), locale);
		return (problem.field() != null && !problem.field().isBlank()) ? problem.field() + ": " + text : text;
	}

	List<String> problems(List<Problem> problems, Locale locale) {
		return problems.stream().map((problem) -> problem(problem, locale)).toList();
	}

}
