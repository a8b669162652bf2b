package io.shopops.fulfilment.aftersales;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.shopops.fulfilment.aftersales.api.AfterSales;
import io.shopops.fulfilment.aftersales.api.AfterSalesRequest;
import io.shopops.fulfilment.aftersales.api.ChannelRefund;
import io.shopops.fulfilment.aftersales.api.RefundCompleted;
import io.shopops.fulfilment.aftersales.api.RequestSource;
import io.shopops.fulfilment.aftersales.api.RequestStatus;
import io.shopops.fulfilment.aftersales.api.RequestType;
import io.shopops.fulfilment.inventory.Inventory;
import io.shopops.fulfilment.order.OrderDraft;
import io.shopops.fulfilment.order.OrderSnapshot;
import io.shopops.fulfilment.order.OrderSource;
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

/**
 * A channel's refund recorded as the channel made it: closed refund-only requests with
 * source IMPORT, {@link RefundCompleted} published, per-line amounts (抖店) never recorded
 * twice, and an unpaid order reported rather than thrown.
 */
@SpringBootTest
@RecordApplicationEvents
class AfterSalesChannelRefundIntegrationTests {

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
	void recordsPerLineRefundsOnceAndPublishesRefundCompleted() {
		String prefix = AfterSalesFixtures.unique("ASCH");
		List<String> skus = AfterSalesFixtures.skus(this.jdbc, this.inventory, prefix, 10, 10);
		OrderSnapshot order = this.orders
			.place(new OrderDraft(AfterSalesFixtures.channel(this.channels), AfterSalesFixtures.unique("N"),
					OrderStatus.PAID, null, null, null,
					List.of(new OrderDraft.Line(skus.get(0), null, 2, new BigDecimal("30.00"), null),
							new OrderDraft.Line(skus.get(1), null, 3, new BigDecimal("10.00"), null)),
					null, null, null, null, null, null, null, null, null, OrderSource.API))
			.order();
		Instant at = Instant.parse("2026-11-21T08:00:00Z");
		ChannelRefund.Outcome first = this.afterSales.recordChannelRefund(
				new ChannelRefund(order.id(), new BigDecimal("30.00"), Map.of(1, new BigDecimal("30.00")), at));
		assertThat(first.recorded()).isEqualByComparingTo("30.00");
		assertThat(first.capped()).isFalse();
		AfterSalesRequest request = this.afterSales.find(first.requestId()).orElseThrow();
		assertThat(request.type()).isEqualTo(RequestType.REFUND_ONLY);
		assertThat(request.source()).isEqualTo(RequestSource.IMPORT);
		assertThat(request.status()).isEqualTo(RequestStatus.CLOSED);
		assertThat(request.refundedAmount()).isEqualByComparingTo("30.00");
		assertThat(request.lines()).singleElement().satisfies((line) -> {
			assertThat(line.sku()).isEqualTo(skus.get(1));
			assertThat(line.quantity()).isEqualTo(3);
		});
		assertThat(request.timeline()).extracting(AfterSalesRequest.TimelineEntry::to)
			.containsExactly(RequestStatus.REQUESTED, RequestStatus.APPROVED, RequestStatus.REFUNDED,
					RequestStatus.CLOSED);
		assertThat(this.events.stream(RefundCompleted.class).filter((e) -> e.orderId() == order.id())).singleElement()
			.satisfies((event) -> {
				assertThat(event.amount()).isEqualByComparingTo("30.00");
				assertThat(event.at()).isEqualTo(at);
				assertThat(event.lines()).extracting(RefundCompleted.Line::sku).containsExactly(skus.get(1));
			});
		// the same report again records nothing; the other line refunded too adds only it
		assertThat(this.afterSales
			.recordChannelRefund(
					new ChannelRefund(order.id(), new BigDecimal("30.00"), Map.of(1, new BigDecimal("30.00")), at))
			.requestId()).isNull();
		ChannelRefund.Outcome second = this.afterSales.recordChannelRefund(new ChannelRefund(order.id(),
				new BigDecimal("90.00"), Map.of(0, new BigDecimal("60.00"), 1, new BigDecimal("30.00")), at));
		assertThat(second.recorded()).isEqualByComparingTo("60.00");
		assertThat(second.refundedBefore()).isEqualByComparingTo("30.00");
		assertThat(this.events.stream(RefundCompleted.class).filter((e) -> e.orderId() == order.id())).hasSize(2);
		// nothing is left: a larger report is capped, never an error
		ChannelRefund.Outcome third = this.afterSales
			.recordChannelRefund(new ChannelRefund(order.id(), new BigDecimal("100.00"), Map.of(), at));
		assertThat(third.requestId()).isNull();
		assertThat(third.unrecorded()).isEqualByComparingTo("10.00");
	}

	@Test
	void recordsNothingOnAnOrderNeverPaid() {
		String prefix = AfterSalesFixtures.unique("ASCU");
		String sku = AfterSalesFixtures.skus(this.jdbc, this.inventory, prefix, 10).get(0);
		OrderSnapshot order = AfterSalesFixtures.order(this.orders, AfterSalesFixtures.channel(this.channels), sku, 1,
				"10.00", OrderStatus.PENDING_PAYMENT);
		ChannelRefund.Outcome outcome = this.afterSales
			.recordChannelRefund(new ChannelRefund(order.id(), new BigDecimal("10.00"), Map.of(), null));
		assertThat(outcome.notPaid()).isTrue();
		assertThat(outcome.requestId()).isNull();
	}

}
