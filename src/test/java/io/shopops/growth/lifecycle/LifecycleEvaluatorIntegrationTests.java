package io.shopops.growth.lifecycle;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.MonthDay;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import io.shopops.TestUsers;
import io.shopops.growth.crm.CustomerBook;
import io.shopops.growth.segment.RfmGroup;
import io.shopops.platform.Role;
import io.shopops.platform.ShopSettings;
import io.shopops.platform.StaffTasks;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static io.shopops.growth.lifecycle.LifecycleFixtures.buyer;
import static io.shopops.growth.lifecycle.LifecycleFixtures.customer;
import static io.shopops.growth.lifecycle.LifecycleFixtures.fired;
import static io.shopops.growth.lifecycle.LifecycleFixtures.members;
import static io.shopops.growth.lifecycle.LifecycleFixtures.segment;
import static io.shopops.growth.lifecycle.LifecycleFixtures.tag;
import static io.shopops.growth.lifecycle.LifecycleFixtures.taskRule;
import static io.shopops.growth.lifecycle.LifecycleFixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The triggers against customers written into CRM's tables, entry detection, the
 * cool-down, concurrent evaluations, the task and coupon actions, the closed loop and
 * merges of customers. Triggers other than the saved segment see every customer of the
 * shared test database, so those tests check their own customers only.
 */
@SpringBootTest
class LifecycleEvaluatorIntegrationTests {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	LifecycleRules rules;

	@Autowired
	LifecycleEvaluator evaluator;

	@Autowired
	LifecycleBirthdays birthdays;

	@Autowired
	LifecycleTasks tasks;

	@Autowired
	TestUsers users;

	@Autowired
	CustomerBook customers;

	@Autowired
	ShopSettings shop;

	@Autowired
	PlatformTransactionManager transactionManager;

	String assignee;

	@BeforeEach
	void setUp() {
		this.assignee = this.users.create(Role.OPERATOR);
	}

	@Test
	void dormantMatchesCustomersWithoutAnOrderForTheDays() {
		long dormant = buyer(this.jdbc, "Dormant", 300, 100, 2);
		long recent = buyer(this.jdbc, "Recent", 300, 50, 3);
		long never = customer(this.jdbc, "No orders");
		long id = this.rules.create(taskRule(LifecycleTrigger.DORMANT, 90, List.of(), null, this.assignee, 30), "test");

		this.evaluator.evaluate(id, Instant.now(), "test");

		assertThat(members(this.jdbc, id)).contains(dormant).doesNotContain(recent, never);
		assertThat(fired(this.jdbc, id)).contains(dormant).doesNotContain(recent, never);
		assertThat(this.jdbc.sql("SELECT assignee FROM lifecycle_task WHERE rule_id = :id AND customer_id = :c")
			.param("id", id)
			.param("c", dormant)
			.query(String.class)
			.list()).containsExactly(this.assignee);
	}

	@Test
	void newCustomerMatchesAFirstOrderWithinTheDays() {
		long fresh = buyer(this.jdbc, "Fresh", 5, 5, 1);
		long older = buyer(this.jdbc, "Older", 40, 40, 1);
		long id = this.rules.create(taskRule(LifecycleTrigger.NEW_CUSTOMER, 30, List.of(), null, this.assignee, 30),
				"test");

		this.evaluator.evaluate(id, Instant.now(), "test");

		assertThat(members(this.jdbc, id)).contains(fresh).doesNotContain(older);
	}

	@Test
	void birthdayMonthFollowsTheShopsCalendar() {
		ZoneId zone = this.shop.current().timeZone();
		ZonedDateTime now = ZonedDateTime.now(zone).withDayOfMonth(15).truncatedTo(ChronoUnit.HOURS);
		ZonedDateTime nextMonth = now.plusMonths(1);
		long thisMonth = customer(this.jdbc, "Birthday now");
		long later = customer(this.jdbc, "Birthday next month");
		long unknown = customer(this.jdbc, "No birthday");
		this.birthdays.set(thisMonth, MonthDay.of(now.getMonthValue(), 3));
		this.birthdays.set(later, MonthDay.of(nextMonth.getMonthValue(), 28));
		long id = this.rules
			.create(taskRule(LifecycleTrigger.BIRTHDAY_MONTH, null, List.of(), null, this.assignee, 300), "test");

		this.evaluator.evaluate(id, now.toInstant(), "test");
		assertThat(members(this.jdbc, id)).contains(thisMonth).doesNotContain(later, unknown);

		this.evaluator.evaluate(id, nextMonth.toInstant(), "test");
		assertThat(members(this.jdbc, id)).contains(later).doesNotContain(thisMonth, unknown);
		assertThat(fired(this.jdbc, id)).contains(thisMonth, later);
		assertThat(this.birthdays.of(later).text()).isEqualTo(String.format("%02d-28", nextMonth.getMonthValue()));
	}

	@Test
	void churnRiskMatchesTheChosenRfmGroups() {
		long keep = customer(this.jdbc, "Keep");
		long winback = customer(this.jdbc, "Winback");
		long valuable = customer(this.jdbc, "Valuable");
		rfm(keep, RfmGroup.IMPORTANT_KEEP);
		rfm(winback, RfmGroup.IMPORTANT_WINBACK);
		rfm(valuable, RfmGroup.IMPORTANT_VALUE);
		long id = this.rules.create(taskRule(LifecycleTrigger.CHURN_RISK, null,
				List.of(RfmGroup.IMPORTANT_KEEP, RfmGroup.IMPORTANT_WINBACK), null, this.assignee, 30), "test");

		this.evaluator.evaluate(id, Instant.now(), "test");

		assertThat(members(this.jdbc, id)).contains(keep, winback).doesNotContain(valuable);
	}

	@Test
	void repurchaseDueMatchesOneOrderWhoseCycleHasPassed() {
		long product = 7_000_000_000L + (System.nanoTime() % 1_000_000L);
		this.jdbc
			.sql("INSERT INTO retention_cycle (product_id, title, cycle_days, updated_by) VALUES (:p, 'Tea', 30, 't')")
			.param("p", product)
			.update();
		long due = customer(this.jdbc, "Due");
		long twice = customer(this.jdbc, "Twice");
		long early = customer(this.jdbc, "Early");
		retentionOrder(due, product, 40);
		retentionOrder(twice, product, 60);
		retentionOrder(twice, product, 40);
		retentionOrder(early, product, 10);
		long id = this.rules.create(taskRule(LifecycleTrigger.REPURCHASE_DUE, null, List.of(), null, this.assignee, 30),
				"test");

		this.evaluator.evaluate(id, Instant.now(), "test");

		assertThat(members(this.jdbc, id)).contains(due).doesNotContain(twice, early);
	}

	@Test
	void savedSegmentEntriesAndExitsAreDetected() {
		String tag = unique("LC");
		long a = customer(this.jdbc, "A");
		long b = customer(this.jdbc, "B");
		long c = customer(this.jdbc, "C");
		tag(this.jdbc, a, tag);
		tag(this.jdbc, b, tag);
		long id = this.rules.create(
				taskRule(LifecycleTrigger.SEGMENT, null, List.of(), segment(this.jdbc, tag), this.assignee, 30),
				"test");

		LifecycleEvaluator.Run first = this.evaluator.evaluate(id, Instant.now(), "test");
		assertThat(first.entered()).isEqualTo(2);
		assertThat(first.acted()).isEqualTo(2);
		assertThat(members(this.jdbc, id)).containsExactly(a, b);

		untag(b, tag);
		tag(this.jdbc, c, tag);
		LifecycleEvaluator.Run second = this.evaluator.evaluate(id, Instant.now(), "test");
		assertThat(second.entered()).isEqualTo(1);
		assertThat(second.left()).isEqualTo(1);
		assertThat(second.acted()).isEqualTo(1);
		assertThat(members(this.jdbc, id)).containsExactly(a, c);
		assertThat(fired(this.jdbc, id)).containsExactly(a, b, c);
		assertThat(this.rules.get(id).lastActed()).isEqualTo(1);
		assertThat(this.jdbc.sql("""
				SELECT count(*) FROM audit_entry WHERE action = 'LIFECYCLE_RULE_EVALUATED' AND object_id = :id""")
			.param("id", Long.toString(id))
			.query(Long.class)
			.single()).isEqualTo(2);
	}

	@Test
	void actsOncePerCoolDownAndAgainAfterIt() {
		String tag = unique("LC");
		long a = customer(this.jdbc, "A");
		tag(this.jdbc, a, tag);
		long id = this.rules.create(
				taskRule(LifecycleTrigger.SEGMENT, null, List.of(), segment(this.jdbc, tag), this.assignee, 30),
				"test");
		Instant t0 = Instant.now();

		assertThat(this.evaluator.evaluate(id, t0, "test").acted()).isEqualTo(1);
		// still in the segment: no new entry, nothing done
		assertThat(this.evaluator.evaluate(id, t0.plusSeconds(60), "test").acted()).isZero();
		// leaves and comes back within the cool-down: passed over
		untag(a, tag);
		this.evaluator.evaluate(id, t0.plusSeconds(120), "test");
		tag(this.jdbc, a, tag);
		LifecycleEvaluator.Run within = this.evaluator.evaluate(id, t0.plus(Duration.ofDays(10)), "test");
		assertThat(within.entered()).isEqualTo(1);
		assertThat(within.acted()).isZero();
		assertThat(within.passedOver()).isEqualTo(1);
		assertThat(fired(this.jdbc, id)).containsExactly(a);
		// leaves and comes back after the cool-down: acted on again
		untag(a, tag);
		this.evaluator.evaluate(id, t0.plus(Duration.ofDays(31)), "test");
		tag(this.jdbc, a, tag);
		assertThat(this.evaluator.evaluate(id, t0.plus(Duration.ofDays(31)).plusSeconds(60), "test").acted())
			.isEqualTo(1);
		assertThat(fired(this.jdbc, id)).containsExactly(a, a);
		assertThat(this.jdbc.sql("SELECT count(*) FROM lifecycle_task WHERE rule_id = :id")
			.param("id", id)
			.query(Long.class)
			.single()).isEqualTo(2);
	}

	@Test
	void concurrentEvaluationsActOnce() throws Exception {
		String tag = unique("LC");
		List<Long> customers = new ArrayList<>();
		for (int i = 0; i < 40; i++) {
			long id = customer(this.jdbc, "C" + i);
			tag(this.jdbc, id, tag);
			customers.add(id);
		}
		long coupon = LifecycleFixtures.coupon(this.jdbc);
		long id = this.rules.create(LifecycleFixtures.couponRule(segment(this.jdbc, tag), coupon, 30, 30), "test");
		Instant now = Instant.now();
		ExecutorService pool = Executors.newFixedThreadPool(4);
		try {
			CountDownLatch start = new CountDownLatch(1);
			List<Future<LifecycleEvaluator.Run>> runs = new ArrayList<>();
			for (int i = 0; i < 4; i++) {
				runs.add(pool.submit(() -> {
					start.await();
					return this.evaluator.evaluate(id, now, "test");
				}));
			}
			start.countDown();
			int acted = 0;
			for (Future<LifecycleEvaluator.Run> run : runs) {
				acted += run.get(60, TimeUnit.SECONDS).acted();
			}
			assertThat(acted).isEqualTo(40);
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(fired(this.jdbc, id)).containsExactlyElementsOf(customers);
		assertThat(this.jdbc.sql("SELECT count(*) FROM coupon_code WHERE coupon_id = :c")
			.param("c", coupon)
			.query(Long.class)
			.single()).isEqualTo(40);
	}

	@Test
	void aClaimHeldByAnotherTransactionIsNotClaimedAgain() throws Exception {
		long a = customer(this.jdbc, "A");
		long b = customer(this.jdbc, "B");
		String tag = unique("LC");
		long id = this.rules.create(
				taskRule(LifecycleTrigger.SEGMENT, null, List.of(), segment(this.jdbc, tag), this.assignee, 30),
				"test");
		TransactionTemplate tx = new TransactionTemplate(this.transactionManager);
		Instant now = Instant.now();
		CountDownLatch claimed = new CountDownLatch(1);
		AtomicReference<List<Long>> first = new AtomicReference<>();
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			Future<?> holder = pool.submit(() -> tx.executeWithoutResult((status) -> {
				first.set(this.evaluator.claim(id, List.of(a, b), now, 30));
				claimed.countDown();
				sleep(700);
			}));
			claimed.await(30, TimeUnit.SECONDS);
			long started = System.nanoTime();
			List<Long> second = pool
				.submit(() -> tx.execute((status) -> this.evaluator.claim(id, List.of(b, a), now, 30)))
				.get(30, TimeUnit.SECONDS);
			holder.get(30, TimeUnit.SECONDS);
			assertThat(first.get()).containsExactlyInAnyOrder(a, b);
			assertThat(second).isEmpty();
			assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThan(Duration.ofMillis(300));
		}
		finally {
			pool.shutdownNow();
		}
		List<Long> later = tx
			.execute((status) -> this.evaluator.claim(id, List.of(a), now.plus(Duration.ofDays(30)), 30));
		assertThat(later).containsExactly(a);
	}

	@Test
	void couponActionIssuesOneCodeAndPassesOverHoldersAndDisabledCoupons() {
		String tag = unique("LC");
		long a = customer(this.jdbc, "A");
		long holder = customer(this.jdbc, "Holder");
		tag(this.jdbc, a, tag);
		tag(this.jdbc, holder, tag);
		long coupon = LifecycleFixtures.coupon(this.jdbc);
		this.jdbc.sql("""
				INSERT INTO coupon_code (coupon_id, code, kind, customer_id) VALUES (:c, :code, 'UNIQUE', :k)""")
			.param("c", coupon)
			.param("code", unique("HELD"))
			.param("k", holder)
			.update();
		long segment = segment(this.jdbc, tag);
		long id = this.rules.create(LifecycleFixtures.couponRule(segment, coupon, 30, 30), "test");

		LifecycleEvaluator.Run run = this.evaluator.evaluate(id, Instant.now(), "test");

		assertThat(run.acted()).isEqualTo(1);
		assertThat(outcomes(id)).containsExactly(a + ":ISSUED", holder + ":ALREADY_HELD");
		assertThat(this.jdbc.sql("""
				SELECT count(*) FROM lifecycle_firing f JOIN coupon_code k ON k.id = f.coupon_code_id
				WHERE f.rule_id = :id AND k.customer_id = :a AND k.coupon_id = :c""")
			.param("id", id)
			.param("a", a)
			.param("c", coupon)
			.query(Long.class)
			.single()).isEqualTo(1);
		assertThat(this.rules.firings(id, 0).getContent()).anyMatch((f) -> f.couponCode() != null && f.reached());

		this.jdbc.sql("UPDATE coupon SET status = 'DISABLED' WHERE id = :c").param("c", coupon).update();
		long late = customer(this.jdbc, "Late");
		tag(this.jdbc, late, tag);
		this.evaluator.evaluate(id, Instant.now(), "test");
		assertThat(outcomes(id)).contains(late + ":COUPON_DISABLED");
	}

	@Test
	void taskActionShowsOnTheAssigneesHomeUntilDone() {
		String tag = unique("LC");
		long a = customer(this.jdbc, "Task customer");
		tag(this.jdbc, a, tag);
		LifecycleRule.Definition definition = new LifecycleRule.Definition(unique("Rule"), LifecycleTrigger.SEGMENT,
				null, List.of(), segment(this.jdbc, tag), LifecycleAction.TASK, null, "Phone about the refill",
				this.assignee, 0, null, 30, 30, true);
		long id = this.rules.create(definition, "test");
		this.evaluator.evaluate(id, Instant.now(), "test");

		List<StaffTasks.StaffTask> open = this.tasks.openFor(this.assignee, Instant.now().plusSeconds(3600), 10);
		assertThat(open).singleElement().satisfies((task) -> {
			assertThat(task.title()).isEqualTo("Phone about the refill");
			assertThat(task.context()).contains("Task customer");
			assertThat(task.path()).isEqualTo("/crm/customers/" + a);
		});
		assertThat(this.tasks.openFor("someone-else", Instant.now().plusSeconds(3600), 10)).isEmpty();
		long taskId = Long.parseLong(open.get(0).donePath().replaceAll("\\D", ""));
		assertThat(this.tasks.close(taskId, true, "someone-else", false)).isEqualTo("lifecycle.task.notYours");
		assertThat(this.tasks.close(taskId, true, this.assignee, false)).isNull();
		assertThat(this.tasks.close(taskId, false, this.assignee, false)).isEqualTo("lifecycle.task.notOpen");
		assertThat(this.tasks.openFor(this.assignee, Instant.now().plusSeconds(3600), 10)).isEmpty();
	}

	@Test
	void closedLoopCountsOrdersWithinTheWindowAndRedeemedDiscounts() {
		String tag = unique("LC");
		long a = customer(this.jdbc, "A");
		long b = customer(this.jdbc, "B");
		long c = customer(this.jdbc, "C");
		long outsider = customer(this.jdbc, "Outsider");
		for (long id : List.of(a, b, c)) {
			tag(this.jdbc, id, tag);
		}
		long coupon = LifecycleFixtures.coupon(this.jdbc);
		long id = this.rules.create(LifecycleFixtures.couponRule(segment(this.jdbc, tag), coupon, 30, 30), "test");
		Instant t = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		this.evaluator.evaluate(id, t, "test");
		Duration day = Duration.ofDays(1);
		// A: 100.00 two days after (counts), 80.00 forty days after (outside the window)
		long aOrder = LifecycleFixtures.order(this.jdbc, a, t.plus(day.multipliedBy(2)), "100.00", "COMPLETED");
		LifecycleFixtures.order(this.jdbc, a, t.plus(day.multipliedBy(40)), "80.00", "COMPLETED");
		// B: one day before (no), cancelled (no), 50.50 ten days after (counts)
		LifecycleFixtures.order(this.jdbc, b, t.minus(day), "70.00", "COMPLETED");
		LifecycleFixtures.order(this.jdbc, b, t.plus(day.multipliedBy(5)), "60.00", "CANCELLED");
		long bOrder = LifecycleFixtures.order(this.jdbc, b, t.plus(day.multipliedBy(10)), "50.50", "PAID");
		// an outsider's order never counts
		LifecycleFixtures.order(this.jdbc, outsider, t.plus(day), "999.00", "COMPLETED");
		// A redeemed its code (10.00 off); B's redemption was restored
		LifecycleFixtures.redeemed(this.jdbc, coupon, codeOf(id, a), a, aOrder, "10.00", "REDEEMED");
		LifecycleFixtures.redeemed(this.jdbc, coupon, codeOf(id, b), b, bOrder, "10.00", "RESTORED");

		LifecycleRules.Loop loop = this.rules.loop(this.rules.get(id));

		assertThat(loop.reached()).isEqualTo(3);
		assertThat(loop.cameBack()).isEqualTo(2);
		assertThat(loop.orders()).isEqualTo(2);
		assertThat(loop.gmv()).isEqualByComparingTo("150.50");
		assertThat(loop.couponCost()).isEqualByComparingTo("10.00");
		assertThat(loop.returnRate()).isEqualByComparingTo(new BigDecimal("66.6"));
	}

	@Test
	void aMergedCustomersActionsOrdersAndCoolDownCountForTheSurvivor() {
		String tag = unique("LC");
		long survivor = customer(this.jdbc, "Survivor");
		long duplicate = customer(this.jdbc, "Duplicate");
		tag(this.jdbc, duplicate, tag);
		long coupon = LifecycleFixtures.coupon(this.jdbc);
		long id = this.rules.create(LifecycleFixtures.couponRule(segment(this.jdbc, tag), coupon, 30, 30), "test");
		Instant t = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		Duration day = Duration.ofDays(1);
		assertThat(this.evaluator.evaluate(id, t, "test").acted()).isEqualTo(1);
		// the duplicate came back two days after its coupon and redeemed it
		long order = LifecycleFixtures.order(this.jdbc, duplicate, t.plus(day.multipliedBy(2)), "88.00", "COMPLETED");
		LifecycleFixtures.redeemed(this.jdbc, coupon, codeOf(id, duplicate), duplicate, order, "10.00", "REDEEMED");

		this.customers.merge(survivor, duplicate);

		assertThat(fired(this.jdbc, id)).containsExactly(survivor);
		assertThat(members(this.jdbc, id)).containsExactly(survivor);
		LifecycleRules.Loop loop = this.rules.loop(this.rules.get(id));
		assertThat(loop.reached()).isEqualTo(1);
		assertThat(loop.cameBack()).isEqualTo(1);
		assertThat(loop.orders()).isEqualTo(1);
		assertThat(loop.gmv()).isEqualByComparingTo("88.00");
		assertThat(loop.couponCost()).isEqualByComparingTo("10.00");
		// the survivor has the duplicate's tag now: it was in the segment already,
		// nothing new
		LifecycleEvaluator.Run after = this.evaluator.evaluate(id, t.plus(day.multipliedBy(3)), "test");
		assertThat(after.entered()).isZero();
		assertThat(after.left()).isZero();
		assertThat(after.acted()).isZero();
		// it leaves and comes back within the cool-down of the duplicate's action: passed
		// over
		untag(survivor, tag);
		this.evaluator.evaluate(id, t.plus(day.multipliedBy(4)), "test");
		tag(this.jdbc, survivor, tag);
		LifecycleEvaluator.Run within = this.evaluator.evaluate(id, t.plus(day.multipliedBy(10)), "test");
		assertThat(within.entered()).isEqualTo(1);
		assertThat(within.acted()).isZero();
		assertThat(within.passedOver()).isEqualTo(1);
		assertThat(fired(this.jdbc, id)).containsExactly(survivor);
	}

	@Test
	void aMergeKeepsTheLaterOfBothActionsForTheCoolDownAndMovesTheTasks() {
		String tag = unique("LC");
		long survivor = customer(this.jdbc, "Survivor");
		long duplicate = customer(this.jdbc, "Duplicate");
		long id = this.rules.create(
				taskRule(LifecycleTrigger.SEGMENT, null, List.of(), segment(this.jdbc, tag), this.assignee, 30),
				"test");
		Instant t = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		Duration day = Duration.ofDays(1);
		tag(this.jdbc, survivor, tag);
		assertThat(this.evaluator.evaluate(id, t, "test").acted()).isEqualTo(1);
		untag(survivor, tag);
		tag(this.jdbc, duplicate, tag);
		assertThat(this.evaluator.evaluate(id, t.plus(day.multipliedBy(20)), "test").acted()).isEqualTo(1);

		this.customers.merge(survivor, duplicate);

		assertThat(fired(this.jdbc, id)).containsExactly(survivor, survivor);
		assertThat(this.jdbc.sql("SELECT customer_id FROM lifecycle_task WHERE rule_id = :id")
			.param("id", id)
			.query(Long.class)
			.list()).containsExactly(survivor, survivor);
		assertThat(this.jdbc.sql("SELECT fired_at FROM lifecycle_claim WHERE rule_id = :id AND customer_id = :c")
			.param("id", id)
			.param("c", survivor)
			.query(Timestamp.class)
			.single()
			.toInstant()).isEqualTo(t.plus(day.multipliedBy(20)));
		assertThat(this.jdbc.sql("SELECT count(*) FROM lifecycle_claim WHERE rule_id = :id AND customer_id = :c")
			.param("id", id)
			.param("c", duplicate)
			.query(Long.class)
			.single()).isZero();
		// 35 days after the survivor's own action but 15 after the duplicate's: passed
		// over
		untag(survivor, tag);
		this.evaluator.evaluate(id, t.plus(day.multipliedBy(34)), "test");
		tag(this.jdbc, survivor, tag);
		LifecycleEvaluator.Run within = this.evaluator.evaluate(id, t.plus(day.multipliedBy(35)), "test");
		assertThat(within.entered()).isEqualTo(1);
		assertThat(within.passedOver()).isEqualTo(1);
		// and acted on once the later action's cool-down is over
		untag(survivor, tag);
		this.evaluator.evaluate(id, t.plus(day.multipliedBy(50)), "test");
		tag(this.jdbc, survivor, tag);
		assertThat(this.evaluator.evaluate(id, t.plus(day.multipliedBy(51)), "test").acted()).isEqualTo(1);
	}

	private long codeOf(long ruleId, long customerId) {
		return this.jdbc
			.sql("SELECT coupon_code_id FROM lifecycle_firing WHERE rule_id = :r AND customer_id = :c AND reached")
			.param("r", ruleId)
			.param("c", customerId)
			.query(Long.class)
			.single();
	}

	private List<String> outcomes(long ruleId) {
		return this.jdbc
			.sql("SELECT customer_id || ':' || outcome FROM lifecycle_firing WHERE rule_id = :id ORDER BY id")
			.param("id", ruleId)
			.query(String.class)
			.list();
	}

	private void untag(long customerId, String tag) {
		this.jdbc.sql("DELETE FROM customer_tag WHERE customer_id = :id AND tag = :tag")
			.param("id", customerId)
			.param("tag", tag)
			.update();
	}

	private void rfm(long customerId, RfmGroup group) {
		this.jdbc.sql("""
				INSERT INTO customer_rfm (customer_id, recency_days, frequency, monetary, r_score, f_score, m_score,
				    rfm_group) VALUES (:id, 100, 1, 100, 1, 1, 1, :group)""")
			.param("id", customerId)
			.param("group", group.name())
			.update();
	}

	private void retentionOrder(long customerId, long productId, int daysAgo) {
		long order = 6_000_000_000L + (System.nanoTime() % 1_000_000_000L);
		this.jdbc.sql("""
				INSERT INTO retention_order (order_id, customer_id, paid_at, paid_amount, status)
				VALUES (:o, :c, :at, 50, 'COMPLETED')""")
			.param("o", order)
			.param("c", customerId)
			.param("at", Timestamp.from(Instant.now().minus(Duration.ofDays(daysAgo))))
			.update();
		this.jdbc.sql("INSERT INTO retention_purchase (order_id, product_id, title) VALUES (:o, :p, 'Tea')")
			.param("o", order)
			.param("p", productId)
			.update();
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
