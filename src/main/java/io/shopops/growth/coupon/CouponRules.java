package io.shopops.growth.coupon;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.shopops.fulfilment.catalog.ProductCatalog.SkuPlacement;
import io.shopops.growth.coupon.Coupon.ScopeItem;

/**
 * Whether a coupon applies to an order, and what it takes off: the checks that need no
 * counting (status, validity, scope, threshold, stacking). The limits are enforced
 * afterwards by {@link CouponRedemptions}, atomically in the database.
 */
final class CouponRules {

	private CouponRules() {
	}

	/** Why a coupon was not redeemed on an order. */
	enum Rejection {

		/** The coupon is disabled. */
		DISABLED,
		/** The order was placed before the coupon's validity. */
		NOT_YET_VALID,
		/** The order was placed after the coupon's validity. */
		EXPIRED,
		/** No line of the order is in the coupon's scope. */
		OUT_OF_SCOPE,
		/** The lines in scope do not reach the threshold. */
		BELOW_THRESHOLD,
		/** An exclusive coupon on an order whose lines carry other discounts. */
		NOT_STACKABLE,
		/** A per-customer limit, but the order's buyer is not known. */
		CUSTOMER_UNKNOWN,
		/** A unique code used before. */
		CODE_USED,
		/** The customer has used the coupon as often as allowed. */
		CUSTOMER_LIMIT,
		/** The coupon has been redeemed as often as allowed. */
		TOTAL_LIMIT

	}

	/**
	 * One line of an order as the rules see it.
	 *
	 * @param sku the SKU
	 * @param amount what the line is worth after its own discount
	 * @param discount the line's own discount (another promotion)
	 */
	record Line(String sku, BigDecimal amount, BigDecimal discount) {
	}

	/**
	 * The outcome of the checks.
	 *
	 * @param rejection why the coupon does not apply, {@code null} when it does
	 * @param goods the worth of the lines in scope
	 * @param discount what the coupon takes off, zero when rejected
	 */
	record Evaluation(Rejection rejection, BigDecimal goods, BigDecimal discount) {

		boolean applies() {
			return this.rejection == null;
		}

	}

	/**
	 * Checks a coupon against an order.
	 * @param coupon the coupon
	 * @param placedAt when the order was placed
	 * @param lines the order's lines
	 * @param placements where the lines' SKUs sit in the catalog (unknown SKUs are
	 * missing, and out of any product or category scope)
	 * @param customerKnown whether the order's buyer is a known customer
	 * @return the evaluation
	 */
	static Evaluation evaluate(Coupon coupon, Instant placedAt, List<Line> lines, Map<String, SkuPlacement> placements,
			boolean customerKnown) {
		BigDecimal zero = BigDecimal.ZERO.setScale(2);
		if (coupon.status() == Coupon.Status.DISABLED) {
			return new Evaluation(Rejection.DISABLED, zero, zero);
		}
		if (placedAt.isBefore(coupon.terms().validFrom())) {
			return new Evaluation(Rejection.NOT_YET_VALID, zero, zero);
		}
		if (!coupon.terms().validAt(placedAt)) {
			return new Evaluation(Rejection.EXPIRED, zero, zero);
		}
		List<Line> inScope = lines.stream().filter((line) -> inScope(coupon, line, placements)).toList();
		if (inScope.isEmpty()) {
			return new Evaluation(Rejection.OUT_OF_SCOPE, zero, zero);
		}
		BigDecimal goods = inScope.stream().map(Line::amount).reduce(zero, BigDecimal::add);
		BigDecimal threshold = coupon.terms().threshold();
		if (threshold != null && threshold.signum() > 0 && goods.compareTo(threshold) < 0) {
			return new Evaluation(Rejection.BELOW_THRESHOLD, goods, zero);
		}
		if (coupon.stacking() == Coupon.Stacking.EXCLUSIVE
				&& lines.stream().anyMatch((line) -> line.discount() != null && line.discount().signum() > 0)) {
			return new Evaluation(Rejection.NOT_STACKABLE, goods, zero);
		}
		if (coupon.perCustomerLimit() != null && !customerKnown) {
			return new Evaluation(Rejection.CUSTOMER_UNKNOWN, goods, zero);
		}
		return new Evaluation(null, goods, coupon.terms().discount(goods));
	}

	private static boolean inScope(Coupon coupon, Line line, Map<String, SkuPlacement> placements) {
		if (coupon.scope() == Coupon.Scope.ALL) {
			return true;
		}
		SkuPlacement placement = placements.get(line.sku());
		if (placement == null) {
			return false;
		}
		Set<Long> ids = coupon.scopeItems().stream().map(ScopeItem::refId).collect(Collectors.toSet());
		if (coupon.scope() == Coupon.Scope.PRODUCTS) {
			return ids.contains(placement.productId());
		}
		return placement.categoryIds().stream().anyMatch(ids::contains);
	}

}
