package io.shopops.fulfilment.catalog;

/**
 * Where a product is in its life: drafted, on sale, or retired.
 */
public enum ProductStatus {

	/** Being prepared; not on sale (草稿). */
	DRAFT,

	/** On sale (在售). */
	ACTIVE,

	/** Retired; kept for history (已归档). */
	ARCHIVED

}
