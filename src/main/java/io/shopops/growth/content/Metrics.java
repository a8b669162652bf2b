package io.shopops.growth.content;

/**
 * A piece's numbers for a day or a period, as the platform reports them.
 *
 * @param views plays or reads (播放量)
 * @param likes likes (点赞)
 * @param comments comments (评论)
 * @param shares shares (分享)
 * @param clicks clicks on the link or product card (点击)
 */
record Metrics(long views, long likes, long comments, long shares, long clicks) {

	static final Metrics ZERO = new Metrics(0, 0, 0, 0, 0);

	/**
	 * Likes, comments and shares together.
	 * @return the engagement
	 */
	long engagement() {
		return this.likes + this.comments + this.shares;
	}

}
