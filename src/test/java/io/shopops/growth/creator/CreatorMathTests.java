package io.shopops.growth.creator;

import java.math.BigDecimal;
import java.util.List;

import io.shopops.growth.creator.CreatorMath.Earnings;
import io.shopops.growth.creator.CreatorMath.Entry;
import io.shopops.growth.creator.CreatorMath.Sales;
import io.shopops.growth.creator.CreatorMath.Terms;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Commission, fees owed, ROI and the ledger's balance, against figures worked out by
 * hand.
 */
class CreatorMathTests {

	@Test
	void commissionIsTheRateOfTheNetGmvRoundedHalfUpToTheFen() {
		Terms twelveAndAHalf = terms(CooperationType.COMMISSION, CooperationStatus.ACTIVE, "0", "12.5");
		// 1,000.00 − 200.00 = 800.00; 12.5 % of it = 100.00
		assertThat(CreatorMath.commission(twelveAndAHalf, sales(4, "1000.00", "200.00")))
			.isEqualByComparingTo("100.00");
		// 15 % of 333.33 = 49.9995 → 50.00
		Terms fifteen = terms(CooperationType.COMMISSION, CooperationStatus.COMPLETED, "0", "15");
		assertThat(CreatorMath.commission(fifteen, sales(1, "333.33", "0"))).isEqualTo(new BigDecimal("50.00"));
		// 15 % of 0.03 = 0.0045 → 0.00
		assertThat(CreatorMath.commission(fifteen, sales(1, "0.03", "0"))).isEqualByComparingTo("0.00");
	}

	@Test
	void noCommissionWhenRefundsExceedTheGmvWhenCancelledOrForTypesWithoutOne() {
		assertThat(CreatorMath.commission(terms(CooperationType.COMMISSION, CooperationStatus.ACTIVE, "0", "20"),
				sales(2, "100.00", "110.00")))
			.isEqualByComparingTo("0");
		assertThat(CreatorMath.commission(terms(CooperationType.COMMISSION, CooperationStatus.CANCELLED, "0", "20"),
				sales(2, "100.00", "0")))
			.isEqualByComparingTo("0");
		assertThat(CreatorMath.commission(terms(CooperationType.FIXED_FEE, CooperationStatus.ACTIVE, "500", "20"),
				sales(2, "100.00", "0")))
			.isEqualByComparingTo("0");
		assertThat(CreatorMath.commission(terms(CooperationType.SAMPLE, CooperationStatus.ACTIVE, "0", "0"),
				sales(2, "100.00", "0")))
			.isEqualByComparingTo("0");
	}

	@Test
	void aFixedFeeIsOwedOnceTheCooperationIsActiveOrCompleted() {
		assertThat(CreatorMath.feeOwed(terms(CooperationType.FIXED_FEE, CooperationStatus.ACTIVE, "5000", "0")))
			.isEqualByComparingTo("5000.00");
		assertThat(CreatorMath.feeOwed(terms(CooperationType.MIXED, CooperationStatus.COMPLETED, "1200.50", "5")))
			.isEqualByComparingTo("1200.50");
		assertThat(CreatorMath.feeOwed(terms(CooperationType.FIXED_FEE, CooperationStatus.PLANNED, "5000", "0")))
			.isEqualByComparingTo("0");
		assertThat(CreatorMath.feeOwed(terms(CooperationType.FIXED_FEE, CooperationStatus.CANCELLED, "5000", "0")))
			.isEqualByComparingTo("0");
		assertThat(CreatorMath.feeOwed(terms(CooperationType.COMMISSION, CooperationStatus.ACTIVE, "5000", "10")))
			.isEqualByComparingTo("0");
	}

	@Test
	void roiIsTheNetGmvOverFeesCommissionAndSamples() {
		// mixed: fee 2,000.00; 10 % of 30,000.00 − 1,500.00 = 2,850.00; samples 3 × 45.50
		// = 136.50
		BigDecimal samples = CreatorMath.sampleCost(3, new BigDecimal("45.50"));
		assertThat(samples).isEqualByComparingTo("136.50");
		Earnings earnings = CreatorMath.earnings(terms(CooperationType.MIXED, CooperationStatus.ACTIVE, "2000", "10"),
				sales(12, "30000.00", "1500.00"), samples);
		assertThat(earnings.sales().net()).isEqualByComparingTo("28500.00");
		assertThat(earnings.commission()).isEqualByComparingTo("2850.00");
		assertThat(earnings.owed()).isEqualByComparingTo("4850.00");
		assertThat(earnings.cost()).isEqualByComparingTo("4986.50");
		// 28,500.00 / 4,986.50 = 5.7154… → 5.72
		assertThat(earnings.roi()).isEqualByComparingTo("5.72");
		assertThat(CreatorMath.sampleCost(3, null)).isEqualByComparingTo("0");
	}

	@Test
	void roiIsNoneWithoutCostAndEarningsAddUp() {
		assertThat(CreatorMath.roi(new BigDecimal("100"), BigDecimal.ZERO)).isNull();
		Earnings a = CreatorMath.earnings(terms(CooperationType.COMMISSION, CooperationStatus.ACTIVE, "0", "20"),
				sales(2, "500.00", "100.00"), new BigDecimal("30.00"));
		Earnings b = CreatorMath.earnings(terms(CooperationType.FIXED_FEE, CooperationStatus.ACTIVE, "300", "0"),
				sales(1, "200.00", "0"), BigDecimal.ZERO);
		Earnings total = a.plus(b);
		// net 400 + 200 = 600; cost 80 + 30 + 300 = 410; 600 / 410 = 1.463… → 1.46
		assertThat(total.sales().orders()).isEqualTo(3);
		assertThat(total.sales().net()).isEqualByComparingTo("600.00");
		assertThat(total.cost()).isEqualByComparingTo("410.00");
		assertThat(total.roi()).isEqualByComparingTo("1.46");
	}

	@Test
	void theBalanceIsWhatIsOwedPlusAdjustmentsLessPayouts() {
		List<Entry> entries = List.of(new Entry(PayoutKind.PAYOUT, new BigDecimal("3000.00")),
				new Entry(PayoutKind.ADJUSTMENT, new BigDecimal("-150.00")),
				new Entry(PayoutKind.PAYOUT, new BigDecimal("1000.00")),
				new Entry(PayoutKind.ADJUSTMENT, new BigDecimal("20.00")));
		// 4,850.00 − 3,000.00 − 150.00 − 1,000.00 + 20.00 = 720.00
		assertThat(CreatorMath.balance(new BigDecimal("4850.00"), entries)).isEqualByComparingTo("720.00");
		assertThat(CreatorMath.balance(BigDecimal.ZERO, List.of())).isEqualByComparingTo("0");
	}

	@Test
	void operatorsSeeContactsMasked() {
		assertThat(CreatorContacts.mask("13812345678")).isEqualTo("138****5678");
		assertThat(CreatorContacts.mask("138 1234 5678")).isEqualTo("138****5678");
		assertThat(CreatorContacts.mask("zhang.san@example.com")).isEqualTo("z***@example.com");
		assertThat(CreatorContacts.mask("wx_meimei2024")).isEqualTo("w***4");
		assertThat(CreatorContacts.mask("美美")).isEqualTo("**");
		assertThat(CreatorContacts.mask(null)).isNull();
	}

	private static Terms terms(CooperationType type, CooperationStatus status, String fee, String rate) {
		return new Terms(type, status, new BigDecimal(fee), new BigDecimal(rate));
	}

	private static Sales sales(long orders, String gmv, String refunded) {
		return new Sales(orders, new BigDecimal(gmv), new BigDecimal(refunded));
	}

}
