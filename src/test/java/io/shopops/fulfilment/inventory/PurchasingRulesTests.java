package io.shopops.fulfilment.inventory;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static io.shopops.fulfilment.inventory.PurchaseOrderStatus.CANCELLED;
import static io.shopops.fulfilment.inventory.PurchaseOrderStatus.DRAFT;
import static io.shopops.fulfilment.inventory.PurchaseOrderStatus.ORDERED;
import static io.shopops.fulfilment.inventory.PurchaseOrderStatus.PARTIALLY_RECEIVED;
import static io.shopops.fulfilment.inventory.PurchaseOrderStatus.RECEIVED;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rules of purchasing that need no database: days of cover, reorder suggestions, the
 * purchase order status machine and the forms.
 */
class PurchasingRulesTests {

	static ValidatorFactory factory;

	static Validator validator;

	@BeforeAll
	static void createValidator() {
		factory = Validation.buildDefaultValidatorFactory();
		validator = factory.getValidator();
	}

	@AfterAll
	static void closeValidator() {
		factory.close();
	}

	@Test
	void daysOfCoverAreAvailableOverTheAverageDailySalesOfFourteenDays() {
		assertThat(StockCover.dailySales(28)).isEqualByComparingTo("2.00");
		assertThat(StockCover.dailySales(5)).isEqualByComparingTo("0.36");
		// 28 shipped in 14 days = 2 a day: 9 available last 4 days (rounded down)
		assertThat(StockCover.daysOfCover(9, 28)).isEqualTo(4);
		assertThat(StockCover.daysOfCover(0, 28)).isZero();
		assertThat(StockCover.daysOfCover(-3, 28)).isZero();
		assertThat(StockCover.daysOfCover(100, 0)).as("no sales: shown as —").isNull();
	}

	@Test
	void aSkuNeedsReorderAtItsSafetyStockOrWhenItRunsOutBeforeADeliveryCouldArrive() {
		assertThat(StockCover.needsReorder(5, 5, 0, 0)).isTrue();
		assertThat(StockCover.needsReorder(6, 5, 0, 0)).isFalse();
		assertThat(StockCover.needsReorder(6, null, 0, 30)).as("no policy, no sales").isFalse();
		// 14 sold = 1 a day; lead time 10 + buffer 7 = 17 days needed
		assertThat(StockCover.needsReorder(16, null, 14, 10)).isTrue();
		assertThat(StockCover.needsReorder(17, null, 14, 10)).isFalse();
		assertThat(StockCover.needsReorder(17, 2, 14, 10)).isFalse();
	}

	@Test
	void theSuggestionCoversSafetyStockLeadTimeAndThirtyDaysMinusStockAndOpenOrders() {
		// 1 a day, lead time 10: 40 days of sales + safety 5 = 45, minus 3 available
		assertThat(StockCover.suggestedQuantity(3, 5, 14, 10, 0)).isEqualTo(42);
		assertThat(StockCover.suggestedQuantity(3, 5, 14, 10, 40)).isEqualTo(2);
		assertThat(StockCover.suggestedQuantity(3, 5, 14, 10, 100)).isZero();
		// no sales: just back to the safety stock
		assertThat(StockCover.suggestedQuantity(2, 10, 0, 7, 0)).isEqualTo(8);
		// 5 sold in 14 days over 37 days = 13.2..., rounded up
		assertThat(StockCover.suggestedQuantity(0, null, 5, 7, 0)).isEqualTo(14);
	}

	@Test
	void purchaseOrdersMoveForwardOnlyAndCancelBeforeGoodsArrive() {
		assertThat(DRAFT.canBecome(ORDERED)).isTrue();
		assertThat(DRAFT.canBecome(RECEIVED)).isFalse();
		assertThat(DRAFT.canBecome(PARTIALLY_RECEIVED)).isFalse();
		assertThat(ORDERED.canBecome(PARTIALLY_RECEIVED)).isTrue();
		assertThat(ORDERED.canBecome(RECEIVED)).isTrue();
		assertThat(ORDERED.canBecome(DRAFT)).isFalse();
		assertThat(PARTIALLY_RECEIVED.canBecome(RECEIVED)).isTrue();
		assertThat(DRAFT.isCancellable()).isTrue();
		assertThat(ORDERED.isCancellable()).isTrue();
		assertThat(PARTIALLY_RECEIVED.isCancellable()).isFalse();
		assertThat(RECEIVED.isCancellable()).isFalse();
		assertThat(CANCELLED.canBecome(ORDERED)).isFalse();
		assertThat(DRAFT.isEditable()).isTrue();
		assertThat(ORDERED.isEditable()).isFalse();
		assertThat(DRAFT.isReceivable()).isFalse();
		assertThat(PARTIALLY_RECEIVED.isReceivable()).isTrue();
		assertThat(PurchaseOrderStatus.afterReceipt(3)).isEqualTo(PARTIALLY_RECEIVED);
		assertThat(PurchaseOrderStatus.afterReceipt(0)).isEqualTo(RECEIVED);
	}

	@Test
	void aSupplierNeedsANameAndPlausibleDetails() {
		SupplierForm form = new SupplierForm();
		form.setName(" ");
		form.setEmail("not-an-email");
		form.setPhone("call me");
		form.setLeadTimeDays(366);
		assertThat(violations(form)).containsExactlyInAnyOrder("name", "email", "phone", "leadTimeDays");
		form.setName("义乌小商品");
		form.setEmail("sales@example.com");
		form.setPhone("+86 (571) 8888-0000");
		form.setLeadTimeDays(0);
		form.setContact("  ");
		assertThat(violations(form)).isEmpty();
		assertThat(form.getContact()).isNull();
	}

	@Test
	void aLineNeedsASkuAPositiveQuantityAndACostWithTwoDecimals() {
		PurchaseOrderLineForm line = new PurchaseOrderLineForm();
		assertThat(violations(line)).containsExactlyInAnyOrder("sku", "quantity", "unitCost");
		line.setSku("SKU-1");
		line.setQuantity(0);
		line.setUnitCost(new BigDecimal("1.234"));
		assertThat(violations(line)).containsExactlyInAnyOrder("quantity", "unitCost");
		line.setQuantity(1_000_001);
		line.setUnitCost(new BigDecimal("-1"));
		assertThat(violations(line)).containsExactlyInAnyOrder("quantity", "unitCost");
		line.setQuantity(12);
		line.setUnitCost(new BigDecimal("18.50"));
		assertThat(violations(line)).isEmpty();
	}

	@Test
	void safetyStockIsEmptyOrAWholeNumberAndTheExpectedDateIsPlausible() {
		StockPolicyForm policy = new StockPolicyForm();
		assertThat(violations(policy)).isEmpty();
		policy.setSafetyStock(-1);
		assertThat(violations(policy)).containsExactly("safetyStock");
		PurchaseOrderForm order = new PurchaseOrderForm();
		order.setExpectedOn(LocalDate.of(99999, 1, 1));
		assertThat(violations(order)).containsExactlyInAnyOrder("supplierId", "expectedOnPlausible");
	}

	private static <T> Set<String> violations(T form) {
		return validator.validate(form)
			.stream()
			.map((violation) -> violation.getPropertyPath().toString())
			.collect(Collectors.toSet());
	}

}
