package io.shopops.growth.retention;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What one customer's paid orders and refunds add to the retention rollups, by the
 * definitions of PRODUCT.md: the cohort is the local month of the first paid order (by
 * payment time, like the KPI page's new buyers); month {@code k} of the cohort counts the
 * customer when a paid order falls in the {@code k}-th calendar month after it; money is
 * paid amount by payment month less refunds by refund month; a period counts a buyer with
 * at least one paid order in it, and a repeat buyer with at least two. The gaps are the
 * days between the local payment days of consecutive paid orders.
 */
final class RetentionMath {

	/** The months after the first one that the cohort table shows. */
	static final int MONTHS = 12;

	/** The lower bounds (days) of the time-between-orders buckets. */
	static final int[] BUCKET_FROM = { 0, 1, 8, 15, 31, 61, 91, 181, 366 };

	private RetentionMath() {
	}

	/**
	 * The bucket of a gap of so many days.
	 */
	static int bucket(long days) {
		int bucket = 0;
		for (int i = 0; i < BUCKET_FROM.length; i++) {
			if (days >= BUCKET_FROM[i]) {
				bucket = i;
			}
		}
		return bucket;
	}

	/**
	 * The upper bound (days, inclusive) of a bucket, {@code null} for the last.
	 */
	static Integer bucketTo(int bucket) {
		return (bucket + 1 < BUCKET_FROM.length) ? BUCKET_FROM[bucket + 1] - 1 : null;
	}

	static LocalDate month(Instant at, ZoneId zone) {
		return LocalDate.ofInstant(at, zone).withDayOfMonth(1);
	}

	static LocalDate quarter(LocalDate month) {
		return month.withMonth(((month.getMonthValue() - 1) / 3) * 3 + 1);
	}

	static int offset(LocalDate cohort, LocalDate month) {
		return (int) ChronoUnit.MONTHS.between(cohort, month);
	}

	/**
	 * Computes a customer's contribution.
	 * @param orders the customer's paid orders, in any order
	 * @param refunds the refunds of those orders
	 * @param zone the time zone of the months and days
	 * @return the contribution, empty when there is no paid order
	 */
	static Contribution of(List<Paid> orders, List<Money> refunds, ZoneId zone) {
		if (orders.isEmpty()) {
			return Contribution.NONE;
		}
		List<Paid> sorted = new ArrayList<>(orders);
		sorted.sort(Comparator.comparing(Paid::at).thenComparing(Paid::orderId));
		LocalDate cohort = month(sorted.get(0).at(), zone);
		Map<Integer, Cell> cells = new TreeMap<>();
		Map<String, Integer> periodOrders = new TreeMap<>();
		int[] gaps = new int[BUCKET_FROM.length];
		LocalDate previousDay = null;
		for (Paid order : sorted) {
			LocalDate day = LocalDate.ofInstant(order.at(), zone);
			LocalDate month = day.withDayOfMonth(1);
			int offset = offset(cohort, month);
			if (offset <= MONTHS) {
				Cell cell = cells.computeIfAbsent(offset, (k) -> new Cell());
				cell.active = true;
				cell.paid = cell.paid.add(order.amount());
			}
			periodOrders.merge("M" + month, 1, Integer::sum);
			periodOrders.merge("Q" + quarter(month), 1, Integer::sum);
			periodOrders.merge("Y" + month.withMonth(1), 1, Integer::sum);
			if (previousDay != null) {
				gaps[bucket(ChronoUnit.DAYS.between(previousDay, day))]++;
			}
			previousDay = day;
		}
		for (Money refund : refunds) {
			int offset = offset(cohort, month(refund.at(), zone));
			if (offset >= 0 && offset <= MONTHS) {
				Cell cell = cells.computeIfAbsent(offset, (k) -> new Cell());
				cell.refunded = cell.refunded.add(refund.amount());
			}
		}
		List<CohortCell> cohortCells = new ArrayList<>();
		cells.forEach((offset, cell) -> cohortCells
			.add(new CohortCell(cohort, offset, cell.active ? 1 : 0, cell.paid, cell.refunded)));
		List<PeriodCell> periods = new ArrayList<>();
		periodOrders.forEach((key, count) -> periods
			.add(new PeriodCell(key.charAt(0), LocalDate.parse(key.substring(1)), 1, (count >= 2) ? 1 : 0)));
		return new Contribution(cohort, cohortCells, periods, gaps);
	}

	private static final class Cell {

		boolean active;

		BigDecimal paid = BigDecimal.ZERO;

		BigDecimal refunded = BigDecimal.ZERO;

	}

	/** A paid order. */
	record Paid(long orderId, Instant at, BigDecimal amount) {
	}

	/** A refund. */
	record Money(Instant at, BigDecimal amount) {
	}

	/** One cohort × month cell. */
	record CohortCell(LocalDate cohort, int offset, int customers, BigDecimal paid, BigDecimal refunded) {
	}

	/** One period's buyers. */
	record PeriodCell(char kind, LocalDate start, int buyers, int repeatBuyers) {
	}

	/** Everything one customer adds to the rollups. */
	record Contribution(LocalDate cohort, List<CohortCell> cells, List<PeriodCell> periods, int[] gaps) {

		static final Contribution NONE = new Contribution(null, List.of(), List.of(), new int[BUCKET_FROM.length]);

	}

}
