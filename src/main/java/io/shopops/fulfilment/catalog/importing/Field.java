package io.shopops.fulfilment.catalog.importing;

/**
 * The logical fields the file formats are mapped to.
 */
enum Field {

	HANDLE, TITLE, DESCRIPTION, CATEGORY, TYPE, BRAND, TAGS, STATUS, PUBLISHED, SEO_TITLE, SEO_DESCRIPTION,
	OPTION1_NAME, OPTION1_VALUE, OPTION2_NAME, OPTION2_VALUE, OPTION3_NAME, OPTION3_VALUE, SKU, PRICE, COMPARE_AT_PRICE,
	COST, BARCODE, WEIGHT_GRAMS, INITIAL_STOCK, IMAGE_URLS, IMAGE_SRC, IMAGE_POSITION, IMAGE_ALT_TEXT, VARIANT_IMAGE,
	/** WooCommerce: the product's id in the shop. */
	ID,
	/** WooCommerce: simple, variable, variation, grouped or external. */
	KIND,
	/** WooCommerce: a variation's parent, by SKU or {@code id:NN}. */
	PARENT,
	/** WooCommerce: the sale price (the regular price goes to {@link #PRICE}). */
	SALE_PRICE,
	/** WooCommerce: the short description, used when the description is empty. */
	SHORT_DESCRIPTION;

	static final Field[] OPTION_NAMES = { OPTION1_NAME, OPTION2_NAME, OPTION3_NAME };

	static final Field[] OPTION_VALUES = { OPTION1_VALUE, OPTION2_VALUE, OPTION3_VALUE };

}
