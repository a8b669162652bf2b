package io.shopops.growth.content;

/**
 * The filters of the content list; {@code null} means any.
 */
record ContentFilter(ContentStatus status, ContentPlatform platform, ContentType type, String owner) {

	static final ContentFilter NONE = new ContentFilter(null, null, null, null);

	public boolean isFiltered() {
		return !equals(NONE);
	}

}
