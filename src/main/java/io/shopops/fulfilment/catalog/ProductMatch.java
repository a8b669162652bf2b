package io.shopops.fulfilment.catalog;

/**
 * A product (and one of its SKUs, when the lookup was by SKU) found by a catalog lookup.
 *
 * @param productId the product's id
 * @param variantId the SKU's variant id, {@code null} when the product was found by
 * handle or title
 * @param sku the SKU, {@code null} when the product was found by handle or title
 * @param handle the product's handle
 * @param title the product's title
 */
public record ProductMatch(long productId, Long variantId, String sku, String handle, String title) {

}
