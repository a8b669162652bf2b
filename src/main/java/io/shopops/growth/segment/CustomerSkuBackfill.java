package io.shopops.growth.segment;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

import io.shopops.fulfilment.order.OrderLineSkus;
import io.shopops.growth.crm.CustomerBook;
import io.shopops.platform.AuditLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Fills in {@code customer_sku} for the orders CRM recorded before the "product bought"
 * criterion existed (or while it failed): the orders that count (paid, not cancelled, as
 * CRM has them) and have no SKU row are found with one keyset query per batch, their
 * lines' SKUs are read for the whole batch at once through fulfilment's published
 * {@link OrderLineSkus}, and stored with one insert per batch that takes each order's
 * customer and "counts" from CRM at that moment, under CRM's customer lock. Idempotent:
 * rows that exist are kept, so running it again adds only what is still missing. It runs
 * once in the background on the first start after it was added
 * ({@code shopops.segments.sku-backfill-on-startup}), and a manager can run it again from
 * the segments page.
 */
@Component
class CustomerSkuBackfill {

	private static final Logger log = LoggerFactory.getLogger(CustomerSkuBackfill.class);

	static final int BATCH = 1_000;

	private final JdbcClient jdbc;

	private final OrderLineSkus lines;

	private final CustomerBook customers;

	private final AuditLog audit;

	private final TransactionTemplate transaction;

	private final boolean onStartup;

	private final AtomicBoolean running = new AtomicBoolean();

	CustomerSkuBackfill(JdbcClient jdbc, OrderLineSkus lines, CustomerBook customers, AuditLog audit,
			PlatformTransactionManager transactions,
			@Value("${shopops.segments.sku-backfill-on-startup:true}") boolean onStartup) {
		this.jdbc = jdbc;
		this.lines = lines;
		this.customers = customers;
		this.audit = audit;
		this.transaction = new TransactionTemplate(transactions);
		this.onStartup = onStartup;
	}

	@EventListener(ApplicationReadyEvent.class)
	void started() {
		if (this.onStartup && lastRun().isEmpty()) {
			start("system");
		}
	}

	/**
	 * Starts a run in the background unless one is running.
	 * @param actor who asked
	 * @return whether a run was started now
	 */
	boolean start(String actor) {
		if (!this.running.compareAndSet(false, true)) {
			return false;
		}
		Thread thread = new Thread(() -> {
			try {
				run(actor);
			}
			catch (RuntimeException ex) {
				log.warn("The SKU backfill failed; a manager can run it again from the segments page", ex);
			}
			finally {
				this.running.set(false);
			}
		}, "customer-sku-backfill");
		thread.setDaemon(true);
		thread.start();
		return true;
	}

	/**
	 * Whether a run started with {@link #start} is going on.
	 * @return whether it runs
	 */
	boolean running() {
		return this.running.get();
	}

	/**
	 * Runs the backfill once over every order CRM knows. Two runs never overlap.
	 * @param actor who asked, {@code system} at startup
	 * @return what it did
	 */
	synchronized Run run(String actor) {
		Instant started = Instant.now();
		this.jdbc.sql("""
				INSERT INTO customer_sku_backfill (id, started_at, actor) VALUES (1, :at, :actor)
				ON CONFLICT (id) DO UPDATE SET started_at = EXCLUDED.started_at, finished_at = NULL, orders_read = 0,
				  skus_added = 0, actor = EXCLUDED.actor""")
			.param("at", Timestamp.from(started))
			.param("actor", actor)
			.update();
		long read = 0;
		long added = 0;
		long after = 0;
		while (true) {
			List<Long> missing = this.jdbc.sql("""
					SELECT o.order_id FROM customer_order o
					WHERE o.order_id > :after AND o.paid_at IS NOT NULL AND o.status <> 'CANCELLED'
					  AND NOT EXISTS (SELECT 1 FROM customer_sku s WHERE s.order_id = o.order_id)
					ORDER BY o.order_id LIMIT :batch""")
				.param("after", after)
				.param("batch", BATCH)
				.query(Long.class)
				.list();
			if (missing.isEmpty()) {
				break;
			}
			read += missing.size();
			added += store(this.lines.skusOf(missing));
			if (missing.size() < BATCH) {
				break;
			}
			after = missing.get(missing.size() - 1);
		}
		long orders = read;
		long skus = added;
		this.transaction.executeWithoutResult((status) -> {
			this.jdbc.sql("""
					UPDATE customer_sku_backfill SET finished_at = now(), orders_read = :orders, skus_added = :skus
					WHERE id = 1""").param("orders", orders).param("skus", skus).update();
			this.audit.recordAs(actor, "CUSTOMER_SKUS_BACKFILLED", "customer_sku", null,
					orders + " orders read, " + skus + " SKUs added");
		});
		log.info("SKU backfill: {} orders without SKUs read, {} SKU rows added", orders, skus);
		return new Run(started, Instant.now(), orders, skus, actor);
	}

	private int store(Map<Long, List<String>> skus) {
		List<Long> orderIds = new ArrayList<>();
		List<String> values = new ArrayList<>();
		skus.forEach((orderId, lineSkus) -> CustomerSkus.skus(lineSkus).forEach((sku) -> {
			orderIds.add(orderId);
			values.add(sku);
		}));
		if (orderIds.isEmpty()) {
			return 0;
		}
		Integer inserted = this.transaction.execute((status) -> {
			this.customers.lockCustomers();
			return this.jdbc.sql("""
					INSERT INTO customer_sku (order_id, sku, customer_id)
					SELECT o.order_id, x.sku, o.customer_id
					FROM unnest(CAST(:orders AS BIGINT[]), CAST(:skus AS VARCHAR[])) AS x (order_id, sku)
					JOIN customer_order o ON o.order_id = x.order_id
					WHERE o.paid_at IS NOT NULL AND o.status <> 'CANCELLED'
					ON CONFLICT DO NOTHING""")
				.param("orders", orderIds.toArray(Long[]::new))
				.param("skus", values.toArray(String[]::new))
				.update();
		});
		return (inserted != null) ? inserted : 0;
	}

	/**
	 * The last run.
	 * @return it, empty if the backfill never ran
	 */
	Optional<Run> lastRun() {
		return this.jdbc.sql(
				"SELECT started_at, finished_at, orders_read, skus_added, actor FROM customer_sku_backfill WHERE id = 1")
			.query((rs, n) -> new Run(rs.getTimestamp("started_at").toInstant(),
					(rs.getTimestamp("finished_at") != null) ? rs.getTimestamp("finished_at").toInstant() : null,
					rs.getLong("orders_read"), rs.getLong("skus_added"), rs.getString("actor")))
			.optional();
	}

	/**
	 * A run of the backfill.
	 *
	 * @param startedAt when it started
	 * @param finishedAt when it finished, {@code null} while it runs (or if it failed)
	 * @param ordersRead orders that counted but had no SKU row, whose lines were read
	 * @param skusAdded SKU rows added
	 * @param actor who ran it
	 */
	record Run(Instant startedAt, Instant finishedAt, long ordersRead, long skusAdded, String actor) {
	}

}
