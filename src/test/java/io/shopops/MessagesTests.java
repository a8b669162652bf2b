package io.shopops;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * English and Chinese messages have the same keys, each defined once (a merge that
 * repeats a key would silently keep the last), and no message is empty.
 */
class MessagesTests {

	@Test
	void englishAndChineseHaveTheSameKeys() throws IOException {
		Properties english = load("messages.properties");
		Properties chinese = load("messages_zh_CN.properties");
		assertThat(chinese.stringPropertyNames()).containsExactlyInAnyOrderElementsOf(english.stringPropertyNames());
	}

	@Test
	void chineseMessagesAreTranslated() throws IOException {
		Properties english = load("messages.properties");
		Properties chinese = load("messages_zh_CN.properties");
		long untranslated = english.stringPropertyNames()
			.stream()
			.filter((key) -> !english.getProperty(key).isEmpty())
			.filter((key) -> english.getProperty(key).equals(chinese.getProperty(key)))
			.filter((key) -> english.getProperty(key).matches(".*[a-z]{4,}.*"))
			.count();
		assertThat(untranslated).as("messages identical in both languages").isZero();
	}

	@ParameterizedTest
	@ValueSource(strings = { "messages.properties", "messages_zh_CN.properties" })
	void noKeyIsDefinedTwice(String name) throws IOException {
		Map<String, Integer> definitions = new TreeMap<>();
		Properties counter = new Properties() {

			@Override
			public synchronized Object put(Object key, Object value) {
				definitions.merge((String) key, 1, Integer::sum);
				return super.put(key, value);
			}

		};
		try (InputStream in = MessagesTests.class.getResourceAsStream("/" + name)) {
			counter.load(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		assertThat(definitions).as("keys defined more than once in " + name)
			.allSatisfy((key, count) -> assertThat(count).as(key).isOne());
	}

	private static Properties load(String name) throws IOException {
		Properties properties = new Properties();
		try (InputStream in = MessagesTests.class.getResourceAsStream("/" + name)) {
			assertThat(in).as(name).isNotNull();
			properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		return properties;
	}

}
