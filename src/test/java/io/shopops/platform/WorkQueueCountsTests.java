package io.shopops.platform;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The home's work-queue counts: each queue counted once per TTL whoever asks, then
 * counted again; never cached with a zero TTL; never negative.
 */
class WorkQueueCountsTests {

	private final AtomicLong items = new AtomicLong(3);

	private final AtomicLong counted = new AtomicLong();

	private final WorkQueue queue = WorkQueue.of("queue.test", "/test", "inbox", () -> {
		this.counted.incrementAndGet();
		return this.items.get();
	});

	private Instant now = Instant.parse("2026-12-03T10:00:00Z");

	private final Clock clock = new Clock() {

		@Override
		public ZoneId getZone() {
			return ZoneId.of("UTC");
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return WorkQueueCountsTests.this.now;
		}

	};

	@Test
	void aCountIsKeptForItsTtlThenCountedAgain() {
		WorkQueueCounts counts = WorkQueueCounts.of(Duration.ofSeconds(10), this.clock);
		assertThat(counts.count(this.queue)).isEqualTo(3);
		this.items.set(5);
		this.now = this.now.plusSeconds(9);
		assertThat(counts.count(this.queue)).as("9 s later: the count of 9 s ago").isEqualTo(3);
		assertThat(this.counted).hasValue(1);
		this.now = this.now.plusSeconds(1);
		assertThat(counts.count(this.queue)).as("10 s later: counted again").isEqualTo(5);
		assertThat(this.counted).hasValue(2);
		WorkQueue other = WorkQueue.of("queue.other", "/other", "inbox", () -> 7);
		assertThat(counts.count(other)).as("each queue has its own count").isEqualTo(7);
	}

	@Test
	void aStaleCountIsServedWhileOneRecountRunsInTheBackground() {
		java.util.List<Runnable> background = new java.util.ArrayList<>();
		WorkQueueCounts counts = new WorkQueueCounts(Duration.ofSeconds(10), this.clock, background::add);
		assertThat(counts.count(this.queue)).as("the first count waits for the count").isEqualTo(3);
		assertThat(background).isEmpty();
		this.items.set(5);
		this.now = this.now.plusSeconds(10);
		assertThat(counts.count(this.queue)).as("stale: the last count, recounted in the background").isEqualTo(3);
		assertThat(counts.count(this.queue)).as("still the last count, no second recount").isEqualTo(3);
		assertThat(background).hasSize(1);
		assertThat(this.counted).as("nothing counted in the request").hasValue(1);
		background.remove(0).run();
		assertThat(counts.count(this.queue)).as("the recount's result").isEqualTo(5);
		assertThat(this.counted).hasValue(2);
		assertThat(background).isEmpty();
	}

	@Test
	void aFailedRecountKeepsTheLastCountAndIsTriedAgain() {
		java.util.List<Runnable> background = new java.util.ArrayList<>();
		WorkQueueCounts counts = new WorkQueueCounts(Duration.ofSeconds(10), this.clock, background::add);
		java.util.concurrent.atomic.AtomicBoolean failing = new java.util.concurrent.atomic.AtomicBoolean();
		WorkQueue flaky = WorkQueue.of("queue.flaky", "/flaky", "inbox", () -> {
			if (failing.get()) {
				throw new IllegalStateException("database gone");
			}
			return this.items.get();
		});
		assertThat(counts.count(flaky)).isEqualTo(3);
		failing.set(true);
		this.now = this.now.plusSeconds(10);
		assertThat(counts.count(flaky)).isEqualTo(3);
		background.remove(0).run();
		assertThat(counts.count(flaky)).as("the last count stays").isEqualTo(3);
		assertThat(background).as("and the next request tries again").hasSize(1);
	}

	@Test
	void aZeroTtlCountsEveryTimeAndNeverBelowZero() {
		WorkQueueCounts counts = WorkQueueCounts.of(Duration.ZERO, this.clock);
		counts.count(this.queue);
		counts.count(this.queue);
		assertThat(this.counted).hasValue(2);
		this.items.set(-1);
		assertThat(counts.count(this.queue)).isZero();
	}

}
