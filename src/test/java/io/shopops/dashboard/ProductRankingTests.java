package io.shopops.dashboard;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import io.shopops.dashboard.ProductRanking.Abc;
import io.shopops.dashboard.ProductRanking.Hint;
import io.shopops.dashboard.ProductRanking.Signals;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ABC classification by GMV, the push / fix / drop rule and the page's ratios,
 * against hand-computed cases.
 */
class ProductRankingTests {

	private record Item(String name, BigDecimal gmv) {
	}

	private static Item item(String name, String gmv) {
		return new Item(name, (gmv != null) ? new BigDecimal(gmv) : null);
	}

	@Test
	void theProductThatCrossesEightyPercentIsStillA() {
		// total 1000: 500 (above 0) A, 300 (above 500 = 50%) A, 100 (above 800 = 80%) B,
		// 60 (above 900 = 90%) B, 40 (above 960 = 96%) C
		List<Item> items = List.of(item("d", "60"), item("a", "500"), item("e", "40"), item("b", "300"),
				item("c", "100"));
		Map<Item, Abc> classes = ProductRanking.classify(items, Item::gmv);
		assertThat(classes.get(items.get(1))).isEqualTo(Abc.A);
		assertThat(classes.get(items.get(3))).isEqualTo(Abc.A);
		assertThat(classes.get(items.get(4))).isEqualTo(Abc.B);
		assertThat(classes.get(items.get(0))).isEqualTo(Abc.B);
		assertThat(classes.get(items.get(2))).isEqualTo(Abc.C);
	}

	@Test
	void oneProductCarryingEverythingIsAAndTheRestByTheirShares() {
		// 790 of 1000 is below 80%, so the next one is A too; 950 exactly is not below
		// 95%
		List<Item> items = List.of(item("a", "790"), item("b", "160"), item("c", "30"), item("d", "20"));
		Map<Item, Abc> classes = ProductRanking.classify(items, Item::gmv);
		assertThat(items.stream().map(classes::get)).containsExactly(Abc.A, Abc.A, Abc.C, Abc.C);
	}

	@Test
	void withoutGmvEverythingIsC() {
		List<Item> items = List.of(item("a", "0"), item("b", null), item("c", "0.00"));
		Map<Item, Abc> classes = ProductRanking.classify(items, Item::gmv);
		assertThat(items.stream().map(classes::get)).containsOnly(Abc.C);
		assertThat(ProductRanking.classify(List.<Item>of(), Item::gmv)).isEmpty();
	}

	@Test
	void aProductWithoutGmvIsCEvenAmongFewProducts() {
		List<Item> items = List.of(item("a", "100"), item("b", "0"));
		Map<Item, Abc> classes = ProductRanking.classify(items, Item::gmv);
		assertThat(classes.get(items.get(0))).isEqualTo(Abc.A);
		assertThat(classes.get(items.get(1))).isEqualTo(Abc.C);
	}

	@Test
	void equalGmvKeepsTheOrderGiven() {
		// 50 / 50: the first is above 0% (A), the second above 50% (A); three of 1/3: A,
		// A, A
		// (above 0, 33, 66); four of 25: A, A, A (0, 25, 50, 75 < 80), A
		List<Item> items = List.of(item("a", "25"), item("b", "25"), item("c", "25"), item("d", "25"),
				item("e", "0.5"));
		Map<Item, Abc> classes = ProductRanking.classify(items, Item::gmv);
		assertThat(items.stream().map(classes::get)).containsExactly(Abc.A, Abc.A, Abc.A, Abc.A, Abc.C);
	}

	@Test
	void fixComesFirst() {
		// a top seller with a 10% return rate is to be fixed, not pushed
		assertThat(ProductRanking.hint(Abc.A, signals("0.1000", null, false, "30", "0.5"))).isEqualTo(Hint.FIX);
		assertThat(ProductRanking.hint(Abc.A, signals("0.0999", null, false, "30", "0.5"))).isEqualTo(Hint.PUSH);
		assertThat(ProductRanking.hint(Abc.A, signals(null, "3.99", false, "30", "0.5"))).isEqualTo(Hint.FIX);
		assertThat(ProductRanking.hint(Abc.A, signals(null, "4.00", false, "30", "0.5"))).isEqualTo(Hint.PUSH);
		assertThat(ProductRanking.hint(Abc.C, signals("0.5", null, false, null, "0.01"))).isEqualTo(Hint.FIX);
	}

	@Test
	void pushNeedsAOrRisingAndFourteenDaysOfCover() {
		assertThat(ProductRanking.hint(Abc.A, signals(null, null, false, "14.0", null))).isEqualTo(Hint.PUSH);
		assertThat(ProductRanking.hint(Abc.A, signals(null, null, false, "13.9", null))).isNull();
		assertThat(ProductRanking.hint(Abc.A, signals(null, null, false, null, null))).isNull();
		assertThat(ProductRanking.hint(Abc.B, signals(null, null, true, "20", "0.6"))).isEqualTo(Hint.PUSH);
		assertThat(ProductRanking.hint(Abc.B, signals(null, null, false, "20", "0.6"))).isNull();
		// rising C with stock is pushed rather than dropped
		assertThat(ProductRanking.hint(Abc.C, signals(null, null, true, "200", "0.05"))).isEqualTo(Hint.PUSH);
	}

	@Test
	void dropIsCWithLowSellThrough() {
		assertThat(ProductRanking.hint(Abc.C, signals(null, null, false, "90", "0.1999"))).isEqualTo(Hint.DROP);
		assertThat(ProductRanking.hint(Abc.C, signals(null, null, false, "90", "0.2000"))).isNull();
		assertThat(ProductRanking.hint(Abc.B, signals(null, null, false, "90", "0.01"))).isNull();
		assertThat(ProductRanking.hint(Abc.C, signals(null, null, false, null, null))).isNull();
	}

	@Test
	void risingIsTwentyPercentMoreUnitsInTheLastHalfThanInAFirstHalfThatSold() {
		assertThat(ProductRanking.rising(12, 10)).isTrue();
		assertThat(ProductRanking.rising(11, 10)).isFalse();
		assertThat(ProductRanking.rising(5, 0)).isFalse();
		assertThat(ProductRanking.rising(0, 0)).isFalse();
		LocalDate today = LocalDate.of(2026, 12, 3);
		// 30 days: 15 and 15; 7 days: 3 and 3 (the middle day in neither); 3 days: no
		// trend
		assertThat(ProductPerformance.halfDays(new KpiRange(today.minusDays(29), today), today)).isEqualTo(15);
		assertThat(ProductPerformance.halfDays(new KpiRange(today.minusDays(6), today), today)).isEqualTo(3);
		assertThat(ProductPerformance.halfDays(new KpiRange(today.minusDays(2), today), today)).isZero();
		// up to today only: 4 days have passed of a range of 10
		assertThat(ProductPerformance.halfDays(new KpiRange(today.minusDays(3), today.plusDays(6)), today))
			.isEqualTo(2);
	}

	@Test
	void ratiosAreUnknownRatherThanZero() {
		// 30 sold, 70 in stock: 30%; 30 over 10 days = 3 a day, 70 last 23.3 days
		assertThat(ProductPerformance.sellThrough(30, 70L)).isEqualByComparingTo("0.3");
		assertThat(ProductPerformance.daysOfCover(70L, 30, 10)).isEqualByComparingTo("23.3");
		assertThat(ProductPerformance.sellThrough(30, null)).isNull();
		assertThat(ProductPerformance.sellThrough(0, 0L)).isNull();
		assertThat(ProductPerformance.sellThrough(5, 0L)).isEqualByComparingTo("1");
		assertThat(ProductPerformance.daysOfCover(70L, 0, 10)).isNull();
		assertThat(ProductPerformance.daysOfCover(null, 5, 10)).isNull();
		assertThat(ProductPerformance.daysOfCover(0L, 5, 10)).isEqualByComparingTo("0");
		assertThat(ProductPerformance.ratio(1, 3)).isEqualByComparingTo("0.3333");
		assertThat(ProductPerformance.ratio(1, 0)).isNull();
		assertThat(ProductPerformance.ratio(null, BigDecimal.TEN)).isNull();
	}

	@Test
	void theAverageIsOverTheDaysUpToToday() {
		LocalDate today = LocalDate.of(2026, 12, 3);
		assertThat(ProductPerformance.elapsedDays(new KpiRange(today.minusDays(29), today), today)).isEqualTo(30);
		assertThat(ProductPerformance.elapsedDays(new KpiRange(today.minusDays(9), today.plusDays(20)), today))
			.isEqualTo(10);
		assertThat(ProductPerformance.elapsedDays(new KpiRange(today.plusDays(1), today.plusDays(5)), today)).isZero();
	}

	private static Signals signals(String returnRate, String rating, boolean rising, String cover, String sellThrough) {
		return new Signals(decimal(returnRate), decimal(rating), rising, decimal(cover), decimal(sellThrough));
	}

	private static BigDecimal decimal(String value) {
		return (value != null) ? new BigDecimal(value) : null;
	}

}
