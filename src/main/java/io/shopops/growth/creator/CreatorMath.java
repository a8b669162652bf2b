package io.shopops.growth.creator;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collection;

/**
 * The money of creators, kept apart from the database so that it can be checked by hand:
 * <ul>
 * <li>net GMV = attributed GMV − refunds of those orders;</li>
 * <li>commission of a cooperation = its rate (percent) × its net GMV (never below zero),
 * rounded half up to the fen, per cooperation;</li>
 * <li>owed = fixed fees (of active or completed cooperations) + commission;</li>
 * <li>cost = owed + sample cost (units × cost price where known);</li>
 * <li>ROI = net GMV / cost, two decimals, none when nothing was spent;</li>
 * <li>balance = owed + adjustments − payouts, the sum of the ledger.</li>
 * </ul>
 */
final class CreatorMath {

	private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

	private CreatorMath() {
	}

	/**
	 * The fixed fee a cooperation owes.
	 * @param terms the cooperation's terms
	 * @return the fee when the type pays one and the cooperation is active or completed,
	 * else zero
	 */
	static BigDecimal feeOwed(Terms terms) {
		return (terms.type().paysFee() && terms.status().owesFee()) ? money(terms.fixedFee()) : money(null);
	}

	/**
	 * The commission a cooperation earned on its sales.
	 * @param terms the cooperation's terms
	 * @param sales its attributed sales
	 * @return rate × net GMV, half up to the fen; zero for types without commission, for
	 * cancelled cooperations and when refunds exceed GMV
	 */
	static BigDecimal commission(Terms terms, Sales sales) {
		if (!terms.type().paysCommission() || !terms.status().countsOrders() || terms.commissionRate() == null) {
			return money(null);
		}
		BigDecimal net = sales.net();
		if (net.signum() <= 0) {
			return money(null);
		}
		return net.multiply(terms.commissionRate()).divide(HUNDRED, 2, RoundingMode.HALF_UP);
	}

	/**
	 * What a cooperation earned and cost.
	 * @param terms its terms
	 * @param sales its attributed sales
	 * @param sampleCost the cost of its samples
	 * @return the earnings
	 */
	static Earnings earnings(Terms terms, Sales sales, BigDecimal sampleCost) {
		return new Earnings(sales, feeOwed(terms), commission(terms, sales), money(sampleCost));
	}

	/**
	 * Net GMV per unit of cost.
	 * @param net the net GMV
	 * @param cost fees, commission and samples
	 * @return the ratio with two decimals, {@code null} when the cost is zero
	 */
	static BigDecimal roi(BigDecimal net, BigDecimal cost) {
		if (cost == null || cost.signum() == 0) {
			return null;
		}
		return money(net).divide(cost, 2, RoundingMode.HALF_UP);
	}

	/**
	 * The balance of a creator's ledger.
	 * @param owed fees and commission owed so far
	 * @param entries the payouts and adjustments
	 * @return owed + adjustments − payouts
	 */
	static BigDecimal balance(BigDecimal owed, Collection<Entry> entries) {
		BigDecimal balance = money(owed);
		for (Entry entry : entries) {
			balance = (entry.kind() == PayoutKind.PAYOUT) ? balance.subtract(entry.amount())
					: balance.add(entry.amount());
		}
		return balance;
	}

	/**
	 * The sample cost of units at a cost price.
	 * @param quantity the units
	 * @param unitCost the cost price, {@code null} when unknown
	 * @return units × cost, zero when the cost is unknown
	 */
	static BigDecimal sampleCost(int quantity, BigDecimal unitCost) {
		return (unitCost != null) ? unitCost.multiply(BigDecimal.valueOf(quantity)).setScale(2, RoundingMode.HALF_UP)
				: money(null);
	}

	static BigDecimal money(BigDecimal value) {
		return (value != null) ? value.setScale(2, RoundingMode.HALF_UP) : BigDecimal.ZERO.setScale(2);
	}

	/**
	 * The terms of a cooperation.
	 *
	 * @param type how the creator is paid
	 * @param status where it stands
	 * @param fixedFee the fee, zero for none
	 * @param commissionRate the rate in percent, zero for none
	 */
	record Terms(CooperationType type, CooperationStatus status, BigDecimal fixedFee, BigDecimal commissionRate) {
	}

	/**
	 * Attributed orders.
	 *
	 * @param orders how many
	 * @param gmv what they paid
	 * @param refunded what was refunded of them
	 */
	record Sales(long orders, BigDecimal gmv, BigDecimal refunded) {

		static final Sales NONE = new Sales(0, money(null), money(null));

		public BigDecimal net() {
			return money(this.gmv).subtract(money(this.refunded));
		}

		Sales plus(Sales other) {
			return new Sales(this.orders + other.orders, money(this.gmv).add(money(other.gmv)),
					money(this.refunded).add(money(other.refunded)));
		}

	}

	/**
	 * What cooperations earned and cost.
	 *
	 * @param sales their attributed sales
	 * @param fees the fixed fees owed
	 * @param commission the commission earned
	 * @param sampleCost the cost of the samples sent
	 */
	record Earnings(Sales sales, BigDecimal fees, BigDecimal commission, BigDecimal sampleCost) {

		static final Earnings NONE = new Earnings(Sales.NONE, money(null), money(null), money(null));

		public BigDecimal owed() {
			return this.fees.add(this.commission);
		}

		public BigDecimal cost() {
			return owed().add(this.sampleCost);
		}

		public BigDecimal roi() {
			return CreatorMath.roi(this.sales.net(), cost());
		}

		Earnings plus(Earnings other) {
			return new Earnings(this.sales.plus(other.sales), this.fees.add(other.fees),
					this.commission.add(other.commission), this.sampleCost.add(other.sampleCost));
		}

	}

	/**
	 * A payout or an adjustment.
	 *
	 * @param kind which
	 * @param amount a payout's positive amount, an adjustment's signed one
	 */
	record Entry(PayoutKind kind, BigDecimal amount) {
	}

}
