package io.shopops.fulfilment.catalog.importing;

/**
 * The layout of a product catalog CSV file, recognised from its header.
 */
public enum CatalogFormat {

	/**
	 * ShopOps' own import template, one row per SKU, with English or Chinese headers (see
	 * {@link CatalogTemplate}).
	 */
	TEMPLATE,

	/**
	 * Shopify's product CSV format: one row per variant, continuation rows carry only the
	 * handle plus variant and/or image columns.
	 */
	SHOPIFY

}
