package io.shopops.fulfilment.catalog;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sanitising product descriptions to safe rich text.
 */
class DescriptionsTests {

	@Test
	void removesScriptsEventHandlersAndJavascriptLinks() {
		String html = Descriptions.sanitize("<p onclick=\"steal()\">Hello<script>alert(1)</script></p>"
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
		assertThat(Descriptions.sanitize(source)).isEqualTo(source);
	}

	@Test
	void keepsWebAndMailLinksButNotOtherProtocols() {
		assertThat(Descriptions.sanitize("<a href=\"https://shop.example.com\">shop</a>"))
			.isEqualTo("<a href=\"https://shop.example.com\">shop</a>");
		assertThat(Descriptions.sanitize("<a href=\"mailto:help@example.com\">mail</a>"))
			.contains("href=\"mailto:help&#64;example.com\"");
		assertThat(Descriptions.sanitize("<a href=\"data:text/html,x\">x</a>")).isEqualTo("x");
	}

	@Test
	void keepsOnlyWebImageSources() {
		assertThat(Descriptions.sanitize("<p><img src=\"mailto:a@b.c\" /><img src=\"http://x.example/b.png\" /></p>"))
			.isEqualTo("<p><img src=\"http://x.example/b.png\" /></p>");
	}

	@Test
	void dropsUnknownElementsButKeepsTheirText() {
		assertThat(Descriptions.sanitize("<div><span style=\"color:red\">Red</span> <font>text</font></div>"))
			.isEqualTo("Red text");
	}

	@Test
	void turnsPlainTextIntoEscapedParagraphs() {
		assertThat(Descriptions.sanitize("Line one\r\nLine & two\n\n  Second <3 paragraph  "))
			.isEqualTo("<p>Line one<br />Line &amp; two</p><p>Second &lt;3 paragraph</p>");
	}

	@Test
	void returnsNullForBlankOrEmptiedDescriptions() {
		assertThat(Descriptions.sanitize("  \n ")).isNull();
		assertThat(Descriptions.sanitize("<script>alert(1)</script>")).isNull();
	}

}
