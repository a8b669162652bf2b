package io.shopops.dashboard;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The funnel's shares of the first step and conversions between steps, hand-computed.
 */
class KpiFunnelTests {

	@Test
	void sharesAndConversionsBetweenSteps() {
		List<KpiFunnel.Step> steps = KpiFunnel.steps(List.of(8L, 6L, 0L, 0L, 3L, 1L));
		assertThat(steps).extracting(KpiFunnel.Step::key)
			.containsExactly("visitors", "productViewers", "addedToCart", "checkedOut", "placedOrders", "paidOrders");
		// 6 ÷ 8 = 75 %, 3 ÷ 8 = 37.5 % → 38, 1 ÷ 8 = 12.5 % → 13
		assertThat(steps).extracting(KpiFunnel.Step::share).containsExactly(100, 75, 0, 0, 38, 13);
		assertThat(steps.get(0).conversion()).isNull();
		assertThat(steps.get(1).conversion()).hasToString("0.7500");
		assertThat(steps.get(2).conversion()).hasToString("0.0000");
		// the step before is 0: no rate, never a made-up one
		assertThat(steps.get(3).conversion()).isNull();
		assertThat(steps.get(4).conversion()).isNull();
		// 1 ÷ 3 = 0.33333…
		assertThat(steps.get(5).conversion()).hasToString("0.3333");
	}

	@Test
	void noVisitorsGiveEmptyBarsAndMoreOrdersThanCheckoutsFillTheBar() {
		assertThat(KpiFunnel.steps(List.of(0L, 0L, 0L, 0L, 2L, 1L))).extracting(KpiFunnel.Step::share)
			.containsExactly(0, 0, 0, 0, 0, 0);
		assertThat(KpiFunnel.steps(List.of(1L, 1L, 1L, 1L, 3L, 2L)).get(4).share()).isEqualTo(100);
	}

}
