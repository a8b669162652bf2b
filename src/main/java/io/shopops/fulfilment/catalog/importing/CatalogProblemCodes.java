package io.shopops.fulfilment.catalog.importing;

import java.util.List;

/**
 * The message keys used as {@link RowProblem#code()} and {@link CsvFileException#code()}.
 * Every key has an English and a Chinese message.
 */
public final class CatalogProblemCodes {

	/**
	 * The header matches no supported format; {0} = the closest format, {1} = its missing
	 * required columns, {2} = the columns it recognised, {3} = the columns it did not,
	 * {4} = the number of empty header cells.
	 */
	public static final String HEADER_UNKNOWN = "import.problem.header.unknown";

	/**
	 * The header is another platform's export; {0} = the platform, {1} = its columns.
	 */
	public static final String HEADER_FOREIGN = "import.problem.header.foreign";

	/**
	 * The columns are separated by something other than a comma; {0} = the separator, {1}
	 * = the columns it separates.
	 */
	public static final String HEADER_SEPARATOR = "import.problem.header.separator";

	/** WooCommerce's weight column names an unknown unit; {0} = the column. */
	public static final String HEADER_WEIGHT_UNIT = "import.problem.header.weightUnit";

	/** The handle is empty. */
	public static final String HANDLE_REQUIRED = "import.problem.handle.required";

	/** The handle is too long; {0} = maximum length. */
	public static final String HANDLE_TOO_LONG = "import.problem.handle.tooLong";

	/** The handle contains characters other than letters, digits, "-", "_" and ".". */
	public static final String HANDLE_INVALID = "import.problem.handle.invalid";

	/** The product's first row has no title. */
	public static final String TITLE_REQUIRED = "import.problem.title.required";

	/** The title is too long; {0} = maximum length. */
	public static final String TITLE_TOO_LONG = "import.problem.title.tooLong";

	/** The status (or Shopify "Published") value is not known. */
	public static final String STATUS_UNKNOWN = "import.problem.status.unknown";

	/** A product has more than three options. */
	public static final String OPTION_TOO_MANY = "import.problem.option.tooMany";

	/** An option value is given but its option has no name. */
	public static final String OPTION_NAME_MISSING = "import.problem.option.nameMissing";

	/** An option has a name but this variant gives no value for it. */
	public static final String OPTION_VALUE_MISSING = "import.problem.option.valueMissing";

	/** Same option values as an earlier variant of the product; {0} = the earlier row. */
	public static final String OPTION_DUPLICATE = "import.problem.option.duplicate";

	/** The SKU is empty. */
	public static final String SKU_REQUIRED = "import.problem.sku.required";

	/** The SKU is too long; {0} = maximum length. */
	public static final String SKU_TOO_LONG = "import.problem.sku.tooLong";

	/** The SKU contains whitespace or control characters. */
	public static final String SKU_INVALID = "import.problem.sku.invalid";

	/** The SKU is already used by an earlier row of the file. */
	public static final String SKU_DUPLICATE = "import.problem.sku.duplicate";

	/**
	 * Warning: the SKU repeats an earlier row's, so this variant was imported under
	 * another; {0} = the SKU it got, {1} = the earlier row.
	 */
	public static final String SKU_REPEATED = "import.problem.sku.repeated";

	/** Warning: the handle was normalised as Shopify does; {0} = the handle it got. */
	public static final String HANDLE_NORMALIZED = "import.problem.handle.normalized";

	/** Warning: a negative stock (an oversold variant) was imported as 0. */
	public static final String STOCK_NEGATIVE = "import.problem.stock.negative";

	/** WooCommerce: this product type cannot be imported; {0} = the type. */
	public static final String PRODUCT_TYPE_UNSUPPORTED = "import.problem.productType.unsupported";

	/** WooCommerce: a variable product without any valid variation. */
	public static final String VARIABLE_NO_VARIATIONS = "import.problem.variable.noVariations";

	/** WooCommerce: the variation's parent is not in the file; {0} = the parent. */
	public static final String VARIATION_PARENT_MISSING = "import.problem.variation.parentMissing";

	/** WooCommerce: the row's parent is not a variable product; {0} = the parent. */
	public static final String VARIATION_PARENT_NOT_VARIABLE = "import.problem.variation.parentNotVariable";

	/** The price is empty. */
	public static final String PRICE_REQUIRED = "import.problem.price.required";

	/** The barcode was turned into scientific notation by a spreadsheet. */
	public static final String BARCODE_SCIENTIFIC = "import.problem.barcode.scientific";

	/** An image URL is not an absolute http or https URL. */
	public static final String IMAGE_URL = "import.problem.image.url";

	/** An image position is not a whole number of at least 1. */
	public static final String IMAGE_POSITION = "import.problem.image.position";

	/** The product's first row is invalid, so this row is skipped; {0} = that row. */
	public static final String PRODUCT_INVALID = "import.problem.product.invalid";

	/** None of the product's variant rows is valid, so it is skipped; {0} = first row. */
	public static final String PRODUCT_NO_VALID_VARIANT = "import.problem.product.noValidVariant";

	/** All catalog codes, for checking that every one has a message. */
	public static final List<String> ALL = List.of(HEADER_UNKNOWN, HEADER_FOREIGN, HEADER_SEPARATOR, HEADER_WEIGHT_UNIT,
			HANDLE_REQUIRED, HANDLE_TOO_LONG, HANDLE_INVALID, TITLE_REQUIRED, TITLE_TOO_LONG, STATUS_UNKNOWN,
			OPTION_TOO_MANY, OPTION_NAME_MISSING, OPTION_VALUE_MISSING, OPTION_DUPLICATE, SKU_REQUIRED, SKU_TOO_LONG,
			SKU_INVALID, SKU_DUPLICATE, SKU_REPEATED, HANDLE_NORMALIZED, STOCK_NEGATIVE, PRODUCT_TYPE_UNSUPPORTED,
			VARIABLE_NO_VARIATIONS, VARIATION_PARENT_MISSING, VARIATION_PARENT_NOT_VARIABLE, PRICE_REQUIRED,
			BARCODE_SCIENTIFIC, IMAGE_URL, IMAGE_POSITION, PRODUCT_INVALID, PRODUCT_NO_VALID_VARIANT);

	private CatalogProblemCodes() {
	}

}
