package io.shopops.fulfilment.catalog;

import java.math.BigDecimal;

/**
 * What the catalog says about one SKU, for reports that join sales to products.
 *
 * @param sku the SKU
 * @param productId its product's id
 * @param productTitle its product's title
 * @param productHandle its product's handle
 * @param options the variant's option values joined with {@code " / "}, {@code null} when
 * it has none
 * @param categoryId the product's category, {@code null} when it has none
 * @param categoryPath the category's path ({@code 服装 > 女装}), {@code null} when it has
 * none
 * @param cost the SKU's cost price, {@code null} when the catalog does not know it
 * @param price the SKU's selling price
 */
public record SkuFacts(String sku, long productId, String productTitle, String productHandle, String options,
		Long categoryId, String categoryPath, BigDecimal cost, BigDecimal price) {

}
