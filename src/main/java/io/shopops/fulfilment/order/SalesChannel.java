package io.shopops.fulfilment.order;

/**
 * A place orders come from: a store on a marketplace or the shop's own site.
 *
 * @param id the channel's id
 * @param code the short upper-case code used in URLs, imports and API tokens, e.g.
 * {@code TMALL-MAIN}
 * @param name the name shown on pages
 * @param platform the platform it sells on
 * @param active whether new orders are accepted from it
 */
public record SalesChannel(long id, String code, String name, SalesPlatform platform, boolean active) {
}
