package io.shopops.growth.coupon;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.shopops.fulfilment.aftersales.api.RefundCompleted;
import io.shopops.fulfilment.order.Customer;
import io.shopops.fulfilment.order.OrderDraft;
import io.shopops.fulfilment.order.OrderSnapshot;
import io.shopops.fulfilment.order.OrderSource;
import io.shopops.fulfilment.order.OrderStatus;
import io.shopops.fulfilment.order.Orders;
import io.shopops.fulfilment.order.SalesChannels;
import io.shopops.fulfilment.order.SalesPlatform;
import io.shopops.fulfilment.order.Times;
import io.shopops.growth.coupon.CouponRedemptions.Outcome;
import io.shopops.growth.crm.CustomerBook;
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
 * Redemptions against the real database: the total and per-customer limits and the single
 * use of a unique code hold when many orders race; re-recording an order changes nothing;
 * cancellations and refunds give coupons back per the coupon's rule.
 */
@SpringBootTest
class CouponRedemptionIntegrationTests {

	@Autowired
	Coupons coupons;

	@Autowired
	CouponIssuing issuing;

	@Autowired
	CouponRedemptions redemptions;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Orders orders;

	@Autowired
	CustomerBook customerBook;

	@Autowired
	SalesChannels channels;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	PlatformTransactionManager transactions;

	@Test
	void anOrderPlacedWithACodeIsRedeemedForItsCustomerAndARefundEventGivesItBack() {
		CouponForm form = CouponFixtures.spendSave(CouponFixtures.unique("事件"));
		form.setRefundRule(Coupon.RefundRule.ANY_REFUND);
		long id = this.coupons.create(form);
		String code = this.issuing.publish(id, CouponFixtures.unique("EVT"), "test");
		String channel = this.channels
			.create(CouponFixtures.unique("CPN"), "Coupon test channel", SalesPlatform.OWN_SITE)
			.code();
		String number = CouponFixtures.unique("CPNO");
		String email = number.toLowerCase() + "@example.com";
		Instant placed = Instant.now().minus(Duration.ofDays(1)).truncatedTo(ChronoUnit.SECONDS);
		OrderDraft draft = new OrderDraft(channel, number, OrderStatus.COMPLETED,
				new Times(placed, placed.plusSeconds(60), placed.plusSeconds(3600), placed.plusSeconds(7200),
						placed.plusSeconds(9000), null, null),
				new Customer("券客", null, email, null), null,
				List.of(new OrderDraft.Line("CPN-SKU", "Coupon item", 2, new BigDecimal("80.00"), null)), null,
				new BigDecimal("20.00"), null, " " + code.toLowerCase() + " ", null, null, null, null, null,
				OrderSource.API);
		OrderSnapshot order = this.orders.place(draft).order();
		await().atMost(Duration.ofSeconds(30))
			.until(() -> count("SELECT count(*) FROM coupon_redemption WHERE order_id = ?", order.id()) == 1);
		var row = this.jdbc
			.sql("SELECT status, discount, paid_amount, customer_id FROM coupon_redemption WHERE order_id = ?")
			.param(order.id())
			.query()
			.singleRow();
		assertThat(row.get("status")).isEqualTo("REDEEMED");
		assertThat((BigDecimal) row.get("discount")).isEqualByComparingTo("20.00");
		assertThat((BigDecimal) row.get("paid_amount")).isEqualByComparingTo("140.00");
		long customer = this.jdbc.sql("SELECT customer_id FROM customer_order WHERE order_id = ?")
			.param(order.id())
			.query(Long.class)
			.single();
		assertThat(((Number) row.get("customer_id")).longValue()).isEqualTo(customer);

		new TransactionTemplate(this.transactions)
			.executeWithoutResult((status) -> this.events.publishEvent(refund(-order.id(), order, "10.00")));
		await().atMost(Duration.ofSeconds(30)).until(() -> "RESTORED".equals(status(order.id())));
		assertThat(redeemedCount(id)).isZero();
	}

	@Test
	void theTotalLimitHoldsWhenManyOrdersRace() throws Exception {
		CouponForm form = CouponFixtures.spendSave(CouponFixtures.unique("限量5张"));
		form.setTotalLimit(5);
		long id = this.coupons.create(form);
		String code = this.issuing.publish(id, CouponFixtures.unique("LIMIT5"), "test");
		List<OrderSnapshot> orders = new ArrayList<>();
		List<Long> customers = new ArrayList<>();
		for (int i = 0; i < 24; i++) {
			orders.add(CouponFixtures.order(code.toLowerCase(), "150.00"));
			customers.add(CouponFixtures.customer(this.jdbc, "抢券" + i));
		}
		List<Outcome> outcomes = race(orders.size(),
				(i) -> () -> this.redemptions.redeem(orders.get(i), customers.get(i)));
		assertThat(outcomes).filteredOn((o) -> o == Outcome.REDEEMED).hasSize(5);
		assertThat(outcomes).filteredOn((o) -> o == Outcome.REJECTED).hasSize(19);
		assertThat(redeemedCount(id)).isEqualTo(5);
		assertThat(count("SELECT count(*) FROM coupon_redemption WHERE coupon_id = ? AND reason = 'TOTAL_LIMIT'", id))
			.isEqualTo(19);
		// a rejected claim undid the customer's use it had counted
		assertThat(count("SELECT coalesce(sum(used), 0) FROM coupon_usage WHERE coupon_id = ?", id)).isEqualTo(5);
		// recording an order again changes nothing
		assertThat(this.redemptions.redeem(orders.get(0), customers.get(0))).isEqualTo(Outcome.ALREADY_RECORDED);
		assertThat(redeemedCount(id)).isEqualTo(5);
	}

	@Test
	void thePerCustomerLimitHoldsWhenOneCustomersOrdersRace() throws Exception {
		CouponForm form = CouponFixtures.spendSave(CouponFixtures.unique("每人2张"));
		form.setPerCustomerLimit(2);
		long id = this.coupons.create(form);
		String code = this.issuing.publish(id, CouponFixtures.unique("TWICE"), "test");
		long customer = CouponFixtures.customer(this.jdbc, "同一个人");
		long other = CouponFixtures.customer(this.jdbc, "另一个人");
		List<OrderSnapshot> orders = new ArrayList<>();
		for (int i = 0; i < 12; i++) {
			orders.add(CouponFixtures.order(code, "150.00"));
		}
		List<Outcome> outcomes = race(orders.size(), (i) -> () -> this.redemptions.redeem(orders.get(i), customer));
		assertThat(outcomes).filteredOn((o) -> o == Outcome.REDEEMED).hasSize(2);
		assertThat(count("SELECT used FROM coupon_usage WHERE coupon_id = ? AND customer_id = " + customer, id))
			.isEqualTo(2);
		assertThat(
				count("SELECT count(*) FROM coupon_redemption WHERE coupon_id = ? AND reason = 'CUSTOMER_LIMIT'", id))
			.isEqualTo(10);
		assertThat(this.redemptions.redeem(CouponFixtures.order(code, "150.00"), other)).isEqualTo(Outcome.REDEEMED);
		// without a known buyer a per-customer limit cannot be kept
		assertThat(this.redemptions.redeem(CouponFixtures.order(code, "150.00"), null)).isEqualTo(Outcome.REJECTED);
		assertThat(redeemedCount(id)).isEqualTo(3);
	}

	@Test
	void mergingCustomersAddsUpTheirUses() {
		CouponForm form = CouponFixtures.spendSave(CouponFixtures.unique("合并"));
		form.setPerCustomerLimit(1);
		long id = this.coupons.create(form);
		String code = this.issuing.publish(id, CouponFixtures.unique("MERGE"), "test");
		long survivor = CouponFixtures.customer(this.jdbc, "留下的");
		long duplicate = CouponFixtures.customer(this.jdbc, "合并掉的");
		assertThat(this.redemptions.redeem(CouponFixtures.order(code, "150.00"), duplicate))
			.isEqualTo(Outcome.REDEEMED);
		this.customerBook.merge(survivor, duplicate);
		// the duplicate's use now counts for the survivor: the limit of 1 is reached
		assertThat(this.redemptions.redeem(CouponFixtures.order(code, "150.00"), survivor)).isEqualTo(Outcome.REJECTED);
		assertThat(
				count("SELECT count(*) FROM coupon_redemption WHERE coupon_id = ? AND customer_id = " + survivor, id))
			.isEqualTo(2);
	}

	@Test
	void aUniqueCodeIsUsedOnceAndComesBackOnlyPerTheRefundRule() throws Exception {
		CouponForm form = CouponFixtures.spendSave(CouponFixtures.unique("整单退还"));
		form.setRefundRule(Coupon.RefundRule.FULL_REFUND);
		long id = this.coupons.create(form);
		long customer = CouponFixtures.customer(this.jdbc, "会员甲");
		var issued = this.issuing.issue(id, "list", "#" + customer, "test");
		assertThat(issued.issued()).isOne();
		// issuing again: the customer holds an unused code, nobody gets a second one
		assertThat(this.issuing.issue(id, "list", "#" + customer, "test").skipped()).isOne();
		String code = this.issuing.codesOf(id, customer).get(0);
		List<OrderSnapshot> orders = new ArrayList<>();
		for (int i = 0; i < 8; i++) {
			orders.add(CouponFixtures.order(code, "200.00"));
		}
		List<Outcome> outcomes = race(orders.size(), (i) -> () -> this.redemptions.redeem(orders.get(i), customer));
		assertThat(outcomes).filteredOn((o) -> o == Outcome.REDEEMED).hasSize(1);
		assertThat(count("SELECT count(*) FROM coupon_redemption WHERE coupon_id = ? AND reason = 'CODE_USED'", id))
			.isEqualTo(7);
		long orderId = this.jdbc
			.sql("SELECT order_id FROM coupon_redemption WHERE coupon_id = ? AND status = 'REDEEMED'")
			.param(id)
			.query(Long.class)
			.single();
		OrderSnapshot redeemed = orders.stream().filter((o) -> o.id() == orderId).findFirst().orElseThrow();

		// half refunded: the rule wants the whole order refunded
		assertThat(this.redemptions.refunded(refund(-orderId, redeemed, "100.00"))).isFalse();
		assertThat(status(orderId)).isEqualTo("REDEEMED");
		// the same refund again is not counted twice
		assertThat(this.redemptions.refunded(refund(-orderId, redeemed, "100.00"))).isFalse();
		assertThat(status(orderId)).isEqualTo("REDEEMED");
		assertThat(this.redemptions.refunded(refund(-orderId - 1_000_000_000L, redeemed, "100.00"))).isTrue();
		assertThat(status(orderId)).isEqualTo("RESTORED");
		assertThat(redeemedCount(id)).isZero();
		// the code is free again and the customer may use it on a new order
		assertThat(this.redemptions.redeem(CouponFixtures.order(code, "200.00"), customer)).isEqualTo(Outcome.REDEEMED);
		assertThat(this.jdbc.sql("SELECT action FROM audit_entry WHERE object_type = 'coupon' AND object_id = ?")
			.param(Long.toString(id))
			.query(String.class)
			.list())
			.contains("COUPON_CREATED", "COUPON_ISSUED", "COUPON_REDEEMED", "COUPON_REJECTED", "COUPON_RESTORED");
	}

	@Test
	void aNeverRuleKeepsTheCouponUsedAnAnyRuleGivesItBackAtOnceAndCancellingAlwaysDoes() {
		CouponForm never = CouponFixtures.spendSave(CouponFixtures.unique("不退"));
		never.setRefundRule(Coupon.RefundRule.NEVER);
		long neverId = this.coupons.create(never);
		String neverCode = this.issuing.publish(neverId, CouponFixtures.unique("NEVER"), "test");
		OrderSnapshot kept = CouponFixtures.order(neverCode, "150.00");
		assertThat(this.redemptions.redeem(kept, null)).isEqualTo(Outcome.REDEEMED);
		assertThat(this.redemptions.refunded(refund(-kept.id(), kept, "150.00"))).isFalse();
		assertThat(status(kept.id())).isEqualTo("REDEEMED");
		OrderSnapshot cancelled = CouponFixtures.order(neverCode, "150.00");
		this.redemptions.redeem(cancelled, null);
		assertThat(this.redemptions.cancelled(cancelled)).isTrue();
		assertThat(this.redemptions.cancelled(cancelled)).isFalse();
		assertThat(redeemedCount(neverId)).isOne();
		// a cancellation that overtakes the redemption: the late redemption changes
		// nothing
		OrderSnapshot overtaken = CouponFixtures.order(neverCode, "150.00");
		assertThat(this.redemptions.cancelled(overtaken)).isFalse();
		assertThat(this.redemptions.redeem(overtaken, null)).isEqualTo(Outcome.ALREADY_RECORDED);
		assertThat(status(overtaken.id())).isEqualTo("RESTORED");
		assertThat(redeemedCount(neverId)).isOne();

		CouponForm any = CouponFixtures.spendSave(CouponFixtures.unique("退即还"));
		any.setRefundRule(Coupon.RefundRule.ANY_REFUND);
		long anyId = this.coupons.create(any);
		String anyCode = this.issuing.publish(anyId, CouponFixtures.unique("ANY"), "test");
		OrderSnapshot partly = CouponFixtures.order(anyCode, "150.00");
		this.redemptions.redeem(partly, null);
		assertThat(this.redemptions.refunded(refund(-partly.id(), partly, "1.00"))).isTrue();
		assertThat(redeemedCount(anyId)).isZero();
	}

	@Test
	void figuresCountRedeemedOrdersOnly() {
		CouponForm form = CouponFixtures.spendSave(CouponFixtures.unique("报表"));
		long id = this.coupons.create(form);
		String code = this.issuing.publish(id, CouponFixtures.unique("FIG"), "test");
		this.redemptions.redeem(CouponFixtures.order(code, "150.00"), null);
		this.redemptions.redeem(CouponFixtures.order(code, "250.00"), null);
		// below the threshold: rejected, not in the figures
		this.redemptions.redeem(CouponFixtures.order(code, "99.00"), null);
		var figures = this.coupons.view(id).orElseThrow().row().figures();
		assertThat(figures.redeemed()).isEqualTo(2);
		assertThat(figures.gmv()).isEqualByComparingTo("400.00");
		assertThat(figures.discountCost()).isEqualByComparingTo("40.00");
		assertThat(figures.roi()).isEqualByComparingTo("10.00");
		assertThat(figures.redemptionRate()).isNull();
		assertThat(this.coupons.view(id).orElseThrow().redemptions()).extracting(CouponViews.RedemptionRow::reason)
			.contains("BELOW_THRESHOLD");
	}

	@Test
	void aScopedCouponCountsOnlyItsProductsOrItsCategoriesWithTheirSubcategories() {
		String tag = CouponFixtures.unique("SC");
		long clothing = category(tag + " 服装", null);
		long dresses = category(tag + " 连衣裙", clothing);
		long kitchen = category(tag + " 厨房", null);
		String dress = product(tag.toLowerCase() + "-dress", dresses);
		String mug = product(tag.toLowerCase() + "-mug", kitchen);

		CouponForm byCategory = CouponFixtures.spendSave(CouponFixtures.unique("服装类目"));
		byCategory.setScope(Coupon.Scope.CATEGORIES);
		byCategory.setCategoryIds(new ArrayList<>(List.of(clothing)));
		long categoryId = this.coupons.create(byCategory);
		assertThat(this.coupons.find(categoryId).orElseThrow().scopeItems()).extracting(Coupon.ScopeItem::label)
			.containsExactly(tag + " 服装");
		String categoryCode = this.issuing.publish(categoryId, CouponFixtures.unique("CAT"), "test");
		assertThat(this.redemptions
			.redeem(CouponFixtures.order(categoryCode, dress, "150.00", BigDecimal.ZERO, Instant.now()), null))
			.isEqualTo(Outcome.REDEEMED);
		OrderSnapshot kitchenOrder = CouponFixtures.order(categoryCode, mug, "150.00", BigDecimal.ZERO, Instant.now());
		assertThat(this.redemptions.redeem(kitchenOrder, null)).isEqualTo(Outcome.REJECTED);
		assertThat(reason(kitchenOrder.id())).isEqualTo("OUT_OF_SCOPE");

		CouponForm byProduct = CouponFixtures.spendSave(CouponFixtures.unique("指定商品"));
		byProduct.setScope(Coupon.Scope.PRODUCTS);
		byProduct.setProductHandles(tag.toLowerCase() + "-MUG");
		byProduct.setStacking(Coupon.Stacking.EXCLUSIVE);
		long productId = this.coupons.create(byProduct);
		String productCode = this.issuing.publish(productId, CouponFixtures.unique("PRD"), "test");
		assertThat(this.redemptions
			.redeem(CouponFixtures.order(productCode, mug, "150.00", BigDecimal.ZERO, Instant.now()), null))
			.isEqualTo(Outcome.REDEEMED);
		// exclusive: a line with its own discount refuses it
		OrderSnapshot discounted = CouponFixtures.order(productCode, mug, "150.00", new BigDecimal("5.00"),
				Instant.now());
		assertThat(this.redemptions.redeem(discounted, null)).isEqualTo(Outcome.REJECTED);
		assertThat(reason(discounted.id())).isEqualTo("NOT_STACKABLE");
	}

	private long category(String name, Long parent) {
		String path = (parent == null) ? name
				: this.jdbc.sql("SELECT path FROM category WHERE id = ?").param(parent).query(String.class).single()
						+ " > " + name;
		return this.jdbc.sql("INSERT INTO category (parent_id, name, path) VALUES (?, ?, ?) RETURNING id")
			.params(parent, name, path)
			.query(Long.class)
			.single();
	}

	private String product(String handle, long categoryId) {
		long id = this.jdbc
			.sql("INSERT INTO product (handle, title, category_id, status) VALUES (?, ?, ?, 'ACTIVE') RETURNING id")
			.params(handle, handle, categoryId)
			.query(Long.class)
			.single();
		String sku = handle.toUpperCase() + "-1";
		this.jdbc.sql("INSERT INTO product_variant (product_id, sku, price) VALUES (?, ?, 100)")
			.params(id, sku)
			.update();
		return sku;
	}

	private String reason(long orderId) {
		return this.jdbc.sql("SELECT reason FROM coupon_redemption WHERE order_id = ?")
			.param(orderId)
			.query(String.class)
			.single();
	}

	@Test
	void audiencesFindCustomersByTagAndReferenceAndRefuseUnknownValues() {
		long id = this.coupons.create(CouponFixtures.spendSave(CouponFixtures.unique("标签券")));
		String tag = CouponFixtures.unique("回购");
		long tagged = CouponFixtures.customer(this.jdbc, "标签客");
		long other = CouponFixtures.customer(this.jdbc, "无标签客");
		this.customerBook.tag(tagged, tag);
		var issued = this.issuing.issue(id, "tag", tag, "test");
		assertThat(issued.issued()).isOne();
		assertThat(this.issuing.codesOf(id, tagged)).hasSize(1).allMatch((c) -> c.matches("CP[2-9A-HJKMNP-Z]{10}"));
		assertThat(this.issuing.codesOf(id, other)).isEmpty();
		assertThatExceptionOfType(CouponFormException.class)
			.isThrownBy(() -> this.issuing.issue(id, "tag", "no-such-" + tag, "test"))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo("coupon.issue.value.unknown"));
		assertThatExceptionOfType(CouponFormException.class)
			.isThrownBy(() -> this.issuing.issue(id, "tier", "NO-SUCH-TIER", "test"))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo("coupon.issue.value.unknown"));
		assertThatExceptionOfType(CouponFormException.class)
			.isThrownBy(() -> this.issuing.issue(id, "no-such-audience", "1", "test"))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo("coupon.issue.audience.unknown"));
		// pasted references: an id with and without #, nobody for an unknown e-mail
		var pasted = this.issuing.issue(id, "list", other + ", #" + tagged + "\nnobody@" + tag + ".example", "test");
		assertThat(pasted.issued()).isOne();
		assertThat(pasted.skipped()).isOne();
		assertThat(pasted.unmatched()).containsExactly("nobody@" + tag + ".example");
		// a disabled coupon issues nothing
		this.coupons.setStatus(id, Coupon.Status.DISABLED);
		assertThatExceptionOfType(CouponFormException.class)
			.isThrownBy(() -> this.issuing.issue(id, "list", "#" + other, "test"))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo("coupon.issue.disabled"));
	}

	private static RefundCompleted refund(long requestId, OrderSnapshot order, String amount) {
		return new RefundCompleted(requestId, order.id(), order.number(), order.channelCode(), new BigDecimal(amount),
				"CNY", List.of(), Instant.now());
	}

	/** Starts all calls at once on their own threads. */
	private static <T> List<T> race(int n, java.util.function.IntFunction<Callable<T>> call) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(Math.min(n, 8));
		try {
			CountDownLatch start = new CountDownLatch(1);
			List<Future<T>> futures = new ArrayList<>();
			for (int i = 0; i < n; i++) {
				Callable<T> task = call.apply(i);
				futures.add(pool.submit(() -> {
					start.await();
					return task.call();
				}));
			}
			start.countDown();
			List<T> results = new ArrayList<>();
			for (Future<T> future : futures) {
				results.add(future.get(60, java.util.concurrent.TimeUnit.SECONDS));
			}
			return results;
		}
		finally {
			pool.shutdownNow();
			pool.awaitTermination(10, java.util.concurrent.TimeUnit.SECONDS);
		}
	}

	private int redeemedCount(long id) {
		return this.jdbc.sql("SELECT redeemed_count FROM coupon WHERE id = ?").param(id).query(Integer.class).single();
	}

	private String status(long orderId) {
		return this.jdbc.sql("SELECT status FROM coupon_redemption WHERE order_id = ?")
			.param(orderId)
			.query(String.class)
			.single();
	}

	private long count(String sql, long id) {
		return this.jdbc.sql(sql).param(id).query(Long.class).single();
	}

}
