package io.shopops.growth.traffic;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;

/**
 * Where a keyword stands: its current rank (the latest one entered), the rank it had a
 * week before that (the latest rank from {@value #COMPARE_DAYS} to {@value #WINDOW_DAYS}
 * days before the current one, so that a missed day still compares), the change between
 * them, and its best rank ever. Rank 1 is the top result, so a positive change is a move
 * up: from 8 to 3 is +5.
 *
 * @param current the latest rank, {@code null} when none was entered
 * @param currentDate its day, {@code null} when none
 * @param previous the rank a week before, {@code null} when none was entered then
 * @param previousDate its day, {@code null} when none
 * @param best the best (lowest) rank ever, {@code null} when none
 */
record SeoRankChange(BigDecimal current, LocalDate currentDate, BigDecimal previous, LocalDate previousDate,
		BigDecimal best) {

	/**
	 * A week: the current rank is compared with the one entered this many days before.
	 */
	static final int COMPARE_DAYS = 7;

	/** How far back a missing day's comparison may look. */
	static final int WINDOW_DAYS = 14;

	static final SeoRankChange NONE = new SeoRankChange(null, null, null, null, null);

	/**
	 * Computes the change of a rank history.
	 * @param history the ranks, in any order, at most one per day
	 * @return the change, {@link #NONE} for an empty history
	 */
	static SeoRankChange of(Collection<SeoRank> history) {
		Optional<SeoRank> latest = history.stream().max(Comparator.comparing(SeoRank::date));
		if (latest.isEmpty()) {
			return NONE;
		}
		LocalDate day = latest.get().date();
		LocalDate until = day.minusDays(COMPARE_DAYS);
		LocalDate from = day.minusDays(WINDOW_DAYS);
		Optional<SeoRank> before = history.stream()
			.filter((rank) -> !rank.date().isAfter(until) && !rank.date().isBefore(from))
			.max(Comparator.comparing(SeoRank::date));
		BigDecimal best = history.stream().map(SeoRank::rank).min(Comparator.naturalOrder()).orElse(null);
		return new SeoRankChange(latest.get().rank(), day, before.map(SeoRank::rank).orElse(null),
				before.map(SeoRank::date).orElse(null), best);
	}

	/**
	 * Places moved up since a week before (negative: down), {@code null} when there is
	 * nothing to compare.
	 */
	public BigDecimal change() {
		return (this.current != null && this.previous != null) ? this.previous.subtract(this.current) : null;
	}

	/** {@code up}, {@code down}, {@code same} or {@code none}. */
	public String trend() {
		BigDecimal change = change();
		if (change == null) {
			return "none";
		}
		return switch (change.signum()) {
			case 1 -> "up";
			case -1 -> "down";
			default -> "same";
		};
	}

	/** The size of the change as shown, e.g. {@code 5} for both +5 and -5. */
	public String changeAmount() {
		BigDecimal change = change();
		return (change != null) ? SeoKeyword.shown(change.abs()) : "";
	}

	/** The current rank as shown, empty when none. */
	public String currentShown() {
		return SeoKeyword.shown(this.current);
	}

	/** The best rank as shown, empty when none. */
	public String bestShown() {
		return SeoKeyword.shown(this.best);
	}

}
