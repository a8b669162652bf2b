package io.shopops.growth.coupon;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import io.shopops.fulfilment.order.Customer;
import io.shopops.fulfilment.order.OrderDraft;
import io.shopops.fulfilment.order.OrderSource;
import io.shopops.fulfilment.order.OrderStatus;
import io.shopops.fulfilment.order.Orders;
import io.shopops.fulfilment.order.SalesChannels;
import io.shopops.fulfilment.order.SalesPlatform;
import io.shopops.fulfilment.order.Times;
import io.shopops.growth.crm.CustomerBook;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The demo coupons: three coupons of the three types, a shared code, unique codes issued
 * to customers, demo orders carrying codes redeemed through the order events; running it
 * again changes nothing.
 */
@SpringBootTest
class DemoCouponsTests {

	@Autowired
	Coupons coupons;

	@Autowired
	CouponIssuing issuing;

	@Autowired
	CustomerBook customers;

	@Autowired
	Orders orders;

	@Autowired
	SalesChannels channels;

	@Autowired
	JdbcClient jdbc;

	@Test
	void seedsCouponsCodesAndRedemptionsOnce() {
		// a buyer to issue to and to place a demo order for
		String channel = this.channels
			.create(CouponFixtures.unique("DEMOCPN"), "Demo coupon channel", SalesPlatform.OWN_SITE)
			.code();
		Instant at = Instant.now().minus(Duration.ofDays(3)).truncatedTo(ChronoUnit.SECONDS);
		this.orders.place(new OrderDraft(channel, CouponFixtures.unique("SEED"), OrderStatus.COMPLETED,
				new Times(at, at.plusSeconds(60), at.plusSeconds(3600), at.plusSeconds(7200), at.plusSeconds(9000),
						null, null),
				new Customer("演示买家", null, CouponFixtures.unique("demo").toLowerCase() + "@example.com", null), null,
				List.of(new OrderDraft.Line("DEMO-SEED", "Seed", 1, new BigDecimal("300.00"), null)), null, null, null,
				null, null, null, null, null, null, OrderSource.API));
		await().atMost(Duration.ofSeconds(30))
			.until(() -> count("SELECT count(*) FROM customer WHERE merged_into IS NULL AND email IS NOT NULL") > 0);

		DemoCoupons demo = new DemoCoupons(this.coupons, this.issuing, this.customers, this.orders, this.channels,
				this.jdbc);
		demo.run(null);
		assertThat(this.jdbc
			.sql("SELECT DISTINCT type FROM coupon WHERE name IN "
					+ "('双12 满199减30', '会员专享 85 折（最高减 50）', '老客回购 无门槛 10 元')")
			.query(String.class)
			.list()).containsExactlyInAnyOrder("SPEND_SAVE", "PERCENT", "NO_THRESHOLD");
		assertThat(count("SELECT count(*) FROM coupon_code WHERE code = '" + DemoCoupons.SHARED_CODE + "'")).isOne();
		assertThat(count("SELECT count(*) FROM coupon_code c JOIN coupon p ON p.id = c.coupon_id "
				+ "WHERE p.name = '老客回购 无门槛 10 元' AND c.kind = 'UNIQUE'"))
			.isPositive();
		await().atMost(Duration.ofSeconds(60))
			.until(() -> count("SELECT count(*) FROM coupon_redemption r JOIN coupon_code k ON k.id = r.code_id "
					+ "WHERE k.code = '" + DemoCoupons.SHARED_CODE + "' AND r.status = 'REDEEMED'") > 0);
		assertThat(this.coupons.countExpiring()).isPositive();

		long coupons = count("SELECT count(*) FROM coupon");
		long codes = count("SELECT count(*) FROM coupon_code");
		demo.run(null);
		assertThat(count("SELECT count(*) FROM coupon")).isEqualTo(coupons);
		assertThat(count("SELECT count(*) FROM coupon_code")).isEqualTo(codes);
	}

	private long count(String sql) {
		return this.jdbc.sql(sql).query(Long.class).single();
	}

}
