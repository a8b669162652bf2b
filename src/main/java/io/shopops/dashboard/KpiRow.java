package io.shopops.dashboard;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;

import io.shopops.dashboard.TrafficFigures.Visits;

/**
 * The KPIs of a day or of a range, as the KPI definitions say. Money is rounded half-up
 * to 2 places, rates to 4; a figure that is not known (visitors and ad spend without
 * traffic figures) and a ratio whose denominator is 0 or not known are {@code null}.
 *
 * @param date the day, {@code null} for the totals of a range
 * @param uv distinct visitors
 * @param pv page views
 * @param paidOrders orders whose payment time falls in the period
 * @param gmv their paid amount
 * @param payingBuyers distinct buyers among them
 * @param conversion paying buyers ÷ UV
 * @param perBuyerSpend GMV ÷ paying buyers (客单价)
 * @param aov GMV ÷ paid orders
 * @param refundAmount refunds completed in the period
 * @param refundRate refund amount ÷ GMV
 * @param repurchaseRate buyers with at least 2 paid orders ÷ paying buyers
 * @param newBuyers paying buyers whose first-ever paid order falls in the period
 * @param returningBuyers the other paying buyers
 * @param adSpend paid campaigns' spend
 * @param roi GMV ÷ ad spend
 */
record KpiRow(LocalDate date, Long uv, Long pv, long paidOrders, BigDecimal gmv, long payingBuyers,
		BigDecimal conversion, BigDecimal perBuyerSpend, BigDecimal aov, BigDecimal refundAmount, BigDecimal refundRate,
		BigDecimal repurchaseRate, long newBuyers, long returningBuyers, BigDecimal adSpend, BigDecimal roi) {

	/** The JSON fields of a row, in their order. */
	static final List<String> FIELDS = List.of("date", "uv", "pv", "paidOrders", "gmv", "payingBuyers", "conversion",
			"perBuyerSpend", "aov", "refundAmount", "refundRate", "repurchaseRate", "newBuyers", "returningBuyers",
			"adSpend", "roi");

	/** The KPIs of a tile, the trend charts and the CSV: every field but the date. */
	static final List<String> KPIS = FIELDS.subList(1, FIELDS.size());

	static KpiRow of(LocalDate date, KpiCounts counts, Visits visits, BigDecimal adSpend) {
		Long uv = (visits != null) ? visits.uv() : null;
		Long pv = (visits != null) ? visits.pv() : null;
		BigDecimal gmv = counts.gmv();
		BigDecimal spend = (adSpend != null) ? money(adSpend) : null;
		return new KpiRow(date, uv, pv, counts.paidOrders(), gmv, counts.payingBuyers(),
				rate(BigDecimal.valueOf(counts.payingBuyers()), (uv != null) ? BigDecimal.valueOf(uv) : null),
				moneyRatio(gmv, BigDecimal.valueOf(counts.payingBuyers())),
				moneyRatio(gmv, BigDecimal.valueOf(counts.paidOrders())), counts.refundAmount(),
				rate(counts.refundAmount(), gmv),
				rate(BigDecimal.valueOf(counts.repeatBuyers()), BigDecimal.valueOf(counts.payingBuyers())),
				counts.newBuyers(), counts.payingBuyers() - counts.newBuyers(), spend, rate(gmv, spend));
	}

	/**
	 * The value of a KPI by its field name, for the pages and the CSV.
	 */
	Object value(String field) {
		return switch (field) {
			case "date" -> this.date;
			case "uv" -> this.uv;
			case "pv" -> this.pv;
			case "paidOrders" -> this.paidOrders;
			case "gmv" -> this.gmv;
			case "payingBuyers" -> this.payingBuyers;
			case "conversion" -> this.conversion;
			case "perBuyerSpend" -> this.perBuyerSpend;
			case "aov" -> this.aov;
			case "refundAmount" -> this.refundAmount;
			case "refundRate" -> this.refundRate;
			case "repurchaseRate" -> this.repurchaseRate;
			case "newBuyers" -> this.newBuyers;
			case "returningBuyers" -> this.returningBuyers;
			case "adSpend" -> this.adSpend;
			case "roi" -> this.roi;
			default -> throw new IllegalArgumentException(field);
		};
	}

	/** Whether a field holds money (a decimal string with two places in JSON). */
	static boolean isMoney(String field) {
		return switch (field) {
			case "gmv", "perBuyerSpend", "aov", "refundAmount", "adSpend" -> true;
			default -> false;
		};
	}

	/** Whether a field is a rate or ratio (a number with four places in JSON). */
	static boolean isRate(String field) {
		return switch (field) {
			case "conversion", "refundRate", "repurchaseRate", "roi" -> true;
			default -> false;
		};
	}

	static BigDecimal money(BigDecimal amount) {
		return amount.setScale(2, RoundingMode.HALF_UP);
	}

	static BigDecimal rate(BigDecimal numerator, BigDecimal denominator) {
		if (denominator == null || denominator.signum() == 0) {
			return null;
		}
		return numerator.divide(denominator, 4, RoundingMode.HALF_UP);
	}

	static BigDecimal moneyRatio(BigDecimal numerator, BigDecimal denominator) {
		if (denominator == null || denominator.signum() == 0) {
			return null;
		}
		return numerator.divide(denominator, 2, RoundingMode.HALF_UP);
	}

}
