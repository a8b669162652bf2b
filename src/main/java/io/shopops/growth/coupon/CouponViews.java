package io.shopops.growth.coupon;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.List;

/**
 * What the coupon pages show.
 */
final class CouponViews {

	private CouponViews() {
	}

	/**
	 * A coupon's figures: codes issued to customers, redemptions that count, the
	 * redeeming orders' GMV and the discount they cost.
	 *
	 * @param issued unique codes issued to customers
	 * @param redeemed redemptions that count (restored ones do not)
	 * @param redeemedIssued of those, redemptions of issued unique codes
	 * @param gmv what the redeeming orders paid
	 * @param discountCost what the coupon took off them
	 */
	record Figures(long issued, long redeemed, long redeemedIssued, BigDecimal gmv, BigDecimal discountCost) {

		static final Figures NONE = new Figures(0, 0, 0, BigDecimal.ZERO.setScale(2), BigDecimal.ZERO.setScale(2));

		/**
		 * Redeemed issued codes per issued code, in percent with one decimal.
		 * @return the rate, {@code null} when nothing was issued
		 */
		public BigDecimal redemptionRate() {
			if (this.issued == 0) {
				return null;
			}
			return BigDecimal.valueOf(this.redeemedIssued * 100L)
				.divide(BigDecimal.valueOf(this.issued), 1, RoundingMode.HALF_UP);
		}

		/**
		 * GMV per yuan of discount.
		 * @return the ROI with two decimals, {@code null} when the discount cost is zero
		 */
		public BigDecimal roi() {
			if (this.discountCost.signum() == 0) {
				return null;
			}
			return this.gmv.divide(this.discountCost, 2, RoundingMode.HALF_UP);
		}

		Figures plus(Figures other) {
			return new Figures(this.issued + other.issued, this.redeemed + other.redeemed,
					this.redeemedIssued + other.redeemedIssued, this.gmv.add(other.gmv),
					this.discountCost.add(other.discountCost));
		}

	}

	/**
	 * A coupon in the list and the report.
	 *
	 * @param coupon the coupon
	 * @param sharedCode its shared code, {@code null} when none was published
	 * @param figures its figures
	 */
	record CouponRow(Coupon coupon, String sharedCode, Figures figures) {
	}

	/**
	 * One issuing run.
	 *
	 * @param audience the audience's key
	 * @param description whom it was issued to
	 * @param issued codes issued
	 * @param skipped customers who already held an unused code
	 * @param by who issued
	 * @param at when
	 */
	record IssueRow(String audience, String description, int issued, int skipped, String by, Instant at) {
	}

	/**
	 * One order that carried a code of the coupon.
	 *
	 * @param orderId the order's id
	 * @param orderNumber the channel's order number
	 * @param channelCode the channel
	 * @param code the code
	 * @param customerId the customer, may be {@code null}
	 * @param status redeemed, rejected or restored
	 * @param reason why rejected or restored, may be {@code null}
	 * @param discount what the coupon took off
	 * @param paidAmount what the order paid
	 * @param placedAt when the order was placed
	 */
	record RedemptionRow(long orderId, String orderNumber, String channelCode, String code, Long customerId,
			String status, String reason, BigDecimal discount, BigDecimal paidAmount, Instant placedAt) {
	}

	/**
	 * A coupon's page.
	 *
	 * @param row the coupon, its shared code and figures
	 * @param issues the issuing runs, latest first
	 * @param redemptions the latest orders that carried its codes
	 */
	record CouponView(CouponRow row, List<IssueRow> issues, List<RedemptionRow> redemptions) {
	}

	/**
	 * One page of a list.
	 *
	 * @param items the items
	 * @param page the page, from 1
	 * @param pages the number of pages, at least 1
	 * @param total the number of items in all pages
	 */
	record PageOf<T>(List<T> items, int page, int pages, long total) {

		public Integer previous() {
			return (this.page > 1) ? this.page - 1 : null;
		}

		public Integer next() {
			return (this.page < this.pages) ? this.page + 1 : null;
		}

	}

}
