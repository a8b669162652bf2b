package io.shopops.fulfilment.catalog.importing;

import io.shopops.fulfilment.catalog.ProductStatus;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checking of the catalog's own cell values.
 */
class ValuesTests {

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
