package io.shopops.growth.coupon;

import java.math.BigDecimal;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CouponTermsTests {

	private static final Instant FROM = Instant.parse("2026-12-01T00:00:00Z");

	private static final Instant UNTIL = Instant.parse("2026-12-08T00:00:00Z");

	@Test
	void spendSaveAppliesFromTheThresholdOn() {
		CouponTerms terms = new CouponTerms(CouponTerms.Type.SPEND_SAVE, new BigDecimal("200.00"),
				new BigDecimal("30.00"), null, null, FROM, UNTIL);
		assertThat(terms.discount(new BigDecimal("199.99"))).isEqualByComparingTo("0.00");
		assertThat(terms.discount(new BigDecimal("200.00"))).isEqualByComparingTo("30.00");
	}

	@Test
	void percentStopsAtTheCapAndRoundsHalfUp() {
		CouponTerms terms = new CouponTerms(CouponTerms.Type.PERCENT, null, null, new BigDecimal("15"),
				new BigDecimal("20.00"), FROM, UNTIL);
		assertThat(terms.discount(new BigDecimal("33.33"))).isEqualByComparingTo("5.00");
		assertThat(terms.discount(new BigDecimal("500.00"))).isEqualByComparingTo("20.00");
	}

	@Test
	void noThresholdNeverTakesMoreThanTheGoods() {
		CouponTerms terms = new CouponTerms(CouponTerms.Type.NO_THRESHOLD, null, new BigDecimal("10.00"), null, null,
				FROM, UNTIL);
		assertThat(terms.discount(new BigDecimal("8.50"))).isEqualByComparingTo("8.50");
		assertThat(terms.discount(new BigDecimal("50.00"))).isEqualByComparingTo("10.00");
	}

	@Test
	void validFromInclusiveUntilExclusive() {
		CouponTerms terms = new CouponTerms(CouponTerms.Type.NO_THRESHOLD, null, BigDecimal.TEN, null, null, FROM,
				UNTIL);
		assertThat(terms.validAt(FROM)).isTrue();
		assertThat(terms.validAt(FROM.minusSeconds(1))).isFalse();
		assertThat(terms.validAt(UNTIL)).isFalse();
	}

}
