package io.shopops.growth.crm;

import java.util.Map;

/**
 * A section that another part of growth (coupons, segments, …) adds to the customer
 * profile page: {@link CrmController} asks every bean of this type for its model
 * attributes; the section's markup is its own fragment file, included from
 * {@code growth/crm/detail.html}. Sections read only; they never change state.
 */
public interface ProfileSection {

	/**
	 * The model attributes this section's fragment reads, for one customer.
	 * @param customerId the customer shown (never a merged one)
	 * @param manager whether the viewer is a manager or an admin (may see more)
	 * @return the attributes, by name; names should start with the section's own prefix
	 */
	Map<String, Object> attributes(long customerId, boolean manager);

}
