package io.shopops.growth.outreach;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Renders message templates: {@code {{name}}}, {@code {{tier}}}, {@code {{points}}},
 * {@code {{coupon}}} and {@code {{shop}}} are replaced by the customer's values (spaces
 * inside the braces are allowed); anything else in double braces is an unknown variable
 * and refused when the template is saved.
 */
final class TemplateRenderer {

	/** The variables a template may use, in the order the form lists them. */
	static final List<String> VARIABLES = List.of("name", "tier", "points", "coupon", "shop");

	/** The characters of one SMS part as shown to the author. */
	static final int SMS_PART = 70;

	private static final Pattern VARIABLE = Pattern.compile("\\{\\{\\s*([^{}]*?)\\s*}}");

	private TemplateRenderer() {
	}

	/**
	 * The unknown variables a text uses, and a lone {@code {{} or {@code }}} as
	 * {@code {{…}}}.
	 * @param text the template text, may be {@code null}
	 * @return the unknown names, in order of appearance, without duplicates
	 */
	static List<String> unknownVariables(String text) {
		if (text == null) {
			return List.of();
		}
		Set<String> unknown = new LinkedHashSet<>();
		Matcher matcher = VARIABLE.matcher(text);
		while (matcher.find()) {
			if (!VARIABLES.contains(matcher.group(1))) {
				unknown.add(matcher.group(1).isEmpty() ? "{{}}" : matcher.group(1));
			}
		}
		String rest = matcher.replaceAll("");
		if (rest.contains("{{") || rest.contains("}}")) {
			unknown.add("{{…}}");
		}
		return new ArrayList<>(unknown);
	}

	/**
	 * Replaces each known variable by its value; a missing value renders as empty text.
	 * @param text the template text
	 * @param values variable name to value
	 * @return the rendered text
	 */
	static String render(String text, Map<String, String> values) {
		if (text == null) {
			return null;
		}
		Matcher matcher = VARIABLE.matcher(text);
		StringBuilder out = new StringBuilder();
		while (matcher.find()) {
			String name = matcher.group(1);
			String value = VARIABLES.contains(name) ? values.getOrDefault(name, "") : matcher.group();
			matcher.appendReplacement(out, Matcher.quoteReplacement((value != null) ? value : ""));
		}
		matcher.appendTail(out);
		return out.toString();
	}

	/**
	 * How many SMS parts a text takes.
	 * @param text the rendered text
	 * @return the parts, at least 1
	 */
	static int smsParts(String text) {
		int length = (text != null) ? text.codePointCount(0, text.length()) : 0;
		return Math.max(1, (length + SMS_PART - 1) / SMS_PART);
	}

	/**
	 * The characters of a text as an author counts them.
	 * @param text the text
	 * @return the code points
	 */
	static int length(String text) {
		return (text != null) ? text.codePointCount(0, text.length()) : 0;
	}

}
