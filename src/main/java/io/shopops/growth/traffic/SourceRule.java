package io.shopops.growth.traffic;

import java.util.Locale;

/**
 * A rule that maps a visit to a traffic source. A condition that is {@code null} matches
 * anything; values compare case-insensitively, and a referrer host also matches its
 * subdomains ({@code baidu.com} matches {@code m.baidu.com}).
 *
 * @param id the rule's id, 0 for a rule not saved yet
 * @param priority the lower, the earlier the rule is tried
 * @param utmSource the {@code utm_source} to match, or {@code null}
 * @param utmMedium the {@code utm_medium} to match, or {@code null}
 * @param referrerHost the referrer's host (or parent domain) to match, or {@code null}
 * @param source the traffic source of a matching visit
 * @param version the optimistic lock version
 */
record SourceRule(long id, int priority, String utmSource, String utmMedium, String referrerHost, TrafficSource source,
		int version) {

	boolean matches(String visitSource, String visitMedium, String visitReferrerHost) {
		return equal(this.utmSource, visitSource) && equal(this.utmMedium, visitMedium)
				&& hostMatches(this.referrerHost, visitReferrerHost);
	}

	private static boolean equal(String condition, String value) {
		return condition == null || (value != null && condition.equalsIgnoreCase(value.strip()));
	}

	private static boolean hostMatches(String condition, String host) {
		if (condition == null) {
			return true;
		}
		if (host == null) {
			return false;
		}
		String wanted = condition.toLowerCase(Locale.ROOT);
		String actual = host.toLowerCase(Locale.ROOT);
		return actual.equals(wanted) || actual.endsWith("." + wanted);
	}

}
