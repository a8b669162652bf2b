package io.shopops.fulfilment.catalog.importing;

import io.shopops.fulfilment.catalog.ProductStatus;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Parsing of single cell values.
 */
class ValuesTests {

	@ParameterizedTest
	@CsvSource(delimiter = ';',
			value = { "59.9;59.90", "59.90;59.90", "59;59.00", "0;0.00", "'1,299.00';1299.00",
					"'1,234,567.5';1234567.50", "¥59.90;59.90", "￥59.90;59.90", "$5;5.00", "€ 7.5;7.50", "５９．９０;59.90",
					"1.230;1.23", "99999999.99;99999999.99", "-0;0.00" })
	void parsesMoney(String raw, String expected) {
		Values.Parsed<BigDecimal> parsed = Values.money(raw);
		assertThat(parsed.problem()).isNull();
		assertThat(parsed.value()).isEqualTo(new BigDecimal(expected));
		assertThat(parsed.value().scale()).isEqualTo(2);
	}

	@ParameterizedTest
	@CsvSource(delimiter = ';',
			value = { "abc;import.problem.price.invalid", "1e3;import.problem.price.invalid",
					"1.2.3;import.problem.price.invalid", "'12,34';import.problem.price.invalid",
					".5;import.problem.price.invalid", "5.;import.problem.price.invalid",
					"+5;import.problem.price.invalid", "59.90 RMB;import.problem.price.invalid",
					"-1;import.problem.price.negative", "¥-5;import.problem.price.negative",
					"1.234;import.problem.price.decimals", "100000000;import.problem.price.tooLarge" })
	void rejectsBadMoney(String raw, String code) {
		assertThat(Values.money(raw)).isEqualTo(Values.Parsed.problem(code));
	}

	@ParameterizedTest
	@CsvSource(delimiter = ';', value = { "0;0", "200;200", "200.0;200", "'1,000';1000", "2147483647;2147483647" })
	void parsesWholeNumbers(String raw, int expected) {
		assertThat(Values.wholeNumber(raw, false)).isEqualTo(Values.Parsed.of(expected));
	}

	@ParameterizedTest
	@CsvSource(delimiter = ';', value = { "1.5;import.problem.number.invalid", "ten;import.problem.number.invalid",
			"-1;import.problem.number.negative", "2147483648;import.problem.number.tooLarge" })
	void rejectsBadWholeNumbers(String raw, String code) {
		assertThat(Values.wholeNumber(raw, false)).isEqualTo(Values.Parsed.problem(code));
	}

	@Test
	void roundsFractionalGramsWhenAsked() {
		assertThat(Values.wholeNumber("226.796185", true)).isEqualTo(Values.Parsed.of(227));
		assertThat(Values.wholeNumber("0.4", true)).isEqualTo(Values.Parsed.of(0));
	}

	@Test
	void acceptsOnlyAbsoluteWebUrls() {
		assertThat(Values.isWebUrl("https://cdn.shopify.com/s/files/1/a.jpg?v=1")).isTrue();
		assertThat(Values.isWebUrl("HTTP://example.com/图片.jpg")).isTrue();
		assertThat(Values.isWebUrl("ftp://example.com/a.jpg")).isFalse();
		assertThat(Values.isWebUrl("//example.com/a.jpg")).isFalse();
		assertThat(Values.isWebUrl("https:///a.jpg")).isFalse();
		assertThat(Values.isWebUrl("https://exa mple.com/a.jpg")).isFalse();
		assertThat(Values.isWebUrl("javascript:alert(1)")).isFalse();
	}

	@Test
	void checksHandles() {
		assertThat(Values.handleProblem("ocean-blue-shirt")).isNull();
		assertThat(Values.handleProblem("SKU_2024.v1")).isNull();
		assertThat(Values.handleProblem("连衣裙-001")).isNull();
		assertThat(Values.handleProblem("two words")).isEqualTo(CatalogProblemCodes.HANDLE_INVALID);
		assertThat(Values.handleProblem("a/b")).isEqualTo(CatalogProblemCodes.HANDLE_INVALID);
		assertThat(Values.handleProblem("x".repeat(256))).isEqualTo(CatalogProblemCodes.HANDLE_TOO_LONG);
	}

	@Test
	void checksSkus() {
		assertThat(Values.skuProblem("ABC-123/红")).isNull();
		assertThat(Values.skuProblem("ABC 123")).isEqualTo(CatalogProblemCodes.SKU_INVALID);
		assertThat(Values.skuProblem("ABC\u3000123")).isEqualTo(CatalogProblemCodes.SKU_INVALID);
		assertThat(Values.skuProblem("ABC\u0007")).isEqualTo(CatalogProblemCodes.SKU_INVALID);
		assertThat(Values.skuProblem("ABC\u200B1")).isEqualTo(CatalogProblemCodes.SKU_INVALID);
		assertThat(Values.skuProblem("A".repeat(65))).isEqualTo(CatalogProblemCodes.SKU_TOO_LONG);
	}

	@Test
	void splitsTagsAtAsciiAndChineseCommas() {
		assertThat(Values.tags(" 新品，夏季, summer ,,新品")).containsExactly("新品", "夏季", "summer");
		assertThat(Values.tags("")).isEmpty();
	}

	@Test
	void normalisesCategoryPaths() {
		assertThat(Values.categoryPath("服装>女装 ＞ 连衣裙")).isEqualTo("服装 > 女装 > 连衣裙");
		assertThat(Values.categoryPath(" > ")).isNull();
	}

	@Test
	void parsesEnglishAndChineseStatuses() {
		assertThat(Values.status("Active")).isEqualTo(ProductStatus.ACTIVE);
		assertThat(Values.status("在售")).isEqualTo(ProductStatus.ACTIVE);
		assertThat(Values.status("草稿")).isEqualTo(ProductStatus.DRAFT);
		assertThat(Values.status("已归档")).isEqualTo(ProductStatus.ARCHIVED);
		assertThat(Values.status("ARCHIVED")).isEqualTo(ProductStatus.ARCHIVED);
		assertThat(Values.status("published")).isNull();
	}

	@Test
	void recognisesScientificBarcodes() {
		assertThat(Values.isScientific("6.90123E+12")).isTrue();
		assertThat(Values.isScientific("6.9e12")).isTrue();
		assertThat(Values.isScientific("6901234567892")).isFalse();
		assertThat(Values.isScientific("E123")).isFalse();
	}

	@Test
	void normalisesHandlesTheWayShopifyDoes() {
		assertThat(Values.shopifyHandle("ocean-blue-shirt")).isEqualTo("ocean-blue-shirt");
		assertThat(Values.shopifyHandle("  Summer Tee (Red) ")).isEqualTo("summer-tee-red");
		assertThat(Values.shopifyHandle("Men's T-Shirt -- XL!")).isEqualTo("mens-t-shirt-xl");
		assertThat(Values.shopifyHandle("snake_case.v2")).isEqualTo("snake_case-v2");
		assertThat(Values.shopifyHandle("短袖 上衣")).isEqualTo("短袖-上衣");
		assertThat(Values.shopifyHandle("بدي-أويل-نسمة")).isEqualTo("بدي-أويل-نسمة");
		assertThat(Values.shopifyHandle("Café Crème")).isEqualTo("café-crème");
		assertThat(Values.shopifyHandle("!!!")).isEmpty();
	}

	@Test
	void readsShopifysUnlistedStatusAsActive() {
		assertThat(Values.status("Unlisted")).isEqualTo(ProductStatus.ACTIVE);
		assertThat(Values.status("ACTIVE")).isEqualTo(ProductStatus.ACTIVE);
	}

}
