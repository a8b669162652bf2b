package io.shopops.platform.web;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

import static org.assertj.core.api.Assertions.assertThat;

class LayoutDialectTests {

	private final SpringTemplateEngine engine = engine();

	private static SpringTemplateEngine engine() {
		ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
		resolver.setPrefix("templates-layout-test/");
		resolver.setSuffix(".html");
		SpringTemplateEngine engine = new SpringTemplateEngine();
		engine.setTemplateResolver(resolver);
		engine.addDialect(new LayoutDialect());
		return engine;
	}

	private String render(String template, Map<String, Object> variables) {
		return this.engine.process(template, new Context(null, variables)).replaceAll("\\s+", " ");
	}

	@Test
	void putsThePageIntoTheLayout() {
		String html = render("page",
				Map.of("lang", "zh-CN", "shop", "茶 & Co", "title", "Orders <1>", "rows", List.of("a", "b")));
		assertThat(html).startsWith("<!DOCTYPE html> <html lang=\"zh-CN\">")
			.contains("<title>Orders &lt;1&gt; · 茶 &amp; Co</title>")
			.contains(
					"<link rel=\"stylesheet\" href=\"/css/layout.css\"> <link rel=\"stylesheet\" href=\"/css/page.css\"> </head>")
			.contains("<body class=\"layout\" id=\"page\">")
			.contains("<ol><li>Home</li><li>Orders &lt;1&gt;</li></ol>")
			.contains("<div><p>a</p><p>b</p></div>")
			.contains("<aside><p>default aside</p></aside>")
			.contains("<script src=\"/js/page.js\"></script>")
			.doesNotContain("outside every fragment", "default content", "layout:", "xmlns");
	}

	@Test
	void aPageWithoutATitleKeepsTheLayoutsTitle() {
		String html = render("untitled", Map.of("lang", "en", "shop", "ShopOps"));
		assertThat(html).contains("<title>ShopOps</title>")
			.contains("<div>untitled</div>")
			.contains("<body class=\"layout\">")
			.doesNotContain("layout:", "xmlns");
	}

}
