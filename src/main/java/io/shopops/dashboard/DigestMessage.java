package io.shopops.dashboard;

import java.util.regex.Pattern;

/**
 * A digest or alert as it is stored for delivery: a title and a body in the small part of
 * Markdown every robot shows ({@code ### } headings, {@code **bold**}, {@code - } list
 * items, {@code [text](url)} links). E-mail and Feishu's rich text get
 * {@link #plainText()}.
 *
 * @param title the title, one line
 * @param markdown the body
 */
record DigestMessage(String title, String markdown) {

	private static final Pattern BOLD = Pattern.compile("\\*\\*(.+?)\\*\\*");

	private static final Pattern LINK = Pattern.compile("\\[([^\\]]*)\\]\\(([^)]*)\\)");

	private static final Pattern HEADING = Pattern.compile("(?m)^#{1,6} ");

	/**
	 * The body without Markdown marks: headings and bold lose their marks, a link becomes
	 * its text and its address.
	 */
	String plainText() {
		String text = HEADING.matcher(this.markdown).replaceAll("");
		text = BOLD.matcher(text).replaceAll("$1");
		return LINK.matcher(text).replaceAll("$1: $2");
	}

}
