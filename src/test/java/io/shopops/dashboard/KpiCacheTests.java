package io.shopops.dashboard;

import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The KPI cache against the notes the database triggers write: a range is computed once,
 * again after any write to one of its days' rollups or facts (and after a compaction),
 * and not after writes to other days. The days are in 2031, where no other test writes.
 */
@SpringBootTest
class KpiCacheTests {

	@Autowired
	KpiCache cache;

	@Autowired
	JdbcClient jdbc;

	private final AtomicInteger computed = new AtomicInteger();

	@Test
	void aRangeIsComputedAgainOnlyWhenOneOfItsDaysChanges() {
		LocalDate from = LocalDate.of(2031, 3, 1);
		LocalDate to = LocalDate.of(2031, 3, 31);
		assertThat(get(from, to)).isEqualTo(1);
		assertThat(get(from, to)).isEqualTo(1);

		write(LocalDate.of(2031, 4, 1));
		write(LocalDate.of(2031, 2, 28));
		assertThat(get(from, to)).as("other days changed").isEqualTo(1);

		write(LocalDate.of(2031, 3, 15));
		assertThat(get(from, to)).as("a day of the range changed").isEqualTo(2);
		assertThat(get(from, to)).isEqualTo(2);

		this.jdbc.sql("""
				INSERT INTO kpi_buyer_first (buyer_key, first_paid_at, first_order_id, first_day)
				VALUES ('cache-test-buyer', timestamptz '2031-03-20 10:00+08', 1, DATE '2031-03-20')""").update();
		assertThat(get(from, to)).as("a buyer's first order changed").isEqualTo(3);

		write(LocalDate.of(2031, 3, 15));
		assertThat(this.cache.compact()).isPositive();
		assertThat(get(from, to)).as("compacted notes read as a change").isEqualTo(4);
		assertThat(this.cache.compact()).isZero();
		assertThat(get(from, to)).isEqualTo(4);
		assertThat(get(from, to.minusDays(1))).as("another range is another entry").isEqualTo(5);
	}

	private int get(LocalDate from, LocalDate to) {
		return this.cache.get("test", from, to, "CACHE", this.computed::incrementAndGet);
	}

	private void write(LocalDate day) {
		this.jdbc.sql("""
				INSERT INTO kpi_day (day, channel_code, paid_orders, gmv) VALUES (:day, 'CACHE', 1, 10)
				ON CONFLICT (day, channel_code) DO UPDATE SET paid_orders = kpi_day.paid_orders + 1""")
			.param("day", day)
			.update();
	}

}
