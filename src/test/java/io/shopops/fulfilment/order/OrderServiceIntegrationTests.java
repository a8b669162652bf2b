package io.shopops.fulfilment.order;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import io.shopops.fulfilment.inventory.InsufficientStockException;
import io.shopops.fulfilment.inventory.Inventory;
import io.shopops.fulfilment.inventory.StockLevel;
import io.shopops.fulfilment.order.OrderInvalidException.Problem;
import io.shopops.fulfilment.order.Orders.LineQuantity;
import io.shopops.fulfilment.order.Orders.Placement;
import io.shopops.fulfilment.order.Orders.ShipmentRequest;
import io.shopops.fulfilment.order.Orders.StatusChange;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Orders through their statuses with the stock, timeline and audit entries each change
 * writes.
 */
@SpringBootTest
class OrderServiceIntegrationTests {

	@Autowired
	Orders orders;

	@Autowired
	SalesChannels channels;

	@Autowired
	JdbcOrderSettings settings;

	@Autowired
	Inventory inventory;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aPaidOrderReservesItsLinesAndComputesItsAmounts() {
		String prefix = OrderFixtures.unique("PAID");
		List<String> skus = OrderFixtures.skus(this.jdbc, this.inventory, prefix, 10, 10);
		String channel = OrderFixtures.channel(this.channels);
		OrderDraft draft = new OrderDraft(channel, prefix + "-1", OrderStatus.PAID,
				Times.placed(Instant.parse("2026-11-30T08:00:00Z"), null),
				new Customer("张三", "138****5678", null, "zs"),
				new Address(null, null, "浙江省", "杭州市", "西湖区", "文三路 1 号", "310000"),
				List.of(new OrderDraft.Line(skus.get(0), null, 2, new BigDecimal("19.90"), new BigDecimal("1.80")),
						new OrderDraft.Line(skus.get(1), "Gift box", 1, new BigDecimal("5"), null)),
				new BigDecimal("8"), new BigDecimal("2"), null, "WELCOME", new Utm("xhs", "social", "w48", "note-1"),
				"C-77", "v-1", null, "leave at the door", OrderSource.API);

		Placement placement = this.orders.place(draft);

		OrderSnapshot order = placement.order();
		assertThat(placement.created()).isTrue();
		assertThat(order.status()).isEqualTo(OrderStatus.PAID);
		assertThat(order.goodsAmount()).isEqualByComparingTo("43.00");
		assertThat(order.paidAmount()).isEqualByComparingTo("49.00");
		assertThat(order.currency()).isEqualTo("CNY");
		assertThat(order.times().paidAt()).isEqualTo(order.times().placedAt());
		assertThat(order.lines()).extracting(OrderSnapshot.Line::title)
			.containsExactly("Product " + prefix, "Gift box");
		assertThat(this.orders.find(order.id())).contains(order);
		assertThat(this.orders.find(channel.toLowerCase(), prefix + "-1")).contains(order);
		assertThat(this.inventory.find(skus.get(0), "MAIN")).contains(new StockLevel(skus.get(0), "MAIN", 10, 2));
		assertThat(this.inventory.find(skus.get(1), "MAIN")).contains(new StockLevel(skus.get(1), "MAIN", 10, 1));
		assertThat(timeline(order.id())).containsExactly("null>PENDING_PAYMENT", "PENDING_PAYMENT>PAID");
		assertThat(audit(order.id())).containsExactly("ORDER_PLACED");
	}

	@Test
	void theSameNumberAgainChangesNothing() {
		String prefix = OrderFixtures.unique("SAME");
		String sku = OrderFixtures.skus(this.jdbc, this.inventory, prefix, 5).get(0);
		String channel = OrderFixtures.channel(this.channels);
		Placement first = this.orders
			.place(OrderFixtures.draft(channel, "N1", OrderStatus.PAID, List.of(OrderFixtures.line(sku, 2))));

		Placement again = this.orders
			.place(OrderFixtures.draft(channel, "N1", OrderStatus.PAID, List.of(OrderFixtures.line(sku, 4))));

		assertThat(again.created()).isFalse();
		assertThat(again.order()).isEqualTo(first.order());
		assertThat(this.inventory.find(sku, "MAIN").orElseThrow().reserved()).isEqualTo(2);
		assertThat(audit(first.order().id())).containsExactly("ORDER_PLACED");
	}

	@Test
	void anOrderThatCannotBeReservedIsRefusedAndNothingIsStored() {
		String prefix = OrderFixtures.unique("SHORT");
		List<String> skus = OrderFixtures.skus(this.jdbc, this.inventory, prefix, 5, 1);
		String channel = OrderFixtures.channel(this.channels);

		assertThatExceptionOfType(InsufficientStockException.class)
			.isThrownBy(() -> this.orders.place(OrderFixtures.draft(channel, "N1", OrderStatus.PAID,
					List.of(OrderFixtures.line(skus.get(0), 2), OrderFixtures.line(skus.get(1), 2)))))
			.satisfies((ex) -> assertThat(ex.getSku()).isEqualTo(skus.get(1)));

		assertThat(this.orders.find(channel, "N1")).isEmpty();
		assertThat(this.inventory.find(skus.get(0), "MAIN").orElseThrow().reserved()).isZero();
	}

	@Test
	void heldOrdersWaitForStockWhenTheSettingSaysSo() {
		String prefix = OrderFixtures.unique("HOLD");
		String sku = OrderFixtures.skus(this.jdbc, this.inventory, prefix, 1).get(0);
		String channel = OrderFixtures.channel(this.channels);
		OrderSettingsForm form = this.settings.form();
		form.setHoldShortOrders(true);
		this.settings.change(form);
		OrderSnapshot held;
		try {
			assertThat(this.settings.current().holdShortOrders()).isTrue();
			held = this.orders
				.place(OrderFixtures.draft(channel, "N1", OrderStatus.PAID, List.of(OrderFixtures.line(sku, 3))))
				.order();
		}
		finally {
			OrderSettingsForm restore = this.settings.form();
			restore.setHoldShortOrders(false);
			this.settings.change(restore);
		}
		assertThat(held.status()).isEqualTo(OrderStatus.AWAITING_STOCK);
		assertThat(this.inventory.find(sku, "MAIN").orElseThrow().reserved()).isZero();
		assertThatExceptionOfType(InsufficientStockException.class)
			.isThrownBy(() -> this.orders.reserveAwaitingStock(held.id()));

		this.inventory.adjust(sku, "MAIN", 2, "delivery");
		OrderSnapshot paid = this.orders.reserveAwaitingStock(held.id());

		assertThat(paid.status()).isEqualTo(OrderStatus.PAID);
		assertThat(this.inventory.find(sku, "MAIN").orElseThrow().reserved()).isEqualTo(3);
		assertThat(timeline(held.id())).containsExactly("null>PENDING_PAYMENT", "PENDING_PAYMENT>AWAITING_STOCK",
				"AWAITING_STOCK>PAID");
	}

	@Test
	void shipsInPartsThenDeliversAndCompletes() {
		String prefix = OrderFixtures.unique("SHIP");
		List<String> skus = OrderFixtures.skus(this.jdbc, this.inventory, prefix, 10, 10);
		String channel = OrderFixtures.channel(this.channels);
		OrderSnapshot order = this.orders.place(OrderFixtures.draft(channel, "N1", OrderStatus.PAID,
				List.of(OrderFixtures.line(skus.get(0), 3), OrderFixtures.line(skus.get(1), 1))))
			.order();
		long first = order.lines().get(0).id();

		OrderSnapshot partly = this.orders.ship(order.id(),
				new ShipmentRequest("SF", "SF100", null, List.of(new LineQuantity(first, 2))));
		assertThat(partly.status()).isEqualTo(OrderStatus.PARTIALLY_SHIPPED);
		assertThat(this.inventory.find(skus.get(0), "MAIN")).contains(new StockLevel(skus.get(0), "MAIN", 8, 1));
		assertThatExceptionOfType(OrderInvalidException.class)
			.isThrownBy(() -> this.orders.ship(order.id(),
					new ShipmentRequest(null, null, null, List.of(new LineQuantity(first, 2)))))
			.satisfies((ex) -> assertThat(ex.getProblems()).extracting(Problem::code)
				.containsExactly("order.shipment.quantity.range"));

		OrderSnapshot shipped = this.orders.moveTo(order.id(), OrderStatus.SHIPPED,
				new StatusChange(null, "YTO", "YT200", null));
		assertThat(shipped.status()).isEqualTo(OrderStatus.SHIPPED);
		assertThat(shipped.lines()).allSatisfy((line) -> assertThat(line.shippedQuantity()).isEqualTo(line.quantity()));
		assertThat(this.inventory.find(skus.get(0), "MAIN")).contains(new StockLevel(skus.get(0), "MAIN", 7, 0));
		assertThat(this.inventory.find(skus.get(1), "MAIN")).contains(new StockLevel(skus.get(1), "MAIN", 9, 0));

		this.orders.track(order.id(), "YTO", "YT201");
		assertThat(this.jdbc.sql("SELECT tracking_number FROM shipment WHERE order_id = ? ORDER BY id")
			.param(order.id())
			.query(String.class)
			.list()).containsExactly("SF100", "YT201");
		assertThat(this.orders.deliver(order.id(), null).status()).isEqualTo(OrderStatus.DELIVERED);
		OrderSnapshot completed = this.orders.complete(order.id(), Instant.parse("2026-12-01T00:00:00Z"));
		assertThat(completed.status()).isEqualTo(OrderStatus.COMPLETED);
		assertThat(completed.times().completedAt()).isEqualTo(Instant.parse("2026-12-01T00:00:00Z"));
		assertThat(timeline(order.id())).containsExactly("null>PENDING_PAYMENT", "PENDING_PAYMENT>PAID",
				"PAID>PARTIALLY_SHIPPED", "PARTIALLY_SHIPPED>SHIPPED", "SHIPPED>SHIPPED", "SHIPPED>DELIVERED",
				"DELIVERED>COMPLETED");
		assertThat(audit(order.id())).containsExactly("ORDER_PLACED", "ORDER_SHIPPED", "ORDER_SHIPPED", "ORDER_TRACKED",
				"ORDER_DELIVERED", "ORDER_COMPLETED");
		assertThat(OrderFixtures.stockMovements(this.jdbc, order.id(), "SHIPMENT")).isEqualTo(8);
	}

	@Test
	void cancellingAPaidOrderReleasesItsStock() {
		String prefix = OrderFixtures.unique("CANCEL");
		String sku = OrderFixtures.skus(this.jdbc, this.inventory, prefix, 4).get(0);
		String channel = OrderFixtures.channel(this.channels);
		OrderSnapshot order = this.orders
			.place(OrderFixtures.draft(channel, "N1", OrderStatus.PAID, List.of(OrderFixtures.line(sku, 4))))
			.order();

		OrderSnapshot cancelled = this.orders.cancel(order.id(), "buyer asked", null);

		assertThat(cancelled.status()).isEqualTo(OrderStatus.CANCELLED);
		assertThat(cancelled.times().cancelledAt()).isNotNull();
		assertThat(this.inventory.find(sku, "MAIN")).contains(new StockLevel(sku, "MAIN", 4, 0));
		assertThat(OrderFixtures.stockMovements(this.jdbc, order.id(), "RELEASE")).isEqualTo(4);
	}

	@Test
	void closingAPartlyShippedOrderReleasesWhatDidNotShip() {
		String prefix = OrderFixtures.unique("CLOSE");
		String sku = OrderFixtures.skus(this.jdbc, this.inventory, prefix, 5).get(0);
		String channel = OrderFixtures.channel(this.channels);
		OrderSnapshot order = this.orders
			.place(OrderFixtures.draft(channel, "N1", OrderStatus.PAID, List.of(OrderFixtures.line(sku, 5))))
			.order();
		this.orders.ship(order.id(),
				new ShipmentRequest(null, null, null, List.of(new LineQuantity(order.lines().get(0).id(), 2))));

		this.orders.close(order.id(), "refunded", null);

		assertThat(this.inventory.find(sku, "MAIN")).contains(new StockLevel(sku, "MAIN", 3, 0));
	}

	@Test
	void payingAPendingOrderReserves() {
		String prefix = OrderFixtures.unique("PEND");
		String sku = OrderFixtures.skus(this.jdbc, this.inventory, prefix, 2).get(0);
		String channel = OrderFixtures.channel(this.channels);
		OrderSnapshot pending = this.orders
			.place(OrderFixtures.draft(channel, "N1", OrderStatus.PENDING_PAYMENT, List.of(OrderFixtures.line(sku, 2))))
			.order();
		assertThat(this.inventory.find(sku, "MAIN").orElseThrow().reserved()).isZero();

		OrderSnapshot paid = this.orders.pay(pending.id(), Instant.parse("2026-12-01T10:00:00Z"));

		assertThat(paid.status()).isEqualTo(OrderStatus.PAID);
		assertThat(paid.times().paidAt()).isEqualTo(Instant.parse("2026-12-01T10:00:00Z"));
		assertThat(this.inventory.find(sku, "MAIN").orElseThrow().reserved()).isEqualTo(2);
	}

	@Test
	void anIllegalTransitionIsRefusedAndChangesNothing() {
		String prefix = OrderFixtures.unique("ILLEGAL");
		String sku = OrderFixtures.skus(this.jdbc, this.inventory, prefix, 2).get(0);
		String channel = OrderFixtures.channel(this.channels);
		OrderSnapshot pending = this.orders
			.place(OrderFixtures.draft(channel, "N1", OrderStatus.PENDING_PAYMENT, List.of(OrderFixtures.line(sku, 1))))
			.order();

		assertThatExceptionOfType(IllegalOrderTransitionException.class)
			.isThrownBy(() -> this.orders.moveTo(pending.id(), OrderStatus.SHIPPED, null))
			.satisfies((ex) -> {
				assertThat(ex.getFrom()).isEqualTo(OrderStatus.PENDING_PAYMENT);
				assertThat(ex.getTo()).isEqualTo(OrderStatus.SHIPPED);
			});
		assertThatExceptionOfType(IllegalOrderTransitionException.class)
			.isThrownBy(() -> this.orders.deliver(pending.id(), null));
		assertThatExceptionOfType(IllegalOrderTransitionException.class)
			.isThrownBy(() -> this.orders.track(pending.id(), "SF", "1"));
		assertThat(this.orders.find(pending.id())).contains(pending);
		assertThatExceptionOfType(OrderNotFoundException.class).isThrownBy(() -> this.orders.pay(-1, null));
	}

	@Test
	void aLiveOrderNeedsKnownSkusAndAnActiveChannel() {
		String channel = OrderFixtures.channel(this.channels);
		assertThatExceptionOfType(OrderInvalidException.class)
			.isThrownBy(() -> this.orders.place(OrderFixtures.draft(channel, "N1", OrderStatus.PAID,
					List.of(OrderFixtures.line("NO-SUCH-SKU-" + channel, 1)))))
			.satisfies((ex) -> assertThat(ex.getProblems()).containsExactly(
					new Problem("lines[0].sku", "order.draft.sku.unknown", List.of("NO-SUCH-SKU-" + channel))));
		assertThatExceptionOfType(SalesChannelNotFoundException.class).isThrownBy(() -> this.orders.place(
				OrderFixtures.draft("NO-SUCH-CHANNEL", "N1", OrderStatus.PAID, List.of(OrderFixtures.line("X", 1)))));
	}

	@Test
	void historyIsRecordedWithItsTimesWithoutTouchingStock() {
		String prefix = OrderFixtures.unique("HIST");
		String sku = OrderFixtures.skus(this.jdbc, this.inventory, prefix, 1).get(0);
		String channel = OrderFixtures.channel(this.channels);
		Times times = new Times(Instant.parse("2025-06-01T02:00:00Z"), Instant.parse("2025-06-01T02:05:00Z"),
				Instant.parse("2025-06-02T09:00:00Z"), null, Instant.parse("2025-06-10T00:00:00Z"), null, null);
		OrderDraft draft = new OrderDraft(channel, "#1001", OrderStatus.COMPLETED, times, null, null,
				List.of(new OrderDraft.Line(sku, null, 5, new BigDecimal("12.50"), null),
						new OrderDraft.Line("GONE-" + prefix, "Old mug", 1, new BigDecimal("30"), null)),
				null, null, "USD", null, null, null, null, new OrderDraft.Shipment("UPS", "1Z999"), null,
				OrderSource.IMPORT);

		OrderSnapshot order = this.orders.place(draft).order();

		assertThat(order.history()).isTrue();
		assertThat(order.status()).isEqualTo(OrderStatus.COMPLETED);
		assertThat(order.currency()).isEqualTo("USD");
		assertThat(order.times()).isEqualTo(times);
		assertThat(order.lines().get(0).variantId()).isNotNull();
		assertThat(order.lines().get(1).variantId()).isNull();
		assertThat(this.orders.find(order.id()).orElseThrow().lines())
			.extracting(OrderSnapshot.Line::title, OrderSnapshot.Line::shippedQuantity)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("Product " + prefix, 5),
					org.assertj.core.groups.Tuple.tuple("Old mug", 1));
		assertThat(this.inventory.find(sku, "MAIN")).contains(new StockLevel(sku, "MAIN", 1, 0));
		assertThat(
				this.jdbc.sql("SELECT count(*) FROM stock_movement WHERE reference_type = 'order' AND reference_id = ?")
					.param(String.valueOf(order.id()))
					.query(Long.class)
					.single())
			.isZero();
		assertThat(timeline(order.id())).containsExactly("null>PENDING_PAYMENT", "PENDING_PAYMENT>PAID", "PAID>SHIPPED",
				"SHIPPED>COMPLETED");
		assertThat(this.jdbc.sql("SELECT carrier || ' ' || tracking_number FROM shipment WHERE order_id = ?")
			.param(order.id())
			.query(String.class)
			.list()).containsExactly("UPS 1Z999");
	}

	@Test
	void channelsHaveUniqueUpperCaseCodes() {
		String code = OrderFixtures.unique("shop").toLowerCase();
		SalesChannel channel = this.channels.create(code, " Own shop ", SalesPlatform.OWN_SITE);
		assertThat(channel.code()).isEqualTo(code.toUpperCase());
		assertThat(channel.name()).isEqualTo("Own shop");
		assertThat(this.channels.find(code)).contains(channel);
		assertThat(this.channels.list()).contains(channel);
		assertThatExceptionOfType(ChannelCodeTakenException.class)
			.isThrownBy(() -> this.channels.create(code, "Again", SalesPlatform.TMALL));
		assertThatExceptionOfType(OrderInvalidException.class)
			.isThrownBy(() -> this.channels.create("bad code!", "", null))
			.satisfies((ex) -> assertThat(ex.getProblems()).extracting(Problem::field)
				.containsExactly("code", "name", "platform"));
	}

	private List<String> timeline(long orderId) {
		return this.jdbc
			.sql("SELECT coalesce(from_status, 'null') || '>' || to_status FROM order_status_change "
					+ "WHERE order_id = ? ORDER BY id")
			.param(orderId)
			.query(String.class)
			.list();
	}

	private List<String> audit(long orderId) {
		return this.jdbc.sql("SELECT action FROM audit_entry WHERE object_type = 'order' AND object_id = ? ORDER BY id")
			.param(String.valueOf(orderId))
			.query(String.class)
			.list();
	}

}
