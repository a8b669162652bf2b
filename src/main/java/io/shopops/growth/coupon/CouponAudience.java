package io.shopops.growth.coupon;

import java.util.List;

/**
 * Whom unique coupon codes can be issued to, contributed as a bean: a pasted list of
 * customers, a tier and a tag come with coupons; other parts of growth (saved segments,
 * lifecycle rules) add theirs by implementing this interface, and the issue page offers
 * every audience in {@code @Order}.
 */
public interface CouponAudience {

	/**
	 * The audience's key, as the issue form sends it, e.g. {@code tier}.
	 * @return a short lower-case key, unique among audiences
	 */
	String key();

	/**
	 * The message key of the audience's name on the issue page.
	 * @return the key
	 */
	String labelKey();

	/**
	 * The message key of the help text under the value field.
	 * @return the key
	 */
	String helpKey();

	/**
	 * Whether the value is typed (a pasted list) rather than chosen from
	 * {@link #choices()}.
	 * @return {@code true} for a typed value
	 */
	default boolean typed() {
		return false;
	}

	/**
	 * The values to choose from, e.g. the tiers; empty when the value is typed or there
	 * is nothing to choose yet.
	 * @return the choices, in the order to list them
	 */
	default List<Choice> choices() {
		return List.of();
	}

	/**
	 * The customers a value names.
	 * @param value the chosen or typed value
	 * @return the customers found and what could not be matched
	 * @throws IllegalArgumentException with a message key as its message when the value
	 * is not acceptable (empty, unknown, too long)
	 */
	Selection select(String value);

	/**
	 * One value to choose.
	 *
	 * @param value the value the form sends
	 * @param label what the page shows
	 */
	record Choice(String value, String label) {
	}

	/**
	 * The customers a value named.
	 *
	 * @param customerIds the active customers' ids, without duplicates
	 * @param unmatched the parts of a typed value that named no customer, empty for a
	 * choice
	 * @param description whom, for the issue history (e.g. {@code 金卡会员}), at most 200
	 * characters
	 */
	record Selection(List<Long> customerIds, List<String> unmatched, String description) {

		public Selection {
			customerIds = customerIds.stream().distinct().toList();
			unmatched = List.copyOf(unmatched);
			description = (description.length() > 200) ? description.substring(0, 200) : description;
		}

	}

}
