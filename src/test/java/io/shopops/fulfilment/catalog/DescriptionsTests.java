package io.shopops.fulfilment.catalog;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sanitising product descriptions to safe rich text.
 */
class DescriptionsTests {

	@Test
	void storesChineseTextAndSymbolsAsReadableCharacters() {
		String source = "<p>纯棉，舒适；含 100% 棉。价格 ≥ ¥59 — 😀 @shop + a=b</p>";
		assertThat(Descriptions.sanitize(source)).isEqualTo(source);
		assertThat(Descriptions.sanitize("<p>已有&#xff0c;实体&#65307;</p>")).isEqualTo("<p>已有，实体；</p>");
	}

	@Test
	void keepsTheCharactersHtmlSyntaxNeedsEscaped() {
		assertThat(Descriptions.sanitize("<p>a &lt; b &amp;&amp; c &gt; d \"q\" 'a' &#x3c;script&#x3e;x</p>"))
			.isEqualTo("<p>a &lt; b &amp;&amp; c &gt; d &#34;q&#34; &#39;a&#39; &lt;script&gt;x</p>");
		assertThat(Descriptions.sanitize("<a href=\"https://x.example/?q=&quot;&gt;&lt;b&amp;c=中\">链接</a>"))
			.isEqualTo("<a href=\"https://x.example/?q=&#34;&gt;&lt;b&amp;c=中\">链接</a>");
	}

	@Test
	void readableLeavesSyntaxAndControlCharactersAsReferences() {
		assertThat(Descriptions.readable("&#60;&#x3E;&#38;&#34;&#39;&#x1;&#x7f;&#xd800;&#x110000;&#xFF0C;&#128512;"))
			.isEqualTo("&#60;&#x3E;&#38;&#34;&#39;&#x1;&#x7f;&#xd800;&#x110000;，😀");
	}

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
			.isEqualTo("<a href=\"mailto:help@example.com\">mail</a>");
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
