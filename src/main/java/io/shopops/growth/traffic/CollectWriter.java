package io.shopops.growth.traffic;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.ToIntFunction;

import io.shopops.growth.traffic.TrafficEvents.Rows;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Group commit for the collection endpoint. A request hands its rows over and waits; a
 * writer thread (one of a few, so that commits overlap) takes every request waiting at
 * that moment (up to {@link #MAX_ROWS} rows), stores their rows in one statement, so in
 * one commit, and only then tells each request its outcome. A request is therefore
 * answered {@code 202} only once its events are committed, however many other requests
 * shared the commit; when the statement fails, every request of that group is told so
 * (and answered {@code 503}), nothing of it is stored, and the failure is logged.
 * <p>
 * It starts before and stops after the web server ({@link #PHASE}): stopping refuses no
 * request but takes no new ones into the queue (a late one is stored on its own thread),
 * and drains the queue before the database goes away.
 */
@Component
class CollectWriter implements SmartLifecycle {

	/** Stops after the web server (a lower phase stops later). */
	static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 4096;

	/** The most rows of one statement. */
	static final int MAX_ROWS = 5_000;

	/**
	 * The application's writer threads: while one waits for its commit to be flushed, the
	 * next group is written by another, so commits overlap.
	 */
	static final int WRITERS = 3;

	/** How long a request waits for its commit before it is answered {@code 503}. */
	static final Duration WAIT = Duration.ofSeconds(10);

	private static final Logger log = LoggerFactory.getLogger(CollectWriter.class);

	private final ToIntFunction<List<Rows>> store;

	private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();

	/** Read: a request entering the queue; write: stopping. */
	private final ReadWriteLock gate = new ReentrantReadWriteLock();

	private final AtomicLong commits = new AtomicLong();

	private final AtomicLong requests = new AtomicLong();

	private final AtomicLong rows = new AtomicLong();

	private volatile boolean running;

	private final List<Thread> threads = new ArrayList<>();

	private final int writers;

	@Autowired
	CollectWriter(TrafficEvents events) {
		this(events::storeAll, WRITERS);
	}

	/**
	 * @param store stores the rows of several requests in one commit and returns how many
	 * were stored, or throws
	 * @param writers how many threads write groups
	 */
	CollectWriter(ToIntFunction<List<Rows>> store, int writers) {
		this.store = store;
		this.writers = writers;
	}

	/**
	 * Stores one request's rows in the next group commit and waits for it.
	 * @return how many rows were stored (committed)
	 * @throws CollectFailedException when the commit failed or did not happen within
	 * {@link #WAIT}
	 */
	int store(Rows rows) {
		if (rows.size() == 0) {
			return 0;
		}
		Pending pending = new Pending(rows, new CompletableFuture<>());
		boolean queued;
		this.gate.readLock().lock();
		try {
			queued = this.running && this.queue.offer(pending);
		}
		finally {
			this.gate.readLock().unlock();
		}
		if (!queued) {
			write(List.of(pending));
		}
		try {
			return pending.done().get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (ExecutionException ex) {
			throw new CollectFailedException(ex.getCause());
		}
		catch (TimeoutException ex) {
			throw new CollectFailedException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new CollectFailedException(ex);
		}
	}

	@Override
	public void start() {
		this.gate.writeLock().lock();
		try {
			if (this.running) {
				return;
			}
			this.running = true;
			for (int i = 1; i <= this.writers; i++) {
				Thread writer = new Thread(this::run, "collect-writer-" + i);
				writer.setDaemon(true);
				writer.start();
				this.threads.add(writer);
			}
		}
		finally {
			this.gate.writeLock().unlock();
		}
	}

	/** Takes no more requests into the queue, stores those in it and waits for that. */
	@Override
	public void stop() {
		List<Thread> writers;
		this.gate.writeLock().lock();
		try {
			this.running = false;
			writers = new ArrayList<>(this.threads);
			this.threads.clear();
		}
		finally {
			this.gate.writeLock().unlock();
		}
		for (Thread writer : writers) {
			try {
				writer.join(WAIT.toMillis() * 3);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		// whatever the writer left (it never should), stored here
		List<Pending> left = new ArrayList<>();
		this.queue.drainTo(left);
		if (!left.isEmpty()) {
			write(left);
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	@Override
	public int getPhase() {
		return PHASE;
	}

	/** The requests waiting in the queue. */
	int queued() {
		return this.queue.size();
	}

	/** The commits, requests and rows stored so far. */
	Statistics statistics() {
		return new Statistics(this.commits.get(), this.requests.get(), this.rows.get());
	}

	private void run() {
		Pending carried = null;
		while (true) {
			Pending first = carried;
			carried = null;
			if (first == null) {
				try {
					first = this.queue.poll(100, TimeUnit.MILLISECONDS);
				}
				catch (InterruptedException ex) {
					// stop() decides when to end; go on draining
				}
			}
			if (first == null) {
				if (!this.running && this.queue.isEmpty()) {
					return;
				}
				continue;
			}
			List<Pending> group = new ArrayList<>();
			group.add(first);
			int size = first.rows().size();
			Pending next;
			while (size < MAX_ROWS && (next = this.queue.poll()) != null) {
				if (size + next.rows().size() > MAX_ROWS) {
					carried = next;
					break;
				}
				group.add(next);
				size += next.rows().size();
			}
			write(group);
		}
	}

	/** One statement, one commit, then the outcome for each request of the group. */
	private void write(List<Pending> group) {
		List<Rows> all = new ArrayList<>(group.size());
		for (Pending pending : group) {
			all.add(pending.rows());
		}
		int stored;
		try {
			stored = this.store.applyAsInt(all);
		}
		catch (Throwable ex) {
			log.error("Could not store the events of {} collect requests; each is answered 503", group.size(), ex);
			for (Pending pending : group) {
				pending.done().completeExceptionally(ex);
			}
			return;
		}
		this.commits.incrementAndGet();
		this.requests.addAndGet(group.size());
		this.rows.addAndGet(stored);
		for (Pending pending : group) {
			pending.done().complete(pending.rows().size());
		}
	}

	private record Pending(Rows rows, CompletableFuture<Integer> done) {
	}

	/**
	 * What the writer did so far.
	 *
	 * @param commits the statements committed
	 * @param requests the requests whose rows they stored
	 * @param rows the rows stored
	 */
	record Statistics(long commits, long requests, long rows) {
	}

	/**
	 * The events of a request could not be committed (the statement failed, or the commit
	 * took longer than {@link CollectWriter#WAIT}); none of them is known to be stored.
	 */
	static class CollectFailedException extends RuntimeException {

		CollectFailedException(Throwable cause) {
			super("The collected events could not be stored", cause);
		}

	}

}
