package io.shopops.growth.traffic;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The first matching rule names the source; without one, a visit without campaign or
 * outside referrer is direct, any other is "other".
 */
class TrafficClassifierTests {

	private static final List<SourceRule> RULES = List.of(rule(1, 10, null, "cpc", null, TrafficSource.PAID),
			rule(2, 50, "baidu", null, null, TrafficSource.SEARCH),
			rule(3, 60, "douyin", null, null, TrafficSource.CONTENT),
			rule(4, 60, "douyin", "live", null, TrafficSource.PAID),
			rule(5, 100, null, null, "baidu.com", TrafficSource.SEARCH),
			rule(6, 110, null, null, "xiaohongshu.com", TrafficSource.CONTENT),
			rule(7, 30, null, "社群", null, TrafficSource.PRIVATE));

	private static final List<SourceRule> SORTED = RULES.stream()
		.sorted(java.util.Comparator.comparingInt(SourceRule::priority).thenComparingLong(SourceRule::id))
		.toList();

	@Test
	void theFirstMatchingRuleByPriorityWins() {
		assertThat(source("baidu", "cpc", null)).isEqualTo(TrafficSource.PAID);
		assertThat(source("baidu", "organic", null)).isEqualTo(TrafficSource.SEARCH);
		assertThat(source("Baidu ", null, null)).as("case and blanks do not matter").isEqualTo(TrafficSource.SEARCH);
		assertThat(source("douyin", "live", null)).as("same priority: the lower id first")
			.isEqualTo(TrafficSource.CONTENT);
		assertThat(source("wechat_group_7", "社群", null)).isEqualTo(TrafficSource.PRIVATE);
	}

	@Test
	void aReferrerHostMatchesItsSubdomainsButNotLookalikes() {
		assertThat(source(null, null, "https://m.baidu.com/s?wd=茶叶")).isEqualTo(TrafficSource.SEARCH);
		assertThat(source(null, null, "https://baidu.com/")).isEqualTo(TrafficSource.SEARCH);
		assertThat(source(null, null, "https://notbaidu.com/")).isEqualTo(TrafficSource.OTHER);
		assertThat(source(null, null, "https://www.xiaohongshu.com/explore/1")).isEqualTo(TrafficSource.CONTENT);
	}

	@Test
	void withoutAMatchAVisitIsDirectOrOther() {
		assertThat(source(null, null, null)).isEqualTo(TrafficSource.DIRECT);
		assertThat(source("", " ", "")).isEqualTo(TrafficSource.DIRECT);
		assertThat(source(null, null, "https://shop.example.cn/list")).as("the site's own pages are no referrer")
			.isEqualTo(TrafficSource.DIRECT);
		assertThat(source(null, null, "not a url at all")).isEqualTo(TrafficSource.DIRECT);
		assertThat(source("newsletter-partner", null, null)).isEqualTo(TrafficSource.OTHER);
		assertThat(source(null, null, "https://example.org/")).isEqualTo(TrafficSource.OTHER);
		assertThat(TrafficClassifier.classify(List.of(), "baidu", "cpc", null, null).source())
			.isEqualTo(TrafficSource.OTHER);
	}

	@Test
	void theDecidingRuleIsReported() {
		assertThat(TrafficClassifier.classify(SORTED, "baidu", null, null, null).rule().id()).isEqualTo(2);
		assertThat(TrafficClassifier.classify(SORTED, null, null, null, null).rule()).isNull();
	}

	private static TrafficSource source(String utmSource, String utmMedium, String referrer) {
		return TrafficClassifier.classify(SORTED, utmSource, utmMedium, referrer, "shop.example.cn").source();
	}

	private static SourceRule rule(long id, int priority, String source, String medium, String host,
			TrafficSource target) {
		return new SourceRule(id, priority, source, medium, host, target, 0);
	}

}
