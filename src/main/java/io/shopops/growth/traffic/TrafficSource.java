package io.shopops.growth.traffic;

/**
 * Where a visit came from, kept apart from the sales channels orders come from. The
 * message key of a source's label is {@code traffic.source.<NAME>}.
 */
enum TrafficSource {

	/** Search engines, paid clicks excluded: 百度, Google, 搜狗 … */
	SEARCH,
	/** Paid placements: 直通车, 信息流, CPC … */
	PAID,
	/** Social networks: 微信, 微博 … */
	SOCIAL,
	/** Content platforms: 抖音, 小红书, B站 … */
	CONTENT,
	/** Private domain (私域): groups, enterprise WeChat, SMS, e-mail. */
	PRIVATE,
	/** Typed or bookmarked: no campaign and no outside referrer. */
	DIRECT,
	/** Anything no rule names. */
	OTHER;

	static TrafficSource parse(String name) {
		if (name == null) {
			return null;
		}
		for (TrafficSource source : values()) {
			if (source.name().equalsIgnoreCase(name.strip())) {
				return source;
			}
		}
		return null;
	}

}
