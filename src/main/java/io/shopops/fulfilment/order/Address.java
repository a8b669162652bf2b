package io.shopops.fulfilment.order;

/**
 * Where an order ships to; every field may be {@code null}.
 *
 * @param name the recipient
 * @param phone the recipient's phone
 * @param province the province (or state)
 * @param city the city
 * @param district the district
 * @param line1 the street address
 * @param postcode the postcode
 */
public record Address(String name, String phone, String province, String city, String district, String line1,
		String postcode) {
}
