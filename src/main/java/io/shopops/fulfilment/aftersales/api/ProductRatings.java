package io.shopops.fulfilment.aftersales.api;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.Map;

/**
 * The published read of the products' reviews (评价) for reports: how many visible reviews
 * a product has and their average stars. Hidden reviews are left out.
 */
public interface ProductRatings {

	/**
	 * The ratings of many products at once.
	 * @param productIds the products
	 * @return the rating per product that has visible reviews; products without are
	 * absent
	 */
	Map<Long, Rating> of(Collection<Long> productIds);

	/**
	 * The rating of a product.
	 *
	 * @param reviews how many visible reviews it has, at least 1
	 * @param average their average stars, rounded half-up to 2 decimals
	 */
	record Rating(long reviews, BigDecimal average) {
	}

}
