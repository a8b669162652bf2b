package io.shopops.dashboard;

import java.math.BigDecimal;
import java.time.LocalDate;

import io.shopops.dashboard.TrafficFigures.Visits;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every KPI formula against figures computed by hand: money half-up to 2 places, rates to
 * 4, a zero or unknown denominator gives {@code null}.
 */
class KpiRowTests {

	private static final LocalDate DAY = LocalDate.of(2026, 12, 1);

	@Test
	void everyFormulaOnAHandComputedDay() {
		// 3 orders of 1000.00 in all by 2 buyers (one of them twice, one of them new),
		// 100.00 refunded, 64 visitors with 300 page views, 250.00 spent on ads
		KpiRow row = KpiRow.of(DAY, new KpiCounts(3, new BigDecimal("1000.00"), new BigDecimal("100.00"), 2, 1, 1),
				new Visits(64, 300), new BigDecimal("250"));
		assertThat(row.date()).isEqualTo(DAY);
		assertThat(row.uv()).isEqualTo(64);
		assertThat(row.pv()).isEqualTo(300);
		assertThat(row.paidOrders()).isEqualTo(3);
		assertThat(row.gmv()).hasToString("1000.00");
		assertThat(row.payingBuyers()).isEqualTo(2);
		// 2 ÷ 64 = 0.03125, half-up to 4 places
		assertThat(row.conversion()).hasToString("0.0313");
		// 1000 ÷ 2
		assertThat(row.perBuyerSpend()).hasToString("500.00");
		// 1000 ÷ 3 = 333.333…
		assertThat(row.aov()).hasToString("333.33");
		assertThat(row.refundAmount()).hasToString("100.00");
		// 100 ÷ 1000
		assertThat(row.refundRate()).hasToString("0.1000");
		// 1 of 2 buyers paid twice
		assertThat(row.repurchaseRate()).hasToString("0.5000");
		assertThat(row.newBuyers()).isEqualTo(1);
		assertThat(row.returningBuyers()).isEqualTo(1);
		assertThat(row.adSpend()).hasToString("250.00");
		// 1000 ÷ 250
		assertThat(row.roi()).hasToString("4.0000");
	}

	@Test
	void moneyAndRatesRoundHalfUp() {
		// 100.01 ÷ 2 = 50.005 → 50.01; 100.01 ÷ 3 = 33.336… → 33.34; 1 ÷ 3 = 0.33333 →
		// 0.3333;
		// refund 0.01 ÷ 100.01 = 0.0000999… → 0.0001; ROI 100.01 ÷ 0.03 = 3333.6666… →
		// 3333.6667
		KpiRow row = KpiRow.of(DAY, new KpiCounts(3, new BigDecimal("100.01"), new BigDecimal("0.01"), 2, 0, 2),
				new Visits(6, 6), new BigDecimal("0.03"));
		assertThat(row.perBuyerSpend()).hasToString("50.01");
		assertThat(row.aov()).hasToString("33.34");
		assertThat(row.conversion()).hasToString("0.3333");
		assertThat(row.refundRate()).hasToString("0.0001");
		assertThat(row.repurchaseRate()).hasToString("0.0000");
		assertThat(row.roi()).hasToString("3333.6667");
		assertThat(row.returningBuyers()).isZero();
		// 1 ÷ 8 = 0.125 exactly is a rate of 0.1250; 5 ÷ 8 of a cent rounds up
		KpiRow eighth = KpiRow.of(DAY, new KpiCounts(8, new BigDecimal("0.05"), BigDecimal.ZERO, 8, 1, 0),
				new Visits(8, 8), null);
		assertThat(eighth.repurchaseRate()).hasToString("0.1250");
		assertThat(eighth.conversion()).hasToString("1.0000");
		assertThat(eighth.aov()).hasToString("0.01");
	}

	@Test
	void aZeroDenominatorGivesNull() {
		KpiRow empty = KpiRow.of(DAY, KpiCounts.ZERO, new Visits(0, 0), BigDecimal.ZERO);
		assertThat(empty.gmv()).hasToString("0.00");
		assertThat(empty.refundAmount()).hasToString("0.00");
		assertThat(empty.uv()).isZero();
		assertThat(empty.conversion()).isNull();
		assertThat(empty.perBuyerSpend()).isNull();
		assertThat(empty.aov()).isNull();
		assertThat(empty.refundRate()).isNull();
		assertThat(empty.repurchaseRate()).isNull();
		assertThat(empty.adSpend()).hasToString("0.00");
		assertThat(empty.roi()).isNull();
		// refunds of earlier orders on a day without sales: no rate, not infinity
		KpiRow refundsOnly = KpiRow.of(DAY, KpiCounts.ZERO.withRefunds(new BigDecimal("20")), null, null);
		assertThat(refundsOnly.refundAmount()).hasToString("20.00");
		assertThat(refundsOnly.refundRate()).isNull();
	}

	@Test
	void withoutTrafficFiguresVisitorsSpendAndTheirRatiosAreNull() {
		KpiRow row = KpiRow.of(DAY, new KpiCounts(1, new BigDecimal("9.90"), BigDecimal.ZERO, 1, 0, 1), null, null);
		assertThat(row.uv()).isNull();
		assertThat(row.pv()).isNull();
		assertThat(row.conversion()).isNull();
		assertThat(row.adSpend()).isNull();
		assertThat(row.roi()).isNull();
		assertThat(row.aov()).hasToString("9.90");
		assertThat(row.perBuyerSpend()).hasToString("9.90");
	}

	@Test
	void theJsonFieldsAreExactlyTheContract() {
		assertThat(KpiRow.FIELDS).containsExactly("date", "uv", "pv", "paidOrders", "gmv", "payingBuyers", "conversion",
				"perBuyerSpend", "aov", "refundAmount", "refundRate", "repurchaseRate", "newBuyers", "returningBuyers",
				"adSpend", "roi");
	}

}
