package io.shopops.fulfilment.catalog.importing;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sanitising product descriptions to safe rich text.
 */
class DescriptionSanitizerTests {

	@Test
	void removesScriptsEventHandlersAndJavascriptLinks() {
		String html = DescriptionSanitizer.sanitize("<p onclick=\"steal()\">Hello<script>alert(1)</script></p>"
				+ "<img src=\"https://cdn.example.com/a.jpg\" onerror=\"alert(2)\" alt=\"A\">"
				+ "<a href=\"javascript:alert(3)\">click</a><style>body{}</style><iframe src=\"https://evil\"></iframe>");
		assertThat(html).doesNotContain("script", "onclick", "onerror", "javascript:", "alert", "style", "iframe");
		assertThat(html).isEqualTo("<p>Hello</p><img src=\"https://cdn.example.com/a.jpg\" alt=\"A\" />click");
	}

	@Test
	void keepsParagraphsEmphasisListsHeadingsAndTables() {
		String source = "<h2>Details</h2><p><strong>Soft</strong> <em>cotton</em> <u>knit</u><br />Machine wash</p>"
				+ "<ul><li>One</li><li>Two</li></ul><ol><li>First</li></ol>"
				+ "<table><tbody><tr><th>Size</th><td colspan=\"2\">M</td></tr></tbody></table>";
		assertThat(DescriptionSanitizer.sanitize(source)).isEqualTo(source);
	}

	@Test
	void keepsWebAndMailLinksButNotOtherProtocols() {
		assertThat(DescriptionSanitizer.sanitize("<a href=\"https://shop.example.com\">shop</a>"))
			.isEqualTo("<a href=\"https://shop.example.com\">shop</a>");
		assertThat(DescriptionSanitizer.sanitize("<a href=\"mailto:help@example.com\">mail</a>"))
			.contains("href=\"mailto:help&#64;example.com\"");
		assertThat(DescriptionSanitizer.sanitize("<a href=\"data:text/html,x\">x</a>")).isEqualTo("x");
	}

	@Test
	void keepsOnlyWebImageSources() {
		assertThat(DescriptionSanitizer
			.sanitize("<p><img src=\"mailto:a@b.c\" /><img src=\"http://x.example/b.png\" /></p>"))
			.isEqualTo("<p><img src=\"http://x.example/b.png\" /></p>");
	}

	@Test
	void dropsUnknownElementsButKeepsTheirText() {
		assertThat(DescriptionSanitizer.sanitize("<div><span style=\"color:red\">Red</span> <font>text</font></div>"))
			.isEqualTo("Red text");
	}

	@Test
	void turnsPlainTextIntoEscapedParagraphs() {
		assertThat(DescriptionSanitizer.sanitize("Line one\r\nLine & two\n\n  Second <3 paragraph  "))
			.isEqualTo("<p>Line one<br />Line &amp; two</p><p>Second &lt;3 paragraph</p>");
	}

	@Test
	void returnsNullForBlankOrEmptiedDescriptions() {
		assertThat(DescriptionSanitizer.sanitize("  \n ")).isNull();
		assertThat(DescriptionSanitizer.sanitize("<script>alert(1)</script>")).isNull();
	}

}
