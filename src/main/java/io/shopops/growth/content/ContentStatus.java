package io.shopops.growth.content;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Where a piece stands on the calendar: idea → scripting → scheduled → published →
 * archived. A piece may step back while it is not published (a scheduled piece goes back
 * to scripting), may be archived from any status, and stays archived. From scheduled on
 * it needs a publish time.
 */
enum ContentStatus {

	IDEA, SCRIPTING, SCHEDULED, PUBLISHED, ARCHIVED;

	/**
	 * The statuses a piece in this status may move to, in the order actions show them.
	 * @return the targets, empty for an archived piece
	 */
	Set<ContentStatus> next() {
		return switch (this) {
			case IDEA -> EnumSet.of(SCRIPTING, SCHEDULED, ARCHIVED);
			case SCRIPTING -> EnumSet.of(IDEA, SCHEDULED, ARCHIVED);
			case SCHEDULED -> EnumSet.of(SCRIPTING, PUBLISHED, ARCHIVED);
			case PUBLISHED -> EnumSet.of(ARCHIVED);
			case ARCHIVED -> EnumSet.noneOf(ContentStatus.class);
		};
	}

	boolean canMoveTo(ContentStatus target) {
		return next().contains(target);
	}

	/**
	 * Whether a piece in this status must have a publish time.
	 * @return {@code true} for scheduled and published
	 */
	boolean needsPublishTime() {
		return this == SCHEDULED || this == PUBLISHED;
	}

	/**
	 * Checks a move.
	 * @param target the status asked for
	 * @param hasPublishTime whether the piece has a publish time
	 * @throws ContentRuleException naming the rule broken
	 */
	void checkMoveTo(ContentStatus target, boolean hasPublishTime) {
		if (!canMoveTo(target)) {
			throw new ContentRuleException("content.status.notAllowed");
		}
		if (target.needsPublishTime() && !hasPublishTime) {
			throw new ContentRuleException("content.status.needsPublishTime");
		}
	}

	static Optional<ContentStatus> parse(String text) {
		if (text == null || text.isBlank()) {
			return Optional.empty();
		}
		for (ContentStatus status : values()) {
			if (status.name().equals(text.strip().toUpperCase(Locale.ROOT))) {
				return Optional.of(status);
			}
		}
		return Optional.empty();
	}

}
