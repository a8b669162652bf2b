package io.shopops.growth.traffic;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A keyword's rank on a day.
 *
 * @param date the day
 * @param rank the position, 1 the top result, with at most one decimal
 * @param source {@code MANUAL} or {@code IMPORT}
 * @param enteredBy who entered or imported it
 */
record SeoRank(LocalDate date, BigDecimal rank, String source, String enteredBy) {

	/** The rank as shown: {@code 3} or {@code 3.4}. */
	public String shown() {
		return SeoKeyword.shown(this.rank);
	}

}
