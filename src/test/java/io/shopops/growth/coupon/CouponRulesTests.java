package io.shopops.growth.coupon;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.shopops.fulfilment.catalog.ProductCatalog.SkuPlacement;
import io.shopops.growth.coupon.Coupon.ScopeItem;
import io.shopops.growth.coupon.CouponRules.Evaluation;
import io.shopops.growth.coupon.CouponRules.Line;
import io.shopops.growth.coupon.CouponRules.Rejection;
import io.shopops.growth.coupon.CouponViews.Figures;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CouponRulesTests {

	private static final Instant FROM = Instant.parse("2026-12-01T00:00:00Z");

	private static final Instant UNTIL = Instant.parse("2026-12-08T00:00:00Z");

	private static final Instant DURING = Instant.parse("2026-12-03T10:00:00Z");

	@Test
	void checksStatusAndTheValidityWindow() {
		Coupon coupon = coupon(Coupon.Scope.ALL, List.of(), Coupon.Stacking.STACKABLE, null);
		List<Line> lines = List.of(line("A", "150.00", "0"));
		assertThat(evaluate(coupon, FROM.minusSeconds(1), lines).rejection()).isEqualTo(Rejection.NOT_YET_VALID);
		assertThat(evaluate(coupon, UNTIL, lines).rejection()).isEqualTo(Rejection.EXPIRED);
		Evaluation ok = evaluate(coupon, FROM, lines);
		assertThat(ok.applies()).isTrue();
		assertThat(ok.discount()).isEqualByComparingTo("20.00");
		Coupon disabled = new Coupon(1, "x", coupon.terms(), null, null, Coupon.Scope.ALL, List.of(),
				Coupon.Stacking.STACKABLE, Coupon.RefundRule.NEVER, Coupon.Status.DISABLED, 0, FROM, 0);
		assertThat(evaluate(disabled, DURING, lines).rejection()).isEqualTo(Rejection.DISABLED);
	}

	@Test
	void theThresholdCountsOnlyTheLinesInScope() {
		Coupon coupon = coupon(Coupon.Scope.PRODUCTS, List.of(new ScopeItem(ScopeItem.Kind.PRODUCT, 7, "tee")),
				Coupon.Stacking.STACKABLE, null);
		Map<String, SkuPlacement> placements = Map.of("TEE-R", new SkuPlacement("TEE-R", 7, List.of(3L)), "CAP",
				new SkuPlacement("CAP", 8, List.of(3L)));
		// 80 of the tee is in scope, the 500 cap is not: below the threshold of 100
		Evaluation below = CouponRules.evaluate(coupon, DURING,
				List.of(line("TEE-R", "80.00", "0"), line("CAP", "500.00", "0")), placements, true);
		assertThat(below.rejection()).isEqualTo(Rejection.BELOW_THRESHOLD);
		assertThat(below.goods()).isEqualByComparingTo("80.00");
		assertThat(
				CouponRules.evaluate(coupon, DURING, List.of(line("CAP", "500.00", "0")), placements, true).rejection())
			.isEqualTo(Rejection.OUT_OF_SCOPE);
		// a SKU the catalog does not know is in no scope
		assertThat(CouponRules.evaluate(coupon, DURING, List.of(line("GONE", "500.00", "0")), placements, true)
			.rejection()).isEqualTo(Rejection.OUT_OF_SCOPE);
		Evaluation ok = CouponRules.evaluate(coupon, DURING,
				List.of(line("TEE-R", "120.00", "0"), line("CAP", "500.00", "0")), placements, true);
		assertThat(ok.goods()).isEqualByComparingTo("120.00");
		assertThat(ok.discount()).isEqualByComparingTo("20.00");
	}

	@Test
	void aCategoryScopeIncludesItsSubcategories() {
		Coupon coupon = coupon(Coupon.Scope.CATEGORIES, List.of(new ScopeItem(ScopeItem.Kind.CATEGORY, 3, "服装")),
				Coupon.Stacking.STACKABLE, null);
		// the dress sits in 连衣裙 (5) under 女装 (4) under 服装 (3)
		Map<String, SkuPlacement> placements = Map.of("DRESS", new SkuPlacement("DRESS", 9, List.of(5L, 4L, 3L)), "MUG",
				new SkuPlacement("MUG", 10, List.of(11L)));
		assertThat(
				CouponRules.evaluate(coupon, DURING, List.of(line("DRESS", "199.00", "0")), placements, true).applies())
			.isTrue();
		assertThat(
				CouponRules.evaluate(coupon, DURING, List.of(line("MUG", "199.00", "0")), placements, true).rejection())
			.isEqualTo(Rejection.OUT_OF_SCOPE);
	}

	@Test
	void anExclusiveCouponRefusesOrdersWithOtherDiscounts() {
		Coupon exclusive = coupon(Coupon.Scope.ALL, List.of(), Coupon.Stacking.EXCLUSIVE, null);
		assertThat(evaluate(exclusive, DURING, List.of(line("A", "150.00", "5.00"))).rejection())
			.isEqualTo(Rejection.NOT_STACKABLE);
		assertThat(evaluate(exclusive, DURING, List.of(line("A", "150.00", "0"))).applies()).isTrue();
		Coupon stackable = coupon(Coupon.Scope.ALL, List.of(), Coupon.Stacking.STACKABLE, null);
		assertThat(evaluate(stackable, DURING, List.of(line("A", "150.00", "5.00"))).applies()).isTrue();
	}

	@Test
	void aPerCustomerLimitNeedsAKnownCustomer() {
		Coupon limited = coupon(Coupon.Scope.ALL, List.of(), Coupon.Stacking.STACKABLE, 1);
		List<Line> lines = List.of(line("A", "150.00", "0"));
		assertThat(CouponRules.evaluate(limited, DURING, lines, Map.of(), false).rejection())
			.isEqualTo(Rejection.CUSTOMER_UNKNOWN);
		assertThat(CouponRules.evaluate(limited, DURING, lines, Map.of(), true).applies()).isTrue();
		Coupon unlimited = coupon(Coupon.Scope.ALL, List.of(), Coupon.Stacking.STACKABLE, null);
		assertThat(CouponRules.evaluate(unlimited, DURING, lines, Map.of(), false).applies()).isTrue();
	}

	@Test
	void rateAndRoiAreNullWithoutADenominator() {
		Figures none = new Figures(0, 3, 0, new BigDecimal("300.00"), BigDecimal.ZERO.setScale(2));
		assertThat(none.redemptionRate()).isNull();
		assertThat(none.roi()).isNull();
		Figures some = new Figures(3, 2, 1, new BigDecimal("250.00"), new BigDecimal("30.00"));
		assertThat(some.redemptionRate()).isEqualByComparingTo("33.3");
		assertThat(some.roi()).isEqualByComparingTo("8.33");
	}

	private static Evaluation evaluate(Coupon coupon, Instant at, List<Line> lines) {
		return CouponRules.evaluate(coupon, at, lines, Map.of(), true);
	}

	private static Coupon coupon(Coupon.Scope scope, List<ScopeItem> items, Coupon.Stacking stacking,
			Integer perCustomer) {
		CouponTerms terms = new CouponTerms(CouponTerms.Type.SPEND_SAVE, new BigDecimal("100.00"),
				new BigDecimal("20.00"), null, null, FROM, UNTIL);
		return new Coupon(1, "满100减20", terms, null, perCustomer, scope, items, stacking, Coupon.RefundRule.FULL_REFUND,
				Coupon.Status.ACTIVE, 0, FROM, 0);
	}

	private static Line line(String sku, String amount, String discount) {
		return new Line(sku, new BigDecimal(amount), new BigDecimal(discount));
	}

}
