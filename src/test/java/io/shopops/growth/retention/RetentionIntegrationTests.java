package io.shopops.growth.retention;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Year;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import io.shopops.fulfilment.aftersales.api.RefundCompleted;
import io.shopops.fulfilment.order.Customer;
import io.shopops.fulfilment.order.OrderSnapshot;
import io.shopops.fulfilment.order.Orders;
import io.shopops.fulfilment.order.SalesChannels;
import io.shopops.growth.crm.CustomerBook;
import io.shopops.growth.retention.RetentionReports.Cohort;
import io.shopops.growth.retention.RetentionReports.Period;
import io.shopops.growth.retention.RetentionReports.PeriodKind;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Retention's facts and rollups built from real orders through CRM: a hand-computed
 * cohort fixture, refunds, merges, the rebuild and the catch-up, and the due list.
 */
@SpringBootTest
class RetentionIntegrationTests {

	@Autowired
	Orders orders;

	@Autowired
	SalesChannels channels;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	RetentionReports reports;

	@Autowired
	RetentionBook book;

	@Autowired
	RetentionCatchUp catchUp;

	@Autowired
	RepurchaseCycles cycles;

	@Autowired
	CustomerBook customers;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	PlatformTransactionManager transactions;

	RetentionFixtures fixtures;

	@BeforeEach
	void fixtures() {
		this.fixtures = new RetentionFixtures(this.orders, this.channels, this.jdbc);
	}

	/**
	 * A year of its own for the fixture, not a leap year, so the hand-computed gaps hold.
	 */
	static int year() {
		while (true) {
			int year = 1971 + ThreadLocalRandom.current().nextInt(40);
			if (!Year.isLeap(year)) {
				return year;
			}
		}
	}

	@Test
	void theCohortTableLtvRepurchaseRateAndGapsOfAHandComputedFixture() {
		int y = year();
		long[] gapsBefore = gaps();
		Customer a = RetentionFixtures.buyer("甲" + RetentionFixtures.unique("A"));
		Customer b = RetentionFixtures.buyer("乙" + RetentionFixtures.unique("B"));
		Customer c = RetentionFixtures.buyer("丙" + RetentionFixtures.unique("C"));
		Customer d = RetentionFixtures.buyer("丁" + RetentionFixtures.unique("D"));
		this.fixtures.paid(a, y + "-01-10T10:00:00+08:00", "100.00", null);
		OrderSnapshot refunded = this.fixtures.paid(a, y + "-02-05T10:00:00+08:00", "50.00", null);
		this.fixtures.paid(a, y + "-02-20T10:00:00+08:00", "30.00", null);
		this.fixtures.paid(a, y + "-04-01T10:00:00+08:00", "20.00", null);
		this.fixtures.paid(b, y + "-01-25T10:00:00+08:00", "80.00", null);
		// 16:30 UTC on January 31 is February 1 in the shop's time zone
		this.fixtures.paid(b, y + "-01-31T16:30:00Z", "40.00", null);
		this.fixtures.paid(c, y + "-01-15T10:00:00+08:00", "60.00", null);
		this.fixtures.paid(d, y + "-02-10T10:00:00+08:00", "200.00", null);
		this.fixtures.paid(d, (y + 1) + "-02-10T10:00:00+08:00", "100.00", null);
		this.fixtures.paid(d, (y + 1) + "-03-01T10:00:00+08:00", "10.00", null);
		RefundCompleted refund = new RefundCompleted(-refunded.id(), refunded.id(), refunded.number(),
				this.fixtures.channel, new BigDecimal("10.00"), "CNY",
				List.of(new RefundCompleted.Line("RET-SKU", 1, new BigDecimal("10.00"))),
				RetentionFixtures.at(y + "-03-03T10:00:00+08:00").toInstant());
		publish(refund);
		awaitSettled();
		// delivered again once the first delivery is done, counted once: Modulith tracks
		// publications in progress by (event, listener), so two equal events in flight at
		// once would share one entry and leave one publication incomplete
		publish(refund);
		awaitSettled();
		assertThat(this.jdbc.sql("SELECT count(*) FROM retention_refund WHERE request_id = ?")
			.param(-refunded.id())
			.query(Long.class)
			.single()).isEqualTo(1);

		assertFixture(y, gapsBefore);

		// the rebuild from the facts gives the same rollups
		Map<String, String> incremental = rollups();
		this.book.rebuild(this.book.zone());
		assertThat(rollups()).isEqualTo(incremental);
		assertFixture(y, gapsBefore);
	}

	private void assertFixture(int y, long[] gapsBefore) {
		LocalDate today = LocalDate.of(y + 1, 3, 15);
		List<Cohort> cohorts = this.reports.cohorts(15, today);
		Cohort january = cohorts.stream()
			.filter((c) -> c.cohort().equals(LocalDate.of(y, 1, 1)))
			.findFirst()
			.orElseThrow();
		assertThat(january.customers()).isEqualTo(3);
		assertThat(january.returning().subList(0, 4)).containsExactly(2L, 0L, 1L, 0L);
		assertThat(january.shares().subList(0, 3)).containsExactly(new BigDecimal("0.6667"), new BigDecimal("0.0000"),
				new BigDecimal("0.3333"));
		assertThat(january.ltv().subList(0, 5)).containsExactly(new BigDecimal("80.00"), new BigDecimal("120.00"),
				new BigDecimal("116.67"), new BigDecimal("123.33"), new BigDecimal("123.33"));
		Cohort february = cohorts.stream()
			.filter((c) -> c.cohort().equals(LocalDate.of(y, 2, 1)))
			.findFirst()
			.orElseThrow();
		assertThat(february.customers()).isEqualTo(1);
		assertThat(february.shares().get(11)).isEqualByComparingTo("1");
		assertThat(february.ltv().get(0)).isEqualByComparingTo("200.00");
		assertThat(february.ltv().get(12)).isEqualByComparingTo("300.00");
		// months not reached yet are empty: on 15 April, February's cohort has months 1
		// and 2
		Cohort early = this.reports.cohorts(3, LocalDate.of(y, 4, 15))
			.stream()
			.filter((c) -> c.cohort().equals(LocalDate.of(y, 2, 1)))
			.findFirst()
			.orElseThrow();
		assertThat(early.shares().subList(0, 2)).containsExactly(new BigDecimal("0.0000"), new BigDecimal("0.0000"));
		assertThat(early.shares().subList(2, 12)).containsOnlyNulls();
		assertThat(early.ltv().subList(3, 13)).containsOnlyNulls();

		List<Period> months = this.reports.periods(PeriodKind.MONTH, 4, LocalDate.of(y, 4, 30));
		assertThat(months).extracting(Period::label).containsExactly(y + "-04", y + "-03", y + "-02", y + "-01");
		assertThat(months).extracting(Period::buyers).containsExactly(1L, 0L, 3L, 3L);
		assertThat(months).extracting(Period::rate)
			.containsExactly(new BigDecimal("0.0000"), null, new BigDecimal("0.3333"), new BigDecimal("0.0000"));
		Period quarter = this.reports.periods(PeriodKind.QUARTER, 1, LocalDate.of(y, 3, 1)).get(0);
		assertThat(quarter.buyers()).isEqualTo(4);
		assertThat(quarter.repeatBuyers()).isEqualTo(2);
		assertThat(quarter.rate()).isEqualByComparingTo("0.5");
		assertThat(this.reports.periods(PeriodKind.YEAR, 2, LocalDate.of(y + 1, 6, 1)))
			.extracting(Period::buyers, Period::repeatBuyers)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(1L, 1L), org.assertj.core.groups.Tuple.tuple(4L, 2L));

		long[] gaps = gaps();
		long[] added = new long[gaps.length];
		for (int i = 0; i < gaps.length; i++) {
			added[i] = gaps[i] - gapsBefore[i];
		}
		// A: 26, 15, 40 days; B: 7; D: 365, 19
		assertThat(added).containsExactly(0, 1, 0, 3, 1, 0, 0, 1, 0);
	}

	@Test
	void aMergeMovesTheDuplicatesOrdersIntoTheSurvivorsCohort() {
		int y = year();
		OrderSnapshot first = this.fixtures.paid(RetentionFixtures.buyer("合并甲" + RetentionFixtures.unique("M")),
				y + "-03-10T10:00:00+08:00", "30.00", null);
		OrderSnapshot second = this.fixtures.paid(RetentionFixtures.buyer("合并乙" + RetentionFixtures.unique("M")),
				y + "-05-10T10:00:00+08:00", "70.00", null);
		LocalDate today = LocalDate.of(y, 12, 31);
		assertThat(this.reports.cohorts(10, today)).extracting(Cohort::cohort, Cohort::customers)
			.contains(org.assertj.core.groups.Tuple.tuple(LocalDate.of(y, 3, 1), 1L),
					org.assertj.core.groups.Tuple.tuple(LocalDate.of(y, 5, 1), 1L));
		this.customers.merge(this.fixtures.customerOf(first.id()), this.fixtures.customerOf(second.id()));
		List<Cohort> after = this.reports.cohorts(10, today);
		assertThat(after).extracting(Cohort::cohort).doesNotContain(LocalDate.of(y, 5, 1));
		Cohort march = after.stream().filter((c) -> c.cohort().equals(LocalDate.of(y, 3, 1))).findFirst().orElseThrow();
		assertThat(march.customers()).isEqualTo(1);
		assertThat(march.returning().get(1)).isEqualTo(1L);
		assertThat(march.ltv().get(2)).isEqualByComparingTo("100.00");
	}

	@Test
	void theCatchUpRecordsPaidOrdersAndRefundsRetentionHasNotSeen() {
		int y = year();
		OrderSnapshot one = this.fixtures.paid(RetentionFixtures.buyer("补录" + RetentionFixtures.unique("K")),
				y + "-06-10T10:00:00+08:00", "55.00", null);
		awaitSettled();
		// as if retention had never seen the order: forget it and rebuild without it
		this.jdbc.sql("DELETE FROM retention_order WHERE order_id = ?").param(one.id()).update();
		this.jdbc.sql("DELETE FROM retention_purchase WHERE order_id = ?").param(one.id()).update();
		this.book.rebuild(this.book.zone());
		assertThat(this.reports.cohorts(1, LocalDate.of(y, 6, 30))).isEmpty();
		this.jdbc.sql("INSERT INTO customer_refund (request_id, order_id, amount, refunded_at) VALUES (?, ?, 5, ?)")
			.params(-one.id(), one.id(), RetentionFixtures.at(y + "-06-20T10:00:00+08:00"))
			.update();

		RetentionCatchUp.Result result = this.catchUp.catchUp();
		assertThat(result.orders()).isGreaterThanOrEqualTo(1);
		assertThat(result.refunds()).isGreaterThanOrEqualTo(1);
		assertThat(this.reports.cohorts(1, LocalDate.of(y, 6, 30))).singleElement().satisfies((c) -> {
			assertThat(c.customers()).isEqualTo(1);
			assertThat(c.ltv().get(0)).isEqualByComparingTo("50.00");
		});
		// run again, it finds nothing
		RetentionCatchUp.Result again = this.catchUp.catchUp();
		assertThat(again.orders()).isZero();
		assertThat(again.refunds()).isZero();
	}

	@Test
	void dueCustomersBoughtTheProductLongerThanItsCycleAgoAndHaveNotBoughtItSince() {
		String sku = this.fixtures.product("面霜 " + RetentionFixtures.unique("P"));
		String other = this.fixtures.product("洗面奶 " + RetentionFixtures.unique("Q"));
		Instant now = Instant.now();
		Customer overdue = RetentionFixtures.buyer("到期" + RetentionFixtures.unique("X"));
		Customer reordered = RetentionFixtures.buyer("已回购" + RetentionFixtures.unique("Y"));
		Customer recent = RetentionFixtures.buyer("未到期" + RetentionFixtures.unique("Z"));
		Customer closed = RetentionFixtures.buyer("已关闭" + RetentionFixtures.unique("W"));
		Customer otherProduct = RetentionFixtures.buyer("买了别的" + RetentionFixtures.unique("V"));
		this.fixtures.place(overdue, now.minus(Duration.ofDays(40)), "99.00", sku,
				io.shopops.fulfilment.order.OrderStatus.COMPLETED);
		this.fixtures.place(reordered, now.minus(Duration.ofDays(40)), "99.00", sku,
				io.shopops.fulfilment.order.OrderStatus.COMPLETED);
		this.fixtures.place(reordered, now.minus(Duration.ofDays(5)), "99.00", sku,
				io.shopops.fulfilment.order.OrderStatus.COMPLETED);
		this.fixtures.place(recent, now.minus(Duration.ofDays(20)), "99.00", sku,
				io.shopops.fulfilment.order.OrderStatus.COMPLETED);
		this.fixtures.place(closed, now.minus(Duration.ofDays(50)), "99.00", sku,
				io.shopops.fulfilment.order.OrderStatus.CLOSED);
		this.fixtures.place(otherProduct, now.minus(Duration.ofDays(45)), "99.00", sku,
				io.shopops.fulfilment.order.OrderStatus.COMPLETED);
		this.fixtures.place(otherProduct, now.minus(Duration.ofDays(3)), "49.00", other,
				io.shopops.fulfilment.order.OrderStatus.COMPLETED);

		RepurchaseCycles.Cycle cycle = this.cycles.save(sku, 30, "manager");
		assertThat(cycle.productId()).isEqualTo(this.fixtures.productId(sku));
		var page = this.reports.due(cycle, 0, 50, now);
		assertThat(page.getTotalElements()).isEqualTo(2);
		assertThat(page.getContent()).extracting(RetentionReports.Due::name)
			.containsExactly(otherProduct.name(), overdue.name());
		assertThat(page.getContent().get(1).daysOverdue()).isEqualTo(10);
		assertThat(page.getContent().get(1).daysSince()).isEqualTo(40);
		// a longer cycle: nobody is due yet
		RepurchaseCycles.Cycle longer = this.cycles.save(sku, 60, "manager");
		assertThat(this.reports.due(longer, 0, 50, now).getTotalElements()).isZero();
		// paging past the end shows the last page
		RepurchaseCycles.Cycle shorter = this.cycles.save(sku, 10, "manager");
		var last = this.reports.due(shorter, 7, 2, now);
		assertThat(last.getTotalElements()).isEqualTo(3);
		assertThat(last.getNumber()).isEqualTo(1);
		assertThat(last.getContent()).extracting(RetentionReports.Due::name).containsExactly(recent.name());
		assertThat(this.jdbc
			.sql("SELECT count(*) FROM audit_entry WHERE action = 'REPURCHASE_CYCLE_SET' " + "AND object_id = ?")
			.param(String.valueOf(cycle.productId()))
			.query(Long.class)
			.single()).isEqualTo(3);
		assertThat(this.cycles.remove(cycle.productId())).isTrue();
		assertThat(this.cycles.find(cycle.productId())).isEmpty();
	}

	private void publish(Object event) {
		new TransactionTemplate(this.transactions).executeWithoutResult((status) -> this.events.publishEvent(event));
	}

	private void awaitSettled() {
		try {
			await().atMost(Duration.ofSeconds(60)).until(() -> incomplete().isEmpty());
		}
		catch (org.awaitility.core.ConditionTimeoutException ex) {
			throw new AssertionError("incomplete: " + incomplete(), ex);
		}
	}

	private List<Map<String, Object>> incomplete() {
		return this.jdbc
			.sql("SELECT listener_id, status, completion_attempts, left(serialized_event, 300) AS event "
					+ "FROM event_publication WHERE completion_date IS NULL AND serialized_event LIKE ?")
			.param("%" + this.fixtures.channel + "%")
			.query()
			.listOfRows();
	}

	private long[] gaps() {
		long[] gaps = new long[RetentionMath.BUCKET_FROM.length];
		this.jdbc.sql("SELECT bucket, gaps FROM retention_gap").query((rs) -> {
			gaps[rs.getInt(1)] = rs.getLong(2);
		});
		return gaps;
	}

	private Map<String, String> rollups() {
		Map<String, String> values = new HashMap<>();
		this.jdbc
			.sql("SELECT cohort, month_offset, customers, paid_amount, refund_amount FROM retention_cohort_month "
					+ "WHERE customers <> 0 OR paid_amount <> 0 OR refund_amount <> 0")
			.query((rs) -> {
				values.put("c" + rs.getString(1) + "/" + rs.getInt(2),
						rs.getLong(3) + "/" + rs.getBigDecimal(4).stripTrailingZeros().toPlainString() + "/"
								+ rs.getBigDecimal(5).stripTrailingZeros().toPlainString());
			});
		this.jdbc.sql("SELECT kind, period_start, buyers, repeat_buyers FROM retention_period WHERE buyers <> 0")
			.query((rs) -> {
				values.put("p" + rs.getString(1) + rs.getString(2), rs.getLong(3) + "/" + rs.getLong(4));
			});
		this.jdbc.sql("SELECT bucket, gaps FROM retention_gap WHERE gaps <> 0").query((rs) -> {
			values.put("g" + rs.getInt(1), String.valueOf(rs.getLong(2)));
		});
		return values;
	}

}
