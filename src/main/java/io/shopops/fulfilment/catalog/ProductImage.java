package io.shopops.fulfilment.catalog;

/**
 * An image of a product, stored with the product as JSON.
 *
 * @param url absolute http(s) URL
 * @param position display order, from 1
 * @param alt alternative text, may be {@code null}
 */
public record ProductImage(String url, int position, String alt) {
}
