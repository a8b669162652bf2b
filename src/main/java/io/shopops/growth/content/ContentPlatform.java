package io.shopops.growth.content;

/**
 * Where a piece is published, or where a creator publishes; shown through
 * {@code content.platform.<NAME>} (抖音, 小红书, 视频号 …).
 */
public enum ContentPlatform {

	DOUYIN, XIAOHONGSHU, CHANNELS, BILIBILI, WEIBO, KUAISHOU, TAOBAO_LIVE, OTHER

}
