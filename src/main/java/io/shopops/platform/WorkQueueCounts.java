package io.shopops.platform;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Executor;

import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The counts of the work queues as the operator home and the KPI page's operations panel
 * show them: each queue is counted at most once per {@code shopops.home.count-ttl}
 * (default 10 seconds) per application instance, whoever asks, so that many users on the
 * home page cost the database a few counts every few seconds instead of every queue's
 * count on every request. When a count is older than that, the request that notices it
 * still gets it and a recount starts in the background (one per queue at a time), so no
 * request waits for a count except the very first of a queue: a count is at most the TTL
 * plus one recount old. {@code PT0S} counts on every call, in the caller's thread.
 */
@Component
public class WorkQueueCounts {

	private static final Logger log = LoggerFactory.getLogger(WorkQueueCounts.class);

	private final Duration ttl;

	private final Clock clock;

	private final Executor recounts;

	private final Map<WorkQueue, Counted> counted = new ConcurrentHashMap<>();

	private final Map<WorkQueue, Boolean> recounting = new ConcurrentHashMap<>();

	@Autowired
	WorkQueueCounts(@Value("${shopops.home.count-ttl:PT10S}") Duration ttl) {
		this(ttl, Clock.systemUTC(), Executors.newSingleThreadExecutor((task) -> {
			Thread thread = new Thread(task, "work-queue-counts");
			thread.setDaemon(true);
			return thread;
		}));
	}

	WorkQueueCounts(Duration ttl, Clock clock, Executor recounts) {
		this.ttl = ttl;
		this.clock = clock;
		this.recounts = recounts;
	}

	/**
	 * Counts kept for {@code ttl} by {@code clock} (for tests and other callers outside
	 * the application context); a stale count is counted again in the caller's thread.
	 * @param ttl how long a count is kept, zero for never
	 * @param clock the clock
	 * @return the counts
	 */
	public static WorkQueueCounts of(Duration ttl, Clock clock) {
		return new WorkQueueCounts(ttl, clock, Runnable::run);
	}

	/**
	 * How many items wait in the queue, counted at most {@link #ttl()} (plus one recount)
	 * ago.
	 * @param queue the queue
	 * @return the count, zero or more
	 */
	public long count(WorkQueue queue) {
		if (this.ttl.isZero() || this.ttl.isNegative()) {
			return Math.max(0, queue.count());
		}
		Instant now = this.clock.instant();
		Counted known = this.counted.get(queue);
		if (known == null) {
			return recount(queue, now);
		}
		if (!now.isBefore(known.at().plus(this.ttl)) && this.recounting.putIfAbsent(queue, Boolean.TRUE) == null) {
			try {
				this.recounts.execute(() -> {
					try {
						recount(queue, this.clock.instant());
					}
					catch (RuntimeException ex) {
						log.warn("Could not count the work queue {}; the last count stays", queue.labelKey(), ex);
					}
					finally {
						this.recounting.remove(queue);
					}
				});
			}
			catch (RejectedExecutionException ex) {
				this.recounting.remove(queue);
			}
			// the recount's result when it ran in this thread, the last count otherwise
			return this.counted.get(queue).count();
		}
		return known.count();
	}

	private long recount(WorkQueue queue, Instant at) {
		long count = Math.max(0, queue.count());
		this.counted.put(queue, new Counted(count, at));
		return count;
	}

	/**
	 * How old a count may be.
	 * @return the time a count is kept
	 */
	public Duration ttl() {
		return this.ttl;
	}

	@PreDestroy
	void stop() {
		if (this.recounts instanceof ExecutorService service) {
			service.shutdownNow();
		}
	}

	private record Counted(long count, Instant at) {
	}

}
