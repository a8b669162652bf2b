package io.shopops.platform.security;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Counts failed logins per username and per IP address in a sliding window, in the
 * database so that the count survives restarts and is shared by every instance.
 */
@Component
class LoginThrottle {

	private final JdbcClient jdbc;

	private final LoginThrottleProperties properties;

	private final Clock clock;

	@Autowired
	LoginThrottle(JdbcClient jdbc, LoginThrottleProperties properties) {
		this(jdbc, properties, Clock.systemUTC());
	}

	LoginThrottle(JdbcClient jdbc, LoginThrottleProperties properties, Clock clock) {
		this.jdbc = jdbc;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * How long the given username or IP address stays refused, if it is refused now.
	 */
	@Transactional(readOnly = true)
	Optional<Duration> refusedFor(String username, String ip) {
		Instant now = this.clock.instant();
		Instant since = now.minus(this.properties.window());
		Optional<Instant> byUser = nthLatestFailure("lower(username) = lower(:key)", username,
				this.properties.maxFailuresPerUser(), since);
		Optional<Instant> byIp = nthLatestFailure("ip = :key", ip, this.properties.maxFailuresPerIp(), since);
		return List.of(byUser, byIp)
			.stream()
			.flatMap(Optional::stream)
			.map((failure) -> Duration.between(now, failure.plus(this.properties.window())))
			.max(Duration::compareTo);
	}

	@Transactional
	void recordFailure(String username, String ip) {
		this.jdbc.sql("INSERT INTO login_failure (username, ip, attempted_at) VALUES (:username, :ip, :at)")
			.param("username", truncate(username))
			.param("ip", truncate(ip))
			.param("at", Timestamp.from(this.clock.instant()))
			.update();
	}

	@Transactional
	void recordSuccess(String username) {
		this.jdbc.sql("DELETE FROM login_failure WHERE lower(username) = lower(:username)")
			.param("username", truncate(username))
			.update();
		this.jdbc.sql("DELETE FROM login_failure WHERE attempted_at < :before")
			.param("before", Timestamp.from(this.clock.instant().minus(this.properties.window())))
			.update();
	}

	/**
	 * The time of the failure that, while inside the window, keeps the key at its limit:
	 * the limit-th latest one.
	 */
	private Optional<Instant> nthLatestFailure(String predicate, String key, int limit, Instant since) {
		return this.jdbc
			.sql("SELECT attempted_at FROM login_failure WHERE " + predicate
					+ " AND attempted_at > :since ORDER BY attempted_at DESC OFFSET :offset LIMIT 1")
			.param("key", truncate(key))
			.param("since", Timestamp.from(since))
			.param("offset", limit - 1)
			.query(Timestamp.class)
			.optional()
			.map(Timestamp::toInstant);
	}

	private static String truncate(String value) {
		String text = (value != null) ? value : "";
		return (text.length() > 64) ? text.substring(0, 64) : text;
	}

}
