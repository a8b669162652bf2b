package io.shopops.dashboard;

import java.time.LocalDate;
import java.util.Set;

/**
 * The SKUs the shop is promoting, for the alert on a promoted SKU that is out of stock;
 * implemented by the module that plans the promotions (growth's content calendar and
 * livestreams) as a bean. Without one, that alert finds nothing.
 */
public interface PromotedProducts {

	/**
	 * The SKUs promoted around a day.
	 * @param day a local day in the shop's time zone, never {@code null}
	 * @return the SKUs, never {@code null}
	 */
	Set<String> promotedSkus(LocalDate day);

}
