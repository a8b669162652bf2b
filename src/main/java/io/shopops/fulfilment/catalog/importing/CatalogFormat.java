package io.shopops.fulfilment.catalog.importing;

/**
 * The layout of a product catalog CSV file, recognised from its header.
 */
public enum CatalogFormat {

	/**
	 * ShopOps' own import template, one row per SKU, with English or Chinese headers (see
	 * {@link CatalogTemplate}).
	 */
	TEMPLATE("ShopOps"),

	/**
	 * Shopify's classic product CSV ({@code Handle,Title,Body (HTML),…}): one row per
	 * variant, continuation rows carry only the handle plus variant and/or image columns.
	 */
	SHOPIFY("Shopify (classic)"),

	/**
	 * Shopify's current product CSV ({@code Title,URL handle,Description,…}, the 2024+
	 * template and exports): the same row structure as {@link #SHOPIFY} with other column
	 * names.
	 */
	SHOPIFY_CURRENT("Shopify (current)"),

	/**
	 * WooCommerce's product CSV exporter ({@code ID,Type,SKU,Name,Published,…}): one row
	 * per simple or variable product and one per variation, which names its parent in
	 * {@code Parent}.
	 */
	WOOCOMMERCE("WooCommerce");

	private final String displayName;

	CatalogFormat(String displayName) {
		this.displayName = displayName;
	}

	/**
	 * The format's name as shown in messages (a product name, the same in every
	 * language).
	 * @return the name
	 */
	public String displayName() {
		return this.displayName;
	}

	/**
	 * Whether the file has Shopify's row structure (either layout).
	 * @return {@code true} for both Shopify layouts
	 */
	public boolean shopify() {
		return this == SHOPIFY || this == SHOPIFY_CURRENT;
	}

}
