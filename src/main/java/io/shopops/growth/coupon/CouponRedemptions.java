package io.shopops.growth.coupon;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import io.shopops.fulfilment.aftersales.api.RefundCompleted;
import io.shopops.fulfilment.catalog.ProductCatalog;
import io.shopops.fulfilment.catalog.ProductCatalog.SkuPlacement;
import io.shopops.fulfilment.order.OrderSnapshot;
import io.shopops.fulfilment.order.OrderStatus;
import io.shopops.growth.coupon.CouponRules.Evaluation;
import io.shopops.growth.coupon.CouponRules.Rejection;
import io.shopops.platform.AuditLog;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records the redemptions of orders that carry a coupon code, once per order, and gives
 * coupons back when an order is cancelled or refunded per the coupon's rule.
 * <p>
 * The limits hold under any concurrency without locks held across statements: a unique
 * code is claimed by one conditional {@code UPDATE}, a customer's uses by one conditional
 * upsert, the coupon's total by one conditional {@code UPDATE} of its counter, all in the
 * redemption's transaction; a claim that fails undoes the earlier ones in the same
 * transaction and the order is recorded as rejected with the reason.
 */
@Service
class CouponRedemptions {

	private final JdbcClient jdbc;

	private final Coupons coupons;

	private final ProductCatalog catalog;

	private final AuditLog audit;

	CouponRedemptions(JdbcClient jdbc, Coupons coupons, ProductCatalog catalog, AuditLog audit) {
		this.jdbc = jdbc;
		this.coupons = coupons;
		this.catalog = catalog;
		this.audit = audit;
	}

	/** What recording an order did. */
	enum Outcome {

		/** The order carries no code, or none ShopOps issued (a channel's own coupon). */
		NO_CODE,
		/** The order was recorded before. */
		ALREADY_RECORDED,
		/** The coupon was redeemed. */
		REDEEMED,
		/** The coupon was not redeemed; the order is recorded with the reason. */
		REJECTED

	}

	/**
	 * A code as stored.
	 */
	private record Code(long id, long couponId, String code, boolean unique) {
	}

	/**
	 * Whether ShopOps issued a code (case-insensitive).
	 * @param code the code an order carries
	 * @return whether it is one of the coupons' codes
	 */
	@Transactional(readOnly = true)
	boolean knows(String code) {
		return code(code).isPresent();
	}

	/**
	 * Records the coupon of an order: redeemed when the rules and limits allow, else
	 * rejected with the reason. Recording an order again changes nothing.
	 * @param order the order as an event carried it
	 * @param customerId the order's customer in CRM, {@code null} when unknown
	 * @return what happened
	 */
	@Transactional
	Outcome redeem(OrderSnapshot order, Long customerId) {
		if (order.status() == OrderStatus.CANCELLED) {
			return Outcome.NO_CODE;
		}
		Optional<Code> found = code(order.couponCode());
		if (found.isEmpty()) {
			return Outcome.NO_CODE;
		}
		Code code = found.get();
		Coupon coupon = this.coupons.find(code.couponId()).orElseThrow();
		List<CouponRules.Line> lines = order.lines()
			.stream()
			.map((l) -> new CouponRules.Line(l.sku(), l.amount(), l.discount()))
			.toList();
		Map<String, SkuPlacement> placements = (coupon.scope() == Coupon.Scope.ALL) ? Map.of()
				: this.catalog.placements(lines.stream().map(CouponRules.Line::sku).distinct().toList());
		Instant placedAt = (order.times().placedAt() != null) ? order.times().placedAt() : Instant.now();
		Evaluation evaluation = CouponRules.evaluate(coupon, placedAt, lines, placements, customerId != null);
		int claimed = this.jdbc.sql("""
				INSERT INTO coupon_redemption (order_id, coupon_id, code_id, customer_id, order_number, channel_code,
				    status, reason, goods_amount, discount, paid_amount, placed_at)
				VALUES (:order, :coupon, :code, :customer, :number, :channel, :status, :reason, :goods, :discount,
				    :paid, :placed)
				ON CONFLICT (order_id) DO NOTHING""")
			.param("order", order.id())
			.param("coupon", coupon.id())
			.param("code", code.id())
			.param("customer", customerId)
			.param("number", order.number())
			.param("channel", order.channelCode())
			.param("status", evaluation.applies() ? "REDEEMED" : "REJECTED")
			.param("reason", evaluation.applies() ? null : evaluation.rejection().name())
			.param("goods", evaluation.goods())
			.param("discount", evaluation.discount())
			.param("paid", (order.paidAmount() != null) ? order.paidAmount() : BigDecimal.ZERO)
			.param("placed", Timestamp.from(placedAt))
			.update();
		if (claimed == 0) {
			return Outcome.ALREADY_RECORDED;
		}
		if (!evaluation.applies()) {
			rejected(order, coupon, code, evaluation.rejection(), false);
			return Outcome.REJECTED;
		}
		Rejection limit = claimLimits(order.id(), coupon, code, customerId);
		if (limit != null) {
			rejected(order, coupon, code, limit, true);
			return Outcome.REJECTED;
		}
		this.audit.record("COUPON_REDEEMED", "coupon", Long.toString(coupon.id()), order.channelCode() + " "
				+ order.number() + " " + code.code() + " −" + evaluation.discount().toPlainString());
		return Outcome.REDEEMED;
	}

	/**
	 * Claims the code, the customer's use and the coupon's total, in this order; when one
	 * claim fails, the earlier ones are undone.
	 * @return the limit that was reached, {@code null} when all claims succeeded
	 */
	private Rejection claimLimits(long orderId, Coupon coupon, Code code, Long customerId) {
		if (code.unique()) {
			int used = this.jdbc.sql("""
					UPDATE coupon_code SET used_order_id = :order, used_at = now()
					WHERE id = :id AND used_order_id IS NULL""")
				.param("order", orderId)
				.param("id", code.id())
				.update();
			if (used == 0) {
				return Rejection.CODE_USED;
			}
		}
		if (customerId != null) {
			int counted = this.jdbc.sql("""
					INSERT INTO coupon_usage (coupon_id, customer_id, used) VALUES (:coupon, :customer, 1)
					ON CONFLICT (coupon_id, customer_id) DO UPDATE SET used = coupon_usage.used + 1
					WHERE CAST(:limit AS INTEGER) IS NULL OR coupon_usage.used < CAST(:limit AS INTEGER)""")
				.param("coupon", coupon.id())
				.param("customer", customerId)
				.param("limit", coupon.perCustomerLimit())
				.update();
			if (counted == 0) {
				releaseCode(code, orderId);
				return Rejection.CUSTOMER_LIMIT;
			}
		}
		int total = this.jdbc.sql("""
				UPDATE coupon SET redeemed_count = redeemed_count + 1
				WHERE id = :id AND (total_limit IS NULL OR redeemed_count < total_limit)""")
			.param("id", coupon.id())
			.update();
		if (total == 0) {
			releaseUsage(coupon.id(), customerId);
			releaseCode(code, orderId);
			return Rejection.TOTAL_LIMIT;
		}
		return null;
	}

	private void rejected(OrderSnapshot order, Coupon coupon, Code code, Rejection reason, boolean update) {
		if (update) {
			this.jdbc.sql("""
					UPDATE coupon_redemption SET status = 'REJECTED', reason = :reason, discount = 0
					WHERE order_id = :order""").param("reason", reason.name()).param("order", order.id()).update();
		}
		this.audit.record("COUPON_REJECTED", "coupon", Long.toString(coupon.id()),
				order.channelCode() + " " + order.number() + " " + code.code() + " " + reason.name());
	}

	/**
	 * Gives the coupon of a cancelled order back, whatever the coupon's refund rule. A
	 * cancellation that arrives before the order's redemption was recorded records the
	 * order as given back, so that the late redemption changes nothing.
	 * @param order the cancelled order
	 * @return whether a redemption was restored now
	 */
	@Transactional
	boolean cancelled(OrderSnapshot order) {
		if (restore(order.id(), "CANCELLED")) {
			return true;
		}
		code(order.couponCode()).ifPresent((code) -> this.jdbc.sql("""
				INSERT INTO coupon_redemption (order_id, coupon_id, code_id, order_number, channel_code, status,
				    reason, paid_amount, placed_at, restored_at)
				VALUES (:order, :coupon, :code, :number, :channel, 'RESTORED', 'CANCELLED', :paid, :placed, now())
				ON CONFLICT (order_id) DO NOTHING""")
			.param("order", order.id())
			.param("coupon", code.couponId())
			.param("code", code.id())
			.param("number", order.number())
			.param("channel", order.channelCode())
			.param("paid", (order.paidAmount() != null) ? order.paidAmount() : BigDecimal.ZERO)
			.param("placed",
					Timestamp.from((order.times().placedAt() != null) ? order.times().placedAt() : Instant.now()))
			.update());
		return false;
	}

	/**
	 * Records a refund once per after-sales request and gives the coupon back when the
	 * coupon's rule says so: {@code ANY_REFUND} on the first refund, {@code FULL_REFUND}
	 * once the order's refunds reach what it paid, {@code NEVER} never.
	 * @param refund the event
	 * @return whether a redemption was restored now
	 */
	@Transactional
	boolean refunded(RefundCompleted refund) {
		int inserted = this.jdbc.sql("""
				INSERT INTO coupon_refund (request_id, order_id, amount, refunded_at)
				VALUES (:request, :order, :amount, :at) ON CONFLICT DO NOTHING""")
			.param("request", refund.requestId())
			.param("order", refund.orderId())
			.param("amount", refund.amount())
			.param("at", Timestamp.from(refund.at()))
			.update();
		if (inserted == 0) {
			return false;
		}
		Optional<Map<String, Object>> row = this.jdbc.sql("""
				UPDATE coupon_redemption r SET refunded_amount = r.refunded_amount + :amount
				FROM coupon c WHERE c.id = r.coupon_id AND r.order_id = :order AND r.status = 'REDEEMED'
				RETURNING c.refund_rule, r.refunded_amount, r.paid_amount""")
			.param("amount", refund.amount())
			.param("order", refund.orderId())
			.query()
			.listOfRows()
			.stream()
			.findFirst();
		if (row.isEmpty()) {
			return false;
		}
		Coupon.RefundRule rule = Coupon.RefundRule.valueOf((String) row.get().get("refund_rule"));
		BigDecimal refunded = (BigDecimal) row.get().get("refunded_amount");
		BigDecimal paid = (BigDecimal) row.get().get("paid_amount");
		boolean restore = switch (rule) {
			case NEVER -> false;
			case ANY_REFUND -> true;
			case FULL_REFUND -> refunded.compareTo(paid) >= 0;
		};
		return restore && restore(refund.orderId(), "REFUNDED");
	}

	private boolean restore(long orderId, String why) {
		Optional<Map<String, Object>> row = this.jdbc.sql("""
				UPDATE coupon_redemption r SET status = 'RESTORED', reason = :why, restored_at = now()
				FROM coupon_code k WHERE k.id = r.code_id AND r.order_id = :order AND r.status = 'REDEEMED'
				RETURNING r.coupon_id, r.code_id, r.customer_id, r.order_number, r.channel_code, k.code, k.kind""")
			.param("why", why)
			.param("order", orderId)
			.query()
			.listOfRows()
			.stream()
			.findFirst();
		if (row.isEmpty()) {
			return false;
		}
		Map<String, Object> r = row.get();
		long couponId = ((Number) r.get("coupon_id")).longValue();
		Long customerId = (r.get("customer_id") != null) ? ((Number) r.get("customer_id")).longValue() : null;
		// the same lock order as a redemption: code, usage, coupon
		releaseCode(new Code(((Number) r.get("code_id")).longValue(), couponId, (String) r.get("code"),
				"UNIQUE".equals(r.get("kind"))), orderId);
		releaseUsage(couponId, customerId);
		this.jdbc.sql("UPDATE coupon SET redeemed_count = redeemed_count - 1 WHERE id = :id AND redeemed_count > 0")
			.param("id", couponId)
			.update();
		this.audit.record("COUPON_RESTORED", "coupon", Long.toString(couponId),
				r.get("channel_code") + " " + r.get("order_number") + " " + r.get("code") + " " + why);
		return true;
	}

	private void releaseUsage(long couponId, Long customerId) {
		if (customerId != null) {
			this.jdbc.sql("""
					UPDATE coupon_usage SET used = used - 1
					WHERE coupon_id = :coupon AND customer_id = :customer AND used > 0""")
				.param("coupon", couponId)
				.param("customer", customerId)
				.update();
		}
	}

	private void releaseCode(Code code, long orderId) {
		if (code.unique()) {
			this.jdbc.sql("""
					UPDATE coupon_code SET used_order_id = NULL, used_at = NULL
					WHERE id = :id AND used_order_id = :order""")
				.param("id", code.id())
				.param("order", orderId)
				.update();
		}
	}

	private Optional<Code> code(String code) {
		if (code == null || code.isBlank() || code.strip().length() > 64) {
			return Optional.empty();
		}
		return this.jdbc.sql("SELECT id, coupon_id, code, kind FROM coupon_code WHERE code = :code")
			.param("code", code.strip().toUpperCase(Locale.ROOT))
			.query((rs, n) -> new Code(rs.getLong(1), rs.getLong(2), rs.getString(3), "UNIQUE".equals(rs.getString(4))))
			.optional();
	}

}
