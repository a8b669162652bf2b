package io.shopops.dashboard;

import java.math.BigDecimal;

/**
 * The counted figures of a day or a range, from which every order KPI is derived.
 *
 * @param paidOrders orders whose payment time falls in the period
 * @param gmv their paid amount
 * @param refundAmount refunds completed in the period
 * @param payingBuyers distinct buyers among the paid orders
 * @param repeatBuyers those with at least two paid orders in the period
 * @param newBuyers those whose first-ever paid order falls in the period
 */
record KpiCounts(long paidOrders, BigDecimal gmv, BigDecimal refundAmount, long payingBuyers, long repeatBuyers,
		long newBuyers) {

	static final KpiCounts ZERO = new KpiCounts(0, BigDecimal.ZERO.setScale(2), BigDecimal.ZERO.setScale(2), 0, 0, 0);

	KpiCounts {
		gmv = gmv.setScale(2, java.math.RoundingMode.HALF_UP);
		refundAmount = refundAmount.setScale(2, java.math.RoundingMode.HALF_UP);
	}

	KpiCounts withOrders(long paidOrders, BigDecimal gmv) {
		return new KpiCounts(paidOrders, gmv, this.refundAmount, this.payingBuyers, this.repeatBuyers, this.newBuyers);
	}

	KpiCounts withRefunds(BigDecimal refundAmount) {
		return new KpiCounts(this.paidOrders, this.gmv, refundAmount, this.payingBuyers, this.repeatBuyers,
				this.newBuyers);
	}

	KpiCounts withBuyers(long payingBuyers, long repeatBuyers, long newBuyers) {
		return new KpiCounts(this.paidOrders, this.gmv, this.refundAmount, payingBuyers, repeatBuyers, newBuyers);
	}

}
