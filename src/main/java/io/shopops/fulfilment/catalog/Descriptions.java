package io.shopops.fulfilment.catalog;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;

/**
 * Turns a product description into safe rich text. HTML keeps only paragraphs, line
 * breaks, lists, bold/italic/underline, headings, tables, links to {@code http},
 * {@code https} and {@code mailto} URLs and images with {@code http} or {@code https}
 * sources; scripts, styles, event handlers and other elements are removed (the text of
 * removed formatting elements such as {@code <span>} or {@code <div>} is kept). A
 * description without any tag is treated as plain text: it is escaped, blank lines
 * separate paragraphs and single newlines become line breaks.
 * <p>
 * The result is stored as readable UTF-8: the sanitiser writes every non-ASCII character
 * (and a few ASCII ones such as {@code @}) as a numeric character reference, which made
 * Chinese text unreadable in the database, in exports and in the editor. Those references
 * are turned back into characters, except for the five that HTML syntax needs escaped
 * ({@code < > & " '}).
 */
public final class Descriptions {

	private static final Pattern TAG = Pattern.compile("<[a-zA-Z/!?]");

	private static final Pattern WEB_URL = Pattern.compile("(?i)\\s*https?://.*", Pattern.DOTALL);

	private static final Pattern NUMBER = Pattern.compile("\\d{1,4}");

	private static final Pattern CHARACTER_REFERENCE = Pattern.compile("&#(?:[xX]([0-9a-fA-F]{1,6})|([0-9]{1,7}));");

	private static final PolicyFactory POLICY = new HtmlPolicyBuilder()
		.allowElements("p", "br", "ul", "ol", "li", "b", "strong", "i", "em", "u", "h1", "h2", "h3", "h4", "h5", "h6",
				"a", "table", "thead", "tbody", "tfoot", "tr", "th", "td", "caption", "img")
		.allowUrlProtocols("http", "https", "mailto")
		.allowAttributes("href")
		.onElements("a")
		.allowAttributes("src")
		.matching(WEB_URL)
		.onElements("img")
		.allowAttributes("alt")
		.onElements("img")
		.allowAttributes("width", "height")
		.matching(NUMBER)
		.onElements("img")
		.allowAttributes("colspan", "rowspan")
		.matching(NUMBER)
		.onElements("td", "th")
		.toFactory();

	private Descriptions() {
	}

	/**
	 * Sanitises a description.
	 * @param raw rich or plain text from a form or a file, may be {@code null}
	 * @return safe HTML, or {@code null} if nothing is left
	 */
	public static String sanitize(String raw) {
		if (raw == null || raw.isBlank()) {
			return null;
		}
		String html = TAG.matcher(raw).find() ? readable(POLICY.sanitize(raw)).strip() : plainText(raw);
		return html.isBlank() ? null : html;
	}

	/**
	 * Replaces numeric character references with the characters they stand for, keeping
	 * those that HTML syntax needs escaped.
	 * @param html well-formed HTML as the sanitiser writes it
	 * @return the same HTML with readable text
	 */
	static String readable(String html) {
		Matcher reference = CHARACTER_REFERENCE.matcher(html);
		StringBuilder result = new StringBuilder(html.length());
		while (reference.find()) {
			int codePoint = (reference.group(1) != null) ? Integer.parseInt(reference.group(1), 16)
					: Integer.parseInt(reference.group(2));
			String replacement = keepsReference(codePoint) ? reference.group() : Character.toString(codePoint);
			reference.appendReplacement(result, Matcher.quoteReplacement(replacement));
		}
		reference.appendTail(result);
		return result.toString();
	}

	private static boolean keepsReference(int codePoint) {
		return switch (codePoint) {
			case '<', '>', '&', '"', '\'' -> true;
			default -> codePoint < 0x20 || (codePoint >= 0x7f && codePoint < 0xa0)
					|| (codePoint >= Character.MIN_SURROGATE && codePoint <= Character.MAX_SURROGATE)
					|| codePoint > Character.MAX_CODE_POINT;
		};
	}

	private static String plainText(String raw) {
		StringBuilder html = new StringBuilder();
		for (String paragraph : raw.strip().replace("\r\n", "\n").replace('\r', '\n').split("\n\\s*\n")) {
			html.append("<p>");
			String[] lines = paragraph.strip().split("\n");
			for (int i = 0; i < lines.length; i++) {
				if (i > 0) {
					html.append("<br />");
				}
				escape(lines[i].strip(), html);
			}
			html.append("</p>");
		}
		return html.toString();
	}

	private static void escape(String text, StringBuilder html) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			switch (c) {
				case '&' -> html.append("&amp;");
				case '<' -> html.append("&lt;");
				case '>' -> html.append("&gt;");
				case '"' -> html.append("&#34;");
				case '\'' -> html.append("&#39;");
				default -> html.append(c);
			}
		}
	}

}
