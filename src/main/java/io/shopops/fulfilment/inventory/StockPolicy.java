package io.shopops.fulfilment.inventory;

/**
 * The stock policy of one SKU over all its warehouses.
 *
 * @param sku the SKU
 * @param title the product's title
 * @param safetyStock the available units at or below which the SKU is low, or
 * {@code null} when it is not watched
 * @param supplierId the supplier it is usually bought from, or {@code null}
 */
record StockPolicy(String sku, String title, Integer safetyStock, Long supplierId) {

}
