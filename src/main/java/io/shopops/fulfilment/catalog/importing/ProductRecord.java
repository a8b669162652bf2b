package io.shopops.fulfilment.catalog.importing;

import io.shopops.fulfilment.catalog.ProductStatus;

import java.util.List;

/**
 * A product read from consecutive rows sharing one handle, with only its valid variants
 * and images. Optional text fields are {@code null} when the file leaves them empty.
 *
 * @param firstRow the row the product starts on (header is row 1)
 * @param handle the product's unique code (URL slug in Shopify files); the importer
 * merges products by handle
 * @param title the product title
 * @param descriptionHtml the description as sanitised rich text, or {@code null}
 * @param categoryPath the category path with levels separated by {@code " > "}, or
 * {@code null}
 * @param brand the brand (Shopify: vendor), or {@code null}
 * @param tags the tags, trimmed, without duplicates, in file order
 * @param status the publication status
 * @param seoTitle the search engine title, or {@code null}
 * @param seoDescription the search engine description, or {@code null}
 * @param optionNames up to three option names (such as size and colour); empty when the
 * product has a single variant without options
 * @param variants the valid variants in file order
 * @param images the valid images ordered by position
 */
public record ProductRecord(long firstRow, String handle, String title, String descriptionHtml, String categoryPath,
		String brand, List<String> tags, ProductStatus status, String seoTitle, String seoDescription,
		List<String> optionNames, List<VariantRecord> variants, List<ImageRecord> images) {

	public ProductRecord {
		tags = List.copyOf(tags);
		optionNames = List.copyOf(optionNames);
		variants = List.copyOf(variants);
		images = List.copyOf(images);
	}

}
