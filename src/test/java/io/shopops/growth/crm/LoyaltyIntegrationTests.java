package io.shopops.growth.crm;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;

import io.shopops.fulfilment.aftersales.api.RefundCompleted;
import io.shopops.fulfilment.order.Customer;
import io.shopops.fulfilment.order.OrderSnapshot;
import io.shopops.fulfilment.order.Orders;
import io.shopops.fulfilment.order.SalesChannels;
import io.shopops.fulfilment.order.SalesPlatform;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * Tiers recomputed from order and refund events with their history, and the points
 * ledger: earned on completion, reversed on refund, adjusted, redeemed and expired, its
 * balance always the ledger's sum, also under parallel changes.
 */
@SpringBootTest
class LoyaltyIntegrationTests {

	@Autowired
	Orders orders;

	@Autowired
	SalesChannels channels;

	@Autowired
	TierRules tiers;

	@Autowired
	PointsLedger points;

	@Autowired
	CustomerQuery query;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	PlatformTransactionManager transactions;

	@Test
	void tiersFollowTheRolling12MonthNetSpendAndKeepTheirHistory() {
		String prefix = CrmFixtures.unique("CRMTIER");
		String site = CrmFixtures.channel(this.channels, SalesPlatform.OWN_SITE);
		int position = ThreadLocalRandom.current().nextInt(2000, 1_000_000);
		String silver = prefix + "S";
		String gold = prefix + "G";
		this.tiers.save(new TierRules.Tier(silver, "银卡", position, new BigDecimal("200000"), null));
		this.tiers.save(new TierRules.Tier(gold, "金卡", position + 1, new BigDecimal("500000"), null));
		try {
			Customer buyer = new Customer("钱多多" + prefix, CrmFixtures.phone(), null, null);
			// more than 12 months ago: does not count
			long id = customerOf(place(CrmFixtures.completed(site, prefix + "-0", buyer, "900000.00", 400)).id());
			assertThat(this.query.profile(id).orElseThrow().tier()).isNull();
			place(CrmFixtures.completed(site, prefix + "-1", buyer, "300000.00", 60));
			awaitTier(id, silver);
			OrderSnapshot second = place(CrmFixtures.completed(site, prefix + "-2", buyer, "300000.00", 30));
			awaitTier(id, gold);
			publish(new RefundCompleted(-second.id(), second.id(), second.number(), site, new BigDecimal("200000.00"),
					"CNY", List.of(), Instant.now()));
			awaitTier(id, silver);
			assertThat(this.tiers.history(id)).extracting(TierRules.Change::toTier)
				.containsExactly(silver, gold, silver);
			assertThat(this.jdbc.sql("SELECT count(*) FROM audit_entry WHERE action = 'TIER_CHANGED' AND object_id = ?")
				.param(String.valueOf(id))
				.query(Long.class)
				.single()).isEqualTo(3);
		}
		finally {
			this.tiers.delete(silver);
			this.tiers.delete(gold);
			this.tiers.recomputeAll();
		}
	}

	@Test
	void pointsAreEarnedReversedAdjustedRedeemedAndExpiredAndTheBalanceIsTheLedgerSum() {
		String prefix = CrmFixtures.unique("CRMPTS");
		String site = CrmFixtures.channel(this.channels, SalesPlatform.OWN_SITE);
		OrderSnapshot order = place(CrmFixtures.completed(site, prefix + "-1",
				new Customer("孙积分" + prefix, CrmFixtures.phone(), null, null), "100.00", 3));
		long id = customerOf(order.id());
		BigDecimal rate = this.points.settings().pointsPerYuan();
		long earned = rate.multiply(new BigDecimal("100")).longValue();
		await().atMost(Duration.ofSeconds(20)).until(() -> this.points.balance(id) == earned);

		RefundCompleted refund = new RefundCompleted(-order.id(), order.id(), order.number(), site,
				new BigDecimal("40.00"), "CNY", List.of(), Instant.now());
		publish(refund);
		long afterRefund = earned - Math.round(earned * 0.4);
		await().atMost(Duration.ofSeconds(20)).until(() -> this.points.balance(id) == afterRefund);
		// re-delivered once the first delivery is done (Modulith tracks publications in
		// progress by event and listener, so two equal events in flight would share one)
		awaitSettled(order.number());
		publish(refund);
		awaitSettled(order.number());
		assertThat(this.points.balance(id)).isEqualTo(afterRefund);

		assertThatExceptionOfType(PointsLedger.PointsException.class)
			.isThrownBy(() -> this.points.adjust(id, 50, "  ", "manager"))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo("crm.points.reason.required"));
		assertThat(this.points.adjust(id, 50, "生日礼", "manager")).isEqualTo(afterRefund + 50);
		assertThatExceptionOfType(PointsLedger.PointsException.class)
			.isThrownBy(() -> this.points.redeem(id, afterRefund + 51, null, "operator"));
		assertThat(this.points.redeem(id, 30, "兑换赠品", "operator")).isEqualTo(afterRefund + 20);

		// the earned lot expires first (24 months after completion), then the adjustment
		int months = this.points.settings().expiryMonths();
		Instant earnedExpiry = order.times().completedAt().atOffset(ZoneOffset.UTC).plusMonths(months).toInstant();
		this.points.expire(earnedExpiry.plusSeconds(60));
		long afterFirstExpiry = this.points.balance(id);
		// the earned points not consumed by the reversal and the redemption expire
		assertThat(afterFirstExpiry).isEqualTo(afterRefund + 20 - Math.max(0, earned - (earned - afterRefund) - 30));
		this.points.expire(earnedExpiry.plusSeconds(60));
		assertThat(this.points.balance(id)).isEqualTo(afterFirstExpiry);
		this.points.expire(Instant.now().atOffset(ZoneOffset.UTC).plusMonths(months + 1).toInstant());
		assertThat(this.points.balance(id)).isZero();
		assertThat(this.points.entries(id)).extracting(PointsLedger.Entry::kind)
			.contains("EARN", "REVERSE", "ADJUST", "REDEEM", "EXPIRE");
		assertThat(this.points.mismatches()).doesNotContain(id);
	}

	@Test
	void parallelRedemptionsAndAdjustmentsNeverDriveTheBalanceNegativeOrOutOfSync() throws Exception {
		long id = this.jdbc.sql("INSERT INTO customer (name) VALUES (:name) RETURNING id")
			.param("name", CrmFixtures.unique("并发"))
			.query(Long.class)
			.single();
		this.points.adjust(id, 100, "opening balance", "manager");
		ExecutorService pool = Executors.newFixedThreadPool(8);
		CountDownLatch start = new CountDownLatch(1);
		List<Future<Long>> results = new ArrayList<>();
		for (int i = 0; i < 16; i++) {
			boolean redeem = i % 2 == 0;
			results.add(pool.submit(() -> {
				start.await();
				try {
					if (redeem) {
						this.points.redeem(id, 20, null, "operator");
						return 20L;
					}
					this.points.adjust(id, -15, "correction", "manager");
					return 15L;
				}
				catch (PointsLedger.PointsException ex) {
					return 0L;
				}
			}));
		}
		start.countDown();
		long taken = 0;
		for (Future<Long> result : results) {
			taken += result.get();
		}
		pool.shutdown();
		long balance = this.points.balance(id);
		assertThat(balance).isGreaterThanOrEqualTo(0).isEqualTo(100 - taken);
		assertThat(taken).isGreaterThan(70);
		long sum = this.jdbc.sql("SELECT coalesce(sum(points), 0) FROM points_entry WHERE customer_id = ?")
			.param(id)
			.query(Long.class)
			.single();
		assertThat(sum).isEqualTo(balance);
		assertThat(this.points.mismatches()).doesNotContain(id);
	}

	private void awaitTier(long id, String tier) {
		await().atMost(Duration.ofSeconds(20)).until(() -> tier.equals(this.query.profile(id).orElseThrow().tier()));
	}

	private OrderSnapshot place(io.shopops.fulfilment.order.OrderDraft draft) {
		return this.orders.place(draft).order();
	}

	private void publish(Object event) {
		new TransactionTemplate(this.transactions).executeWithoutResult((status) -> this.events.publishEvent(event));
	}

	private long customerOf(long orderId) {
		await().atMost(Duration.ofSeconds(20))
			.until(() -> this.jdbc
				.sql("SELECT count(*) FROM customer_order WHERE order_id = :id AND status = 'COMPLETED'")
				.param("id", orderId)
				.query(Long.class)
				.single() == 1);
		return this.jdbc.sql("SELECT customer_id FROM customer_order WHERE order_id = :id")
			.param("id", orderId)
			.query(Long.class)
			.single();
	}

	private void awaitSettled(String orderNumber) {
		await().atMost(Duration.ofSeconds(30))
			.until(() -> this.jdbc
				.sql("SELECT count(*) FROM event_publication WHERE completion_date IS NULL AND serialized_event LIKE ?")
				.param("%" + orderNumber + "%")
				.query(Long.class)
				.single() == 0);
	}

}
