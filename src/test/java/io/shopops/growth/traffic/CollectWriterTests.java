package io.shopops.growth.traffic;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.ToIntFunction;

import io.shopops.growth.traffic.CollectWriter.CollectFailedException;
import io.shopops.growth.traffic.TrafficEvents.Rows;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.dao.DataAccessResourceFailureException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * The group commit of {@link CollectWriter}, with a store that records the groups it is
 * given and can be held or made to fail: a request returns only after the commit holding
 * its rows, requests waiting meanwhile share one commit, a failed commit fails every
 * request of its group (and the writer goes on), stopping drains the queue.
 */
class CollectWriterTests {

	private final ExecutorService requests = Executors.newFixedThreadPool(24);

	/** The sizes (in requests) of the groups stored, in order. */
	private final List<Integer> groups = Collections.synchronizedList(new ArrayList<>());

	private final AtomicInteger rowsStored = new AtomicInteger();

	private CollectWriter writer;

	@AfterEach
	void stop() {
		if (this.writer != null) {
			this.writer.stop();
		}
		this.requests.shutdownNow();
	}

	@Test
	void aRequestIsAnsweredOnlyAfterTheCommitHoldingItsRows() throws Exception {
		CountDownLatch commit = new CountDownLatch(1);
		start((group) -> {
			hold(commit);
			return record(group);
		});

		Future<Integer> answer = this.requests.submit(() -> this.writer.store(rows(3)));

		Thread.sleep(300);
		assertThat(answer).as("no answer before the commit").isNotDone();
		assertThat(this.rowsStored).hasValue(0);
		commit.countDown();
		assertThat(answer.get(5, TimeUnit.SECONDS)).isEqualTo(3);
		assertThat(this.rowsStored).hasValue(3);
	}

	@Test
	void requestsArrivingDuringACommitShareTheNextOne() throws Exception {
		CountDownLatch firstCommit = new CountDownLatch(1);
		AtomicInteger calls = new AtomicInteger();
		start((group) -> {
			if (calls.getAndIncrement() == 0) {
				hold(firstCommit);
			}
			return record(group);
		});
		Future<Integer> first = this.requests.submit(() -> this.writer.store(rows(1)));
		await().until(() -> calls.get() == 1);
		List<Future<Integer>> waiting = new ArrayList<>();
		for (int i = 0; i < 20; i++) {
			waiting.add(this.requests.submit(() -> this.writer.store(rows(2))));
		}
		await().until(() -> this.writer.queued() == 20);

		firstCommit.countDown();

		assertThat(first.get(5, TimeUnit.SECONDS)).isOne();
		for (Future<Integer> answer : waiting) {
			assertThat(answer.get(5, TimeUnit.SECONDS)).isEqualTo(2);
		}
		assertThat(this.groups).containsExactly(1, 20);
		assertThat(this.writer.statistics()).isEqualTo(new CollectWriter.Statistics(2, 21, 41));
	}

	@Test
	void aFailedCommitFailsEveryRequestOfItsGroupAndTheNextCommitsGoOn() throws Exception {
		CountDownLatch firstCommit = new CountDownLatch(1);
		AtomicInteger calls = new AtomicInteger();
		start((group) -> {
			int call = calls.getAndIncrement();
			if (call == 0) {
				hold(firstCommit);
				return record(group);
			}
			if (call == 1) {
				throw new DataAccessResourceFailureException("the database went away");
			}
			return record(group);
		});
		Future<Integer> first = this.requests.submit(() -> this.writer.store(rows(1)));
		await().until(() -> calls.get() == 1);
		List<Future<Integer>> failing = new ArrayList<>();
		for (int i = 0; i < 10; i++) {
			failing.add(this.requests.submit(() -> this.writer.store(rows(5))));
		}
		await().until(() -> this.writer.queued() == 10);

		firstCommit.countDown();

		assertThat(first.get(5, TimeUnit.SECONDS)).isOne();
		for (Future<Integer> answer : failing) {
			assertThatExceptionOfType(java.util.concurrent.ExecutionException.class)
				.isThrownBy(() -> answer.get(5, TimeUnit.SECONDS))
				.withCauseInstanceOf(CollectFailedException.class)
				.withRootCauseInstanceOf(DataAccessResourceFailureException.class);
		}
		assertThat(this.rowsStored).as("nothing of the failed group").hasValue(1);
		assertThat(this.writer.store(rows(4))).as("the writer goes on").isEqualTo(4);
		assertThat(this.rowsStored).hasValue(5);
		assertThat(this.writer.statistics()).isEqualTo(new CollectWriter.Statistics(2, 2, 5));
	}

	@Test
	void stoppingStoresEveryQueuedRequestFirstAndALateOneOnItsOwnThread() throws Exception {
		start((group) -> {
			sleep(20);
			return record(group);
		});
		List<Future<Integer>> answers = new ArrayList<>();
		for (int i = 0; i < 200; i++) {
			answers.add(this.requests.submit(() -> this.writer.store(rows(1))));
		}
		await().until(() -> this.rowsStored.get() > 0);

		this.writer.stop();

		assertThat(this.writer.isRunning()).isFalse();
		assertThat(this.writer.queued()).as("every request that had entered the queue is stored").isZero();
		for (Future<Integer> answer : answers) {
			assertThat(answer.get(10, TimeUnit.SECONDS)).isOne();
		}
		assertThat(this.rowsStored).hasValue(200);
		assertThat(this.writer.store(rows(2))).as("after stopping, stored on the caller's thread").isEqualTo(2);
		assertThat(this.rowsStored).hasValue(202);
	}

	@Test
	void aGroupHoldsAtMostMaxRows() throws Exception {
		CountDownLatch firstCommit = new CountDownLatch(1);
		AtomicInteger calls = new AtomicInteger();
		List<Integer> rowsPerCommit = Collections.synchronizedList(new ArrayList<>());
		start((group) -> {
			if (calls.getAndIncrement() == 0) {
				hold(firstCommit);
			}
			int rows = group.stream().mapToInt(Rows::size).sum();
			rowsPerCommit.add(rows);
			return record(group);
		});
		this.requests.submit(() -> this.writer.store(rows(1)));
		await().until(() -> calls.get() == 1);
		List<Future<Integer>> big = new ArrayList<>();
		for (int i = 0; i < 20; i++) {
			big.add(this.requests.submit(() -> this.writer.store(rows(500))));
		}
		await().until(() -> this.writer.queued() == 20);

		firstCommit.countDown();

		for (Future<Integer> answer : big) {
			assertThat(answer.get(5, TimeUnit.SECONDS)).isEqualTo(500);
		}
		assertThat(rowsPerCommit).allSatisfy((rows) -> assertThat(rows).isLessThanOrEqualTo(CollectWriter.MAX_ROWS));
		assertThat(rowsPerCommit.stream().mapToInt(Integer::intValue).sum()).isEqualTo(10_001);
		assertThat(rowsPerCommit).hasSize(3);
	}

	@Test
	void aRequestWithoutValidEventsWaitsForNoCommit() {
		start(this::record);
		assertThat(this.writer.store(rows(0))).isZero();
		assertThat(this.groups).isEmpty();
	}

	@Test
	void severalWritersCommitGroupsAtTheSameTime() throws Exception {
		CountDownLatch commits = new CountDownLatch(1);
		AtomicInteger inside = new AtomicInteger();
		AtomicInteger most = new AtomicInteger();
		this.writer = new CollectWriter((group) -> {
			most.accumulateAndGet(inside.incrementAndGet(), Math::max);
			hold(commits);
			inside.decrementAndGet();
			return record(group);
		}, 3);
		this.writer.start();

		List<Future<Integer>> answers = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			answers.add(this.requests.submit(() -> this.writer.store(rows(1))));
			await().until(() -> inside.get() == answers.size());
		}
		commits.countDown();

		for (Future<Integer> answer : answers) {
			assertThat(answer.get(5, TimeUnit.SECONDS)).isOne();
		}
		assertThat(most).as("three commits in flight at once").hasValue(3);
		assertThat(this.rowsStored).hasValue(3);
	}

	private void start(ToIntFunction<List<Rows>> store) {
		this.writer = new CollectWriter(store, 1);
		this.writer.start();
	}

	private int record(List<Rows> group) {
		int rows = group.stream().mapToInt(Rows::size).sum();
		this.groups.add(group.size());
		this.rowsStored.addAndGet(rows);
		return rows;
	}

	private static Rows rows(int n) {
		List<CollectedEvent> events = new ArrayList<>();
		String[] sources = new String[n];
		for (int i = 0; i < n; i++) {
			events.add(new CollectedEvent("page_view", "v" + i, null, null, null, null, null, null, null, null, null,
					Instant.now()));
			sources[i] = TrafficSource.DIRECT.name();
		}
		return new Rows(1, events, sources);
	}

	private static void hold(CountDownLatch latch) {
		try {
			latch.await(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
