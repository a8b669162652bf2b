package io.shopops.growth.traffic;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

/**
 * A token bucket per site key, in memory: each key may send
 * {@link TrafficProperties#requestsPerSecond()} requests per second on average and
 * {@link TrafficProperties#burst()} at once.
 */
@Component
class CollectRateLimiter {

	private final double perNano;

	private final double burst;

	private final Map<Long, Bucket> buckets = new ConcurrentHashMap<>();

	CollectRateLimiter(TrafficProperties properties) {
		this.perNano = properties.requestsPerSecond() / 1_000_000_000d;
		this.burst = properties.burst();
	}

	/** Takes one request of the site's allowance; {@code false} when it is used up. */
	boolean tryAcquire(long siteId) {
		return this.buckets.computeIfAbsent(siteId, (id) -> new Bucket(this.burst)).take(this.perNano, this.burst);
	}

	private static final class Bucket {

		private double tokens;

		private long last = System.nanoTime();

		Bucket(double tokens) {
			this.tokens = tokens;
		}

		synchronized boolean take(double perNano, double burst) {
			long now = System.nanoTime();
			this.tokens = Math.min(burst, this.tokens + (now - this.last) * perNano);
			this.last = now;
			if (this.tokens < 1) {
				return false;
			}
			this.tokens -= 1;
			return true;
		}

	}

}
