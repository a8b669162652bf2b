package io.shopops.fulfilment.catalog.importing;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Properties;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every catalog problem code has an English and a Chinese message, and messages with
 * arguments are valid {@link MessageFormat} patterns.
 */
class CatalogProblemMessagesTests {

	@ParameterizedTest
	@ValueSource(strings = { "messages.properties", "messages_zh_CN.properties" })
	void everyProblemCodeHasAMessage(String name) throws IOException {
		Properties messages = load(name);
		assertThat(messages.stringPropertyNames()).containsAll(CatalogProblemCodes.ALL);
		for (String code : CatalogProblemCodes.ALL) {
			String message = messages.getProperty(code);
			assertThat(message).as(code).isNotBlank();
			if (message.contains("{0}")) {
				assertThat(message).as(code).doesNotContainPattern("(?<!')'(?!')");
				String formatted = new MessageFormat(message, Locale.ROOT).format(new Object[] { 7, 8 });
				assertThat(formatted).as(code).contains("7").doesNotContain("{0}");
			}
			else {
				assertThat(message).as(code).doesNotContain("{", "''");
			}
		}
	}

	private static Properties load(String name) throws IOException {
		Properties properties = new Properties();
		try (InputStream in = CatalogProblemMessagesTests.class.getResourceAsStream("/" + name)) {
			properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		return properties;
	}

}
