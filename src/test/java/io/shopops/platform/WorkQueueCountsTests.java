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
	void aZeroTtlCountsEveryTimeAndNeverBelowZero() {
		WorkQueueCounts counts = WorkQueueCounts.of(Duration.ZERO, this.clock);
		counts.count(this.queue);
		counts.count(this.queue);
		assertThat(this.counted).hasValue(2);
		this.items.set(-1);
		assertThat(counts.count(this.queue)).isZero();
	}

}
