package io.shopops;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.attoparser.ParseException;
import org.attoparser.config.ParseConfiguration;
import org.attoparser.simple.AbstractSimpleMarkupHandler;
import org.attoparser.simple.SimpleMarkupParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The templates avoid Thymeleaf patterns that silently do something else than they say.
 */
class TemplatesTests {

	private static final Path TEMPLATES = Path.of("src", "main", "resources", "templates");

	/**
	 * Fragment inclusion has the highest attribute precedence: the host element and its
	 * other attributes are gone before a condition or an iteration on it is evaluated.
	 */
	private static final Set<String> INCLUSIONS = Set.of("replace", "insert");

	private static final Set<String> DROPPED_WITH_AN_INCLUSION = Set.of("if", "unless", "each", "switch", "case");

	@Test
	void noElementCombinesAConditionWithAFragmentInclusion() throws IOException {
		List<String> offenders = new ArrayList<>();
		List<Path> templates = templates();
		for (Path template : templates) {
			offenders.addAll(conditionsBesideInclusions(template));
		}
		assertThat(templates).hasSizeGreaterThan(20);
		assertThat(offenders).as("wrap the fragment in <th:block th:if=…> instead").isEmpty();
	}

	@Test
	void theCheckFindsAConditionBesideAnInclusionOverSeveralLines(@TempDir Path folder) throws IOException {
		Path template = folder.resolve("page.html");
		Files.writeString(template,
				"""
						<div>
						  <th:block th:if="${rows.isEmpty()}"><div th:replace="~{fragments/empty :: emptyState}"></div></th:block>
						  <section
						      th:if="${rows.isEmpty()}"
						      th:replace="~{fragments/empty :: emptyState}"></section>
						  <p data-th-unless="${a > b}" data-th-insert="~{x :: y}"/>
						  <li th:each="row : ${rows}" th:replace="~{x :: row}"></li>
						</div>
						""");
		assertThat(conditionsBesideInclusions(template)).hasSize(3)
			.anySatisfy((offender) -> assertThat(offender).contains("page.html:3", "section"))
			.anySatisfy((offender) -> assertThat(offender).contains("page.html:6", "p"))
			.anySatisfy((offender) -> assertThat(offender).contains("page.html:7", "li"));
	}

	/**
	 * The platform's layout dialect knows these attributes only; any other would reach
	 * the browser untouched.
	 */
	private static final Set<String> LAYOUT_ATTRIBUTES = Set.of("layout:decorate", "layout:fragment",
			"layout:title-pattern");

	@Test
	void templatesUseOnlyTheLayoutAttributesTheDialectKnows() throws IOException {
		List<String> offenders = new ArrayList<>();
		for (Path template : templates()) {
			AbstractSimpleMarkupHandler handler = new AbstractSimpleMarkupHandler() {

				@Override
				public void handleOpenElement(String elementName, Map<String, String> attributes, int line, int col) {
					check(attributes, line);
				}

				@Override
				public void handleStandaloneElement(String elementName, Map<String, String> attributes,
						boolean minimized, int line, int col) {
					check(attributes, line);
				}

				private void check(Map<String, String> attributes, int line) {
					if (attributes != null) {
						attributes.keySet()
							.stream()
							.filter((name) -> name.toLowerCase(Locale.ROOT).startsWith("layout:")
									|| name.toLowerCase(Locale.ROOT).startsWith("data-layout-"))
							.filter((name) -> !LAYOUT_ATTRIBUTES.contains(name))
							.forEach((name) -> offenders.add(template + ":" + line + " " + name));
					}
				}

			};
			try (Reader reader = Files.newBufferedReader(template, StandardCharsets.UTF_8)) {
				new SimpleMarkupParser(ParseConfiguration.htmlConfiguration()).parse(reader, handler);
			}
			catch (ParseException ex) {
				throw new IllegalStateException("Could not parse " + template, ex);
			}
		}
		assertThat(offenders).as("LayoutDialect supports layout:decorate, layout:fragment and layout:title-pattern")
			.isEmpty();
	}

	private static List<Path> templates() throws IOException {
		try (Stream<Path> files = Files.walk(TEMPLATES)) {
			return files.filter((file) -> file.toString().endsWith(".html")).sorted().toList();
		}
	}

	private static List<String> conditionsBesideInclusions(Path template) throws IOException {
		List<String> offenders = new ArrayList<>();
		AbstractSimpleMarkupHandler handler = new AbstractSimpleMarkupHandler() {

			@Override
			public void handleOpenElement(String elementName, Map<String, String> attributes, int line, int col) {
				check(elementName, attributes, line);
			}

			@Override
			public void handleStandaloneElement(String elementName, Map<String, String> attributes, boolean minimized,
					int line, int col) {
				check(elementName, attributes, line);
			}

			private void check(String element, Map<String, String> attributes, int line) {
				if (attributes == null) {
					return;
				}
				List<String> names = attributes.keySet().stream().map(TemplatesTests::thymeleafName).toList();
				if (names.stream().anyMatch(INCLUSIONS::contains)
						&& names.stream().anyMatch(DROPPED_WITH_AN_INCLUSION::contains)) {
					offenders.add(template + ":" + line + " <" + element + " " + attributes.keySet() + ">");
				}
			}

		};
		try (Reader reader = Files.newBufferedReader(template, StandardCharsets.UTF_8)) {
			new SimpleMarkupParser(ParseConfiguration.htmlConfiguration()).parse(reader, handler);
		}
		catch (ParseException ex) {
			throw new IllegalStateException("Could not parse " + template, ex);
		}
		return offenders;
	}

	private static String thymeleafName(String attribute) {
		String name = attribute.toLowerCase(Locale.ROOT);
		if (name.startsWith("th:")) {
			return name.substring(3);
		}
		if (name.startsWith("data-th-")) {
			return name.substring(8);
		}
		return "";
	}

}
