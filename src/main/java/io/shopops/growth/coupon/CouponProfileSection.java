package io.shopops.growth.coupon;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.shopops.growth.crm.ProfileSection;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The customer's coupons on the profile page ({@code growth/crm/profile/coupons.html}):
 * unique codes the customer holds (not used, validity not ended), codes that expired
 * unused, and the redemptions that count (of unique or shared codes). Each list shows the
 * latest {@value #SHOWN} with its total count; a restored redemption gives the code back,
 * so it is held again.
 */
@Component
class CouponProfileSection implements ProfileSection {

	static final int SHOWN = 20;

	private static final String CODE_COLUMNS = "k.code, k.issued_at, " + """
			c.id, c.name, c.type, c.threshold, c.amount, c.percent_off, c.cap, c.valid_from, c.valid_until,
			c.total_limit, c.per_customer_limit, c.scope, c.stacking, c.refund_rule, c.status, c.redeemed_count,
			c.created_at, c.version""";

	private final JdbcClient jdbc;

	private final Coupons coupons;

	CouponProfileSection(JdbcClient jdbc, Coupons coupons) {
		this.jdbc = jdbc;
		this.coupons = coupons;
	}

	@Override
	@Transactional(readOnly = true)
	public Map<String, Object> attributes(long customerId, boolean manager) {
		Timestamp now = Timestamp.from(Instant.now());
		Map<String, Object> attributes = new LinkedHashMap<>();
		attributes.put("couponsHeld", codes(customerId, "c.valid_until > :now", "c.valid_until, k.id", now));
		attributes.put("couponsHeldCount", countCodes(customerId, "c.valid_until > :now", now));
		attributes.put("couponsExpired",
				codes(customerId, "c.valid_until <= :now", "c.valid_until DESC, k.id DESC", now));
		attributes.put("couponsExpiredCount", countCodes(customerId, "c.valid_until <= :now", now));
		attributes.put("couponsRedeemed", redeemed(customerId));
		attributes.put("couponsRedeemedCount",
				this.jdbc
					.sql("SELECT count(*) FROM coupon_redemption WHERE customer_id = :customer AND status = 'REDEEMED'")
					.param("customer", customerId)
					.query(Long.class)
					.single());
		attributes.put("couponsShown", SHOWN);
		return attributes;
	}

	private List<HeldCode> codes(long customerId, String condition, String order, Timestamp now) {
		return this.jdbc
			.sql("SELECT " + CODE_COLUMNS + """
					 FROM coupon_code k JOIN coupon c ON c.id = k.coupon_id
					WHERE k.customer_id = :customer AND k.kind = 'UNIQUE' AND k.used_order_id IS NULL AND\s"""
					+ condition + " ORDER BY " + order + " LIMIT :shown")
			.param("customer", customerId)
			.param("now", now)
			.param("shown", SHOWN)
			.query((rs, n) -> new HeldCode(rs.getString("code"), rs.getTimestamp("issued_at").toInstant(),
					this.coupons.coupon(rs, n)))
			.list();
	}

	private long countCodes(long customerId, String condition, Timestamp now) {
		return this.jdbc.sql("""
				SELECT count(*) FROM coupon_code k JOIN coupon c ON c.id = k.coupon_id
				WHERE k.customer_id = :customer AND k.kind = 'UNIQUE' AND k.used_order_id IS NULL AND\s""" + condition)
			.param("customer", customerId)
			.param("now", now)
			.query(Long.class)
			.single();
	}

	private List<Redeemed> redeemed(long customerId) {
		return this.jdbc.sql("""
				SELECT r.order_id, r.order_number, r.channel_code, r.discount, r.paid_amount, r.placed_at, k.code,
				       c.id AS coupon_id, c.name
				FROM coupon_redemption r JOIN coupon c ON c.id = r.coupon_id JOIN coupon_code k ON k.id = r.code_id
				WHERE r.customer_id = :customer AND r.status = 'REDEEMED'
				ORDER BY r.placed_at DESC, r.order_id DESC LIMIT :shown""")
			.param("customer", customerId)
			.param("shown", SHOWN)
			.query((rs, n) -> new Redeemed(rs.getLong("coupon_id"), rs.getString("name"), rs.getString("code"),
					rs.getLong("order_id"), rs.getString("order_number"), rs.getString("channel_code"),
					rs.getBigDecimal("discount"), rs.getBigDecimal("paid_amount"),
					rs.getTimestamp("placed_at").toInstant()))
			.list();
	}

	/**
	 * A unique code issued to the customer and not used.
	 *
	 * @param code the code
	 * @param issuedAt when it was issued
	 * @param coupon its coupon
	 */
	record HeldCode(String code, Instant issuedAt, Coupon coupon) {

		/**
		 * Whether its coupon's validity has not begun yet.
		 * @return whether it cannot be used yet
		 */
		public boolean notYetValid() {
			return this.coupon.terms().validFrom().isAfter(Instant.now());
		}

	}

	/**
	 * A redemption of the customer's that counts.
	 *
	 * @param couponId the coupon
	 * @param couponName its name
	 * @param code the code the order carried
	 * @param orderId the order
	 * @param orderNumber the channel's order number
	 * @param channelCode the order's channel
	 * @param discount what the coupon took off
	 * @param paidAmount what the order paid
	 * @param placedAt when the order was placed
	 */
	record Redeemed(long couponId, String couponName, String code, long orderId, String orderNumber, String channelCode,
			BigDecimal discount, BigDecimal paidAmount, Instant placedAt) {
	}

}
