package io.shopops.fulfilment.catalog.importing;

/**
 * The publication status of an imported product.
 */
public enum ProductStatus {

	/**
	 * Not visible to customers yet; the default when a file gives no status.
	 */
	DRAFT,

	/**
	 * On sale.
	 */
	ACTIVE,

	/**
	 * Withdrawn from sale but kept for history.
	 */
	ARCHIVED

}
