package io.shopops.dashboard;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.shopops.fulfilment.order.OrderSnapshot;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The listeners run in parallel (an order's placed and paid events arrive at the same
 * time): the same order recorded by many threads at once counts once, and one buyer's
 * orders recorded at once keep the right first order.
 */
@SpringBootTest
class KpiRollupsConcurrencyTests {

	@Autowired
	KpiRollups rollups;

	@Autowired
	KpiReports reports;

	@Autowired
	KpiVerification verification;

	@Test
	void parallelDeliveriesCountEachOrderOnce() throws Exception {
		ZoneId zone = this.rollups.zone();
		String channel = KpiFixtures.channel();
		LocalDate day = LocalDate.of(2036, 7, 1 + (int) (KpiFixtures.nextId() % 25));
		Instant noon = day.atTime(12, 0).atZone(zone).toInstant();
		List<OrderSnapshot> orders = new ArrayList<>();
		for (int i = 0; i < 6; i++) {
			// one buyer, one order on the day before: the buyer is not new on the day
			orders.add(KpiFixtures.order(KpiFixtures.nextId(), channel, KpiFixtures.buyerId("para-" + channel),
					(i == 0) ? noon.minusSeconds(86_400) : noon.plusSeconds(i), "10.00"));
		}
		ExecutorService pool = Executors.newFixedThreadPool(8);
		try {
			CountDownLatch start = new CountDownLatch(1);
			List<Future<Boolean>> results = new ArrayList<>();
			for (int copy = 0; copy < 4; copy++) {
				for (OrderSnapshot order : orders) {
					results.add(pool.submit(() -> {
						start.await();
						return this.rollups.recordOrder(order);
					}));
				}
			}
			start.countDown();
			long changed = 0;
			for (Future<Boolean> result : results) {
				if (result.get(30, TimeUnit.SECONDS)) {
					changed++;
				}
			}
			assertThat(changed).isEqualTo(orders.size());
		}
		finally {
			pool.shutdownNow();
		}
		KpiRow today = this.reports.totals(new KpiRange(day, day), channel);
		assertThat(today.paidOrders()).isEqualTo(5);
		assertThat(today.gmv()).hasToString("50.00");
		assertThat(today.payingBuyers()).isEqualTo(1);
		assertThat(today.newBuyers()).isZero();
		assertThat(today.returningBuyers()).isEqualTo(1);
		KpiRow both = this.reports.totals(new KpiRange(day.minusDays(1), day), channel);
		assertThat(both.paidOrders()).isEqualTo(6);
		assertThat(both.newBuyers()).isEqualTo(1);
		assertThat(this.verification.verify(new KpiRange(day.minusDays(1), day)).differences()).isEmpty();
	}

}
