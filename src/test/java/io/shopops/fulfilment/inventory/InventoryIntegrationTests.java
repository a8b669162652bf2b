package io.shopops.fulfilment.inventory;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The inventory API against the real database: every movement changes the stock row and
 * writes one ledger row, and nothing ever goes negative.
 */
@SpringBootTest
class InventoryIntegrationTests {

	@Autowired
	Inventory inventory;

	@Autowired
	JdbcClient jdbc;

	@Test
	void opensStockWithAnInitialMovement() {
		String prefix = StockFixtures.unique("OPEN");
		String sku = StockFixtures.skus(this.jdbc, this.inventory, prefix, 7).get(0);
		assertThat(this.inventory.find(sku, "MAIN")).contains(new StockLevel(sku, "MAIN", 7, 0));
		assertThat(movements(sku)).containsExactly("INITIAL 7 0 null");
	}

	@Test
	void reservesShipsReleasesAndReceivesWithOneLedgerRowEach() {
		String prefix = StockFixtures.unique("FLOW");
		String sku = StockFixtures.skus(this.jdbc, this.inventory, prefix, 10).get(0);
		StockReference order = StockReference.order(prefix + "-1001");
		assertThat(this.inventory.reserve(sku, "MAIN", 4, order).available()).isEqualTo(6);
		assertThat(this.inventory.ship(sku, "MAIN", 3, order)).isEqualTo(new StockLevel(sku, "MAIN", 7, 1));
		assertThat(this.inventory.release(sku, "MAIN", 1, order)).isEqualTo(new StockLevel(sku, "MAIN", 7, 0));
		assertThat(this.inventory.receive(sku, "MAIN", 5, new StockReference("purchase_order", "PO-1")))
			.isEqualTo(new StockLevel(sku, "MAIN", 12, 0));
		assertThat(this.inventory.restock(sku, "MAIN", 2, new StockReference("return", "R-1")))
			.isEqualTo(new StockLevel(sku, "MAIN", 14, 0));
		assertThat(movements(sku)).containsExactly("INITIAL 10 0 null", "RESERVATION 0 4 order", "SHIPMENT -3 -3 order",
				"RELEASE 0 -1 order", "RECEIPT 5 0 purchase_order", "RETURN 2 0 return");
		assertThat(StockFixtures.mismatchesOf(this.inventory.checkLedger(), prefix)).isEmpty();
	}

	@Test
	void refusesToReserveMoreThanIsAvailableAndChangesNothing() {
		String prefix = StockFixtures.unique("SHORT");
		String sku = StockFixtures.skus(this.jdbc, this.inventory, prefix, 3).get(0);
		assertThatExceptionOfType(InsufficientStockException.class)
			.isThrownBy(() -> this.inventory.reserve(sku, "MAIN", 4, StockReference.order("1")))
			.satisfies((ex) -> assertThat(ex.getSku()).isEqualTo(sku));
		assertThat(this.inventory.find(sku, "MAIN")).contains(new StockLevel(sku, "MAIN", 3, 0));
		assertThat(movements(sku)).hasSize(1);
	}

	@Test
	void reservesSeveralLinesAllOrNone() {
		String prefix = StockFixtures.unique("LINES");
		List<String> skus = StockFixtures.skus(this.jdbc, this.inventory, prefix, 5, 1);
		List<StockRequest> lines = List.of(new StockRequest(skus.get(0), "MAIN", 2),
				new StockRequest(skus.get(1), "MAIN", 2));
		assertThatExceptionOfType(InsufficientStockException.class)
			.isThrownBy(() -> this.inventory.reserve(lines, StockReference.order("2")))
			.satisfies((ex) -> assertThat(ex.getSku()).isEqualTo(skus.get(1)));
		assertThat(this.inventory.find(skus.get(0), "MAIN").orElseThrow().reserved()).isZero();
		List<StockLevel> levels = this.inventory.reserve(List.of(new StockRequest(skus.get(1), "MAIN", 1),
				new StockRequest(skus.get(0), "MAIN", 2), new StockRequest(skus.get(0), "MAIN", 1)),
				StockReference.order("3"));
		assertThat(levels).containsExactly(new StockLevel(skus.get(0), "MAIN", 5, 3),
				new StockLevel(skus.get(1), "MAIN", 1, 1));
	}

	@Test
	void refusesShipmentsAndReleasesBeyondTheReservation() {
		String prefix = StockFixtures.unique("BEYOND");
		String sku = StockFixtures.skus(this.jdbc, this.inventory, prefix, 5).get(0);
		this.inventory.reserve(sku, "MAIN", 2, StockReference.order("4"));
		assertThatExceptionOfType(InsufficientStockException.class)
			.isThrownBy(() -> this.inventory.ship(sku, "MAIN", 3, StockReference.order("4")));
		assertThatExceptionOfType(InsufficientStockException.class)
			.isThrownBy(() -> this.inventory.release(sku, "MAIN", 3, StockReference.order("4")));
		assertThat(this.inventory.find(sku, "MAIN")).contains(new StockLevel(sku, "MAIN", 5, 2));
	}

	@Test
	void adjustsWithAReasonAndAuditsIt() {
		String prefix = StockFixtures.unique("ADJ");
		String sku = StockFixtures.skus(this.jdbc, this.inventory, prefix, 5).get(0);
		this.inventory.reserve(sku, "MAIN", 2, StockReference.order("5"));
		assertThat(this.inventory.adjust(sku, "MAIN", -3, "damaged").onHand()).isEqualTo(2);
		assertThatExceptionOfType(InsufficientStockException.class)
			.isThrownBy(() -> this.inventory.adjust(sku, "MAIN", -1, "lost"));
		assertThatIllegalArgumentException().isThrownBy(() -> this.inventory.adjust(sku, "MAIN", 1, " "));
		assertThat(this.jdbc.sql("SELECT summary FROM audit_entry WHERE action = 'STOCK_ADJUSTED' AND object_id = ?")
			.param(sku + "@MAIN")
			.query(String.class)
			.list()).containsExactly("on hand 5 → 2 (-3): damaged");
		assertThat(movements(sku)).endsWith("ADJUSTMENT -3 0 null");
	}

	@Test
	void receivesIntoAnotherWarehouseOpeningItsRow() {
		String prefix = StockFixtures.unique("RECV");
		String sku = StockFixtures.skus(this.jdbc, this.inventory, prefix, 0).get(0);
		String code = prefix.toUpperCase();
		this.jdbc.sql("INSERT INTO warehouse (code, name) VALUES (?, 'Second')").param(code).update();
		assertThat(this.inventory.receive(sku, code, 9, null)).isEqualTo(new StockLevel(sku, code, 9, 0));
		assertThatExceptionOfType(StockItemNotFoundException.class)
			.isThrownBy(() -> this.inventory.receive(sku, "NOWHERE", 1, null));
		assertThatExceptionOfType(StockItemNotFoundException.class)
			.isThrownBy(() -> this.inventory.reserve("NO-SUCH-SKU-" + prefix, "MAIN", 1, StockReference.order("6")));
		assertThat(StockFixtures.mismatchesOf(this.inventory.checkLedger(), prefix)).isEmpty();
	}

	@Test
	void theLedgerRefusesUpdatesAndDeletes() {
		String prefix = StockFixtures.unique("APPEND");
		String sku = StockFixtures.skus(this.jdbc, this.inventory, prefix, 1).get(0);
		assertThatThrownBy(() -> this.jdbc
			.sql("UPDATE stock_movement SET on_hand_delta = 100 WHERE variant_id = "
					+ "(SELECT id FROM product_variant WHERE sku = ?)")
			.param(sku)
			.update()).hasMessageContaining("append-only");
		assertThatThrownBy(() -> this.jdbc
			.sql("DELETE FROM stock_movement WHERE variant_id = " + "(SELECT id FROM product_variant WHERE sku = ?)")
			.param(sku)
			.update()).hasMessageContaining("append-only");
		assertThat(this.jdbc.sql("DELETE FROM product WHERE handle = ?").param(prefix.toLowerCase()).update()).isOne();
		assertThat(movements(sku)).isEmpty();
	}

	@Test
	void theCheckFindsStockThatDiffersFromTheLedger() {
		String prefix = StockFixtures.unique("DRIFT");
		String sku = StockFixtures.skus(this.jdbc, this.inventory, prefix, 4).get(0);
		this.jdbc
			.sql("UPDATE stock_item SET on_hand = 6 WHERE variant_id = (SELECT id FROM product_variant WHERE sku = ?)")
			.param(sku)
			.update();
		assertThat(StockFixtures.mismatchesOf(this.inventory.checkLedger(), prefix))
			.containsExactly(new LedgerCheck.Mismatch(sku, "MAIN", 6, 0, 4, 0));
		this.inventory.adjust(sku, "MAIN", 1, "test drift repaired by hand");
		this.jdbc
			.sql("UPDATE stock_item SET on_hand = 5 WHERE variant_id = (SELECT id FROM product_variant WHERE sku = ?)")
			.param(sku)
			.update();
		assertThat(StockFixtures.mismatchesOf(this.inventory.checkLedger(), prefix)).isEmpty();
	}

	private List<String> movements(String sku) {
		return this.jdbc
			.sql("""
					SELECT m.kind || ' ' || m.on_hand_delta || ' ' || m.reserved_delta || ' ' || coalesce(m.reference_type, 'null')
					FROM stock_movement m JOIN product_variant v ON v.id = m.variant_id WHERE v.sku = ? ORDER BY m.id""")
			.param(sku)
			.query(String.class)
			.list();
	}

}
