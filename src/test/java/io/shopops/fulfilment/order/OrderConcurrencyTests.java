package io.shopops.fulfilment.order;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.shopops.fulfilment.inventory.InsufficientStockException;
import io.shopops.fulfilment.inventory.Inventory;
import io.shopops.fulfilment.inventory.LedgerCheck;
import io.shopops.fulfilment.inventory.StockLevel;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The oversell check through the order service: concurrent paid orders never take more
 * than is available, never deadlock, and leave stock equal to the ledger.
 */
@SpringBootTest
class OrderConcurrencyTests {

	@Autowired
	Orders orders;

	@Autowired
	SalesChannels channels;

	@Autowired
	Inventory inventory;

	@Autowired
	JdbcClient jdbc;

	@Test
	void twoHundredPaidOrdersForFiftyUnitsSellExactlyFifty() throws Exception {
		String prefix = OrderFixtures.unique("OHOT");
		String sku = OrderFixtures.skus(this.jdbc, this.inventory, prefix, 50).get(0);
		String channel = OrderFixtures.channel(this.channels);
		List<Callable<Boolean>> tasks = new ArrayList<>();
		for (int i = 0; i < 200; i++) {
			OrderDraft draft = OrderFixtures.draft(channel, prefix + "-" + i, OrderStatus.PAID,
					List.of(OrderFixtures.line(sku, 1)));
			tasks.add(() -> place(draft));
		}

		List<Boolean> outcomes = runTogether(tasks, 16);

		assertThat(outcomes.stream().filter(Boolean::booleanValue).count()).isEqualTo(50);
		assertThat(this.inventory.find(sku, "MAIN")).contains(new StockLevel(sku, "MAIN", 50, 50));
		assertThat(ordersOf(channel)).isEqualTo(50);
		assertThat(mismatches(prefix)).isEmpty();
	}

	@Test
	void aThousandOrdersOverTwentySkusNeverOversellOrDeadlock() throws Exception {
		String prefix = OrderFixtures.unique("OSPREAD");
		int[] stock = new int[20];
		Arrays.fill(stock, 60);
		List<String> skus = OrderFixtures.skus(this.jdbc, this.inventory, prefix, stock);
		String channel = OrderFixtures.channel(this.channels);
		List<Callable<Boolean>> tasks = new ArrayList<>();
		for (int i = 0; i < 1000; i++) {
			// two lines each, in both orders, so that unordered locking would deadlock
			String first = skus.get(i % 20);
			String second = skus.get((i * 7 + 3) % 20);
			List<OrderDraft.Line> lines = (i % 2 == 0)
					? List.of(OrderFixtures.line(first, 1), OrderFixtures.line(second, 1))
					: List.of(OrderFixtures.line(second, 1), OrderFixtures.line(first, 1));
			OrderDraft draft = OrderFixtures.draft(channel, prefix + "-" + i, OrderStatus.PAID, lines);
			tasks.add(() -> place(draft));
		}

		List<Boolean> outcomes = runTogether(tasks, 8);

		long succeeded = outcomes.stream().filter(Boolean::booleanValue).count();
		long reserved = 0;
		for (String sku : skus) {
			StockLevel level = this.inventory.find(sku, "MAIN").orElseThrow();
			assertThat(level.onHand()).isEqualTo(60);
			assertThat(level.available()).isBetween(0, 60);
			reserved += level.reserved();
		}
		assertThat(reserved).isEqualTo(succeeded * 2);
		assertThat(succeeded).isPositive().isLessThanOrEqualTo(600);
		assertThat(ordersOf(channel)).isEqualTo(succeeded);
		assertThat(mismatches(prefix)).isEmpty();
	}

	/**
	 * True when placed, false when refused for lack of stock; anything else (a deadlock,
	 * a constraint) fails the test.
	 */
	private boolean place(OrderDraft draft) {
		try {
			return this.orders.place(draft).created();
		}
		catch (InsufficientStockException ex) {
			return false;
		}
	}

	private long ordersOf(String channel) {
		return this.jdbc
			.sql("SELECT count(*) FROM shop_order o JOIN sales_channel c ON c.id = o.channel_id WHERE c.code = ?")
			.param(channel)
			.query(Long.class)
			.single();
	}

	private List<LedgerCheck.Mismatch> mismatches(String prefix) {
		return this.inventory.checkLedger().mismatches().stream().filter((m) -> m.sku().startsWith(prefix)).toList();
	}

	static <T> List<T> runTogether(List<Callable<T>> tasks, int threads) throws Exception {
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
				results.add(future.get(120, TimeUnit.SECONDS));
			}
			return results;
		}
		finally {
			pool.shutdownNow();
			assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
		}
	}

}
