package io.shopops.platform;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The counts of the work queues as the operator home and the KPI page's operations panel
 * show them: each queue is counted at most once per {@code shopops.home.count-ttl}
 * (default 10 seconds) per application instance, whoever asks, so that many users on the
 * home page cost the database a few counts every few seconds instead of every queue's
 * count on every request. A count is therefore at most that old; {@code PT0S} counts on
 * every call.
 */
@Component
public class WorkQueueCounts {

	private final Duration ttl;

	private final Clock clock;

	private final Map<WorkQueue, Counted> counted = new ConcurrentHashMap<>();

	@Autowired
	WorkQueueCounts(@Value("${shopops.home.count-ttl:PT10S}") Duration ttl) {
		this(ttl, Clock.systemUTC());
	}

	WorkQueueCounts(Duration ttl, Clock clock) {
		this.ttl = ttl;
		this.clock = clock;
	}

	/**
	 * Counts kept for {@code ttl} by {@code clock} (for tests and other callers outside
	 * the application context).
	 * @param ttl how long a count is kept, zero for never
	 * @param clock the clock
	 * @return the counts
	 */
	public static WorkQueueCounts of(Duration ttl, Clock clock) {
		return new WorkQueueCounts(ttl, clock);
	}

	/**
	 * How many items wait in the queue, counted at most {@link #ttl()} ago.
	 * @param queue the queue
	 * @return the count, zero or more
	 */
	public long count(WorkQueue queue) {
		if (this.ttl.isZero() || this.ttl.isNegative()) {
			return Math.max(0, queue.count());
		}
		Instant now = this.clock.instant();
		Counted known = this.counted.get(queue);
		if (known != null && now.isBefore(known.at().plus(this.ttl))) {
			return known.count();
		}
		long count = Math.max(0, queue.count());
		this.counted.put(queue, new Counted(count, now));
		return count;
	}

	/**
	 * How old a count may be.
	 * @return the time a count is kept
	 */
	public Duration ttl() {
		return this.ttl;
	}

	private record Counted(long count, Instant at) {
	}

}
