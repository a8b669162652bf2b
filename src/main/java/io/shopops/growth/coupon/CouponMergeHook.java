package io.shopops.growth.coupon;

import io.shopops.growth.crm.CustomerHook;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Moves a merged-away customer's coupon codes, uses and redemptions to the survivor, so
 * that per-customer limits count the uses of both.
 */
@Component
class CouponMergeHook implements CustomerHook {

	private final JdbcClient jdbc;

	CouponMergeHook(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public void merged(long survivorId, long duplicateId) {
		this.jdbc.sql("UPDATE coupon_code SET customer_id = :survivor WHERE customer_id = :duplicate")
			.param("survivor", survivorId)
			.param("duplicate", duplicateId)
			.update();
		this.jdbc.sql("UPDATE coupon_redemption SET customer_id = :survivor WHERE customer_id = :duplicate")
			.param("survivor", survivorId)
			.param("duplicate", duplicateId)
			.update();
		this.jdbc.sql("""
				INSERT INTO coupon_usage (coupon_id, customer_id, used)
				SELECT coupon_id, :survivor, used FROM coupon_usage WHERE customer_id = :duplicate
				ON CONFLICT (coupon_id, customer_id) DO UPDATE SET used = coupon_usage.used + EXCLUDED.used""")
			.param("survivor", survivorId)
			.param("duplicate", duplicateId)
			.update();
		this.jdbc.sql("DELETE FROM coupon_usage WHERE customer_id = :duplicate")
			.param("duplicate", duplicateId)
			.update();
	}

}
