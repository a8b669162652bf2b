package io.shopops.fulfilment.catalog.importing;

import java.math.BigDecimal;
import java.util.List;

/**
 * One sellable variant (SKU) of a product, read from one valid row.
 *
 * @param row the row of the variant (header is row 1)
 * @param sku the SKU as given, or derived when the file gives none; at most 64
 * characters, unique within the file
 * @param optionValues the option values in the order of the product's option names (empty
 * when the product has no options)
 * @param price the selling price, scale 2, never {@code null}
 * @param compareAtPrice the "was" price shown struck through, scale 2, or {@code null}
 * @param cost the unit cost, scale 2, or {@code null}
 * @param barcode the barcode (EAN, UPC, ISBN…), or {@code null}
 * @param weightGrams the shipping weight in grams, or {@code null}
 * @param initialStock the stock to start with, or {@code null} if the file does not say
 */
public record VariantRecord(long row, String sku, List<String> optionValues, BigDecimal price,
		BigDecimal compareAtPrice, BigDecimal cost, String barcode, Integer weightGrams, Integer initialStock) {

	public VariantRecord {
		optionValues = List.copyOf(optionValues);
	}

}
