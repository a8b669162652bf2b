package io.shopops.fulfilment.inventory;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Stock-takes against the real database: the preview shows differences and problems,
 * applying writes one STOCK_TAKE movement per changed row in one transaction, and a
 * stock-take whose rows changed since the preview is refused until read again.
 */
@SpringBootTest
class StockTakeIntegrationTests {

	@Autowired
	Inventory inventory;

	@Autowired
	StockTakes stockTakes;

	@Autowired
	JdbcClient jdbc;

	@Test
	void countSetsOnHandToTheCountedUnitsThroughTheLedger() {
		String prefix = StockFixtures.unique("CNT");
		String sku = StockFixtures.skus(this.jdbc, this.inventory, prefix, 10).get(0);
		StockReference take = new StockReference("stock_take", prefix);
		this.inventory.reserve(sku, "MAIN", 3, StockReference.order(prefix));
		assertThat(this.inventory.count(sku, "MAIN", 7, take)).isEqualTo(new StockLevel(sku, "MAIN", 7, 3));
		assertThat(this.inventory.count(sku, "MAIN", 7, take)).isEqualTo(new StockLevel(sku, "MAIN", 7, 3));
		assertThatExceptionOfType(InsufficientStockException.class)
			.isThrownBy(() -> this.inventory.count(sku, "MAIN", 2, take));
		String second = prefix.toUpperCase().replace("CNT-", "C");
		this.jdbc.sql("INSERT INTO warehouse (code, name) VALUES (?, 'Second')").param(second).update();
		assertThat(this.inventory.count(sku, second, 0, take)).isEqualTo(new StockLevel(sku, second, 0, 0));
		assertThat(this.inventory.find(sku, second)).isEmpty();
		assertThat(this.inventory.count(sku, second, 4, take)).isEqualTo(new StockLevel(sku, second, 4, 0));
		assertThatExceptionOfType(StockItemNotFoundException.class)
			.isThrownBy(() -> this.inventory.count(sku, "NOWHERE", 1, take));
		assertThat(this.jdbc.sql("""
				SELECT m.warehouse || ' ' || m.on_hand_delta FROM stock_movement m JOIN product_variant v
				ON v.id = m.variant_id WHERE v.sku = ? AND m.kind = 'STOCK_TAKE' ORDER BY m.id""")
			.param(sku)
			.query(String.class)
			.list()).containsExactly("MAIN -3", second + " 4");
		assertThat(StockFixtures.mismatchesOf(this.inventory.checkLedger(), prefix)).isEmpty();
	}

	@Test
	void aPreviewShowsDifferencesAndProblemsAndOnlyAProblemFreeOneApplies() {
		String prefix = StockFixtures.unique("TAKE");
		List<String> skus = StockFixtures.skus(this.jdbc, this.inventory, prefix, 10, 5, 8);
		this.inventory.reserve(skus.get(2), "MAIN", 6, StockReference.order(prefix));
		long bad = this.stockTakes.preview("bad.csv",
				List.of(row(2, skus.get(0), 12), row(3, "NO-" + prefix, 1), row(4, skus.get(1), "NOWHERE", 1),
						row(5, skus.get(0), 11), row(6, skus.get(2), 5),
						new StockTakeRow(7, skus.get(1), "MAIN", null, "import.problem.number.invalid", List.of())));
		StockTake preview = this.stockTakes.find(bad).orElseThrow();
		assertThat(preview.rows()).isEqualTo(6);
		assertThat(preview.changes()).isEqualTo(1);
		assertThat(preview.problems()).isEqualTo(5);
		assertThat(this.stockTakes.notableLines(bad, 0, 10)).extracting(StockTake.Line::row, StockTake.Line::problem)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(2L, null),
					org.assertj.core.groups.Tuple.tuple(3L, "stockTake.problem.sku.unknown"),
					org.assertj.core.groups.Tuple.tuple(4L, "stockTake.problem.warehouse.unknown"),
					org.assertj.core.groups.Tuple.tuple(5L, "stockTake.problem.duplicate"),
					org.assertj.core.groups.Tuple.tuple(6L, "stockTake.problem.belowReserved"),
					org.assertj.core.groups.Tuple.tuple(7L, "import.problem.number.invalid"));
		assertThat(this.stockTakes.notableLines(bad, 0, 10).get(0).difference()).isEqualTo(2);
		assertThat(refusal(() -> this.stockTakes.apply(bad))).isEqualTo("stockTake.apply.problems");
		assertThat(this.inventory.find(skus.get(0), "MAIN").orElseThrow().onHand()).isEqualTo(10);

		long good = this.stockTakes.preview("good.csv",
				List.of(row(2, skus.get(0), 12), row(3, skus.get(1), 5), row(4, skus.get(2), 6)));
		assertThat(this.stockTakes.find(good).orElseThrow().changes()).isEqualTo(2);
		assertThat(this.stockTakes.apply(good)).isEqualTo(2);
		assertThat(this.inventory.find(skus.get(0), "MAIN").orElseThrow().onHand()).isEqualTo(12);
		assertThat(this.inventory.find(skus.get(2), "MAIN")).contains(new StockLevel(skus.get(2), "MAIN", 6, 6));
		assertThat(this.jdbc.sql("SELECT count(*) FROM stock_movement WHERE kind = 'STOCK_TAKE' AND reference_id = ?")
			.param(String.valueOf(good))
			.query(Long.class)
			.single()).isEqualTo(2);
		assertThat(this.stockTakes.find(good).orElseThrow().status()).isEqualTo(StockTake.Status.APPLIED);
		assertThat(refusal(() -> this.stockTakes.apply(good))).isEqualTo("stockTake.decided");
		assertThat(refusal(() -> this.stockTakes.discard(good))).isEqualTo("stockTake.decided");
		assertThat(this.jdbc
			.sql("SELECT action FROM audit_entry WHERE object_type = 'stocktake' AND object_id = ? " + "ORDER BY id")
			.param(String.valueOf(good))
			.query(String.class)
			.list()).containsExactly("STOCK_TAKE_PREVIEWED", "STOCK_TAKE_APPLIED");
		assertThat(StockFixtures.mismatchesOf(this.inventory.checkLedger(), prefix)).isEmpty();
	}

	@Test
	void aStockTakeWhoseRowsChangedSinceThePreviewIsRefusedUntilReadAgain() {
		String prefix = StockFixtures.unique("STALE");
		List<String> skus = StockFixtures.skus(this.jdbc, this.inventory, prefix, 10, 4);
		long id = this.stockTakes.preview("count.csv", List.of(row(2, skus.get(0), 9), row(3, skus.get(1), 4)));
		this.inventory.receive(skus.get(1), "MAIN", 2, null);
		assertThat(refusal(() -> this.stockTakes.apply(id))).isEqualTo("stockTake.apply.changed");
		assertThat(this.inventory.find(skus.get(0), "MAIN").orElseThrow().onHand())
			.as("nothing half-applied: the first row is untouched")
			.isEqualTo(10);
		this.stockTakes.refresh(id);
		StockTake refreshed = this.stockTakes.find(id).orElseThrow();
		assertThat(refreshed.changes()).isEqualTo(2);
		assertThat(this.stockTakes.notableLines(id, 0, 10)).extracting(StockTake.Line::onHand).containsExactly(10, 6);
		assertThat(this.stockTakes.apply(id)).isEqualTo(2);
		assertThat(this.inventory.find(skus.get(1), "MAIN").orElseThrow().onHand()).isEqualTo(4);

		long discarded = this.stockTakes.preview("again.csv", List.of(row(2, skus.get(0), 1)));
		this.stockTakes.discard(discarded);
		assertThat(refusal(() -> this.stockTakes.refresh(discarded))).isEqualTo("stockTake.decided");
		assertThat(this.inventory.find(skus.get(0), "MAIN").orElseThrow().onHand()).isEqualTo(9);
		assertThat(StockFixtures.mismatchesOf(this.inventory.checkLedger(), prefix)).isEmpty();
	}

	private static StockTakeRow row(long row, String sku, int counted) {
		return row(row, sku, "MAIN", counted);
	}

	private static StockTakeRow row(long row, String sku, String warehouse, int counted) {
		return new StockTakeRow(row, sku, warehouse, counted, null, List.of());
	}

	private static String refusal(Runnable action) {
		try {
			action.run();
		}
		catch (StockTakeException ex) {
			return ex.messageKey();
		}
		throw new AssertionError("not refused");
	}

}
