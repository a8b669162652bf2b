package io.shopops.growth.retention;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads the retention rollups for the pages: the cohort table and LTV curves, the
 * repurchase rate per period, the time between orders, and the customers due to buy a
 * product again.
 */
@Service
class RetentionReports {

	private final JdbcClient jdbc;

	private final RetentionBook book;

	RetentionReports(JdbcClient jdbc, RetentionBook book) {
		this.jdbc = jdbc;
		this.book = book;
	}

	/**
	 * The cohorts of the last {@code months} first-order months up to {@code today}'s. A
	 * month not reached yet is {@code null}; a cohort without customers is left out.
	 */
	@Transactional(readOnly = true)
	public List<Cohort> cohorts(int months, LocalDate today) {
		LocalDate current = today.withDayOfMonth(1);
		LocalDate from = current.minusMonths(months - 1L);
		Map<LocalDate, long[]> customers = new HashMap<>();
		Map<LocalDate, BigDecimal[]> net = new HashMap<>();
		this.jdbc.sql("""
				SELECT cohort, month_offset, customers, paid_amount - refund_amount FROM retention_cohort_month
				WHERE cohort BETWEEN :from AND :to""").param("from", from).param("to", current).query((rs) -> {
			LocalDate cohort = rs.getDate(1).toLocalDate();
			int offset = rs.getInt(2);
			customers.computeIfAbsent(cohort, (c) -> new long[RetentionMath.MONTHS + 1])[offset] = rs.getLong(3);
			net.computeIfAbsent(cohort, (c) -> new BigDecimal[RetentionMath.MONTHS + 1])[offset] = rs.getBigDecimal(4);
		});
		List<Cohort> cohorts = new ArrayList<>();
		for (LocalDate cohort = current; !cohort.isBefore(from); cohort = cohort.minusMonths(1)) {
			long[] counts = customers.get(cohort);
			if (counts == null || counts[0] <= 0) {
				continue;
			}
			long size = counts[0];
			int reached = RetentionMath.offset(cohort, current);
			List<BigDecimal> shares = new ArrayList<>();
			List<Long> returning = new ArrayList<>();
			List<BigDecimal> ltv = new ArrayList<>();
			BigDecimal cumulative = BigDecimal.ZERO;
			BigDecimal[] money = net.get(cohort);
			for (int k = 0; k <= RetentionMath.MONTHS; k++) {
				if (k > reached) {
					if (k > 0) {
						shares.add(null);
						returning.add(null);
					}
					ltv.add(null);
					continue;
				}
				if (money[k] != null) {
					cumulative = cumulative.add(money[k]);
				}
				ltv.add(cumulative.divide(BigDecimal.valueOf(size), 2, RoundingMode.HALF_UP));
				if (k > 0) {
					returning.add(counts[k]);
					shares.add(rate(counts[k], size));
				}
			}
			cohorts.add(new Cohort(cohort, size, returning, shares, ltv));
		}
		return cohorts;
	}

	/**
	 * The repurchase rate of the last {@code count} periods of a kind up to
	 * {@code today}'s, newest first, periods without buyers included.
	 */
	@Transactional(readOnly = true)
	public List<Period> periods(PeriodKind kind, int count, LocalDate today) {
		LocalDate current = kind.start(today);
		LocalDate from = kind.minus(current, count - 1);
		Map<LocalDate, long[]> found = new HashMap<>();
		this.jdbc.sql("""
				SELECT period_start, buyers, repeat_buyers FROM retention_period
				WHERE kind = :kind AND period_start BETWEEN :from AND :to""")
			.param("kind", kind.code())
			.param("from", from)
			.param("to", current)
			.query((rs) -> {
				found.put(rs.getDate(1).toLocalDate(), new long[] { rs.getLong(2), rs.getLong(3) });
			});
		List<Period> periods = new ArrayList<>();
		for (LocalDate start = current; !start.isBefore(from); start = kind.minus(start, 1)) {
			long[] values = found.getOrDefault(start, new long[2]);
			periods.add(new Period(kind, start, values[0], values[1], rate(values[1], values[0])));
		}
		return periods;
	}

	/**
	 * The time between consecutive orders, every bucket in order.
	 */
	@Transactional(readOnly = true)
	public List<GapBucket> gaps() {
		Map<Integer, Long> found = new HashMap<>();
		this.jdbc.sql("SELECT bucket, gaps FROM retention_gap").query((rs) -> {
			found.put(rs.getInt(1), rs.getLong(2));
		});
		long total = found.values().stream().mapToLong(Long::longValue).sum();
		List<GapBucket> buckets = new ArrayList<>();
		for (int b = 0; b < RetentionMath.BUCKET_FROM.length; b++) {
			long gaps = found.getOrDefault(b, 0L);
			buckets.add(
					new GapBucket(b, RetentionMath.BUCKET_FROM[b], RetentionMath.bucketTo(b), gaps, rate(gaps, total)));
		}
		return buckets;
	}

	/**
	 * The customers whose last purchase of the product (a paid order, not cancelled or
	 * closed) is at least its cycle ago, longest overdue first.
	 */
	@Transactional(readOnly = true)
	public Page<Due> due(RepurchaseCycles.Cycle cycle, int page, int size, Instant now) {
		Instant cutoff = now.minus(cycle.cycleDays(), ChronoUnit.DAYS);
		long total = this.jdbc.sql(DUE_FROM.replace("{select}", "count(*) OVER ()") + " LIMIT 1")
			.param("product", cycle.productId())
			.param("cutoff", Timestamp.from(cutoff))
			.query(Long.class)
			.optional()
			.orElse(0L);
		if (total == 0) {
			return Page.empty(PageRequest.of(page, size));
		}
		int safePage = (int) Math.min(page, (total - 1) / size);
		List<Due> rows = query(cycle, cutoff, now).param("limit", size)
			.param("offset", (long) safePage * size)
			.query((rs, row) -> due(rs, cycle, now))
			.list();
		return new PageImpl<>(rows, PageRequest.of(safePage, size), total);
	}

	/**
	 * Streams every due customer of a product, for the export.
	 */
	@Transactional(readOnly = true)
	public void forEachDue(RepurchaseCycles.Cycle cycle, Instant now, Consumer<Due> consumer) {
		Instant cutoff = now.minus(cycle.cycleDays(), ChronoUnit.DAYS);
		query(cycle, cutoff, now).param("limit", Integer.MAX_VALUE)
			.param("offset", 0)
			.query((rs, row) -> due(rs, cycle, now))
			.stream()
			.forEach(consumer);
	}

	private static final String DUE_FROM = """
			SELECT {select} FROM retention_order o
			JOIN retention_purchase p ON p.order_id = o.order_id AND p.product_id = :product
			WHERE o.status NOT IN ('CANCELLED', 'CLOSED')
			GROUP BY o.customer_id HAVING max(o.paid_at) < :cutoff""";

	private JdbcClient.StatementSpec query(RepurchaseCycles.Cycle cycle, Instant cutoff, Instant now) {
		return this.jdbc.sql("""
				SELECT d.customer_id, c.name, c.phone, c.email, d.last_at, d.purchases
				FROM ("""
				+ DUE_FROM.replace("{select}", "o.customer_id, max(o.paid_at) AS last_at, count(*) AS purchases") + """
						) d LEFT JOIN customer c ON c.id = d.customer_id
						ORDER BY d.last_at, d.customer_id LIMIT :limit OFFSET :offset""")
			.param("product", cycle.productId())
			.param("cutoff", Timestamp.from(cutoff));
	}

	private Due due(java.sql.ResultSet rs, RepurchaseCycles.Cycle cycle, Instant now) throws java.sql.SQLException {
		Instant last = rs.getTimestamp(5).toInstant();
		long days = ChronoUnit.DAYS.between(last, now);
		return new Due(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), last, rs.getLong(6), days,
				days - cycle.cycleDays());
	}

	/** The rollups' time zone. */
	ZoneId zone() {
		return this.book.zone();
	}

	static BigDecimal rate(long numerator, long denominator) {
		return (denominator == 0) ? null
				: BigDecimal.valueOf(numerator).divide(BigDecimal.valueOf(denominator), 4, RoundingMode.HALF_UP);
	}

	/**
	 * One first-order month.
	 *
	 * @param cohort its first day
	 * @param customers how many customers first ordered in it
	 * @param returning for months 1..12 after: the customers who ordered in it
	 * ({@code null} when not reached)
	 * @param shares the same as a share of {@code customers}
	 * @param ltv for months 0..12: cumulative net spend per customer
	 */
	public record Cohort(LocalDate cohort, long customers, List<Long> returning, List<BigDecimal> shares,
			List<BigDecimal> ltv) {

		/** The month as {@code yyyy-MM}. */
		public String label() {
			return this.cohort.toString().substring(0, 7);
		}

		/** The CSS class shading a month's share, 0 (none) to 5 (half or more). */
		public String shade(int index) {
			BigDecimal share = this.shares.get(index);
			if (share == null) {
				return "ret-none";
			}
			double value = share.doubleValue();
			int level = (value <= 0) ? 0
					: (value < 0.05) ? 1 : (value < 0.1) ? 2 : (value < 0.2) ? 3 : (value < 0.5) ? 4 : 5;
			return "ret-h" + level;
		}

	}

	/**
	 * One period's repurchase rate.
	 */
	public record Period(PeriodKind kind, LocalDate start, long buyers, long repeatBuyers, BigDecimal rate) {

		public String label() {
			return this.kind.label(this.start);
		}

	}

	/**
	 * One bucket of days between consecutive orders.
	 */
	public record GapBucket(int bucket, int fromDays, Integer toDays, long gaps, BigDecimal share) {

		/** The days as a short label: {@code 0}, {@code 1–7}, … {@code ≥366}. */
		public String label() {
			if (this.toDays == null) {
				return "≥" + this.fromDays;
			}
			return (this.fromDays == this.toDays) ? String.valueOf(this.fromDays) : this.fromDays + "–" + this.toDays;
		}

	}

	/**
	 * A customer due to buy a product again.
	 */
	public record Due(long customerId, String name, String phone, String email, Instant lastPurchaseAt, long purchases,
			long daysSince, long daysOverdue) {
	}

	/** The periods of the repurchase rate. */
	public enum PeriodKind {

		MONTH("M"), QUARTER("Q"), YEAR("Y");

		private final String code;

		PeriodKind(String code) {
			this.code = code;
		}

		public String code() {
			return this.code;
		}

		LocalDate start(LocalDate day) {
			return switch (this) {
				case MONTH -> day.withDayOfMonth(1);
				case QUARTER -> RetentionMath.quarter(day.withDayOfMonth(1));
				case YEAR -> day.withDayOfYear(1);
			};
		}

		LocalDate minus(LocalDate start, long periods) {
			return switch (this) {
				case MONTH -> start.minusMonths(periods);
				case QUARTER -> start.minusMonths(3 * periods);
				case YEAR -> start.minusYears(periods);
			};
		}

		String label(LocalDate start) {
			return switch (this) {
				case MONTH -> start.toString().substring(0, 7);
				case QUARTER -> start.getYear() + " Q" + ((start.getMonthValue() - 1) / 3 + 1);
				case YEAR -> String.valueOf(start.getYear());
			};
		}

		static PeriodKind parse(String value) {
			if (value != null) {
				for (PeriodKind kind : values()) {
					if (kind.name().equalsIgnoreCase(value.strip()) || kind.code.equalsIgnoreCase(value.strip())) {
						return kind;
					}
				}
			}
			return MONTH;
		}

	}

}
