package io.shopops.dashboard;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import io.shopops.dashboard.KpiReports.KpiReport;
import io.shopops.fulfilment.aftersales.api.RefundCompleted;
import io.shopops.fulfilment.order.Customer;
import io.shopops.fulfilment.order.OrderSnapshot;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Property: whatever the history (orders paid, never paid, paid then cancelled or closed,
 * back-dated corrections, refunds days later, events redelivered and out of order, all
 * around local midnight), the rollups give the same figures as a straightforward
 * recomputation of the final truth, for every day and any range, and so does the
 * verification's recomputation from the facts.
 */
@SpringBootTest
class KpiRollupsPropertyTests {

	@Autowired
	KpiRollups rollups;

	@Autowired
	KpiReports reports;

	@Autowired
	KpiVerification verification;

	@Autowired
	JdbcClient jdbc;

	static List<Long> seeds() {
		List<Long> seeds = new ArrayList<>(List.of(1L, 2L, 3L, 42L, 20261202L));
		Random random = new Random();
		for (int i = 0; i < 5; i++) {
			seeds.add(random.nextLong());
		}
		return seeds;
	}

	@ParameterizedTest(name = "seed {0}")
	@MethodSource("seeds")
	void rollupsEqualARecomputationOfTheHistory(long seed) {
		Random random = new Random(seed);
		ZoneId zone = this.rollups.zone();
		String channel = KpiFixtures.channel();
		// not from the seed: the buyers' phones and e-mails must be new to the database
		String run = String.valueOf(1_000_000 + new Random().nextInt(9_000_000));
		// a year far from other tests' data, around the local midnights of five days
		LocalDate firstDay = LocalDate.of(2040 + random.nextInt(30), 1 + random.nextInt(12), 1 + random.nextInt(20));
		int spanDays = 5;

		// buyers: who they are (the test's own identity), and the ways their orders name
		// them
		int buyerCount = 3 + random.nextInt(8);
		List<List<Customer>> buyers = new ArrayList<>();
		for (int b = 0; b < buyerCount; b++) {
			String tag = run + String.format("%02d", b);
			buyers.add(switch (b % 4) {
				case 0 -> List.of(KpiFixtures.buyerId("nick-" + tag), KpiFixtures.buyerId(" nick-" + tag + " "));
				case 1 -> List.of(KpiFixtures.phone("13" + tag), KpiFixtures.phone("+86 13" + tag),
						KpiFixtures.phone("13" + tag.substring(0, 3) + "-" + tag.substring(3)));
				case 2 ->
					List.of(KpiFixtures.email("b" + tag + "@kpi.test"), KpiFixtures.email("B" + tag + "@KPI.test"));
				default -> List.of(KpiFixtures.nobody());
			});
		}

		Map<Long, OrderSnapshot> finalOrders = new LinkedHashMap<>();
		Map<Long, Integer> buyerOf = new HashMap<>();
		List<Object> events = new ArrayList<>();
		List<Object> corrections = new ArrayList<>();
		List<RefundCompleted> refunds = new ArrayList<>();
		int orderCount = 10 + random.nextInt(40);
		for (int i = 0; i < orderCount; i++) {
			long id = KpiFixtures.nextId();
			int buyer = random.nextInt(buyerCount);
			List<Customer> names = buyers.get(buyer);
			Customer customer = names.get(random.nextInt(names.size()));
			String amount = amount(random);
			if (random.nextInt(6) == 0) {
				// placed, never paid (then perhaps cancelled): counts nowhere
				OrderSnapshot unpaid = KpiFixtures.order(id, channel, customer, null, amount);
				events.add(unpaid);
				events.add(unpaid);
				continue;
			}
			Instant paidAt = aroundMidnight(random, firstDay, spanDays, zone);
			OrderSnapshot paid = KpiFixtures.order(id, channel, customer, paidAt, amount);
			events.add(KpiFixtures.order(id, channel, customer, null, amount));
			events.add(paid);
			if (random.nextBoolean()) {
				events.add(paid); // redelivered, or the cancelled / closed event of the
									// same order
			}
			OrderSnapshot truth = paid;
			if (random.nextInt(8) == 0) {
				// a back-dated correction: the payment time (and perhaps the amount)
				// changed
				truth = KpiFixtures.order(id, channel, names.get(0), aroundMidnight(random, firstDay, spanDays, zone),
						random.nextBoolean() ? amount : amount(random));
				corrections.add(truth);
			}
			finalOrders.put(id, truth);
			buyerOf.put(id, (buyer % 4 == 3) ? -1 : buyer);
			if (random.nextInt(3) == 0) {
				BigDecimal refunded = truth.paidAmount()
					.multiply(BigDecimal.valueOf(random.nextInt(101)))
					.divide(BigDecimal.valueOf(100), 2, java.math.RoundingMode.DOWN);
				Instant at = truth.times().paidAt().plusSeconds(random.nextInt(4 * 24 * 3600));
				refunds.add(KpiFixtures.refund(KpiFixtures.nextId(), truth, refunded.toPlainString(), at));
			}
		}
		List<Object> all = new ArrayList<>(events);
		all.addAll(refunds);
		for (RefundCompleted refund : refunds) {
			if (random.nextBoolean()) {
				all.add(refund); // redelivered
			}
		}
		Collections.shuffle(all, random);
		all.addAll(corrections);
		for (Object event : all) {
			if (event instanceof OrderSnapshot order) {
				this.rollups.recordOrder(order);
			}
			else {
				this.rollups.recordRefund((RefundCompleted) event);
			}
		}

		LocalDate lastDay = firstDay.plusDays(spanDays + 5);
		KpiRange whole = new KpiRange(firstDay.minusDays(1), lastDay);
		KpiReport report = this.reports.report(whole, channel);
		assertThat(report.days()).hasSize((int) whole.days());
		for (KpiRow day : report.days()) {
			assertThat(day).as("%s (seed %d)", day.date(), seed)
				.isEqualTo(expected(day.date(), day.date(), day.date(), finalOrders, buyerOf, refunds, zone));
		}
		assertThat(report.totals()).as("totals (seed %d)", seed)
			.isEqualTo(expected(null, whole.from(), whole.to(), finalOrders, buyerOf, refunds, zone));
		for (int i = 0; i < 5; i++) {
			LocalDate from = whole.from().plusDays(random.nextInt((int) whole.days()));
			LocalDate to = from.plusDays(random.nextInt(4));
			assertThat(this.reports.totals(new KpiRange(from, to), channel)).as("%s..%s (seed %d)", from, to, seed)
				.isEqualTo(expected(null, from, to, finalOrders, buyerOf, refunds, zone));
		}
		KpiVerification.Result verified = this.verification.verify(whole);
		assertThat(verified.differences()).as("seed %d", seed).isEmpty();
	}

	/**
	 * The KPIs of a period as the definitions say, from the final truth of each order and
	 * the test's own knowledge of who each buyer is.
	 */
	private static KpiRow expected(LocalDate date, LocalDate from, LocalDate to, Map<Long, OrderSnapshot> orders,
			Map<Long, Integer> buyerOf, List<RefundCompleted> refunds, ZoneId zone) {
		Map<Object, Integer> ordersPerBuyer = new HashMap<>();
		Map<Object, LocalDate> firstDay = new HashMap<>();
		Map<Object, Instant> firstAt = new HashMap<>();
		long paidOrders = 0;
		BigDecimal gmv = BigDecimal.ZERO;
		for (OrderSnapshot order : orders.values()) {
			Object buyer = (buyerOf.get(order.id()) >= 0) ? buyerOf.get(order.id()) : "order " + order.id();
			Instant paidAt = order.times().paidAt();
			if (!firstAt.containsKey(buyer) || paidAt.isBefore(firstAt.get(buyer))) {
				firstAt.put(buyer, paidAt);
				firstDay.put(buyer, LocalDate.ofInstant(paidAt, zone));
			}
			LocalDate day = LocalDate.ofInstant(paidAt, zone);
			if (!day.isBefore(from) && !day.isAfter(to)) {
				paidOrders++;
				gmv = gmv.add(order.paidAmount());
				ordersPerBuyer.merge(buyer, 1, Integer::sum);
			}
		}
		BigDecimal refunded = BigDecimal.ZERO;
		Set<Long> counted = new HashSet<>();
		for (RefundCompleted refund : refunds) {
			LocalDate day = LocalDate.ofInstant(refund.at(), zone);
			if (counted.add(refund.requestId()) && !day.isBefore(from) && !day.isAfter(to)) {
				refunded = refunded.add(refund.amount());
			}
		}
		long repeat = ordersPerBuyer.values().stream().filter((n) -> n >= 2).count();
		long newBuyers = ordersPerBuyer.keySet()
			.stream()
			.filter((buyer) -> !firstDay.get(buyer).isBefore(from) && !firstDay.get(buyer).isAfter(to))
			.count();
		return KpiRow.of(date, new KpiCounts(paidOrders, gmv, refunded, ordersPerBuyer.size(), repeat, newBuyers), null,
				null);
	}

	private static String amount(Random random) {
		return BigDecimal.valueOf(random.nextInt(100_000) + 1, 2).toPlainString();
	}

	private static Instant aroundMidnight(Random random, LocalDate firstDay, int spanDays, ZoneId zone) {
		LocalDateTime midnight = firstDay.plusDays(random.nextInt(spanDays)).atStartOfDay();
		// within three minutes of local midnight, either side, to the microsecond
		long offsetMicros = (long) (random.nextDouble() * 360_000_000L) - 180_000_000L;
		return midnight.atZone(zone).toInstant().plusNanos(offsetMicros * 1000);
	}

}
