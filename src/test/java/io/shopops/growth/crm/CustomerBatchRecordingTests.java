package io.shopops.growth.crm;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import io.shopops.fulfilment.order.Address;
import io.shopops.fulfilment.order.Customer;
import io.shopops.fulfilment.order.OrderSnapshot;
import io.shopops.fulfilment.order.OrderSource;
import io.shopops.fulfilment.order.OrderStatus;
import io.shopops.fulfilment.order.SalesPlatform;
import io.shopops.fulfilment.order.Times;
import io.shopops.fulfilment.order.Utm;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link CustomerBook#recordAll} leaves CRM exactly as recording the same orders one by
 * one does, also where a batch meets customers that exist: an identity written otherwise,
 * a merged customer's identity, a masked phone replaced by a real one, an address seen
 * again later, an order without any usable identity, tiers and points. Both ways run from
 * the same state, each in a transaction that is rolled back; new customers are compared
 * by their first order.
 */
@SpringBootTest
class CustomerBatchRecordingTests {

	private static final AtomicLong IDS = new AtomicLong(8_700_000_000L + System.nanoTime() % 100_000_000L);

	@Autowired
	CustomerBook customers;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PlatformTransactionManager transactions;

	@Test
	void aBatchRecordsWhatTheOrdersOneByOneRecord() {
		String tag = CrmFixtures.unique("CBR");
		String shop = "CBX-" + tag;
		String market = "CBY-" + tag;
		String phone = CrmFixtures.phone();
		String email = tag.toLowerCase() + "@example.com";
		String merged = tag.toLowerCase() + "-old@example.com";
		Instant start = Instant.now().minus(Duration.ofDays(40)).truncatedTo(ChronoUnit.MICROS);
		Address home = new Address("王芳", "13900000000", "浙江省", "杭州市", "西湖区", "文三路 1 号", "310000");

		// what is there before: a customer by phone and e-mail with an address, one by
		// buyer
		// id, and a customer merged into another
		long known = this.customers
			.record(order(shop, "A1", OrderStatus.COMPLETED, new Customer("王芳", phone, email, null), home, "80.00",
					start))
			.orElseThrow();
		long buyer = this.customers
			.record(order(shop, "A2", OrderStatus.SHIPPED, new Customer("李雷", null, null, "li-" + tag), null, "20.00",
					start.plusSeconds(60)))
			.orElseThrow();
		long survivor = this.customers
			.record(order(shop, "A3", OrderStatus.COMPLETED, new Customer("韩梅", null, tag + "-new@example.com", null),
					null, "10.00", start.plusSeconds(120)))
			.orElseThrow();
		long duplicate = this.customers
			.record(order(shop, "A4", OrderStatus.COMPLETED, new Customer("韩梅梅", null, merged, null), null, "15.00",
					start.plusSeconds(180)))
			.orElseThrow();
		this.customers.merge(survivor, duplicate);

		Instant at = start.plus(Duration.ofDays(2));
		String masked = phone.substring(0, 3) + "****" + phone.substring(7);
		String fresh = CrmFixtures.phone();
		List<OrderSnapshot> batch = new ArrayList<>();
		// the known phone written otherwise and a new buyer id; the known address, later,
		// for
		// someone else
		batch.add(order(market, "B1", OrderStatus.COMPLETED,
				new Customer(null, "+86 " + phone.substring(0, 3) + "-" + phone.substring(3), null, "wang-" + tag),
				new Address("王芳妈妈", null, "浙江省", "杭州市", "西湖区", "文三路 1 号", "310000"), "120.00", at));
		// the merged-away customer's e-mail
		batch.add(order(market, "B2", OrderStatus.COMPLETED, new Customer(null, null, merged.toUpperCase(), null), null,
				"45.00", at.plusSeconds(60)));
		// a new buyer with a masked phone, then again with the real one, then a big order
		batch.add(order(market, "B3", OrderStatus.COMPLETED, new Customer("新客", masked, null, "new-" + tag),
				new Address("新客", masked, "上海市", "上海市", "浦东新区", "世纪大道 8 号", "200120"), "30.00", at.plusSeconds(120)));
		batch.add(order(market, "B4", OrderStatus.CLOSED, new Customer(null, fresh, null, "new-" + tag),
				new Address(null, fresh, "上海市", "上海市", "浦东新区", "世纪大道 8 号", "200120"), "50.00", at.plusSeconds(180)));
		batch.add(order(market, "B5", OrderStatus.COMPLETED, new Customer("新客户", fresh, null, null), null, "30000.00",
				at.plusSeconds(240)));
		// nobody: only a masked phone
		batch.add(order(market, "B6", OrderStatus.COMPLETED, new Customer("匿名", masked, null, null), null, "9.90",
				at.plusSeconds(300)));
		// the known e-mail in upper case with another buyer id; the known buyer,
		// cancelled
		batch.add(order(market, "B7", OrderStatus.DELIVERED,
				new Customer("王芳", null, email.toUpperCase(), "wang2-" + tag), home, "66.00", at.plusSeconds(360)));
		batch.add(order(shop, "B8", OrderStatus.CANCELLED, new Customer("李雷", null, null, "li-" + tag), null, "99.00",
				at.plusSeconds(420)));
		// an address the order has no place for, and a masked phone never replaces a real
		// one
		batch.add(order(market, "B9", OrderStatus.COMPLETED, new Customer(null, masked, null, "new-" + tag),
				new Address("新客", null, null, null, null, null, null), "12.00", at.plusSeconds(480)));

		List<Long> base = List.of(known, buyer, survivor, duplicate);
		Map<String, List<String>> together = rolledBack(() -> {
			Map<Long, Long> ids = this.customers.recordAll(batch);
			assertThat(ids).hasSize(batch.size() - 1);
		}, batch, base);
		Map<String, List<String>> oneByOne = rolledBack(() -> batch.forEach(this.customers::record), batch, base);

		assertThat(together.get("customers")).hasSize(5);
		assertThat(together).isEqualTo(oneByOne);
	}

	private Map<String, List<String>> rolledBack(Runnable recording, List<OrderSnapshot> batch, List<Long> base) {
		TransactionTemplate transaction = new TransactionTemplate(this.transactions);
		return transaction.execute((status) -> {
			long audit = this.jdbc.sql("SELECT coalesce(max(id), 0) FROM audit_entry").query(Long.class).single();
			long tierChange = this.jdbc.sql("SELECT coalesce(max(id), 0) FROM customer_tier_change")
				.query(Long.class)
				.single();
			recording.run();
			Map<String, List<String>> state = state(batch, base, audit, tierChange);
			status.setRollbackOnly();
			return state;
		});
	}

	/**
	 * CRM's rows of the batch's and the base customers, each customer named by its id if
	 * it was there before, else by its first order's number.
	 */
	private Map<String, List<String>> state(List<OrderSnapshot> batch, List<Long> base, long audit, long tierChange) {
		Long[] orderIds = batch.stream().map(OrderSnapshot::id).toArray(Long[]::new);
		Map<Long, String> labels = new HashMap<>();
		base.forEach((id) -> labels.put(id, "#" + id));
		this.jdbc.sql("""
				SELECT customer_id, min(order_number) FROM customer_order WHERE order_id = ANY (:ids::bigint[])
				GROUP BY customer_id""")
			.param("ids", orderIds)
			.query((rs, n) -> labels.putIfAbsent(rs.getLong(1), "first " + rs.getString(2)))
			.list();
		Long[] customerIds = labels.keySet().toArray(Long[]::new);
		Map<String, List<String>> state = new HashMap<>();
		state.put("customers", rows("""
				SELECT id, concat_ws(' | ', name, phone, email, order_count, paid_total, refunded_total, net_spend,
				       first_order_at, last_order_at, first_channel, tier_code, points_balance, merged_into)
				FROM customer WHERE id = ANY (:customers::bigint[])""", customerIds, orderIds, labels));
		state.put("identities", rows("""
				SELECT customer_id, concat_ws(' | ', kind, channel_code, value) FROM customer_identity
				WHERE customer_id = ANY (:customers::bigint[])""", customerIds, orderIds, labels));
		state.put("addresses", rows("""
				SELECT customer_id, concat_ws(' | ', fingerprint, name, phone, province, city, district, line1,
				       postcode, last_used_at)
				FROM customer_address WHERE customer_id = ANY (:customers::bigint[])""", customerIds, orderIds,
				labels));
		state.put("orders", rows("""
				SELECT customer_id, concat_ws(' | ', order_id, channel_code, order_number, status, status_rank,
				       placed_at, paid_amount, paid_at, completed_at, currency, refunded_amount)
				FROM customer_order WHERE customer_id = ANY (:customers::bigint[])""", customerIds, orderIds, labels));
		state.put("tiers", rows("""
				SELECT customer_id, concat_ws(' | ', from_tier, to_tier, net_spend_12m, orders_12m)
				FROM customer_tier_change WHERE customer_id = ANY (:customers::bigint[]) AND id > :after""",
				customerIds, orderIds, labels, tierChange));
		state.put("points", rows("""
				SELECT customer_id, concat_ws(' | ', kind, points, order_id, expires_at) FROM points_entry
				WHERE customer_id = ANY (:customers::bigint[])""", customerIds, orderIds, labels));
		state.put("skus", rows("""
				SELECT customer_id, concat_ws(' | ', order_id, sku) FROM customer_sku
				WHERE order_id = ANY (:orders::bigint[])""", customerIds, orderIds, labels));
		state.put("retention", rows("""
				SELECT customer_id, concat_ws(' | ', order_id, paid_at, paid_amount, status) FROM retention_order
				WHERE order_id = ANY (:orders::bigint[])""", customerIds, orderIds, labels));
		List<String> audits = new ArrayList<>();
		this.jdbc.sql("""
				SELECT action, object_id, summary FROM audit_entry WHERE id > :after
				AND action IN ('CUSTOMER_CREATED', 'TIER_CHANGED', 'POINTS_EARNED')""")
			.param("after", audit)
			.query((rs,
					n) -> audits.add(rs.getString(1) + " " + label(labels, rs.getString(2)) + " "
							+ rs.getString(3).replaceAll("order \\d+", "order")))
			.list();
		audits.sort(null);
		state.put("audit", audits);
		return state;
	}

	private List<String> rows(String sql, Long[] customers, Long[] orders, Map<Long, String> labels) {
		return rows(sql, customers, orders, labels, 0);
	}

	private List<String> rows(String sql, Long[] customers, Long[] orders, Map<Long, String> labels, long after) {
		var statement = this.jdbc.sql(sql).param("customers", customers);
		if (sql.contains(":orders")) {
			statement = statement.param("orders", orders);
		}
		if (sql.contains(":after")) {
			statement = statement.param("after", after);
		}
		List<String> rows = new ArrayList<>(statement
			.query((rs, n) -> labels.getOrDefault(rs.getLong(1), "?" + rs.getLong(1)) + ": " + rs.getString(2))
			.list());
		rows.sort(null);
		return rows;
	}

	private static String label(Map<Long, String> labels, String id) {
		try {
			return labels.getOrDefault(Long.parseLong(id), "?");
		}
		catch (NumberFormatException ex) {
			return id;
		}
	}

	private static OrderSnapshot order(String channel, String number, OrderStatus status, Customer customer,
			Address address, String amount, Instant placedAt) {
		Instant paidAt = placedAt.plusSeconds(30);
		boolean cancelled = status == OrderStatus.CANCELLED;
		Times times = new Times(placedAt, paidAt, cancelled ? null : paidAt.plusSeconds(3600),
				(status == OrderStatus.DELIVERED) ? paidAt.plusSeconds(86_400) : null,
				(status == OrderStatus.COMPLETED) ? paidAt.plusSeconds(90_000) : null,
				cancelled ? paidAt.plusSeconds(600) : null,
				(status == OrderStatus.CLOSED) ? paidAt.plusSeconds(100_000) : null);
		BigDecimal paid = new BigDecimal(amount);
		long id = IDS.incrementAndGet();
		return new OrderSnapshot(id, channel, SalesPlatform.OTHER, number, status, times, customer,
				(address != null) ? address : new Address(null, null, null, null, null, null, null),
				List.of(new OrderSnapshot.Line(id, "CBR-SKU-" + number, null, "T恤", 1, paid, BigDecimal.ZERO, paid,
						cancelled ? 0 : 1)),
				paid, BigDecimal.ZERO, BigDecimal.ZERO, paid, "CNY", null, new Utm(null, null, null, null), null, null,
				null, OrderSource.IMPORT, true, "MAIN");
	}

}
