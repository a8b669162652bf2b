package io.shopops.fulfilment.catalog;

import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;
import org.owasp.html.Sanitizers;

/**
 * Product descriptions are rich text from operators and imported files; only safe
 * formatting survives.
 */
public final class Descriptions {

	private static final PolicyFactory POLICY = Sanitizers.FORMATTING.and(Sanitizers.BLOCKS)
		.and(Sanitizers.LINKS)
		.and(Sanitizers.TABLES)
		.and(Sanitizers.IMAGES)
		.and(new HtmlPolicyBuilder().allowElements("br", "hr", "span", "sub", "sup").toFactory());

	private Descriptions() {
	}

	/**
	 * Removes scripts, event handlers, styles and unsafe URLs, keeping paragraphs,
	 * headings, lists, emphasis, links, tables and images.
	 * @param html rich text, may be {@code null}
	 * @return safe HTML, {@code null} when the input is {@code null} or blank
	 */
	public static String sanitize(String html) {
		if (html == null || html.isBlank()) {
			return null;
		}
		String safe = POLICY.sanitize(html).strip();
		return safe.isEmpty() ? null : safe;
	}

}
