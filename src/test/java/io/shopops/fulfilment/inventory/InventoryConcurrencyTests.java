package io.shopops.fulfilment.inventory;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The oversell check: many threads reserving the same stock at once never take more than
 * is available, never deadlock, and leave stock equal to the ledger.
 */
@SpringBootTest
class InventoryConcurrencyTests {

	@Autowired
	Inventory inventory;

	@Autowired
	JdbcClient jdbc;

	@Test
	void twoHundredReservationsForFiftyUnitsSellExactlyFifty() throws Exception {
		String prefix = StockFixtures.unique("HOT");
		String sku = StockFixtures.skus(this.jdbc, this.inventory, prefix, 50).get(0);
		List<Callable<Boolean>> orders = new ArrayList<>();
		for (int i = 0; i < 200; i++) {
			StockReference order = StockReference.order(prefix + "-" + i);
			orders.add(() -> reserve(List.of(new StockRequest(sku, "MAIN", 1)), order));
		}
		List<Boolean> outcomes = runTogether(orders, 16);
		assertThat(outcomes.stream().filter(Boolean::booleanValue).count()).isEqualTo(50);
		assertThat(this.inventory.find(sku, "MAIN")).contains(new StockLevel(sku, "MAIN", 50, 50));
		assertThat(this.jdbc
			.sql("SELECT count(*) FROM stock_movement m JOIN product_variant v ON v.id = m.variant_id "
					+ "WHERE v.sku = ? AND m.kind = 'RESERVATION'")
			.param(sku)
			.query(Long.class)
			.single()).isEqualTo(50);
		assertThat(StockFixtures.mismatchesOf(this.inventory.checkLedger(), prefix)).isEmpty();
	}

	@Test
	void aThousandMultiLineReservationsOverTwentySkusNeverOversellOrDeadlock() throws Exception {
		String prefix = StockFixtures.unique("SPREAD");
		int[] stock = new int[20];
		java.util.Arrays.fill(stock, 60);
		List<String> skus = StockFixtures.skus(this.jdbc, this.inventory, prefix, stock);
		List<Callable<Boolean>> orders = new ArrayList<>();
		for (int i = 0; i < 1000; i++) {
			// two lines each, in both orders, so that unordered locking would deadlock
			String first = skus.get(i % 20);
			String second = skus.get((i * 7 + 3) % 20);
			StockReference order = StockReference.order(prefix + "-" + i);
			List<StockRequest> lines = (i % 2 == 0)
					? List.of(new StockRequest(first, "MAIN", 1), new StockRequest(second, "MAIN", 1))
					: List.of(new StockRequest(second, "MAIN", 1), new StockRequest(first, "MAIN", 1));
			orders.add(() -> reserve(lines, order));
		}
		List<Boolean> outcomes = runTogether(orders, 8);
		long succeeded = outcomes.stream().filter(Boolean::booleanValue).count();
		long reservedUnits = 0;
		for (String sku : skus) {
			StockLevel level = this.inventory.find(sku, "MAIN").orElseThrow();
			assertThat(level.onHand()).isEqualTo(60);
			assertThat(level.available()).isBetween(0, 60);
			reservedUnits += level.reserved();
		}
		assertThat(reservedUnits).isEqualTo(succeeded * 2);
		assertThat(succeeded).isPositive().isLessThanOrEqualTo(600);
		assertThat(StockFixtures.mismatchesOf(this.inventory.checkLedger(), prefix)).isEmpty();
	}

	/**
	 * True when reserved, false when refused for lack of stock; any other failure (a
	 * deadlock, a constraint) fails the test.
	 */
	private boolean reserve(List<StockRequest> lines, StockReference order) {
		try {
			this.inventory.reserve(lines, order);
			return true;
		}
		catch (InsufficientStockException ex) {
			return false;
		}
	}

	private static <T> List<T> runTogether(List<Callable<T>> tasks, int threads) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(threads);
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
				results.add(future.get(60, TimeUnit.SECONDS));
			}
			return results;
		}
		finally {
			pool.shutdownNow();
			assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
		}
	}

}
