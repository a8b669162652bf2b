package io.shopops.fulfilment.inventory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import static io.shopops.fulfilment.inventory.PurchasingFixtures.draft;
import static io.shopops.fulfilment.inventory.PurchasingFixtures.line;
import static io.shopops.fulfilment.inventory.PurchasingFixtures.supplier;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Receiving races reservations of the same SKU, and two receipts race for the same
 * outstanding units: stock stays equal to the ledger, nothing is received twice.
 */
@SpringBootTest
class PurchasingConcurrencyTests {

	@Autowired
	Inventory inventory;

	@Autowired
	PurchaseOrders orders;

	@Autowired
	SupplierManagement suppliers;

	@Autowired
	JdbcClient jdbc;

	@Test
	void receiptsAndReservationsOfOneSkuInterleaveWithoutLosingAUnit() throws Exception {
		String prefix = StockFixtures.unique("RACE");
		String sku = StockFixtures.skus(this.jdbc, this.inventory, prefix, 0).get(0);
		long id = draft(this.orders, supplier(this.suppliers, "Supplier " + prefix, 3), "MAIN");
		line(this.orders, id, sku, 100, "2.00");
		this.orders.place(id);
		long lineId = this.orders.find(id).orElseThrow().lines().get(0).id();
		AtomicInteger reserved = new AtomicInteger();
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			CountDownLatch start = new CountDownLatch(1);
			Future<?> receiving = pool.submit(() -> {
				start.await();
				for (int i = 0; i < 20; i++) {
					this.orders.receive(id, Map.of(lineId, 5));
				}
				return null;
			});
			Future<?> reserving = pool.submit(() -> {
				start.await();
				for (int i = 0; i < 150; i++) {
					try {
						this.inventory.reserve(sku, "MAIN", 1, StockReference.order(prefix + "-" + i));
						reserved.incrementAndGet();
					}
					catch (InsufficientStockException ex) {
						// not received yet: tried again with the next order
					}
				}
				return null;
			});
			start.countDown();
			receiving.get(60, TimeUnit.SECONDS);
			reserving.get(60, TimeUnit.SECONDS);
		}
		finally {
			pool.shutdownNow();
			assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
		}
		assertThat(this.inventory.find(sku, "MAIN")).contains(new StockLevel(sku, "MAIN", 100, reserved.get()));
		assertThat(reserved.get()).isBetween(0, 100);
		assertThat(this.orders.find(id).orElseThrow().status()).isEqualTo(PurchaseOrderStatus.RECEIVED);
		assertThat(StockFixtures.mismatchesOf(this.inventory.checkLedger(), prefix)).isEmpty();
	}

	@Test
	void twoReceiptsOfTheSameOutstandingUnitsReceiveThemOnce() throws Exception {
		String prefix = StockFixtures.unique("TWICE");
		String sku = StockFixtures.skus(this.jdbc, this.inventory, prefix, 0).get(0);
		long id = draft(this.orders, supplier(this.suppliers, "Supplier " + prefix, 3), "MAIN");
		line(this.orders, id, sku, 10, "2.00");
		this.orders.place(id);
		long lineId = this.orders.find(id).orElseThrow().lines().get(0).id();
		ExecutorService pool = Executors.newFixedThreadPool(2);
		List<Future<Boolean>> receipts = new ArrayList<>();
		try {
			CountDownLatch start = new CountDownLatch(1);
			for (int i = 0; i < 2; i++) {
				receipts.add(pool.submit(() -> {
					start.await();
					try {
						this.orders.receive(id, Map.of(lineId, 10));
						return true;
					}
					catch (PurchaseOrderException ex) {
						return false;
					}
				}));
			}
			start.countDown();
			assertThat(List.of(receipts.get(0).get(60, TimeUnit.SECONDS), receipts.get(1).get(60, TimeUnit.SECONDS)))
				.containsExactlyInAnyOrder(true, false);
		}
		finally {
			pool.shutdownNow();
			assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
		}
		assertThat(this.inventory.find(sku, "MAIN").orElseThrow().onHand()).isEqualTo(10);
		assertThat(StockFixtures.mismatchesOf(this.inventory.checkLedger(), prefix)).isEmpty();
	}

}
