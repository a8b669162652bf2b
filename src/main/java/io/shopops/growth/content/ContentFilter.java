package io.shopops.growth.content;

/**
 * The filters of the content list; {@code null} means any. {@code due} keeps only the
 * pieces not yet published whose publish time is within the next {@value #DUE_DAYS} days
 * or already past.
 */
record ContentFilter(ContentStatus status, ContentPlatform platform, ContentType type, String owner, boolean due) {

	static final int DUE_DAYS = 7;

	static final ContentFilter NONE = new ContentFilter(null, null, null, null, false);

	public boolean isFiltered() {
		return !equals(NONE);
	}

}
