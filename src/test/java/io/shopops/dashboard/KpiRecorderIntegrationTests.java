package io.shopops.dashboard;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import io.shopops.dashboard.KpiReports.KpiReport;
import io.shopops.fulfilment.aftersales.api.RefundCompleted;
import io.shopops.fulfilment.order.OrderEvents.OrderCancelled;
import io.shopops.fulfilment.order.OrderEvents.OrderPaid;
import io.shopops.fulfilment.order.OrderEvents.OrderPlaced;
import io.shopops.fulfilment.order.OrderSnapshot;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The order and refund events reach the rollups through the event publication registry,
 * after their transactions commit: within seconds, once per order and refund however
 * often they arrive, on the local day of the payment and of the refund.
 */
@SpringBootTest
class KpiRecorderIntegrationTests {

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	KpiReports reports;

	@Autowired
	KpiRollups rollups;

	@Autowired
	KpiCatchUp catchUp;

	@Autowired
	@Qualifier("applicationTaskExecutor")
	ThreadPoolTaskExecutor listeners;

	/**
	 * The freshness budget is measured from a quiet start: earlier tests of the same
	 * context (demo seeders placing hundreds of orders) may still have listener calls
	 * queued, which would otherwise count against this test's 5 seconds.
	 */
	@BeforeEach
	void waitForQueuedListeners() {
		await().atMost(Duration.ofMinutes(2))
			.until(() -> this.listeners.getActiveCount() == 0
					&& this.listeners.getThreadPoolExecutor().getQueue().isEmpty());
	}

	@Test
	void aPaidOrderAndItsLateRefundLandOnTheirOwnDaysOnce() {
		ZoneId zone = this.rollups.zone();
		String channel = KpiFixtures.channel();
		LocalDate day = LocalDate.of(2035, 3, 9);
		// 23:59:59.5 local time: the last moment of the day
		Instant paidAt = day.plusDays(1).atStartOfDay(zone).toInstant().minusMillis(500);
		OrderSnapshot order = KpiFixtures.order(KpiFixtures.nextId(), channel,
				KpiFixtures.phone("+86 139 " + KpiFixtures.nextId() % 100_000_000L), paidAt, "199.90");
		publish(new OrderPlaced(order, paidAt.minusSeconds(60)), new OrderPaid(order, paidAt));

		KpiRange range = new KpiRange(day, day.plusDays(3));
		await().atMost(Duration.ofSeconds(5))
			.untilAsserted(() -> assertThat(this.reports.totals(range, channel).paidOrders()).isEqualTo(1));

		// redelivered, and then cancelled after payment: still one paid order on its day
		publish(new OrderPaid(order, paidAt), new OrderCancelled(order, paidAt.plusSeconds(3600), "buyer"));
		RefundCompleted refund = KpiFixtures.refund(KpiFixtures.nextId(), order, "199.90",
				day.plusDays(3).atStartOfDay(zone).toInstant());
		publish(refund, refund);
		await().atMost(Duration.ofSeconds(5))
			.untilAsserted(() -> assertThat(this.reports.report(range, channel).days().get(3).refundAmount())
				.isEqualByComparingTo("199.90"));

		KpiReport report = this.reports.report(range, channel);
		assertThat(report.days()).extracting(KpiRow::paidOrders).containsExactly(1L, 0L, 0L, 0L);
		assertThat(report.days()).extracting((row) -> row.gmv().toPlainString())
			.containsExactly("199.90", "0.00", "0.00", "0.00");
		assertThat(report.days()).extracting((row) -> row.refundAmount().toPlainString())
			.containsExactly("0.00", "0.00", "0.00", "199.90");
		assertThat(report.totals().refundRate()).isEqualByComparingTo("1.0000");
		assertThat(report.totals().newBuyers()).isEqualTo(1);
	}

	@Test
	void theCatchUpFindsTheRollupsRight() {
		assertThat(this.catchUp.catchUp()).isIn("checked", "rebuilt");
		assertThat(this.catchUp.catchUp()).isEqualTo("checked");
	}

	private void publish(Object... payloads) {
		new TransactionTemplate(this.transactions).executeWithoutResult((status) -> {
			for (Object payload : payloads) {
				this.events.publishEvent(payload);
			}
		});
	}

}
