package io.shopops.growth.traffic;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Keeps the attribution rollup's sums of a range until one of the range's days changes:
 * every statement that writes {@code attribution_day} notes the days it touched in
 * {@code attribution_change} (database triggers, so no writer — listener, refund,
 * re-attribution — can forget), and cached sums are served only while the range's notes
 * (their count and newest version) are what they were before the sums were read. The
 * notes are read first, so a change that commits meanwhile makes the next request read
 * again; the sums are never older than the range's last committed change. Each
 * application instance keeps its own entries, at most {@value #ENTRIES}, the least
 * recently used dropped first. (As the KPI page's cache does.)
 */
@Component
class AttributionCache {

	static final int ENTRIES = 500;

	private final JdbcClient jdbc;

	private final Map<Key, Entry> entries = new LinkedHashMap<>(64, 0.75f, true) {

		@Override
		protected boolean removeEldestEntry(Map.Entry<Key, Entry> eldest) {
			return size() > ENTRIES;
		}

	};

	AttributionCache(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The sums of a range, from the cache while none of its days changed.
	 * @param from the first day
	 * @param to the last day
	 * @param compute reads them afresh
	 * @return the sums
	 */
	AttributionReport.Sums get(LocalDate from, LocalDate to, Supplier<AttributionReport.Sums> compute) {
		Stamp stamp = stamp(from, to);
		Key key = new Key(from, to);
		Entry entry;
		synchronized (this.entries) {
			entry = this.entries.get(key);
		}
		if (entry != null && entry.stamp().equals(stamp)) {
			return entry.sums();
		}
		AttributionReport.Sums sums = compute.get();
		synchronized (this.entries) {
			this.entries.put(key, new Entry(stamp, sums));
		}
		return sums;
	}

	int size() {
		synchronized (this.entries) {
			return this.entries.size();
		}
	}

	private Stamp stamp(LocalDate from, LocalDate to) {
		return this.jdbc
			.sql("SELECT count(*), coalesce(max(version), 0) FROM attribution_change WHERE day BETWEEN :from AND :to")
			.param("from", from)
			.param("to", to)
			.query((rs, n) -> new Stamp(rs.getLong(1), rs.getLong(2)))
			.single();
	}

	private record Key(LocalDate from, LocalDate to) {
	}

	private record Stamp(long notes, long version) {
	}

	private record Entry(Stamp stamp, AttributionReport.Sums sums) {
	}

}
