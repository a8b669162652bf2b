package io.shopops.fulfilment.aftersales.review;

import java.io.IOException;

import io.shopops.ProblemMessages;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every review import problem and warning code has an English and a Chinese message.
 */
class ReviewProblemMessagesTests {

	@ParameterizedTest
	@ValueSource(strings = { "messages.properties", "messages_zh_CN.properties" })
	void everyProblemCodeHasAMessage(String name) throws IOException {
		ProblemMessages.assertEveryCodeHasAMessage(ReviewProblems.ALL, name);
	}

}
