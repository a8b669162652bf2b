package io.shopops.growth.traffic;

import java.net.URI;
import java.util.List;
import java.util.Locale;

/**
 * Applies the source rules to one visit: the first matching rule (by priority, then id)
 * names the source; without a match, a visit with neither campaign parameters nor an
 * outside referrer is {@link TrafficSource#DIRECT}, any other is
 * {@link TrafficSource#OTHER}.
 */
final class TrafficClassifier {

	private TrafficClassifier() {
	}

	/**
	 * @param rules the rules, sorted by priority then id
	 * @param utmSource the visit's {@code utm_source}, may be {@code null}
	 * @param utmMedium the visit's {@code utm_medium}, may be {@code null}
	 * @param referrer the visit's referrer URL, may be {@code null}
	 * @param siteHost the host of the site itself (its own pages are not a referrer), may
	 * be {@code null}
	 */
	static Classification classify(List<SourceRule> rules, String utmSource, String utmMedium, String referrer,
			String siteHost) {
		String source = blankToNull(utmSource);
		String medium = blankToNull(utmMedium);
		String host = host(referrer);
		if (host != null && siteHost != null && host.equalsIgnoreCase(siteHost)) {
			host = null;
		}
		for (SourceRule rule : rules) {
			if (rule.matches(source, medium, host)) {
				return new Classification(rule.source(), rule);
			}
		}
		boolean direct = source == null && medium == null && host == null;
		return new Classification(direct ? TrafficSource.DIRECT : TrafficSource.OTHER, null);
	}

	/** The lower-case host of a URL, or {@code null} when it has none. */
	static String host(String url) {
		if (url == null || url.isBlank()) {
			return null;
		}
		try {
			String host = URI.create(url.strip()).getHost();
			return (host != null && !host.isEmpty()) ? host.toLowerCase(Locale.ROOT) : null;
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	private static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

	/**
	 * The outcome for one visit.
	 *
	 * @param source the traffic source
	 * @param rule the rule that decided, or {@code null} when none matched
	 */
	record Classification(TrafficSource source, SourceRule rule) {
	}

}
