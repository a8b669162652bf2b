package io.shopops.dashboard;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The product performance page's two judgements, kept apart from the database so that
 * they can be tested by hand.
 * <p>
 * <b>ABC classification by GMV</b>: the rows are ranked by GMV, highest first (ties by
 * their order in the list); a row is {@code A} while the GMV of the rows ranked above it
 * is below {@value #A_SHARE_PERCENT}% of the total (so the row that crosses 80% is still
 * {@code A}), {@code B} while it is below {@value #B_SHARE_PERCENT}%, and {@code C} after
 * that. A row without GMV is always {@code C}, and so is every row when the total is 0.
 * <p>
 * <b>Push / fix / drop</b>, the first rule that holds:
 * <ol>
 * <li>fix: the return rate is at least {@value #FIX_RETURN_PERCENT}% or the average
 * rating is below {@code 4.00} stars (a product with problems is fixed before it is
 * pushed);</li>
 * <li>push: class {@code A} or rising (at least {@value #RISING_PERCENT}% more units in
 * the last half of the range's days up to today than in the first half, which sold some;
 * ranges of fewer than 4 such days have no trend), with at least
 * {@value #PUSH_MIN_COVER_DAYS} days of cover (stock to back the push);</li>
 * <li>drop: class {@code C} with a sell-through below
 * {@value #DROP_SELL_THROUGH_PERCENT}%;</li>
 * <li>otherwise no hint.</li>
 * </ol>
 * A figure that is not known (no reviews, no stock known, nothing sold) never makes a
 * rule hold.
 */
final class ProductRanking {

	static final int A_SHARE_PERCENT = 80;

	static final int B_SHARE_PERCENT = 95;

	static final int FIX_RETURN_PERCENT = 10;

	static final BigDecimal FIX_RATING_BELOW = new BigDecimal("4.00");

	static final int RISING_PERCENT = 20;

	static final int PUSH_MIN_COVER_DAYS = 14;

	static final int DROP_SELL_THROUGH_PERCENT = 20;

	private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

	private ProductRanking() {
	}

	/**
	 * The ABC class of every row.
	 * @param rows the rows, in the order that breaks ties of GMV
	 * @param gmv a row's GMV, {@code null} counts as 0
	 * @return the class per row (by identity)
	 */
	static <T> Map<T, Abc> classify(List<T> rows, Function<T, BigDecimal> gmv) {
		List<T> ranked = new ArrayList<>(rows);
		ranked.sort(Comparator.comparing((T row) -> positive(gmv.apply(row))).reversed());
		BigDecimal total = BigDecimal.ZERO;
		for (T row : ranked) {
			total = total.add(positive(gmv.apply(row)));
		}
		Map<T, Abc> classes = new IdentityHashMap<>();
		BigDecimal above = BigDecimal.ZERO;
		for (T row : ranked) {
			BigDecimal value = positive(gmv.apply(row));
			Abc abc;
			if (value.signum() == 0) {
				abc = Abc.C;
			}
			else if (above.multiply(HUNDRED).compareTo(total.multiply(BigDecimal.valueOf(A_SHARE_PERCENT))) < 0) {
				abc = Abc.A;
			}
			else if (above.multiply(HUNDRED).compareTo(total.multiply(BigDecimal.valueOf(B_SHARE_PERCENT))) < 0) {
				abc = Abc.B;
			}
			else {
				abc = Abc.C;
			}
			classes.put(row, abc);
			above = above.add(value);
		}
		return classes;
	}

	/**
	 * Whether the units rose enough to count as rising.
	 * @param lateUnits the units of the last half of the range's days
	 * @param earlyUnits the units of the first half
	 */
	static boolean rising(long lateUnits, long earlyUnits) {
		return earlyUnits > 0 && lateUnits * 100 >= earlyUnits * (100 + RISING_PERCENT);
	}

	/**
	 * The hint of a row.
	 * @param abc its ABC class
	 * @param signals its figures
	 * @return the hint, {@code null} for none
	 */
	static Hint hint(Abc abc, Signals signals) {
		if (signals.returnRate() != null
				&& signals.returnRate().multiply(HUNDRED).compareTo(BigDecimal.valueOf(FIX_RETURN_PERCENT)) >= 0) {
			return Hint.FIX;
		}
		if (signals.rating() != null && signals.rating().compareTo(FIX_RATING_BELOW) < 0) {
			return Hint.FIX;
		}
		if ((abc == Abc.A || signals.rising()) && signals.daysOfCover() != null
				&& signals.daysOfCover().compareTo(BigDecimal.valueOf(PUSH_MIN_COVER_DAYS)) >= 0) {
			return Hint.PUSH;
		}
		if (abc == Abc.C && signals.sellThrough() != null
				&& signals.sellThrough()
					.multiply(HUNDRED)
					.compareTo(BigDecimal.valueOf(DROP_SELL_THROUGH_PERCENT)) < 0) {
			return Hint.DROP;
		}
		return null;
	}

	private static BigDecimal positive(BigDecimal value) {
		return (value == null || value.signum() < 0) ? BigDecimal.ZERO : value;
	}

	/**
	 * The ABC classes.
	 */
	enum Abc {

		A, B, C

	}

	/**
	 * What to do with a product.
	 */
	enum Hint {

		PUSH, FIX, DROP;

		public String key() {
			return name().toLowerCase(java.util.Locale.ROOT);
		}

	}

	/**
	 * The figures the hint looks at; {@code null} when not known.
	 *
	 * @param returnRate refunded units ÷ units sold
	 * @param rating the average stars
	 * @param rising whether the units rose (see {@link ProductRanking#rising})
	 * @param daysOfCover the stock ÷ the average daily units
	 * @param sellThrough units sold ÷ (units sold + stock)
	 */
	record Signals(BigDecimal returnRate, BigDecimal rating, boolean rising, BigDecimal daysOfCover,
			BigDecimal sellThrough) {
	}

}
