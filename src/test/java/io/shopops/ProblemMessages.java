package io.shopops;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Collection;
import java.util.Locale;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks that problem codes (of an import, say) have a message in a bundle, and that
 * messages with arguments are valid {@link MessageFormat} patterns.
 */
public final class ProblemMessages {

	private ProblemMessages() {
	}

	/**
	 * Asserts that every code has a non-blank message in the bundle; a message with
	 * arguments must format with them and quote no stray apostrophe, one without may hold
	 * no braces or doubled apostrophes.
	 * @param codes the message keys
	 * @param bundle the bundle's resource name, e.g. {@code messages_zh_CN.properties}
	 * @throws IOException if the bundle cannot be read
	 */
	public static void assertEveryCodeHasAMessage(Collection<String> codes, String bundle) throws IOException {
		Properties messages = new Properties();
		try (InputStream in = ProblemMessages.class.getResourceAsStream("/" + bundle)) {
			assertThat(in).as(bundle).isNotNull();
			messages.load(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		assertThat(messages.stringPropertyNames()).containsAll(codes);
		for (String code : codes) {
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

}
