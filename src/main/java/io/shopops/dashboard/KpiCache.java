package io.shopops.dashboard;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Keeps what the KPI page computed for a range until one of the range's days changes:
 * every statement that writes the dashboard's rollups or facts notes the local days it
 * touched in {@code kpi_change} (database triggers, so no writer can forget), and a
 * cached figure is served only while the range's notes — their count and newest version —
 * are what they were before it was computed. The notes are read before computing, so a
 * change that commits meanwhile makes the next request compute again; a figure is never
 * older than its range's last committed change. Each application instance keeps its own
 * entries, at most {@value #ENTRIES}, the least recently used dropped first.
 */
@Component
class KpiCache {

	static final int ENTRIES = 1_000;

	private final JdbcClient jdbc;

	private final Map<Key, Entry> entries = new LinkedHashMap<>(64, 0.75f, true) {

		@Override
		protected boolean removeEldestEntry(Map.Entry<Key, Entry> eldest) {
			return size() > ENTRIES;
		}

	};

	KpiCache(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * A figure of a range, from the cache while none of its days changed.
	 * @param <T> the figure's type, immutable
	 * @param what which figure (part of the key)
	 * @param from the first day
	 * @param to the last day
	 * @param channel the channel, {@code null} for all (part of the key)
	 * @param compute computes the figure afresh
	 * @return the figure
	 */
	@SuppressWarnings("unchecked")
	<T> T get(String what, LocalDate from, LocalDate to, String channel, Supplier<T> compute) {
		Stamp stamp = stamp(from, to);
		Key key = new Key(what, from, to, channel);
		Entry entry;
		synchronized (this.entries) {
			entry = this.entries.get(key);
		}
		if (entry != null && entry.stamp().equals(stamp)) {
			return (T) entry.value();
		}
		T value = compute.get();
		synchronized (this.entries) {
			this.entries.put(key, new Entry(stamp, value));
		}
		return value;
	}

	/**
	 * Compacts the notes to one per day, each with a new version, so that the table stays
	 * small and a compaction reads as a change.
	 * @return how many days were compacted
	 */
	int compact() {
		return this.jdbc.sql("""
				WITH gone AS (
				  DELETE FROM kpi_change c
				  USING (SELECT day FROM kpi_change GROUP BY day HAVING count(*) > 1) d WHERE c.day = d.day
				  RETURNING c.day)
				INSERT INTO kpi_change (day) SELECT DISTINCT day FROM gone""").update();
	}

	int size() {
		synchronized (this.entries) {
			return this.entries.size();
		}
	}

	private Stamp stamp(LocalDate from, LocalDate to) {
		return this.jdbc
			.sql("SELECT count(*), coalesce(max(version), 0) FROM kpi_change WHERE day BETWEEN :from AND :to")
			.param("from", from)
			.param("to", to)
			.query((rs, n) -> new Stamp(rs.getLong(1), rs.getLong(2)))
			.single();
	}

	private record Key(String what, LocalDate from, LocalDate to, String channel) {
	}

	private record Stamp(long notes, long version) {
	}

	private record Entry(Stamp stamp, Object value) {
	}

}
