package io.shopops.fulfilment.order;

/**
 * The buyer as the channel reports them; every field may be {@code null} or masked (e.g.
 * {@code 138****5678}), and masked values are kept as they came.
 *
 * @param name the buyer's name
 * @param phone the buyer's phone
 * @param email the buyer's e-mail
 * @param buyerId the channel's id of the buyer (淘宝 nickname, Shopify customer id …)
 */
public record Customer(String name, String phone, String email, String buyerId) {
}
