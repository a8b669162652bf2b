package io.shopops.growth.coupon;

import java.time.Instant;
import java.util.List;

/**
 * A coupon as defined by a manager: its terms, limits, scope and rules.
 *
 * @param id the coupon's id
 * @param name what staff call it
 * @param terms what it takes off and when it is valid
 * @param totalLimit how many redemptions it allows in all, {@code null} for no limit
 * @param perCustomerLimit how many redemptions one customer may make, {@code null} for no
 * limit
 * @param scope what it applies to
 * @param scopeItems the products or categories of a scoped coupon, empty for
 * {@link Scope#ALL}
 * @param stacking whether it may be combined with other promotions
 * @param refundRule when a refund gives the coupon back
 * @param status whether it may be redeemed
 * @param redeemedCount the redemptions that count against the total limit now
 * @param createdAt when it was created
 * @param version the optimistic lock version
 */
record Coupon(long id, String name, CouponTerms terms, Integer totalLimit, Integer perCustomerLimit, Scope scope,
		List<ScopeItem> scopeItems, Stacking stacking, RefundRule refundRule, Status status, int redeemedCount,
		Instant createdAt, long version) {

	Coupon {
		scopeItems = List.copyOf(scopeItems);
	}

	/**
	 * Whether it expires between two instants.
	 * @param from the start, inclusive
	 * @param until the end, exclusive
	 * @return whether its validity ends in the window
	 */
	public boolean expiresBetween(Instant from, Instant until) {
		return this.status == Status.ACTIVE && !this.terms.validUntil().isBefore(from)
				&& this.terms.validUntil().isBefore(until);
	}

	/**
	 * Whether its validity has ended.
	 * @return whether it is no longer valid from now on
	 */
	public boolean ended() {
		return !this.terms.validUntil().isAfter(Instant.now());
	}

	/**
	 * How many redemptions remain, {@code null} without a total limit.
	 * @return the remaining redemptions
	 */
	public Integer remaining() {
		return (this.totalLimit != null) ? Math.max(0, this.totalLimit - this.redeemedCount) : null;
	}

	/** What a coupon applies to. */
	enum Scope {

		/** Every product. */
		ALL,
		/** Only the listed products. */
		PRODUCTS,
		/** Only products in the listed categories or their subcategories. */
		CATEGORIES

	}

	/** Whether a coupon may be combined with other promotions. */
	enum Stacking {

		/** It may be used on orders whose lines carry other discounts. */
		STACKABLE,
		/** It may be used only on orders whose lines carry no other discount. */
		EXCLUSIVE

	}

	/** When a refund gives a redeemed coupon back (a cancelled order always does). */
	enum RefundRule {

		/** Never. */
		NEVER,
		/** When the refunds of the order reach what was paid. */
		FULL_REFUND,
		/** On the first refund of the order. */
		ANY_REFUND

	}

	/** Whether a coupon may be redeemed. */
	enum Status {

		ACTIVE, DISABLED

	}

	/**
	 * A product or category a scoped coupon applies to.
	 *
	 * @param kind product or category
	 * @param refId the product's or category's id
	 * @param label the product's handle or the category's path
	 */
	record ScopeItem(Kind kind, long refId, String label) {

		enum Kind {

			PRODUCT, CATEGORY

		}

	}

}
