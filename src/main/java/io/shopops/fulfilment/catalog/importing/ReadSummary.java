package io.shopops.fulfilment.catalog.importing;

/**
 * Counts of what {@link CatalogFileReader#read} went through.
 *
 * @param records the number of CSV data records after the header (trailing empty lines
 * not counted)
 * @param variantRows the rows describing a variant (every non-empty template row), valid
 * or not
 * @param imageOnlyRows the Shopify rows carrying only an image
 * @param invalidRows the distinct rows with at least one problem
 * @param products the number of products passed to {@link CatalogSink#product}
 */
public record ReadSummary(long records, long variantRows, long imageOnlyRows, long invalidRows, long products) {
}
