package io.shopops.fulfilment.order;

import java.math.BigDecimal;
import java.util.List;

import io.shopops.fulfilment.order.OrderInvalidException.Problem;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rules of an order draft, checked all at once.
 */
class DraftRulesTests {

	@Test
	void anAcceptableDraftHasNoProblems() {
		assertThat(DraftRules
			.check(draft(List.of(new OrderDraft.Line("A-1", null, 2, new BigDecimal("9.90"), new BigDecimal("1.80"))))))
			.isEmpty();
	}

	@Test
	void reportsEveryProblemWithItsField() {
		OrderDraft draft = new OrderDraft("CH", " ", null, null, new Customer("x".repeat(121), null, null, null), null,
				List.of(new OrderDraft.Line("", null, 0, new BigDecimal("-1"), null),
						new OrderDraft.Line("B", null, 1, new BigDecimal("1.001"), null),
						new OrderDraft.Line("C", null, 2, new BigDecimal("5"), new BigDecimal("10.01"))),
				new BigDecimal("-3"), null, "rmb", null, null, null, null, null, null, OrderSource.API);
		assertThat(DraftRules.check(draft)).extracting(Problem::field, Problem::code)
			.containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("number", "order.draft.number.required"),
					org.assertj.core.groups.Tuple.tuple("status", "order.draft.status.required"),
					org.assertj.core.groups.Tuple.tuple("lines[0].sku", "order.draft.sku.required"),
					org.assertj.core.groups.Tuple.tuple("lines[0].quantity", "order.draft.quantity.range"),
					org.assertj.core.groups.Tuple.tuple("lines[0].unitPrice", "order.draft.amount.negative"),
					org.assertj.core.groups.Tuple.tuple("lines[1].unitPrice", "order.draft.amount.scale"),
					org.assertj.core.groups.Tuple.tuple("lines[2].discount", "order.draft.discount.exceedsLine"),
					org.assertj.core.groups.Tuple.tuple("shippingFee", "order.draft.amount.negative"),
					org.assertj.core.groups.Tuple.tuple("currency", "order.draft.currency.format"),
					org.assertj.core.groups.Tuple.tuple("customer.name", "order.draft.text.size"));
	}

	@Test
	void refusesStatusesAnOrderCannotArriveIn() {
		for (OrderStatus status : List.of(OrderStatus.AWAITING_STOCK, OrderStatus.PARTIALLY_SHIPPED)) {
			OrderDraft draft = new OrderDraft("CH", "1", status, null, null, null,
					List.of(new OrderDraft.Line("A", null, 1, BigDecimal.ONE, null)), null, null, null, null, null,
					null, null, null, null, OrderSource.IMPORT);
			assertThat(DraftRules.check(draft)).extracting(Problem::code)
				.containsExactly("order.draft.status.notAccepted");
		}
	}

	@Test
	void refusesTooManyLinesAndNoLines() {
		List<OrderDraft.Line> many = java.util.Collections.nCopies(DraftRules.MAX_LINES + 1,
				new OrderDraft.Line("A", null, 1, BigDecimal.ONE, null));
		assertThat(DraftRules.check(draft(many))).extracting(Problem::code)
			.containsExactly("order.draft.lines.tooMany");
		assertThat(DraftRules.check(draft(List.of()))).extracting(Problem::code)
			.containsExactly("order.draft.lines.required");
	}

	@Test
	void anOrderDiscountMayNotExceedTheLinesAndShipping() {
		OrderDraft draft = new OrderDraft("CH", "1", OrderStatus.PAID, null, null, null,
				List.of(new OrderDraft.Line("A", null, 2, new BigDecimal("10"), new BigDecimal("5"))),
				new BigDecimal("6"), new BigDecimal("21.01"), null, null, null, null, null, null, null,
				OrderSource.API);
		assertThat(DraftRules.check(draft)).extracting(Problem::code)
			.containsExactly("order.draft.discount.exceedsOrder");
		assertThat(DraftRules.paidAmount(new BigDecimal("15"), new BigDecimal("6"), new BigDecimal("21")))
			.isEqualByComparingTo("0");
	}

	@Test
	void aLineIsWorthQuantityTimesPriceLessItsDiscount() {
		assertThat(
				DraftRules.lineAmount(new OrderDraft.Line("A", null, 3, new BigDecimal("19.90"), new BigDecimal("5"))))
			.isEqualByComparingTo("54.70");
	}

	@Test
	void textWithNulIsAProblemBecausePostgresCannotStoreIt() {
		OrderDraft draft = new OrderDraft("CH", "1\u0000", OrderStatus.PAID, null, null, null,
				List.of(new OrderDraft.Line("A", null, 1, BigDecimal.ONE, null)), null, null, null, null, null, null,
				null, null, null, OrderSource.API);
		assertThat(DraftRules.check(draft)).extracting(Problem::field, Problem::code)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("number", "order.draft.text.nul"));
	}

	private static OrderDraft draft(List<OrderDraft.Line> lines) {
		return new OrderDraft("CH", "1001", OrderStatus.PAID, null, null, null, lines, null, null, null, null, null,
				null, null, null, null, OrderSource.API);
	}

}
