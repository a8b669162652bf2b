package io.shopops.fulfilment.order;

/**
 * The campaign parameters of the visit that led to an order; every field may be
 * {@code null}.
 *
 * @param source {@code utm_source}
 * @param medium {@code utm_medium}
 * @param campaign {@code utm_campaign}
 * @param content {@code utm_content}
 */
public record Utm(String source, String medium, String campaign, String content) {
}
