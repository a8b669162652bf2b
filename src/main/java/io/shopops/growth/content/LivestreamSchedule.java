package io.shopops.growth.content;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * When livestream sessions start, for the rest of growth (community SOPs remind groups
 * before each session).
 */
@Component
public class LivestreamSchedule {

	private final JdbcClient jdbc;

	LivestreamSchedule(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The start times of the sessions that start in a window, earliest first.
	 * @param from the window's start, inclusive
	 * @param to the window's end, exclusive
	 * @return the start times, never {@code null}
	 */
	public List<Instant> startsBetween(Instant from, Instant to) {
		return this.jdbc.sql("""
				SELECT DISTINCT starts_at FROM livestream_session
				WHERE starts_at >= :from AND starts_at < :to ORDER BY starts_at""")
			.param("from", Timestamp.from(from))
			.param("to", Timestamp.from(to))
			.query((rs, row) -> rs.getTimestamp(1).toInstant())
			.list();
	}

}
