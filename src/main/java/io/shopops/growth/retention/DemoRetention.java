package io.shopops.growth.retention;

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
 * Seeds the demo shop's repurchase cycles (profile {@code demo}, after the demo CRM, so
 * the demo orders' customers and purchases are recorded): the three products bought by
 * the most customers get cycles of 30, 45 and 60 days, through the same service as the
 * page. The returning buyers themselves come from the demo orders. Run again, or on a
 * shop that has cycles, it changes nothing.
 */
@Component
@Profile("demo")
@Order(70)
class DemoRetention implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoRetention.class);

	static final int[] CYCLE_DAYS = { 30, 45, 60 };

	private final JdbcClient jdbc;

	private final RepurchaseCycles cycles;

	DemoRetention(JdbcClient jdbc, RepurchaseCycles cycles) {
		this.jdbc = jdbc;
		this.cycles = cycles;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!this.cycles.cycles().isEmpty()) {
			return;
		}
		List<Object[]> top = this.jdbc.sql("""
				SELECT p.product_id, max(p.title) FROM retention_purchase p
				JOIN retention_order o ON o.order_id = p.order_id
				GROUP BY p.product_id ORDER BY count(DISTINCT o.customer_id) DESC, p.product_id LIMIT :n""")
			.param("n", CYCLE_DAYS.length)
			.query((rs, row) -> new Object[] { rs.getLong(1), rs.getString(2) })
			.list();
		for (int i = 0; i < top.size(); i++) {
			this.cycles.save((Long) top.get(i)[0], (String) top.get(i)[1], CYCLE_DAYS[i], "demo");
		}
		log.info("Demo retention: {} repurchase cycles", top.size());
	}

}
