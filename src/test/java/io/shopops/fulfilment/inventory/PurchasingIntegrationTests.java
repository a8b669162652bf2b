package io.shopops.fulfilment.inventory;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import static io.shopops.fulfilment.inventory.PurchasingFixtures.draft;
import static io.shopops.fulfilment.inventory.PurchasingFixtures.line;
import static io.shopops.fulfilment.inventory.PurchasingFixtures.supplier;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Purchase orders, safety stock, low stock and reorder suggestions against the real
 * database: receipts go through the ledger, illegal transitions change nothing.
 */
@SpringBootTest
class PurchasingIntegrationTests {

	@Autowired
	Inventory inventory;

	@Autowired
	PurchaseOrders orders;

	@Autowired
	SupplierManagement suppliers;

	@Autowired
	StockPolicies policies;

	@Autowired
	ReorderSuggestions reorder;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aPurchaseOrderIsDraftedPlacedAndReceivedInTwoReceiptsThroughTheLedger() {
		String prefix = StockFixtures.unique("PO");
		List<String> skus = StockFixtures.skus(this.jdbc, this.inventory, prefix, 2, 0);
		long supplier = supplier(this.suppliers, "Supplier " + prefix, 5);
		long id = draft(this.orders, supplier, "MAIN");
		line(this.orders, id, skus.get(0), 10, "3.50");
		line(this.orders, id, skus.get(1), 4, "12.00");
		line(this.orders, id, skus.get(0), 8, "3.40");
		PurchaseOrder order = this.orders.find(id).orElseThrow();
		assertThat(order.lines()).extracting(PurchaseOrder.Line::sku, PurchaseOrder.Line::quantity)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(skus.get(0), 8),
					org.assertj.core.groups.Tuple.tuple(skus.get(1), 4));
		assertThat(order.totalCost()).isEqualByComparingTo("75.20");

		this.orders.place(id);
		long first = order.lines().get(0).id();
		long second = order.lines().get(1).id();
		assertThat(this.orders.receive(id, Map.of(first, 5))).isEqualTo(PurchaseOrderStatus.PARTIALLY_RECEIVED);
		assertThat(this.inventory.find(skus.get(0), "MAIN").orElseThrow().onHand()).isEqualTo(7);
		assertThat(this.orders.receive(id, Map.of(first, 3, second, 4))).isEqualTo(PurchaseOrderStatus.RECEIVED);
		assertThat(this.inventory.find(skus.get(1), "MAIN").orElseThrow().onHand()).isEqualTo(4);

		assertThat(receipts(prefix)).containsExactly(skus.get(0) + " 5 " + id, skus.get(0) + " 3 " + id,
				skus.get(1) + " 4 " + id);
		PurchaseOrder done = this.orders.find(id).orElseThrow();
		assertThat(done.outstanding()).isZero();
		assertThat(done.history()).extracting(PurchaseOrder.Event::action)
			.containsExactly(PurchaseOrderAction.CREATED, PurchaseOrderAction.LINE_SET, PurchaseOrderAction.LINE_SET,
					PurchaseOrderAction.LINE_SET, PurchaseOrderAction.PLACED, PurchaseOrderAction.RECEIVED,
					PurchaseOrderAction.RECEIVED);
		assertThat(this.jdbc
			.sql("SELECT action FROM audit_entry WHERE object_type = 'purchaseorder' AND object_id = ? "
					+ "ORDER BY id")
			.param(String.valueOf(id))
			.query(String.class)
			.list()).hasSize(7).startsWith("PURCHASE_ORDER_CREATED").endsWith("PURCHASE_ORDER_RECEIVED");
		assertThat(StockFixtures.mismatchesOf(this.inventory.checkLedger(), prefix)).isEmpty();
	}

	@Test
	void illegalTransitionsAndOverReceiptsAreRefusedAndChangeNothing() {
		String prefix = StockFixtures.unique("POX");
		String sku = StockFixtures.skus(this.jdbc, this.inventory, prefix, 0).get(0);
		long supplier = supplier(this.suppliers, "Supplier " + prefix, 5);
		long id = draft(this.orders, supplier, "MAIN");
		assertThat(refusal(() -> this.orders.place(id))).isEqualTo("purchaseOrder.place.empty");
		assertThat(refusal(() -> this.orders.receive(id, Map.of())))
			.isEqualTo("purchaseOrder.transition.illegal.RECEIVED");
		line(this.orders, id, sku, 5, "1.00");
		this.orders.place(id);
		assertThat(refusal(() -> this.orders.place(id))).isEqualTo("purchaseOrder.transition.illegal.ORDERED");
		assertThat(refusal(() -> line(this.orders, id, sku, 9, "1.00"))).isEqualTo("purchaseOrder.notDraft");
		long lineId = this.orders.find(id).orElseThrow().lines().get(0).id();
		assertThat(refusal(() -> this.orders.removeLine(id, lineId))).isEqualTo("purchaseOrder.notDraft");
		assertThat(refusal(() -> this.orders.receive(id, Map.of(lineId, 6))))
			.isEqualTo("purchaseOrder.receive.tooMany");
		assertThat(refusal(() -> this.orders.receive(id, Map.of(lineId, 0))))
			.isEqualTo("purchaseOrder.receive.nothing");
		assertThat(refusal(() -> this.orders.receive(id, Map.of(lineId + 100_000, 1))))
			.isEqualTo("purchaseOrder.receive.unknownLine");
		assertThat(this.inventory.find(sku, "MAIN").orElseThrow().onHand()).isZero();

		this.orders.receive(id, Map.of(lineId, 2));
		assertThat(refusal(() -> this.orders.cancel(id))).isEqualTo("purchaseOrder.transition.illegal.CANCELLED");
		assertThat(this.orders.find(id).orElseThrow().status()).isEqualTo(PurchaseOrderStatus.PARTIALLY_RECEIVED);

		long other = draft(this.orders, supplier, "MAIN");
		this.orders.cancel(other);
		assertThat(refusal(() -> this.orders.cancel(other))).isEqualTo("purchaseOrder.transition.illegal.CANCELLED");
		assertThat(this.orders.list(PurchaseOrderStatus.CANCELLED, supplier, Long.MAX_VALUE, 10))
			.extracting(PurchaseOrder.Summary::id)
			.containsExactly(other);
		assertThat(this.orders.list(null, supplier, Long.MAX_VALUE, 10)).extracting(PurchaseOrder.Summary::id)
			.containsExactly(other, id);
		assertThat(StockFixtures.mismatchesOf(this.inventory.checkLedger(), prefix)).isEmpty();
	}

	@Test
	void onlyOrderedAndPartiallyReceivedOrdersWaitToBeReceived() {
		String prefix = StockFixtures.unique("RCV");
		List<String> skus = StockFixtures.skus(this.jdbc, this.inventory, prefix, 1, 0);
		long supplier = supplier(this.suppliers, "Supplier " + prefix, 5);
		long before = this.orders.countReceivable();
		long drafted = draft(this.orders, supplier, "MAIN");
		line(this.orders, drafted, skus.get(0), 3, "1.00");
		long ordered = placed(supplier, skus.get(0));
		long partial = placed(supplier, skus.get(0));
		this.orders.receive(partial, Map.of(this.orders.find(partial).orElseThrow().lines().get(0).id(), 1));
		long received = placed(supplier, skus.get(0));
		this.orders.receive(received, Map.of(this.orders.find(received).orElseThrow().lines().get(0).id(), 3));
		long cancelled = placed(supplier, skus.get(0));
		this.orders.cancel(cancelled);

		assertThat(this.orders.find(received).orElseThrow().status()).isEqualTo(PurchaseOrderStatus.RECEIVED);
		assertThat(this.orders.countReceivable()).isEqualTo(before + 2);
		assertThat(this.orders.list(null, true, supplier, Long.MAX_VALUE, 10)).extracting(PurchaseOrder.Summary::id)
			.containsExactly(partial, ordered);
		assertThat(this.orders.list(null, false, supplier, Long.MAX_VALUE, 10)).hasSize(5);
	}

	private long placed(long supplier, String sku) {
		long id = draft(this.orders, supplier, "MAIN");
		line(this.orders, id, sku, 3, "1.00");
		this.orders.place(id);
		return id;
	}

	@Test
	void lowStockListsSkusAtOrBelowSafetyStockSummedOverWarehousesWithDaysOfCover() {
		String prefix = StockFixtures.unique("LOW");
		List<String> skus = StockFixtures.skus(this.jdbc, this.inventory, prefix, 20, 5, 100);
		String second = prefix.toUpperCase().replace("LOW-", "L");
		this.jdbc.sql("INSERT INTO warehouse (code, name) VALUES (?, 'Second')").param(second).update();
		this.inventory.receive(skus.get(1), second, 4, null);
		// 14 shipped in the window: 1 a day
		this.inventory.reserve(skus.get(0), "MAIN", 14, StockReference.order(prefix + "-1"));
		this.inventory.ship(skus.get(0), "MAIN", 14, StockReference.order(prefix + "-1"));
		this.policies.set(skus.get(0), 6, null);
		this.policies.set(skus.get(1), 9, null);
		this.policies.set(skus.get(2), 10, null);
		long before = this.policies.countLow();
		List<LowStockRow> rows = this.policies.lowStock(prefix, 10)
			.stream()
			.filter((r) -> r.sku().startsWith(prefix))
			.toList();
		// SKU 1: 6 available = safety 6, 1 sold a day: 6 days; SKU 2: 5 + 4 = 9; SKU 3:
		// 100
		assertThat(rows).extracting(LowStockRow::sku, LowStockRow::available, LowStockRow::daysOfCover)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(skus.get(0), 6L, 6),
					org.assertj.core.groups.Tuple.tuple(skus.get(1), 9L, null));
		this.inventory.receive(skus.get(1), "MAIN", 1, null);
		assertThat(this.policies.countLow()).isEqualTo(before - 1);
		this.policies.set(skus.get(0), null, null);
		assertThat(this.policies.find(skus.get(0)).orElseThrow().safetyStock()).isNull();
		assertThat(this.jdbc
			.sql("SELECT summary FROM audit_entry WHERE action = 'STOCK_POLICY_SET' AND object_id = ? " + "ORDER BY id")
			.param(skus.get(0))
			.query(String.class)
			.list()).containsExactly("safety stock — → 6, supplier — → —", "safety stock 6 → —, supplier — → —");
	}

	@Test
	void reorderSuggestsFromVelocityAndLeadTimeMinusOpenOrdersAndDraftsAnOrder() {
		String prefix = StockFixtures.unique("RE");
		List<String> skus = StockFixtures.skus(this.jdbc, this.inventory, prefix, 30, 3, 200);
		long supplier = supplier(this.suppliers, "Supplier " + prefix, 10);
		// SKU 1 sells 28 in 14 days (2 a day): 2 left, lead 10 + 7 > 1 day of cover
		this.inventory.reserve(skus.get(0), "MAIN", 28, StockReference.order(prefix + "-1"));
		this.inventory.ship(skus.get(0), "MAIN", 28, StockReference.order(prefix + "-1"));
		this.policies.set(skus.get(0), null, supplier);
		// SKU 2 has no sales but is below its safety stock of 5
		this.policies.set(skus.get(1), 5, supplier);
		// SKU 3 is well stocked
		this.policies.set(skus.get(2), 5, supplier);
		List<ReorderSuggestion> suggestions = this.reorder.list(supplier, null, 10);
		assertThat(suggestions).extracting(ReorderSuggestion::sku, ReorderSuggestion::suggestedQuantity)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(skus.get(0), 78),
					org.assertj.core.groups.Tuple.tuple(skus.get(1), 2));
		assertThat(suggestions.get(0).daysOfCover()).isOne();

		long id = this.reorder.createDraft(supplier, "MAIN", List.of(skus.get(0), skus.get(1), skus.get(2)));
		PurchaseOrder draft = this.orders.find(id).orElseThrow();
		assertThat(draft.status()).isEqualTo(PurchaseOrderStatus.DRAFT);
		assertThat(draft.lines()).extracting(PurchaseOrder.Line::sku, PurchaseOrder.Line::quantity)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(skus.get(0), 78),
					org.assertj.core.groups.Tuple.tuple(skus.get(1), 2));
		// the draft is on order now: nothing more to suggest, and nothing to draft twice
		assertThat(this.reorder.list(supplier, null, 10)).extracting(ReorderSuggestion::suggestedQuantity)
			.containsOnly(0);
		assertThat(refusal(() -> this.reorder.createDraft(supplier, "MAIN", List.of(skus.get(0)))))
			.isEqualTo("reorder.nothing");
		this.orders.cancel(id);
		assertThat(this.reorder.list(supplier, null, 10)).extracting(ReorderSuggestion::onOrder).containsOnly(0L);
	}

	private List<String> receipts(String prefix) {
		return this.jdbc
			.sql("""
					SELECT v.sku || ' ' || m.on_hand_delta || ' ' || m.reference_id FROM stock_movement m
					JOIN product_variant v ON v.id = m.variant_id
					WHERE v.sku LIKE ? AND m.kind = 'RECEIPT' AND m.reference_type = 'purchase_order' ORDER BY v.sku, m.id""")
			.param(prefix + "%")
			.query(String.class)
			.list();
	}

	private static String refusal(Runnable action) {
		try {
			action.run();
		}
		catch (PurchaseOrderException ex) {
			return ex.messageKey();
		}
		throw new AssertionError("not refused");
	}

}
