package io.shopops.fulfilment.catalog.importing;

/**
 * A product image read from a catalog file.
 *
 * @param row the row the image was first given on (header is row 1)
 * @param url an absolute {@code http} or {@code https} URL
 * @param position the 1-based display position, unique within the product
 * @param altText the alternative text, or {@code null} if the file gives none
 */
public record ImageRecord(long row, String url, int position, String altText) {
}
