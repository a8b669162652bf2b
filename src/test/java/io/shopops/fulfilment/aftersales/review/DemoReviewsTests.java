package io.shopops.fulfilment.aftersales.review;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.shopops.platform.AuditLog;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo reviews are written on the products of completed orders by their buyers, after
 * the orders completed, with bad and replied ones, once.
 */
@SpringBootTest
class DemoReviewsTests {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	AuditLog auditLog;

	@Autowired
	PlatformTransactionManager transactions;

	@Test
	void seedsFifteenChineseReviewsOfCompletedOrdersOnce() {
		String channel = ReviewFixtures.channel(this.jdbc);
		List<Long> orders = new ArrayList<>();
		for (int i = 0; i < 17; i++) {
			String sku = ReviewFixtures.unique("DEMO-RV" + i);
			ReviewFixtures.product(this.jdbc, sku, sku.toLowerCase(), "演示商品 " + sku);
			orders.add(ReviewFixtures.order(this.jdbc, channel, ReviewFixtures.unique("D" + i), sku));
		}
		DemoReviews demo = new DemoReviews(this.jdbc, this.auditLog, this.transactions);
		assertThat(demo.seed(List.of(channel), Instant.now())).isEqualTo(15);
		assertThat(demo.seed(List.of(channel), Instant.now())).isZero();
		List<String> rows = this.jdbc.sql("""
				SELECT r.rating || ' ' || (r.reply IS NOT NULL) || ' ' || r.author || ' '
				       || (r.reviewed_at >= o.completed_at AND r.reviewed_at <= now()) || ' '
				       || (r.sku = l.sku AND r.product_id = v.product_id)
				FROM review r JOIN shop_order o ON o.id = r.order_id JOIN order_line l ON l.order_id = o.id
				JOIN product_variant v ON v.id = l.variant_id WHERE r.channel_code = :channel""")
			.param("channel", channel)
			.query(String.class)
			.list();
		assertThat(rows).hasSize(15).allMatch((row) -> row.endsWith("王** true true"));
		assertThat(rows.stream().filter((row) -> row.startsWith("1 ") || row.startsWith("2 "))).hasSize(5);
		assertThat(rows.stream().filter((row) -> row.contains(" true 王"))).hasSizeGreaterThanOrEqualTo(5);
		// some bad reviews wait for an answer, one was answered
		assertThat(rows).contains("1 false 王** true true", "2 true 王** true true");
		assertThat(this.jdbc.sql("SELECT count(*) FROM review WHERE channel_code = ? AND body ~ '[一-龥]'")
			.param(channel)
			.query(Long.class)
			.single()).isEqualTo(15);
		assertThat(orders).hasSize(17);
	}

}
