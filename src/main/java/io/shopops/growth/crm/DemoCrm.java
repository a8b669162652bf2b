package io.shopops.growth.crm;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Seeds the demo shop's CRM (profile {@code demo}, after the demo orders and
 * after-sales): the customers themselves come from the demo orders' events through
 * {@link CustomerRecorder}, so this waits until they have settled, then adds three tiers
 * (银卡, 金卡, 钻石), the points rules, and a welcome-gift adjustment for the three best
 * customers, through the same services as the pages. Run again, it changes nothing.
 */
@Component
@Profile("demo")
@Order(60)
class DemoCrm implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoCrm.class);

	static final String GIFT_REASON = "新会员礼（演示数据）";

	private final JdbcClient jdbc;

	private final TierRules tiers;

	private final PointsLedger points;

	/** How long the customers must stay unchanged before seeding. */
	Duration settle = Duration.ofSeconds(3);

	/** How long to wait for them at most. */
	Duration patience = Duration.ofSeconds(90);

	DemoCrm(JdbcClient jdbc, TierRules tiers, PointsLedger points) {
		this.jdbc = jdbc;
		this.tiers = tiers;
		this.points = points;
	}

	@Override
	public void run(ApplicationArguments args) {
		awaitCustomers();
		if (this.tiers.tiers().isEmpty()) {
			this.tiers.save(new TierRules.Tier("SILVER", "银卡会员", 10, new BigDecimal("300"), 2));
			this.tiers.save(new TierRules.Tier("GOLD", "金卡会员", 20, new BigDecimal("1000"), 4));
			this.tiers.save(new TierRules.Tier("DIAMOND", "钻石会员", 30, new BigDecimal("3000"), null));
			this.points.saveSettings(new PointsLedger.Settings(BigDecimal.ONE, 12));
		}
		int changed = this.tiers.recomputeAll();
		long gifts = 0;
		if (this.jdbc.sql("SELECT count(*) FROM points_entry WHERE reason = :reason")
			.param("reason", GIFT_REASON)
			.query(Long.class)
			.single() == 0) {
			List<Long> best = this.jdbc
				.sql("SELECT id FROM customer WHERE merged_into IS NULL AND order_count > 0 "
						+ "ORDER BY net_spend DESC, id LIMIT 3")
				.query(Long.class)
				.list();
			for (long id : best) {
				this.points.adjust(id, 200, GIFT_REASON, "demo");
				gifts++;
			}
		}
		log.info("Demo CRM: {} customers changed tier, {} welcome gifts", changed, gifts);
	}

	/**
	 * Waits until the customers built from the demo orders' events stop changing.
	 */
	private void awaitCustomers() {
		long started = System.nanoTime();
		long deadline = started + this.patience.toNanos();
		long last = -1;
		long stableSince = System.nanoTime();
		while (System.nanoTime() < deadline) {
			long now = this.jdbc.sql("SELECT count(*) + coalesce(sum(status_rank), 0) FROM customer_order")
				.query(Long.class)
				.single();
			if (now != last) {
				last = now;
				stableSince = System.nanoTime();
			}
			else if ((now > 0 || System.nanoTime() - started >= Duration.ofSeconds(10).toNanos())
					&& System.nanoTime() - stableSince >= this.settle.toNanos()) {
				// settled, or no demo orders at all
				return;
			}
			try {
				Thread.sleep(250);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
		}
	}

}
