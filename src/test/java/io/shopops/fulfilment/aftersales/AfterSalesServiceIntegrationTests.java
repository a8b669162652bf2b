package io.shopops.fulfilment.aftersales;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.shopops.fulfilment.aftersales.api.AfterSales;
import io.shopops.fulfilment.aftersales.api.AfterSalesDraft;
import io.shopops.fulfilment.aftersales.api.AfterSalesException;
import io.shopops.fulfilment.aftersales.api.AfterSalesRequest;
import io.shopops.fulfilment.aftersales.api.Authority;
import io.shopops.fulfilment.aftersales.api.LineOutcome;
import io.shopops.fulfilment.aftersales.api.RefundCompleted;
import io.shopops.fulfilment.aftersales.api.RequestSource;
import io.shopops.fulfilment.aftersales.api.RequestStatus;
import io.shopops.fulfilment.aftersales.api.RequestType;
import io.shopops.fulfilment.inventory.Inventory;
import io.shopops.fulfilment.inventory.StockLevel;
import io.shopops.fulfilment.order.OrderSnapshot;
import io.shopops.fulfilment.order.OrderStatus;
import io.shopops.fulfilment.order.Orders;
import io.shopops.fulfilment.order.SalesChannels;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The after-sales service against the database: the refund guard under concurrency, the
 * threshold, the stock effects of restock and write-off, and the refund event.
 */
@SpringBootTest
@RecordApplicationEvents
class AfterSalesServiceIntegrationTests {

	@Autowired
	AfterSales afterSales;

	@Autowired
	Orders orders;

	@Autowired
	SalesChannels channels;

	@Autowired
	Inventory inventory;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationEvents events;

	@Test
	void twentyParallelApprovalsNeverCommitMoreThanWasPaid() throws Exception {
		String prefix = AfterSalesFixtures.unique("ASPAR");
		String sku = AfterSalesFixtures.skus(this.jdbc, this.inventory, prefix, 10).get(0);
		OrderSnapshot order = AfterSalesFixtures.order(this.orders, AfterSalesFixtures.channel(this.channels), sku, 5,
				"10.00", OrderStatus.PAID);
		long line = order.lines().get(0).id();
		List<Long> ids = new ArrayList<>();
		for (int i = 0; i < 20; i++) {
			ids.add(this.afterSales.create(refundOnly(order.id(), line, 1, "10.00")).id());
		}
		List<Callable<String>> approvals = new ArrayList<>();
		for (long id : ids) {
			approvals.add(() -> outcome(() -> this.afterSales.approve(id, null, Authority.MANAGER)));
		}

		List<String> outcomes = together(approvals);

		assertThat(outcomes).filteredOn("ok"::equals).hasSize(5);
		assertThat(outcomes).filteredOn("over_refund"::equals).hasSize(15);
		assertThat(committed(line)).isEqualByComparingTo("50.00");

		// the approved ones refund together, more than approved: only what remains is
		// taken
		List<Long> approved = ids.stream()
			.filter((id) -> this.afterSales.find(id).orElseThrow().status() == RequestStatus.APPROVED)
			.toList();
		List<Callable<String>> refunds = new ArrayList<>();
		for (long id : approved) {
			refunds
				.add(() -> outcome(() -> this.afterSales.refund(id, new BigDecimal("10.00"), null, Authority.CHANNEL)));
		}
		assertThat(together(refunds)).containsOnly("ok");
		assertThat(committed(line)).isEqualByComparingTo("50.00");
		BigDecimal refunded = this.jdbc.sql(
				"SELECT sum(r.refunded_amount) FROM after_sales_request r JOIN after_sales_line l ON l.request_id = r.id "
						+ "WHERE l.order_line_id = :line")
			.param("line", line)
			.query(BigDecimal.class)
			.single();
		assertThat(refunded).isEqualByComparingTo("50.00");
		assertThat(this.events.stream(RefundCompleted.class).filter((e) -> e.orderId() == order.id())).hasSize(5);
	}

	@Test
	void aRefundAboveWhatRemainsIsRefusedWithTheRefundableAmount() {
		String prefix = AfterSalesFixtures.unique("ASOVER");
		String sku = AfterSalesFixtures.skus(this.jdbc, this.inventory, prefix, 10).get(0);
		OrderSnapshot order = AfterSalesFixtures.order(this.orders, AfterSalesFixtures.channel(this.channels), sku, 2,
				"20.00", OrderStatus.PAID);
		long line = order.lines().get(0).id();
		AfterSalesRequest first = this.afterSales.create(refundOnly(order.id(), line, 1, "30.00"));
		AfterSalesRequest second = this.afterSales.create(refundOnly(order.id(), line, 1, "20.00"));
		this.afterSales.approve(first.id(), null, Authority.OPERATOR);

		assertThatExceptionOfType(AfterSalesException.OverRefund.class)
			.isThrownBy(() -> this.afterSales.approve(second.id(), null, Authority.OPERATOR))
			.satisfies((ex) -> assertThat(ex.refundable()).isEqualByComparingTo("10.00"));
		assertThatExceptionOfType(AfterSalesException.OverRefund.class)
			.isThrownBy(() -> this.afterSales.refund(first.id(), new BigDecimal("40.01"), null, Authority.CHANNEL))
			.satisfies((ex) -> assertThat(ex.refundable()).isEqualByComparingTo("40.00"));
		// a partial refund gives back what it does not use
		this.afterSales.refund(first.id(), new BigDecimal("25.00"), null, Authority.OPERATOR);
		assertThat(committed(line)).isEqualByComparingTo("25.00");
		assertThatExceptionOfType(AfterSalesException.OverRefund.class)
			.isThrownBy(() -> this.afterSales.create(refundOnly(order.id(), line, 1, "15.01")))
			.satisfies((ex) -> assertThat(ex.refundable()).isEqualByComparingTo("15.00"));
	}

	@Test
	void anOperatorsRefundAboveTheThresholdNeedsAManagerButTheChannelsDoesNot() {
		String prefix = AfterSalesFixtures.unique("ASTHR");
		String sku = AfterSalesFixtures.skus(this.jdbc, this.inventory, prefix, 10).get(0);
		OrderSnapshot order = AfterSalesFixtures.order(this.orders, AfterSalesFixtures.channel(this.channels), sku, 2,
				"1500.00", OrderStatus.PAID);
		long line = order.lines().get(0).id();
		AfterSalesRequest big = this.afterSales.create(refundOnly(order.id(), line, 1, null));
		assertThat(big.requestedAmount()).isEqualByComparingTo("1500.00");

		assertThatExceptionOfType(AfterSalesException.ManagerRequired.class)
			.isThrownBy(() -> this.afterSales.approve(big.id(), null, Authority.OPERATOR));
		assertThat(this.afterSales.approve(big.id(), null, Authority.MANAGER).status())
			.isEqualTo(RequestStatus.APPROVED);
		assertThatExceptionOfType(AfterSalesException.ManagerRequired.class)
			.isThrownBy(() -> this.afterSales.refund(big.id(), null, null, Authority.OPERATOR));
		assertThat(this.afterSales.refund(big.id(), null, null, Authority.CHANNEL).refundedAmount())
			.isEqualByComparingTo("1500.00");
	}

	@Test
	void refundOnlyWorksBeforeShippingButNotBeforePaymentAndReturnsNeedShippedGoods() {
		String prefix = AfterSalesFixtures.unique("ASPAID");
		String sku = AfterSalesFixtures.skus(this.jdbc, this.inventory, prefix, 10).get(0);
		String channel = AfterSalesFixtures.channel(this.channels);
		OrderSnapshot pending = AfterSalesFixtures.order(this.orders, channel, sku, 1, "10.00",
				OrderStatus.PENDING_PAYMENT);
		assertThatExceptionOfType(AfterSalesException.Invalid.class)
			.isThrownBy(() -> this.afterSales.create(refundOnly(pending.id(), pending.lines().get(0).id(), 1, null)));
		OrderSnapshot paid = AfterSalesFixtures.order(this.orders, channel, sku, 1, "10.00", OrderStatus.PAID);
		assertThat(this.afterSales.create(refundOnly(paid.id(), paid.lines().get(0).id(), 1, null)).status())
			.isEqualTo(RequestStatus.REQUESTED);
		assertThatExceptionOfType(AfterSalesException.Invalid.class)
			.isThrownBy(() -> this.afterSales
				.create(draft(RequestType.RETURN_REFUND, paid.id(), paid.lines().get(0).id(), 1, null)))
			.satisfies((ex) -> assertThat(ex.problems()).extracting(AfterSalesException.Problem::code)
				.contains("afterSales.error.notShipped"));
	}

	@Test
	void restockAndWriteOffWriteTheLedgerAndKeepItConsistent() {
		String prefix = AfterSalesFixtures.unique("ASINV");
		String sku = AfterSalesFixtures.skus(this.jdbc, this.inventory, prefix, 10).get(0);
		OrderSnapshot order = AfterSalesFixtures.shipped(this.orders, AfterSalesFixtures.channel(this.channels), sku, 3,
				"10.00");
		assertThat(this.inventory.find(sku, "MAIN")).contains(new StockLevel(sku, "MAIN", 7, 0));
		long line = order.lines().get(0).id();

		AfterSalesRequest back = this.afterSales.create(draft(RequestType.RETURN_REFUND, order.id(), line, 2, null));
		this.afterSales.approve(back.id(), null, Authority.OPERATOR);
		assertThatExceptionOfType(AfterSalesException.IllegalTransition.class)
			.isThrownBy(() -> this.afterSales.refund(back.id(), null, null, Authority.OPERATOR));
		this.afterSales.receive(back.id(), null);
		AfterSalesRequest inspected = this.afterSales.inspect(back.id(), back.lines().get(0).id(),
				LineOutcome.RESTOCKED, null);
		assertThat(inspected.status()).isEqualTo(RequestStatus.INSPECTED);
		assertThat(this.inventory.find(sku, "MAIN")).contains(new StockLevel(sku, "MAIN", 9, 0));

		AfterSalesRequest lost = this.afterSales.create(draft(RequestType.EXCHANGE, order.id(), line, 1, null));
		this.afterSales.approve(lost.id(), null, Authority.OPERATOR);
		this.afterSales.receive(lost.id(), null);
		this.afterSales.inspect(lost.id(), lost.lines().get(0).id(), LineOutcome.WRITTEN_OFF, "broken");
		assertThat(this.inventory.find(sku, "MAIN")).contains(new StockLevel(sku, "MAIN", 9, 0));
		assertThat(this.afterSales.shipExchange(lost.id(), null).status()).isEqualTo(RequestStatus.EXCHANGE_SHIPPED);
		assertThat(this.afterSales.close(lost.id(), null).status()).isEqualTo(RequestStatus.CLOSED);

		assertThat(movements(back.id())).containsExactly("RETURN:2");
		assertThat(movements(lost.id())).containsExactly("RETURN:1", "WRITE_OFF:-1");
		assertThat(this.inventory.checkLedger().mismatches()).filteredOn((m) -> m.sku().startsWith(prefix)).isEmpty();

		AfterSalesRequest refunded = this.afterSales.refund(back.id(), null, null, Authority.OPERATOR);
		assertThat(refunded.refundedAmount()).isEqualByComparingTo("20.00");
		assertThat(this.events.stream(RefundCompleted.class).filter((e) -> e.requestId() == back.id())).singleElement()
			.satisfies((e) -> {
				assertThat(e.orderNumber()).isEqualTo(order.number());
				assertThat(e.amount()).isEqualByComparingTo("20.00");
				assertThat(e.lines()).singleElement().satisfies((l) -> assertThat(l.sku()).isEqualTo(sku));
			});
		assertThat(this.afterSales.close(back.id(), null).timeline()).extracting(AfterSalesRequest.TimelineEntry::to)
			.containsExactly(RequestStatus.REQUESTED, RequestStatus.APPROVED, RequestStatus.RECEIVED,
					RequestStatus.INSPECTED, RequestStatus.REFUNDED, RequestStatus.CLOSED);
	}

	private List<String> movements(long requestId) {
		return this.jdbc
			.sql("SELECT kind || ':' || on_hand_delta FROM stock_movement WHERE reference_type = 'after_sales' "
					+ "AND reference_id = :id ORDER BY id")
			.param("id", String.valueOf(requestId))
			.query(String.class)
			.list();
	}

	private BigDecimal committed(long line) {
		return this.jdbc.sql("SELECT committed FROM after_sales_line_balance WHERE order_line_id = :line")
			.param("line", line)
			.query(BigDecimal.class)
			.single();
	}

	static AfterSalesDraft refundOnly(long order, long line, int quantity, String amount) {
		return draft(RequestType.REFUND_ONLY, order, line, quantity, amount);
	}

	static AfterSalesDraft draft(RequestType type, long order, long line, int quantity, String amount) {
		return new AfterSalesDraft(order, type, "quality", null, List.of(), null,
				List.of(new AfterSalesDraft.Line(line, quantity, (amount != null) ? new BigDecimal(amount) : null)),
				RequestSource.OPERATOR, null);
	}

	private static String outcome(Runnable action) {
		try {
			action.run();
			return "ok";
		}
		catch (AfterSalesException.OverRefund ex) {
			return "over_refund";
		}
	}

	static <T> List<T> together(List<Callable<T>> tasks) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(10);
		try {
			CountDownLatch start = new CountDownLatch(1);
			List<Future<T>> futures = new ArrayList<>();
			for (Callable<T> task : tasks) {
				futures.add(pool.submit(() -> {
					start.await();
					return task.call();
				}));
			}
			start.countDown();
			List<T> results = new ArrayList<>();
			for (Future<T> future : futures) {
				results.add(future.get());
			}
			return results;
		}
		finally {
			pool.shutdown();
		}
	}

}
