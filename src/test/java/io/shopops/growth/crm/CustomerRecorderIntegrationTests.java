package io.shopops.growth.crm;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.shopops.fulfilment.aftersales.api.RefundCompleted;
import io.shopops.fulfilment.order.Customer;
import io.shopops.fulfilment.order.OrderEvents.OrderPaid;
import io.shopops.fulfilment.order.OrderEvents.OrderPlaced;
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
import static org.awaitility.Awaitility.await;

/**
 * Customers come from real order events published by {@link Orders}: deduplicated by
 * buyer id, phone and e-mail, with their own order facts and totals, unchanged by
 * re-delivered events, and merged by the merge tool.
 */
@SpringBootTest
class CustomerRecorderIntegrationTests {

	@Autowired
	Orders orders;

	@Autowired
	SalesChannels channels;

	@Autowired
	CustomerBook customers;

	@Autowired
	CustomerQuery query;

	@Autowired
	PointsLedger points;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	PlatformTransactionManager transactions;

	@Test
	void ordersOfOneBuyerMakeOneCustomerWithTotalsAndRedeliveryChangesNothing() {
		String prefix = CrmFixtures.unique("CRMI");
		String site = CrmFixtures.channel(this.channels, SalesPlatform.OWN_SITE);
		String phone = CrmFixtures.phone();
		String email = prefix.toLowerCase() + "@example.com";
		String name = "王芳" + prefix;

		OrderSnapshot first = place(CrmFixtures.completed(site, prefix + "-1",
				new Customer(name, "+86 " + phone.substring(0, 3) + "-" + phone.substring(3), email, null), "100.00",
				40));
		// the same phone written otherwise, and an upper-case e-mail: the same customer
		OrderSnapshot second = place(
				CrmFixtures.completed(site, prefix + "-2", new Customer(name, phone, null, null), "50.00", 20));
		OrderSnapshot third = place(CrmFixtures.completed(site, prefix + "-3",
				new Customer(null, null, email.toUpperCase(), null), "30.00", 10));
		OrderSnapshot cancelled = place(
				CrmFixtures.cancelled(site, prefix + "-4", new Customer(name, phone, null, null), "999.00", 5));

		long id = customerOf(first.id());
		assertThat(customerOf(second.id())).isEqualTo(id);
		assertThat(customerOf(third.id())).isEqualTo(id);
		assertThat(customerOf(cancelled.id())).isEqualTo(id);
		CustomerQuery.Profile profile = this.query.profile(id).orElseThrow();
		assertThat(profile.orderCount()).isEqualTo(3);
		assertThat(profile.netSpend()).isEqualByComparingTo("180.00");
		assertThat(profile.firstChannel()).isEqualTo(site);
		assertThat(profile.firstOrderAt()).isEqualTo(first.times().placedAt());
		assertThat(profile.lastOrderAt()).isEqualTo(third.times().placedAt());
		assertThat(this.query.identities(id)).extracting(CustomerQuery.IdentityRow::value)
			.containsExactlyInAnyOrder(phone, email);
		assertThat(this.query.addresses(id)).hasSize(1);
		assertThat(count("SELECT count(*) FROM customer WHERE name = '" + name + "'")).isOne();
		assertThat(count(
				"SELECT count(*) FROM audit_entry WHERE action = 'CUSTOMER_CREATED' AND object_id = '" + id + "'"))
			.isOne();

		// a refund, delivered twice, counts once
		RefundCompleted refund = new RefundCompleted(-first.id(), first.id(), first.number(), site,
				new BigDecimal("40.00"), "CNY", List.of(new RefundCompleted.Line("CRM-SKU", 1, new BigDecimal("40"))),
				Instant.now());
		publish(refund);
		awaitDelivered(first.number());
		publish(refund);
		awaitDelivered(first.number());
		await().atMost(Duration.ofSeconds(20))
			.until(() -> this.query.profile(id).orElseThrow().netSpend().compareTo(new BigDecimal("140.00")) == 0);

		// re-delivered order events (an older snapshot too) change nothing
		publish(new OrderPlaced(first, first.times().placedAt()));
		awaitDelivered(first.number());
		publish(new OrderPaid(second, second.times().paidAt()));
		awaitDelivered(second.number());
		publish(new OrderPlaced(third, third.times().placedAt()));
		awaitDelivered(third.number());
		assertThat(this.customers.record(first)).contains(id);
		CustomerQuery.Profile again = this.query.profile(id).orElseThrow();
		assertThat(again.orderCount()).isEqualTo(3);
		assertThat(again.netSpend()).isEqualByComparingTo("140.00");
		assertThat(again.refundedTotal()).isEqualByComparingTo("40.00");
		assertThat(this.query.orders(id)).hasSize(4)
			.filteredOn((o) -> o.orderId() == first.id())
			.singleElement()
			.satisfies((o) -> {
				assertThat(o.status()).isEqualTo("COMPLETED");
				assertThat(o.refundedAmount()).isEqualByComparingTo("40.00");
			});
		assertThat(count("SELECT count(*) FROM customer WHERE name = '" + name + "'")).isOne();
	}

	@Test
	void buyerIdsMatchPerChannelAndDuplicatesAreMergedIntoTheSurvivor() {
		String prefix = CrmFixtures.unique("CRMM");
		String site = CrmFixtures.channel(this.channels, SalesPlatform.OWN_SITE);
		String tmall = CrmFixtures.channel(this.channels, SalesPlatform.TMALL);
		String jd = CrmFixtures.channel(this.channels, SalesPlatform.JD);
		String phone = CrmFixtures.phone();
		String masked = phone.substring(0, 3) + "****" + phone.substring(7);
		String name = "李雷" + prefix;
		String buyer = "tb_" + prefix.toLowerCase();

		OrderSnapshot own = place(
				CrmFixtures.completed(site, prefix + "-1", new Customer(name, phone, null, null), "80.00", 30));
		// a marketplace masks the phone: only the buyer id identifies, so a new customer
		OrderSnapshot market = place(
				CrmFixtures.completed(tmall, prefix + "-2", new Customer(name, masked, null, buyer), "60.00", 20));
		// the same buyer id on another channel is someone else
		OrderSnapshot other = place(
				CrmFixtures.completed(jd, prefix + "-3", new Customer("韩梅梅", masked, null, buyer), "10.00", 15));
		// the buyer id wins over the phone, which stays with the first customer
		OrderSnapshot again = place(
				CrmFixtures.completed(tmall, prefix + "-4", new Customer(name, phone, null, buyer), "40.00", 10));

		long survivor = customerOf(own.id());
		long duplicate = customerOf(market.id());
		assertThat(duplicate).isNotEqualTo(survivor);
		assertThat(customerOf(other.id())).isNotIn(survivor, duplicate);
		assertThat(customerOf(again.id())).isEqualTo(duplicate);
		assertThat(this.query.profile(duplicate).orElseThrow().phone()).isEqualTo(phone);
		assertThat(this.query.candidates(survivor, null, name)).extracting(CustomerQuery.Row::id)
			.containsExactly(duplicate);

		long survivorPoints = this.points.balance(survivor);
		long duplicatePoints = this.points.adjust(duplicate, 77, "merge test", "manager");
		this.customers.merge(survivor, duplicate);
		assertThat(this.points.balance(survivor)).isEqualTo(survivorPoints + duplicatePoints);
		assertThat(this.points.balance(duplicate)).isZero();
		assertThat(this.points.mismatches()).doesNotContain(survivor, duplicate);

		CustomerQuery.Profile merged = this.query.profile(survivor).orElseThrow();
		assertThat(merged.orderCount()).isEqualTo(3);
		assertThat(merged.netSpend()).isEqualByComparingTo("180.00");
		assertThat(merged.firstChannel()).isEqualTo(site);
		assertThat(this.query.profile(duplicate).orElseThrow().mergedInto()).isEqualTo(survivor);
		assertThat(this.query.identities(survivor)).extracting(CustomerQuery.IdentityRow::value)
			.containsExactlyInAnyOrder(phone, buyer);
		assertThat(count(
				"SELECT count(*) FROM audit_entry WHERE action = 'CUSTOMER_MERGED' AND object_id = '" + survivor + "'"))
			.isOne();
		// later orders of the merged-away buyer id reach the survivor
		OrderSnapshot later = place(
				CrmFixtures.completed(tmall, prefix + "-5", new Customer(name, masked, null, buyer), "5.00", 1));
		assertThat(customerOf(later.id())).isEqualTo(survivor);
	}

	@Test
	void ordersWithoutAnyUsableIdentityMakeNoCustomer() {
		String prefix = CrmFixtures.unique("CRMA");
		String tmall = CrmFixtures.channel(this.channels, SalesPlatform.TMALL);
		OrderSnapshot order = place(CrmFixtures.completed(tmall, prefix + "-1",
				new Customer("匿名" + prefix, "138****0000", null, null), "9.90", 3));
		awaitDelivered(order.number());
		assertThat(count("SELECT count(*) FROM customer_order WHERE order_id = " + order.id())).isZero();
	}

	private OrderSnapshot place(io.shopops.fulfilment.order.OrderDraft draft) {
		OrderSnapshot order = this.orders.place(draft).order();
		awaitDelivered(order.number());
		return order;
	}

	private void publish(Object event) {
		new TransactionTemplate(this.transactions).executeWithoutResult((status) -> this.events.publishEvent(event));
	}

	/** Waits until no publication mentioning the text is incomplete. */
	private void awaitDelivered(String text) {
		await().atMost(Duration.ofSeconds(20))
			.until(() -> count("SELECT count(*) FROM event_publication WHERE completion_date IS NULL "
					+ "AND serialized_event LIKE '%" + text + "%'") == 0);
	}

	private long customerOf(long orderId) {
		await().atMost(Duration.ofSeconds(20))
			.until(() -> count("SELECT count(*) FROM customer_order WHERE order_id = " + orderId) == 1);
		return this.jdbc.sql("SELECT customer_id FROM customer_order WHERE order_id = :id")
			.param("id", orderId)
			.query(Long.class)
			.single();
	}

	private long count(String sql) {
		return this.jdbc.sql(sql).query(Long.class).single();
	}

}
