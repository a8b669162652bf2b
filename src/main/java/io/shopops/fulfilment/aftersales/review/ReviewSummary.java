package io.shopops.fulfilment.aftersales.review;

import java.math.BigDecimal;

/**
 * The rating of one product over its visible reviews.
 *
 * @param reviews how many reviews
 * @param average the average stars, rounded to 2 decimals; {@code null} without reviews
 * @param bad how many of them have at most 2 stars
 */
public record ReviewSummary(long reviews, BigDecimal average, long bad) {

}
