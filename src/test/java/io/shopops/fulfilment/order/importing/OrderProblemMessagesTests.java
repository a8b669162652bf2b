package io.shopops.fulfilment.order.importing;

import java.io.IOException;
import java.text.MessageFormat;

import io.shopops.ProblemMessages;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every order import problem and warning code has an English and a Chinese message, and
 * messages with arguments are valid {@link MessageFormat} patterns.
 */
class OrderProblemMessagesTests {

	@ParameterizedTest
	@ValueSource(strings = { "messages.properties", "messages_zh_CN.properties" })
	void everyProblemCodeHasAMessage(String name) throws IOException {
		ProblemMessages.assertEveryCodeHasAMessage(OrderProblems.ALL, name);
	}

}
