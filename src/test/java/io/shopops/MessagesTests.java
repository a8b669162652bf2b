package io.shopops;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * English and Chinese messages have the same keys, and no message is empty.
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

	private static Properties load(String name) throws IOException {
		Properties properties = new Properties();
		try (InputStream in = MessagesTests.class.getResourceAsStream("/" + name)) {
			assertThat(in).as(name).isNotNull();
			properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		return properties;
	}

}
