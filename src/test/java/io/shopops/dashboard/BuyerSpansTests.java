package io.shopops.dashboard;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import io.shopops.dashboard.BuyerSpans.BuyerDay;
import io.shopops.dashboard.BuyerSpans.Cell;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The buyer spans' arithmetic without a database: what buyers contribute to the rows
 * gives, for any range of up to {@value BuyerSpans#WINDOW} days, exactly the paying,
 * repeat (two or more paid orders) and new buyers a count over the buyers' orders gives.
 */
class BuyerSpansTests {

	private static final LocalDate D = LocalDate.of(2026, 3, 1);

	@Test
	void handComputedBuyersOverRanges() {
		Map<Cell, int[][]> rows = new HashMap<>();
		// buyer 1: one order on day 0 (SHOP) and two on day 3 (SHOP and APP)
		BuyerSpans.contribute(List.of(new BuyerDay("SHOP", D, 1), new BuyerDay("SHOP", D.plusDays(3), 1),
				new BuyerDay("APP", D.plusDays(3), 1)), 1, rows);
		// buyer 2: first ever on day 1 (APP), again on day 5 (SHOP)
		BuyerSpans.contribute(List.of(new BuyerDay("APP", D.plusDays(1), 1), new BuyerDay("SHOP", D.plusDays(5), 1)), 1,
				rows);
		// buyer 3: two orders on day 3 (SHOP)
		BuyerSpans.contribute(List.of(new BuyerDay("SHOP", D.plusDays(3), 2)), 1, rows);

		// day 3 alone: buyers 1 and 3 paid, both twice; buyer 3 is new
		assertThat(count(rows, "*", 3, 3)).containsExactly(2, 2, 1);
		// days 0..3: buyers 1, 2, 3; 1 (three orders) and 3 repeat; all new
		assertThat(count(rows, "*", 0, 3)).containsExactly(3, 2, 3);
		// days 1..5: buyers 1 (two orders, not new), 2 (two orders, new), 3 (new)
		assertThat(count(rows, "*", 1, 5)).containsExactly(3, 3, 2);
		// days 4..5: buyer 2 once
		assertThat(count(rows, "*", 4, 5)).containsExactly(1, 0, 0);
		// SHOP, days 0..5: buyers 1 (two SHOP orders), 2 (one), 3 (two); all three new
		// (buyer 2's first-ever order, day 1, was in APP: it is new in SHOP for a range
		// that starts by day 1 and reaches its first SHOP order, day 5)
		assertThat(count(rows, "SHOP", 0, 5)).containsExactly(3, 2, 3);
		assertThat(count(rows, "SHOP", 2, 5)).containsExactly(3, 1, 1);
		assertThat(count(rows, "SHOP", 1, 4)).containsExactly(2, 1, 1);
		// APP, days 1..3: buyer 2 (day 1, new), buyer 1 (day 3, first ever on day 0)
		assertThat(count(rows, "APP", 1, 3)).containsExactly(2, 0, 1);
	}

	@Test
	void aBuyerMovedAwayLeavesNothing() {
		Map<Cell, int[][]> rows = new HashMap<>();
		List<BuyerDay> days = List.of(new BuyerDay("SHOP", D, 1), new BuyerDay("SHOP", D.plusDays(400), 3),
				new BuyerDay("APP", D.plusDays(2), 1));
		BuyerSpans.contribute(days, 1, rows);
		BuyerSpans.contribute(days, -1, rows);
		assertThat(rows.values()).allSatisfy((counts) -> {
			for (int[] kind : counts) {
				assertThat(kind).containsOnly(0);
			}
		});
	}

	@ParameterizedTest(name = "seed {0}")
	@ValueSource(longs = { 1, 2, 3, 7, 20261203 })
	void anyRangeEqualsACountOverTheOrders(long seed) {
		Random random = new Random(seed);
		String[] channels = { "SHOP", "APP", "LIVE" };
		// days 0..39, and a few far ones (beyond the window) to test the clipping
		List<List<BuyerDay>> buyers = new ArrayList<>();
		Map<Cell, int[][]> rows = new HashMap<>();
		int buyerCount = 5 + random.nextInt(30);
		for (int b = 0; b < buyerCount; b++) {
			List<BuyerDay> days = new ArrayList<>();
			int orders = 1 + random.nextInt(6);
			for (int o = 0; o < orders; o++) {
				int day = (random.nextInt(10) == 0) ? 40 + random.nextInt(800) : random.nextInt(40);
				days.add(new BuyerDay(channels[random.nextInt(channels.length)], D.plusDays(day), 1));
			}
			buyers.add(days);
			// what the listeners do: contribute every partial history, then take it back
			List<BuyerDay> partial = days.subList(0, random.nextInt(days.size() + 1));
			BuyerSpans.contribute(partial, 1, rows);
			BuyerSpans.contribute(days, 1, rows);
			BuyerSpans.contribute(partial, -1, rows);
		}
		for (String scope : List.of("*", "SHOP", "APP", "LIVE")) {
			for (int a = -3; a < 45; a++) {
				for (int b = a; b < a + 50; b++) {
					assertThat(count(rows, scope, a, b)).as("%s %d..%d (seed %d)", scope, a, b, seed)
						.containsExactly(expected(buyers, scope, a, b));
				}
			}
			for (int a : new int[] { -300, 0, 17, 400, 500 }) {
				int b = a + BuyerSpans.WINDOW - 1;
				assertThat(count(rows, scope, a, b)).as("%s %d..%d (seed %d)", scope, a, b, seed)
					.containsExactly(expected(buyers, scope, a, b));
			}
		}
	}

	/**
	 * What the KPI queries compute from the rows: the sums at index {@code s − a}.
	 */
	private static int[] count(Map<Cell, int[][]> rows, String scope, int a, int b) {
		int[] sums = new int[3];
		for (int s = a; s <= b; s++) {
			int[][] row = rows.get(new Cell(scope, D.plusDays(s)));
			if (row != null) {
				for (int kind = 0; kind < 3; kind++) {
					sums[kind] += row[kind][s - a];
				}
			}
		}
		return sums;
	}

	/**
	 * The definitions, straight: distinct buyers with a paid order in the range (in the
	 * scope), those with two or more, those whose first-ever paid order is in the range.
	 */
	private static int[] expected(List<List<BuyerDay>> buyers, String scope, int a, int b) {
		int paying = 0;
		int repeat = 0;
		int fresh = 0;
		for (List<BuyerDay> days : buyers) {
			int orders = 0;
			LocalDate first = null;
			Set<Integer> seen = new HashSet<>();
			for (BuyerDay day : days) {
				if (first == null || day.day().isBefore(first)) {
					first = day.day();
				}
				int index = (int) java.time.temporal.ChronoUnit.DAYS.between(D, day.day());
				if ((scope.equals("*") || scope.equals(day.channel())) && index >= a && index <= b) {
					orders += day.orders();
					seen.add(index);
				}
			}
			if (orders > 0) {
				paying++;
				if (orders >= 2) {
					repeat++;
				}
				int firstIndex = (int) java.time.temporal.ChronoUnit.DAYS.between(D, first);
				if (firstIndex >= a && firstIndex <= b) {
					fresh++;
				}
			}
		}
		return new int[] { paying, repeat, fresh };
	}

}
