package io.shopops.dashboard;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The exact distinct buyer counts of any range of at most {@value #WINDOW} days, from one
 * row per scope (every channel, {@value #ALL}, or one channel) and local day
 * ({@code kpi_buyer_span}), without looking at a single buyer when a range is asked.
 * <p>
 * Each row of day {@code s} holds three arrays indexed by {@code i = s − a} (the number
 * of days from a range's first day {@code a} to {@code s}, {@code 0 ≤ i < WINDOW}):
 * <ul>
 * <li>{@code payers[i]}: buyers whose first paying day on or after {@code a} is
 * {@code s};</li>
 * <li>{@code repeaters[i]}: buyers whose second paid order on or after {@code a} was paid
 * on day {@code s};</li>
 * <li>{@code newcomers[i]}: buyers whose first-ever paid order (in any channel) is on or
 * after {@code a} and whose first paid order in the scope is on {@code s}.</li>
 * </ul>
 * So over a range {@code [a, b]}: paying buyers = Σ over {@code s ∈ [a, b]} of
 * {@code payers[s − a]}, buyers with two or more paid orders in the range (the repurchase
 * rate's numerator) = Σ {@code repeaters[s − a]}, new buyers = Σ
 * {@code newcomers[s − a]}; a single day is index 0. A buyer's contribution depends only
 * on its own paying days, so when an order changes, the rows move by the difference
 * between what its buyer(s) contributed before and after, under the buyer's lock (the one
 * {@link KpiRollups} takes for the first orders). {@link #rebuild} recomputes every row
 * from the facts; {@link #compare} recomputes the rows of some days from the facts for
 * the verification.
 */
@Component
class BuyerSpans {

	/** The longest range the rows answer, {@link KpiRange#MAX_DAYS}. */
	static final int WINDOW = KpiRange.MAX_DAYS;

	/** The scope of every channel together. */
	static final String ALL = "*";

	static final int PAYERS = 0;

	static final int REPEATERS = 1;

	static final int NEWCOMERS = 2;

	private static final Comparator<Cell> ORDER = Comparator.comparing(Cell::scope).thenComparing(Cell::day);

	private final JdbcClient jdbc;

	private final JdbcTemplate streaming;

	BuyerSpans(JdbcClient jdbc, DataSource dataSource) {
		this.jdbc = jdbc;
		this.streaming = new JdbcTemplate(dataSource);
		this.streaming.setFetchSize(10_000);
	}

	/**
	 * A buyer's paid orders in one channel on one local day.
	 */
	record BuyerDay(String channel, LocalDate day, int orders) {
	}

	/**
	 * A row's key: the scope ({@value #ALL} or a channel's code) and the day.
	 */
	record Cell(String scope, LocalDate day) {
	}

	/**
	 * Adds what one buyer with these paying days contributes, times {@code sign}, to the
	 * rows in {@code rows}.
	 */
	static void contribute(List<BuyerDay> days, int sign, Map<Cell, int[][]> rows) {
		if (days.isEmpty()) {
			return;
		}
		LocalDate first = null;
		TreeMap<LocalDate, Integer> all = new TreeMap<>();
		Map<String, TreeMap<LocalDate, Integer>> channels = new TreeMap<>();
		for (BuyerDay day : days) {
			if (day.orders() <= 0) {
				continue;
			}
			all.merge(day.day(), day.orders(), Integer::sum);
			channels.computeIfAbsent(day.channel(), (c) -> new TreeMap<>())
				.merge(day.day(), day.orders(), Integer::sum);
			if (first == null || day.day().isBefore(first)) {
				first = day.day();
			}
		}
		if (first == null) {
			return;
		}
		contribute(ALL, all, first, sign, rows);
		for (Map.Entry<String, TreeMap<LocalDate, Integer>> channel : channels.entrySet()) {
			contribute(channel.getKey(), channel.getValue(), first, sign, rows);
		}
	}

	private static void contribute(String scope, TreeMap<LocalDate, Integer> days, LocalDate firstEver, int sign,
			Map<Cell, int[][]> rows) {
		List<LocalDate> list = new ArrayList<>(days.keySet());
		int k = list.size();
		// newcomers: the scope's first day s, every a ≤ the first-ever day
		LocalDate s1 = list.get(0);
		add(rows, scope, s1, NEWCOMERS, (int) ChronoUnit.DAYS.between(firstEver, s1), WINDOW - 1, sign);
		for (int j = 0; j < k; j++) {
			LocalDate day = list.get(j);
			// the days a for which this is the first paying day on or after a: a in
			// (previous paying day, day]
			int sincePrevious = (j == 0) ? WINDOW : (int) ChronoUnit.DAYS.between(list.get(j - 1), day);
			add(rows, scope, day, PAYERS, 0, sincePrevious - 1, sign);
			if (days.get(day) >= 2) {
				add(rows, scope, day, REPEATERS, 0, sincePrevious - 1, sign);
			}
			else if (j + 1 < k) {
				// one order on this day: the second one on or after a is the next day's
				LocalDate next = list.get(j + 1);
				int low = (int) ChronoUnit.DAYS.between(day, next);
				int high = (j == 0) ? WINDOW - 1 : (int) ChronoUnit.DAYS.between(list.get(j - 1), next) - 1;
				add(rows, scope, next, REPEATERS, low, high, sign);
			}
		}
	}

	private static void add(Map<Cell, int[][]> rows, String scope, LocalDate day, int kind, int low, int high,
			int sign) {
		int to = Math.min(high, WINDOW - 1);
		if (low > to || low < 0) {
			return;
		}
		int[] counts = rows.computeIfAbsent(new Cell(scope, day), (c) -> new int[3][WINDOW])[kind];
		for (int i = low; i <= to; i++) {
			counts[i] += sign;
		}
	}

	/**
	 * Moves the rows after an order's fact changed: from what its buyers contributed
	 * before to what they contribute now (the facts as they are now in this transaction).
	 * Takes the buyers' locks, in key order.
	 * @param now the fact as it is now
	 * @param before the fact as it was, {@code null} when it is new
	 */
	void changed(KpiRollups.Fact now, KpiRollups.Fact before) {
		TreeSet<String> buyers = new TreeSet<>();
		buyers.add(now.buyerKey());
		if (before != null) {
			buyers.add(before.buyerKey());
		}
		for (String buyer : buyers) {
			lock(buyer);
		}
		Map<Cell, int[][]> delta = new HashMap<>();
		for (String buyer : buyers) {
			List<BuyerDay> current = days(buyer);
			List<BuyerDay> previous = new ArrayList<>(current);
			if (now.buyerKey().equals(buyer)) {
				previous.add(new BuyerDay(now.channel(), now.day(), -1));
			}
			if (before != null && before.buyerKey().equals(buyer)) {
				previous.add(new BuyerDay(before.channel(), before.day(), 1));
			}
			contribute(current, 1, delta);
			contribute(merged(previous), -1, delta);
		}
		apply(delta);
	}

	/**
	 * Moves the rows after a batch of new facts was inserted, as {@link #changed} for
	 * each of them in turn would: a buyer's contribution depends only on its paying days,
	 * so the differences of the single changes add up to what the buyer contributes now
	 * minus what it contributed without the batch. The caller holds the rollups' lock
	 * exclusively ({@link KpiRollups#recordOrders}), so no buyer lock is needed.
	 * @param added the facts just inserted, none of them there before
	 */
	void added(List<KpiRollups.Fact> added) {
		if (added.isEmpty()) {
			return;
		}
		Map<String, List<BuyerDay>> current = new HashMap<>();
		this.jdbc.sql("""
				SELECT buyer_key, channel_code, pay_day, count(*) FROM kpi_order_fact
				WHERE buyer_key = ANY (:keys::text[]) GROUP BY 1, 2, 3""")
			.param("keys", added.stream().map(KpiRollups.Fact::buyerKey).distinct().toArray(String[]::new))
			.query((rs, n) -> current.computeIfAbsent(rs.getString(1), (k) -> new ArrayList<>())
				.add(new BuyerDay(rs.getString(2), rs.getDate(3).toLocalDate(), rs.getInt(4))))
			.list();
		Map<String, List<BuyerDay>> batch = new HashMap<>();
		for (KpiRollups.Fact fact : added) {
			batch.computeIfAbsent(fact.buyerKey(), (k) -> new ArrayList<>())
				.add(new BuyerDay(fact.channel(), fact.day(), -1));
		}
		Map<Cell, int[][]> delta = new HashMap<>();
		batch.forEach((buyer, removed) -> {
			List<BuyerDay> now = current.getOrDefault(buyer, List.of());
			List<BuyerDay> previous = new ArrayList<>(now);
			previous.addAll(removed);
			contribute(now, 1, delta);
			contribute(merged(previous), -1, delta);
		});
		apply(delta);
	}

	private static List<BuyerDay> merged(List<BuyerDay> days) {
		Map<Cell, Integer> counts = new HashMap<>();
		for (BuyerDay day : days) {
			counts.merge(new Cell(day.channel(), day.day()), day.orders(), Integer::sum);
		}
		List<BuyerDay> merged = new ArrayList<>();
		counts.forEach((cell, orders) -> {
			if (orders > 0) {
				merged.add(new BuyerDay(cell.scope(), cell.day(), orders));
			}
		});
		return merged;
	}

	private void lock(String buyer) {
		this.jdbc.sql("SELECT pg_advisory_xact_lock(hashtextextended(:key, 20261202))")
			.param("key", buyer)
			.query((rs, row) -> 1)
			.list();
	}

	private List<BuyerDay> days(String buyer) {
		return this.jdbc
			.sql("SELECT channel_code, pay_day, count(*) FROM kpi_order_fact WHERE buyer_key = :key GROUP BY 1, 2")
			.param("key", buyer)
			.query((rs, n) -> new BuyerDay(rs.getString(1), rs.getDate(2).toLocalDate(), rs.getInt(3)))
			.list();
	}

	/**
	 * Adds the differences to the rows, in key order, and deletes the rows left without a
	 * paying buyer on their day (all their counts are zero then).
	 */
	private void apply(Map<Cell, int[][]> delta) {
		TreeMap<Cell, int[][]> sorted = new TreeMap<>(ORDER);
		delta.forEach((cell, counts) -> {
			if (!isZero(counts)) {
				sorted.put(cell, counts);
			}
		});
		sorted.forEach((cell, counts) -> {
			this.jdbc.sql("""
					INSERT INTO kpi_buyer_span (channel_code, day, payers, repeaters, newcomers)
					VALUES (:scope, :day, CAST(:payers AS INTEGER[]), CAST(:repeaters AS INTEGER[]),
					  CAST(:newcomers AS INTEGER[]))
					ON CONFLICT (channel_code, day) DO UPDATE
					SET payers = kpi_add_counts(kpi_buyer_span.payers, EXCLUDED.payers),
					  repeaters = kpi_add_counts(kpi_buyer_span.repeaters, EXCLUDED.repeaters),
					  newcomers = kpi_add_counts(kpi_buyer_span.newcomers, EXCLUDED.newcomers)""")
				.param("scope", cell.scope())
				.param("day", cell.day())
				.param("payers", text(counts[PAYERS]))
				.param("repeaters", text(counts[REPEATERS]))
				.param("newcomers", text(counts[NEWCOMERS]))
				.update();
			if (counts[PAYERS][0] < 0) {
				this.jdbc.sql("DELETE FROM kpi_buyer_span WHERE channel_code = :scope AND day = :day AND payers[1] = 0")
					.param("scope", cell.scope())
					.param("day", cell.day())
					.update();
			}
		});
	}

	/**
	 * Recomputes every row from the facts' payment days.
	 */
	void rebuild() {
		Map<Cell, int[][]> rows = new HashMap<>();
		stream("SELECT buyer_key, channel_code, pay_day FROM kpi_order_fact ORDER BY buyer_key COLLATE \"C\"", rows);
		this.jdbc.sql("DELETE FROM kpi_buyer_span").update();
		List<Object[]> batch = new ArrayList<>();
		for (Map.Entry<Cell, int[][]> row : rows.entrySet()) {
			int[][] counts = row.getValue();
			if (counts[PAYERS][0] == 0) {
				continue;
			}
			batch.add(new Object[] { row.getKey().scope(), java.sql.Date.valueOf(row.getKey().day()),
					text(counts[PAYERS]), text(counts[REPEATERS]), text(counts[NEWCOMERS]) });
		}
		this.streaming.batchUpdate("""
				INSERT INTO kpi_buyer_span (channel_code, day, payers, repeaters, newcomers)
				VALUES (?, ?, CAST(? AS INTEGER[]), CAST(? AS INTEGER[]), CAST(? AS INTEGER[]))""", batch);
	}

	/**
	 * Recomputes the rows of the days {@code from}…{@code to} from the facts, with the
	 * local days computed afresh from the payment times in {@code zone}, and compares
	 * them with the stored rows.
	 * @return the rows that differ, in key order
	 */
	List<Mismatch> compare(LocalDate from, LocalDate to, ZoneId zone) {
		Map<Cell, int[][]> recomputed = new HashMap<>();
		// a row of day s depends only on the buyers paying on s, through all their days
		stream("""
				SELECT o.buyer_key, o.channel_code, (o.paid_at AT TIME ZONE ?)::date
				FROM kpi_order_fact o
				WHERE o.buyer_key IN (SELECT buyer_key FROM kpi_order_fact WHERE paid_at >= ? AND paid_at < ?)
				ORDER BY o.buyer_key COLLATE "C\"""", recomputed, zone.getId(),
				Timestamp.from(from.atStartOfDay(zone).toInstant()),
				Timestamp.from(to.plusDays(1).atStartOfDay(zone).toInstant()));
		Map<Cell, int[][]> stored = new HashMap<>();
		this.jdbc.sql("""
				SELECT channel_code, day, payers, repeaters, newcomers FROM kpi_buyer_span
				WHERE day BETWEEN :from AND :to""")
			.param("from", from)
			.param("to", to)
			.query((rs, n) -> stored.put(new Cell(rs.getString(1), rs.getDate(2).toLocalDate()),
					new int[][] { ints(rs.getArray(3)), ints(rs.getArray(4)), ints(rs.getArray(5)) }))
			.list();
		TreeSet<Cell> cells = new TreeSet<>(ORDER);
		recomputed.keySet()
			.stream()
			.filter((cell) -> !cell.day().isBefore(from) && !cell.day().isAfter(to))
			.forEach(cells::add);
		cells.addAll(stored.keySet());
		int[][] zero = new int[3][WINDOW];
		List<Mismatch> mismatches = new ArrayList<>();
		for (Cell cell : cells) {
			int[][] rolled = stored.getOrDefault(cell, zero);
			int[][] expected = recomputed.getOrDefault(cell, zero);
			for (int kind = 0; kind < 3; kind++) {
				if (!Arrays.equals(rolled[kind], expected[kind])) {
					mismatches.add(new Mismatch(cell, kind, firstDifference(rolled[kind], expected[kind]), rolled[kind],
							expected[kind]));
				}
			}
		}
		return mismatches;
	}

	private void stream(String sql, Map<Cell, int[][]> rows, Object... args) {
		String[] current = { null };
		List<BuyerDay> days = new ArrayList<>();
		this.streaming.query(sql, (java.sql.ResultSet rs) -> {
			String buyer = rs.getString(1);
			if (!buyer.equals(current[0])) {
				contribute(merged(days), 1, rows);
				days.clear();
				current[0] = buyer;
			}
			days.add(new BuyerDay(rs.getString(2), rs.getDate(3).toLocalDate(), 1));
		}, args);
		contribute(merged(days), 1, rows);
	}

	private static int firstDifference(int[] a, int[] b) {
		for (int i = 0; i < a.length; i++) {
			if (a[i] != b[i]) {
				return i;
			}
		}
		return -1;
	}

	private static boolean isZero(int[][] counts) {
		for (int[] kind : counts) {
			for (int count : kind) {
				if (count != 0) {
					return false;
				}
			}
		}
		return true;
	}

	private static int[] ints(java.sql.Array array) throws java.sql.SQLException {
		Object[] values = (Object[]) array.getArray();
		int[] counts = new int[WINDOW];
		for (int i = 0; i < Math.min(values.length, WINDOW); i++) {
			counts[i] = (values[i] != null) ? ((Number) values[i]).intValue() : 0;
		}
		return counts;
	}

	private static String text(int[] counts) {
		StringBuilder text = new StringBuilder(counts.length * 2 + 2).append('{');
		for (int i = 0; i < counts.length; i++) {
			if (i > 0) {
				text.append(',');
			}
			text.append(counts[i]);
		}
		return text.append('}').toString();
	}

	/**
	 * A stored row that differs from its recomputation.
	 *
	 * @param cell the scope and day
	 * @param kind {@link #PAYERS}, {@link #REPEATERS} or {@link #NEWCOMERS}
	 * @param index the first index that differs ({@code s − a})
	 * @param rollup the stored counts
	 * @param recomputed the recomputed counts
	 */
	record Mismatch(Cell cell, int kind, int index, int[] rollup, int[] recomputed) {

		String figure() {
			return switch (this.kind) {
				case PAYERS -> "spanPayers";
				case REPEATERS -> "spanRepeaters";
				default -> "spanNewcomers";
			};
		}

		@Override
		public boolean equals(Object other) {
			return other instanceof Mismatch m && m.cell.equals(this.cell) && m.kind == this.kind
					&& Arrays.equals(m.rollup, this.rollup) && Arrays.equals(m.recomputed, this.recomputed);
		}

		@Override
		public int hashCode() {
			return Objects.hash(this.cell, this.kind);
		}

	}

}
