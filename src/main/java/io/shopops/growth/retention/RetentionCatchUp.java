package io.shopops.growth.retention;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import io.shopops.fulfilment.order.Orders;
import io.shopops.platform.AuditLog;
import io.shopops.platform.ShopSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Fills in retention's facts from what CRM already knows (on startup and then on a
 * schedule): paid orders of customers that retention has not seen (data from before this
 * feature, or recorded while it failed) are read again through fulfilment's order API;
 * refunds likewise; orders whose customer was merged move. When anything moved, or the
 * shop's time zone changed, the rollups are rebuilt.
 */
@Component
@EnableScheduling
class RetentionCatchUp {

	private static final Logger log = LoggerFactory.getLogger(RetentionCatchUp.class);

	static final int BATCH = 500;

	private final JdbcClient jdbc;

	private final RetentionBook book;

	private final Orders orders;

	private final ShopSettings settings;

	private final AuditLog audit;

	private final TransactionTemplate transaction;

	private final boolean onStartup;

	RetentionCatchUp(JdbcClient jdbc, RetentionBook book, Orders orders, ShopSettings settings, AuditLog audit,
			PlatformTransactionManager transactions,
			@Value("${shopops.retention.catch-up-on-startup:true}") boolean onStartup) {
		this.jdbc = jdbc;
		this.book = book;
		this.orders = orders;
		this.settings = settings;
		this.audit = audit;
		this.transaction = new TransactionTemplate(transactions);
		this.onStartup = onStartup;
	}

	@EventListener(ApplicationReadyEvent.class)
	void started() {
		if (this.onStartup) {
			Thread thread = new Thread(this::run, "retention-catch-up");
			thread.setDaemon(true);
			thread.start();
		}
	}

	@Scheduled(cron = "${shopops.retention.catch-up-cron:0 */15 * * * *}")
	void run() {
		try {
			catchUp();
		}
		catch (RuntimeException ex) {
			log.warn("The retention catch-up failed; it runs again at its next interval", ex);
		}
	}

	/**
	 * Runs the catch-up once.
	 * @return how many orders and refunds were added, and whether the rollups were
	 * rebuilt
	 */
	synchronized Result catchUp() {
		long orderCount = 0;
		long after = 0;
		while (true) {
			List<long[]> missing = this.jdbc.sql("""
					SELECT c.order_id, c.customer_id FROM customer_order c
					WHERE c.paid_at IS NOT NULL AND c.order_id > :after
					  AND NOT EXISTS (SELECT 1 FROM retention_order r WHERE r.order_id = c.order_id)
					ORDER BY c.order_id LIMIT :batch""")
				.param("batch", BATCH)
				.param("after", after)
				.query((rs, row) -> new long[] { rs.getLong(1), rs.getLong(2) })
				.list();
			int found = 0;
			for (long[] order : missing) {
				found += this.transaction.execute((status) -> this.orders.find(order[0]).map((snapshot) -> {
					this.book.orderRecorded(survivor(order[1]), snapshot);
					return 1;
				}).orElse(0));
			}
			orderCount += found;
			if (missing.size() < BATCH) {
				break;
			}
			after = missing.get(missing.size() - 1)[0];
		}
		List<Object[]> refunds = this.jdbc.sql("""
				SELECT c.request_id, c.order_id, c.amount, c.refunded_at FROM customer_refund c
				WHERE NOT EXISTS (SELECT 1 FROM retention_refund r WHERE r.request_id = c.request_id)
				  AND EXISTS (SELECT 1 FROM retention_order o WHERE o.order_id = c.order_id)
				ORDER BY c.request_id""")
			.query((rs,
					row) -> new Object[] { rs.getLong(1), rs.getLong(2), rs.getBigDecimal(3),
							rs.getTimestamp(4).toInstant() })
			.list();
		long refundCount = 0;
		for (Object[] refund : refunds) {
			if (this.book.refund((Long) refund[0], (Long) refund[1], (BigDecimal) refund[2], (Instant) refund[3])) {
				refundCount++;
			}
		}
		ZoneId shopZone = this.settings.current().timeZone();
		ZoneId rollupZone = this.book.zone();
		boolean rebuild = !shopZone.equals(rollupZone);
		Boolean moved = this.transaction.execute((status) -> this.jdbc.sql("""
				UPDATE retention_order r SET customer_id = c.customer_id FROM customer_order c
				WHERE c.order_id = r.order_id AND c.customer_id <> r.customer_id""").update() > 0);
		if (Boolean.TRUE.equals(moved)) {
			rebuild = true;
		}
		if (rebuild) {
			String reason = !shopZone.equals(rollupZone) ? "time zone " + rollupZone.getId() + " -> " + shopZone.getId()
					: "orders moved to other customers";
			this.transaction.executeWithoutResult((status) -> {
				this.book.rebuild(shopZone);
				this.audit.recordAs("system", "RETENTION_REBUILT", "retention", null, reason);
			});
		}
		this.jdbc.sql("UPDATE retention_state SET caught_up_at = now() WHERE id = 1").update();
		if (orderCount > 0 || refundCount > 0 || rebuild) {
			log.info("Retention catch-up: {} orders and {} refunds added{}", orderCount, refundCount,
					rebuild ? ", rollups rebuilt" : "");
		}
		return new Result(orderCount, refundCount, rebuild);
	}

	private long survivor(long customerId) {
		long id = customerId;
		for (int i = 0; i < 20; i++) {
			Long next = this.jdbc.sql("SELECT merged_into FROM customer WHERE id = :id")
				.param("id", id)
				.query(Long.class)
				.optional()
				.orElse(null);
			if (next == null) {
				return id;
			}
			id = next;
		}
		return id;
	}

	record Result(long orders, long refunds, boolean rebuilt) {
	}

}
