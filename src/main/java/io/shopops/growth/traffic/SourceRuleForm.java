package io.shopops.growth.traffic;

import java.util.Locale;

import org.springframework.validation.Errors;

/**
 * The form of a traffic source rule. Empty conditions mean "any"; at least one must be
 * filled in.
 */
class SourceRuleForm {

	private String priority = "100";

	private String utmSource;

	private String utmMedium;

	private String referrerHost;

	private String source = TrafficSource.OTHER.name();

	private int version;

	static SourceRuleForm of(SourceRule rule) {
		SourceRuleForm form = new SourceRuleForm();
		form.priority = String.valueOf(rule.priority());
		form.utmSource = rule.utmSource();
		form.utmMedium = rule.utmMedium();
		form.referrerHost = rule.referrerHost();
		form.source = rule.source().name();
		form.version = rule.version();
		return form;
	}

	/**
	 * Checks the form and returns its values, or {@code null} with the problems in
	 * {@code errors}.
	 */
	Values validate(Errors errors) {
		Integer parsedPriority = null;
		try {
			parsedPriority = Integer.valueOf((this.priority != null) ? this.priority.strip() : "");
			if (parsedPriority < 0 || parsedPriority > 100_000) {
				parsedPriority = null;
			}
		}
		catch (NumberFormatException ex) {
			// reported below
		}
		if (parsedPriority == null) {
			errors.rejectValue("priority", "traffic.rule.priority.invalid");
		}
		String cleanSource = clean(this.utmSource, 100, "utmSource", errors);
		String cleanMedium = clean(this.utmMedium, 100, "utmMedium", errors);
		String cleanHost = clean(this.referrerHost, 255, "referrerHost", errors);
		if (cleanHost != null) {
			cleanHost = cleanHost.toLowerCase(Locale.ROOT);
			if (cleanHost.startsWith("www.")) {
				cleanHost = cleanHost.substring(4);
			}
			if (!cleanHost.matches("[\\p{L}\\p{N}-]+(\\.[\\p{L}\\p{N}-]+)*")) {
				errors.rejectValue("referrerHost", "traffic.rule.referrerHost.invalid");
			}
		}
		TrafficSource target = TrafficSource.parse(this.source);
		if (target == null) {
			errors.rejectValue("source", "traffic.rule.source.invalid");
		}
		if (cleanSource == null && cleanMedium == null && cleanHost == null && !errors.hasFieldErrors("utmSource")
				&& !errors.hasFieldErrors("utmMedium") && !errors.hasFieldErrors("referrerHost")) {
			errors.reject("traffic.rule.condition.required");
		}
		if (errors.hasErrors()) {
			return null;
		}
		return new Values(parsedPriority, cleanSource, cleanMedium, cleanHost, target);
	}

	private static String clean(String value, int max, String field, Errors errors) {
		if (value == null || value.isBlank()) {
			return null;
		}
		String text = value.strip();
		if (text.length() > max || text.indexOf('\u0000') >= 0) {
			errors.rejectValue(field, "traffic.rule.value.size", new Object[] { max }, null);
			return null;
		}
		return text;
	}

	public String getPriority() {
		return this.priority;
	}

	public void setPriority(String priority) {
		this.priority = priority;
	}

	public String getUtmSource() {
		return this.utmSource;
	}

	public void setUtmSource(String utmSource) {
		this.utmSource = utmSource;
	}

	public String getUtmMedium() {
		return this.utmMedium;
	}

	public void setUtmMedium(String utmMedium) {
		this.utmMedium = utmMedium;
	}

	public String getReferrerHost() {
		return this.referrerHost;
	}

	public void setReferrerHost(String referrerHost) {
		this.referrerHost = referrerHost;
	}

	public String getSource() {
		return this.source;
	}

	public void setSource(String source) {
		this.source = source;
	}

	public int getVersion() {
		return this.version;
	}

	public void setVersion(int version) {
		this.version = version;
	}

	/**
	 * The checked values of the form.
	 */
	record Values(int priority, String utmSource, String utmMedium, String referrerHost, TrafficSource source) {
	}

}
