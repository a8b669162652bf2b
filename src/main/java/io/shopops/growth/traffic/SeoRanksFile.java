package io.shopops.growth.traffic;

import io.shopops.platform.csv.Header;

/**
 * How a rank history file is read: columns by name, in English or Chinese, or as Google
 * Search Console's "Top queries" export ({@code Top queries}/{@code Query} and
 * {@code Position}, or 热门查询 and 排名), which has no date column: its day is picked with the
 * upload.
 */
final class SeoRanksFile {

	static final String[] KEYWORD = { "keyword", "query", "top queries", "search term", "关键词", "关键字", "搜索词", "热门查询",
			"查询" };

	static final String[] DATE = { "date", "day", "日期", "统计日期" };

	static final String[] RANK = { "rank", "position", "average position", "排名", "平均排名", "排位" };

	static final String[] URL = { "url", "target url", "page", "landing page", "网址", "页面", "目标页面", "目标网址" };

	static final String[] VOLUME = { "search volume", "search_volume", "volume", "搜索量", "月搜索量" };

	private SeoRanksFile() {
	}

	/** Whether a header can be imported: a keyword and a rank column. */
	static boolean readable(Header header) {
		return header.has(KEYWORD) && header.has(RANK);
	}

}
