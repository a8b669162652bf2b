package io.shopops.fulfilment.inventory;

import java.util.Set;
import java.util.stream.Collectors;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The rules of adjustments, warehouses, references and requests that need no database.
 */
class StockRulesTests {

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
	void anAdjustmentNeedsANonZeroChangeAndAReason() {
		assertThat(violations(adjustment(null, null, null))).containsExactlyInAnyOrder("delta", "reason");
		assertThat(violations(adjustment(0, AdjustmentReason.DAMAGED, null))).containsExactly("deltaNotZero");
		assertThat(violations(adjustment(1_000_001, AdjustmentReason.FOUND, null))).containsExactly("delta");
		assertThat(violations(adjustment(-3, AdjustmentReason.DAMAGED, null))).isEmpty();
	}

	@Test
	void otherNeedsANoteAndTheNoteIsBounded() {
		assertThat(violations(adjustment(2, AdjustmentReason.OTHER, " "))).containsExactly("noteGivenWhenNeeded");
		assertThat(violations(adjustment(2, AdjustmentReason.OTHER, "gift to the photographer"))).isEmpty();
		assertThat(violations(adjustment(2, AdjustmentReason.LOST, "x".repeat(201)))).containsExactly("note");
	}

	@Test
	void theLedgerReasonIsTheCodeThenTheNote() {
		assertThat(adjustment(1, AdjustmentReason.FOUND, null).ledgerReason()).isEqualTo("FOUND");
		assertThat(adjustment(1, AdjustmentReason.OTHER, "  sample ").ledgerReason()).isEqualTo("OTHER: sample");
	}

	@Test
	void aWarehouseCodeIsUpperCaseLettersDigitsAndDashes() {
		assertThat(violations(warehouse("SH-01", "上海仓"))).isEmpty();
		assertThat(violations(warehouse("sh", "Shanghai"))).containsExactly("code");
		assertThat(violations(warehouse("-SH", "Shanghai"))).containsExactly("code");
		assertThat(violations(warehouse("A".repeat(33), "Shanghai"))).containsExactly("code");
		assertThat(violations(warehouse("SH", " "))).containsExactly("name");
	}

	@Test
	void referencesAndRequestsRefuseEmptyOrImpossibleValues() {
		assertThatIllegalArgumentException().isThrownBy(() -> new StockReference("", "1"));
		assertThatIllegalArgumentException().isThrownBy(() -> new StockReference("order", " "));
		assertThatIllegalArgumentException().isThrownBy(() -> new StockReference("x".repeat(33), "1"));
		assertThatIllegalArgumentException().isThrownBy(() -> new StockRequest("SKU", "MAIN", 0));
		assertThatIllegalArgumentException().isThrownBy(() -> new StockRequest("", "MAIN", 1));
		assertThat(StockReference.order("1001")).isEqualTo(new StockReference("order", "1001"));
	}

	@Test
	void availableIsOnHandMinusReserved() {
		assertThat(new StockLevel("SKU", "MAIN", 7, 3).available()).isEqualTo(4);
	}

	private static StockAdjustmentForm adjustment(Integer delta, AdjustmentReason reason, String note) {
		StockAdjustmentForm form = new StockAdjustmentForm();
		form.setDelta(delta);
		form.setReason(reason);
		form.setNote(note);
		return form;
	}

	private static WarehouseForm warehouse(String code, String name) {
		WarehouseForm form = new WarehouseForm();
		form.setCode(code);
		form.setName(name);
		return form;
	}

	private static <T> Set<String> violations(T form) {
		return validator.validate(form)
			.stream()
			.map((violation) -> violation.getPropertyPath().toString())
			.collect(Collectors.toSet());
	}

}
