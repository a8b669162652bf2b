package io.shopops.dashboard;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Random;

import io.shopops.fulfilment.order.Customer;
import io.shopops.fulfilment.order.OrderSnapshot;
import io.shopops.fulfilment.order.OrderStatus;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Paying, repeat and new buyers of any range from the buyer spans, hand-computed: orders
 * on both sides of local midnights, a back-dated payment, an order that changes buyer, a
 * paid order cancelled and refunded days later (it stays paid on its day), and a second
 * channel; the same after a rebuild, and the verification finds nothing. The days are in
 * a year of their own, far from other tests' data.
 */
@SpringBootTest
class BuyerSpansIntegrationTests {

	@Autowired
	KpiRollups rollups;

	@Autowired
	KpiReports reports;

	@Autowired
	KpiVerification verification;

	@Autowired
	JdbcClient jdbc;

	@Test
	void buyersOfAnyRangeAreExactAfterLateChanges() {
		ZoneId zone = this.rollups.zone();
		Random random = new Random();
		LocalDate d0 = LocalDate.of(2100 + random.nextInt(800), 1 + random.nextInt(12), 1 + random.nextInt(20));
		LocalDate d1 = d0.plusDays(1);
		LocalDate d2 = d0.plusDays(2);
		LocalDate d3 = d0.plusDays(3);
		String x = KpiFixtures.channel();
		String y = KpiFixtures.channel();
		String tag = String.valueOf(KpiFixtures.nextId());
		Customer a = KpiFixtures.phone("+86 137" + tag.substring(tag.length() - 8));
		Customer b = KpiFixtures.email("spans-" + tag + "@kpi.test");
		Customer c = KpiFixtures.buyerId("spans-" + tag);

		Instant midnight1 = d1.atStartOfDay(zone).toInstant();
		OrderSnapshot a1 = record(KpiFixtures.order(KpiFixtures.nextId(), x, a, midnight1.minusSeconds(1), "10.00"));
		OrderSnapshot a2 = record(KpiFixtures.order(KpiFixtures.nextId(), x, a, midnight1.plusSeconds(1), "20.00"));
		OrderSnapshot b1 = record(
				KpiFixtures.order(KpiFixtures.nextId(), x, b, d1.atTime(10, 0).atZone(zone).toInstant(), "30.00"));
		record(KpiFixtures.order(KpiFixtures.nextId(), y, b, d3.atStartOfDay(zone).toInstant().plusMillis(500),
				"40.00"));
		record(KpiFixtures.order(KpiFixtures.nextId(), x, c, d2.atTime(12, 0).atZone(zone).toInstant(), "50.00"));
		OrderSnapshot c2 = record(
				KpiFixtures.order(KpiFixtures.nextId(), x, c, d2.atTime(13, 0).atZone(zone).toInstant(), "60.00"));
		record(KpiFixtures.order(KpiFixtures.nextId(), x, c, null, "70.00")); // never
																				// paid

		// before the changes: A on d0 and d1, B on d1 (x) and d3 (y), C twice on d2
		assertThat(buyers(d0, d2, x)).containsExactly(3L, 2L, 3L);
		assertThat(buyers(d2, d2, x)).containsExactly(1L, 1L, 1L);

		// B's payment back-dated to 23:00 the day before; C's second order was A's
		record(KpiFixtures.order(b1.id(), x, b, midnight1.minusSeconds(3600), "30.00"));
		record(KpiFixtures.order(c2.id(), x, a, c2.times().paidAt(), "60.00"));
		// A's second order cancelled after payment and refunded two days later
		record(cancelled(a2));
		this.rollups.recordRefund(
				KpiFixtures.refund(KpiFixtures.nextId(), a2, "20.00", d3.atTime(9, 0).atZone(zone).toInstant()));

		// now: A on d0, d1 and d2 (x); B on d0 (x) and d3 (y); C once on d2 (x)
		// {paying, repeat, new}
		assertThat(buyers(d0, d0, x)).containsExactly(2L, 0L, 2L);
		assertThat(buyers(d1, d1, x)).containsExactly(1L, 0L, 0L);
		assertThat(buyers(d2, d2, x)).containsExactly(2L, 0L, 1L);
		assertThat(buyers(d3, d3, x)).containsExactly(0L, 0L, 0L);
		assertThat(buyers(d0, d1, x)).containsExactly(2L, 1L, 2L);
		assertThat(buyers(d1, d2, x)).containsExactly(2L, 1L, 1L);
		assertThat(buyers(d0, d3, x)).containsExactly(3L, 1L, 3L);
		assertThat(buyers(d0.minusDays(365), d0, x)).containsExactly(2L, 0L, 2L);
		assertThat(buyers(d3, d3.plusDays(365), x)).containsExactly(0L, 0L, 0L);
		assertThat(buyers(d0, d3, y)).containsExactly(1L, 0L, 1L);
		assertThat(buyers(d1, d3, y)).as("B's first order was on d0, in x").containsExactly(1L, 0L, 0L);
		assertThat(buyers(d0, d3, null)).containsExactly(3L, 2L, 3L);
		// A twice (d1, d2), B once (d3, y: its d1 order moved to d0), C once; C is new
		assertThat(buyers(d1, d3, null)).containsExactly(3L, 1L, 1L);
		KpiRow all = this.reports.totals(new KpiRange(d0, d3), x);
		assertThat(all.repurchaseRate()).isEqualByComparingTo("0.3333");
		assertThat(all.returningBuyers()).isZero();
		assertThat(this.reports.report(new KpiRange(d0, d3), x).days()).extracting(KpiRow::payingBuyers)
			.containsExactly(2L, 1L, 2L, 0L);
		assertThat(this.verification.verify(new KpiRange(d0.minusDays(1), d3.plusDays(1))).differences()).isEmpty();

		this.rollups.rebuild(zone);
		assertThat(buyers(d0, d3, x)).containsExactly(3L, 1L, 3L);
		assertThat(buyers(d1, d2, x)).containsExactly(2L, 1L, 1L);
		assertThat(buyers(d1, d3, null)).containsExactly(3L, 1L, 1L);
		assertThat(this.verification.verify(new KpiRange(d0.minusDays(1), d3.plusDays(1))).differences()).isEmpty();
	}

	@Test
	void theVerificationFindsASpanThatIsWrong() {
		ZoneId zone = this.rollups.zone();
		LocalDate day = LocalDate.of(2099, 6, 1 + (int) (KpiFixtures.nextId() % 28));
		String channel = KpiFixtures.channel();
		record(KpiFixtures.order(KpiFixtures.nextId(), channel, KpiFixtures.buyerId("spans-wrong-" + channel),
				day.atTime(9, 0).atZone(zone).toInstant(), "10.00"));
		KpiRange range = new KpiRange(day, day);
		assertThat(this.verification.verify(range).differences()).isEmpty();
		this.jdbc.sql("""
				UPDATE kpi_buyer_span SET repeaters[5] = repeaters[5] + 1
				WHERE channel_code = :channel AND day = :day""").param("channel", channel).param("day", day).update();
		assertThat(this.verification.verify(range).differences())
			.extracting(KpiVerification.Difference::figure, KpiVerification.Difference::scope)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("spanRepeaters", day + " " + channel + " i=4"));
		this.jdbc.sql("""
				UPDATE kpi_buyer_span SET repeaters[5] = repeaters[5] - 1
				WHERE channel_code = :channel AND day = :day""").param("channel", channel).param("day", day).update();
	}

	private long[] buyers(LocalDate from, LocalDate to, String channel) {
		KpiCounts counts = SqlKpiSource.rollups(this.jdbc).totals(from, to, channel);
		KpiRow row = this.reports.totals(new KpiRange(from, to), channel);
		assertThat(row.payingBuyers()).isEqualTo(counts.payingBuyers());
		assertThat(row.newBuyers()).isEqualTo(counts.newBuyers());
		return new long[] { counts.payingBuyers(), counts.repeatBuyers(), counts.newBuyers() };
	}

	private OrderSnapshot record(OrderSnapshot order) {
		this.rollups.recordOrder(order);
		return order;
	}

	private static OrderSnapshot cancelled(OrderSnapshot o) {
		return new OrderSnapshot(o.id(), o.channelCode(), o.platform(), o.number(), OrderStatus.CANCELLED, o.times(),
				o.customer(), o.address(), o.lines(), o.goodsAmount(), o.shippingFee(), o.discount(), o.paidAmount(),
				o.currency(), o.couponCode(), o.utm(), o.contentCode(), o.visitorId(), o.note(), o.source(),
				o.history(), o.warehouse());
	}

}
