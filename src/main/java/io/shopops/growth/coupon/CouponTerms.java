package io.shopops.growth.coupon;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;

/**
 * What a coupon takes off an order and when it may be used, fen-exact.
 *
 * @param type how the discount is computed
 * @param threshold the goods amount an order must reach, {@code null} or zero for none
 * @param amount the amount taken off (满减 and 无门槛), {@code null} for 折扣
 * @param percentOff the percentage taken off (折扣), {@code null} otherwise
 * @param cap the most a 折扣 coupon takes off, {@code null} for no cap
 * @param validFrom the first instant it may be used
 * @param validUntil the instant from which it may no longer be used
 */
record CouponTerms(Type type, BigDecimal threshold, BigDecimal amount, BigDecimal percentOff, BigDecimal cap,
		Instant validFrom, Instant validUntil) {

	/** The kinds of coupon. */
	enum Type {

		/** Spend X, save Y (满减). */
		SPEND_SAVE,
		/** A percentage off, up to a cap (折扣). */
		PERCENT,
		/** An amount off with no threshold (无门槛). */
		NO_THRESHOLD

	}

	/**
	 * Whether the coupon may be used at an instant: from {@code validFrom} inclusive to
	 * {@code validUntil} exclusive.
	 * @param at the instant
	 * @return whether it is valid then
	 */
	boolean validAt(Instant at) {
		return !at.isBefore(this.validFrom) && at.isBefore(this.validUntil);
	}

	/**
	 * The discount on goods worth {@code goods}: zero below the threshold, never more
	 * than the goods, rounded half-up to the fen.
	 * @param goods the goods amount the coupon applies to
	 * @return the discount
	 */
	BigDecimal discount(BigDecimal goods) {
		if (goods.signum() <= 0) {
			return BigDecimal.ZERO.setScale(2);
		}
		BigDecimal off = switch (this.type) {
			case SPEND_SAVE ->
				(this.threshold != null && goods.compareTo(this.threshold) < 0) ? BigDecimal.ZERO : this.amount;
			case PERCENT -> {
				if (this.threshold != null && goods.compareTo(this.threshold) < 0) {
					yield BigDecimal.ZERO;
				}
				BigDecimal computed = goods.multiply(this.percentOff)
					.divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_UP);
				yield (this.cap != null && computed.compareTo(this.cap) > 0) ? this.cap : computed;
			}
			case NO_THRESHOLD -> this.amount;
		};
		return off.min(goods).setScale(2, RoundingMode.HALF_UP);
	}

}
