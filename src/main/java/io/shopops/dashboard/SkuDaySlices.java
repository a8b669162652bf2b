package io.shopops.dashboard;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The SKU rollups' days ({@code kpi_sku_day_total}, or {@code kpi_sku_day} of one
 * channel) kept in memory, one compact slice per day, so that the KPI page's product and
 * category breakdowns of any range add up at most {@value KpiRange#MAX_DAYS} slices
 * instead of scanning a row per day and SKU. A slice is served only while its day's
 * change notes ({@code kpi_change}, written by database triggers on every rollup write)
 * are what they were before it was loaded, as in {@link KpiCache}: the notes of the whole
 * range are read in one query first, then the days whose notes changed are loaded in one
 * more. At most {@value #SLICES} slices are kept per application instance, the least
 * recently used dropped first.
 */
@Component
class SkuDaySlices {

	static final int SLICES = 4_000;

	private final JdbcClient jdbc;

	private final Map<String, Integer> skuIndex = new HashMap<>();

	private final List<String> skus = new ArrayList<>();

	private final Map<Key, Slice> slices = new LinkedHashMap<>(256, 0.75f, true) {

		@Override
		protected boolean removeEldestEntry(Map.Entry<Key, Slice> eldest) {
			return size() > SLICES;
		}

	};

	SkuDaySlices(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Every SKU's figures over the range, of one channel or of every channel; SKUs with
	 * no row in the range are left out.
	 */
	Map<String, Sold> sum(LocalDate from, LocalDate to, String channel) {
		String scope = (channel != null) ? channel : "*";
		Map<LocalDate, Stamp> stamps = new HashMap<>();
		this.jdbc.sql("""
				SELECT day, count(*), max(version) FROM kpi_change WHERE day BETWEEN :from AND :to GROUP BY day""")
			.param("from", from)
			.param("to", to)
			.query((rs, n) -> stamps.put(rs.getDate(1).toLocalDate(), new Stamp(rs.getLong(2), rs.getLong(3))))
			.list();
		List<Slice> found = new ArrayList<>();
		List<LocalDate> stale = new ArrayList<>();
		synchronized (this.slices) {
			for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
				Slice slice = this.slices.get(new Key(scope, day));
				if (slice != null && slice.stamp().equals(stamps.getOrDefault(day, Stamp.NONE))) {
					found.add(slice);
				}
				else {
					stale.add(day);
				}
			}
		}
		if (!stale.isEmpty()) {
			found.addAll(load(scope, channel, stale, stamps));
		}
		int size;
		String[] names;
		synchronized (this.slices) {
			size = this.skus.size();
			names = this.skus.toArray(new String[0]);
		}
		long[] units = new long[size];
		long[] gmv = new long[size];
		long[] orders = new long[size];
		long[] refundedUnits = new long[size];
		long[] refundAmount = new long[size];
		boolean[] seen = new boolean[size];
		for (Slice slice : found) {
			for (int i = 0; i < slice.sku().length; i++) {
				int sku = slice.sku()[i];
				seen[sku] = true;
				units[sku] += slice.units()[i];
				gmv[sku] += slice.gmvCents()[i];
				orders[sku] += slice.orders()[i];
				refundedUnits[sku] += slice.refundedUnits()[i];
				refundAmount[sku] += slice.refundCents()[i];
			}
		}
		Map<String, Sold> sold = new HashMap<>();
		for (int sku = 0; sku < size; sku++) {
			if (seen[sku]) {
				sold.put(names[sku], new Sold(names[sku], units[sku], BigDecimal.valueOf(gmv[sku], 2), orders[sku],
						refundedUnits[sku], BigDecimal.valueOf(refundAmount[sku], 2)));
			}
		}
		return sold;
	}

	private List<Slice> load(String scope, String channel, List<LocalDate> days, Map<LocalDate, Stamp> stamps) {
		String rows = (channel != null) ? "kpi_sku_day WHERE channel_code = :channel AND" : "kpi_sku_day_total WHERE";
		Map<LocalDate, List<Object[]>> byDay = new HashMap<>();
		this.jdbc.sql("""
				SELECT day, sku, units, gmv, orders, refunded_units, refund_amount FROM %s
				day BETWEEN :from AND :to AND day IN (:days)""".formatted(rows))
			.param("channel", channel)
			.param("from", days.get(0))
			.param("to", days.get(days.size() - 1))
			.param("days", days)
			.query((rs, n) -> byDay.computeIfAbsent(rs.getDate(1).toLocalDate(), (d) -> new ArrayList<>())
				.add(new Object[] { rs.getString(2), rs.getLong(3), cents(rs.getBigDecimal(4)), rs.getLong(5),
						rs.getLong(6), cents(rs.getBigDecimal(7)) }))
			.list();
		List<Slice> loaded = new ArrayList<>(days.size());
		synchronized (this.slices) {
			for (LocalDate day : days) {
				List<Object[]> list = byDay.getOrDefault(day, List.of());
				int n = list.size();
				Slice slice = new Slice(stamps.getOrDefault(day, Stamp.NONE), new int[n], new int[n], new long[n],
						new int[n], new int[n], new long[n]);
				for (int i = 0; i < n; i++) {
					Object[] row = list.get(i);
					slice.sku()[i] = this.skuIndex.computeIfAbsent((String) row[0], (sku) -> {
						this.skus.add(sku);
						return this.skus.size() - 1;
					});
					slice.units()[i] = Math.toIntExact((Long) row[1]);
					slice.gmvCents()[i] = (Long) row[2];
					slice.orders()[i] = Math.toIntExact((Long) row[3]);
					slice.refundedUnits()[i] = Math.toIntExact((Long) row[4]);
					slice.refundCents()[i] = (Long) row[5];
				}
				this.slices.put(new Key(scope, day), slice);
				loaded.add(slice);
			}
		}
		return loaded;
	}

	private static long cents(BigDecimal amount) {
		return amount.movePointRight(2).longValueExact();
	}

	int size() {
		synchronized (this.slices) {
			return this.slices.size();
		}
	}

	/**
	 * A SKU's figures over a range.
	 *
	 * @param sku the SKU
	 * @param units units paid for (by payment day)
	 * @param gmv their lines' amounts
	 * @param orders paid orders with the SKU
	 * @param refundedUnits units refunded (by refund day)
	 * @param refundAmount their refunded amounts
	 */
	record Sold(String sku, long units, BigDecimal gmv, long orders, long refundedUnits, BigDecimal refundAmount) {
	}

	private record Key(String scope, LocalDate day) {
	}

	private record Stamp(long notes, long version) {

		static final Stamp NONE = new Stamp(0, 0);

	}

	private record Slice(Stamp stamp, int[] sku, int[] units, long[] gmvCents, int[] orders, int[] refundedUnits,
			long[] refundCents) {
	}

}
