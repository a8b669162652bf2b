package io.shopops.growth.traffic;

/**
 * The rule that attributed an order, tried in this order: its content code, its UTM
 * campaign (a paid campaign of that name), its other UTM parameters (a traffic source by
 * the source rules), the own-site visitor's last tracked touch in the window, else none.
 */
enum AttributionRule {

	/**
	 * The order's content code belongs to a content piece, community group or activity.
	 */
	CONTENT,

	/** The order's {@code utm_campaign} names a paid campaign. */
	CAMPAIGN,

	/**
	 * The order's UTM source or medium, mapped to a traffic source by the source rules.
	 */
	UTM,

	/** The visitor's last event with a content code or UTM parameters in the window. */
	TOUCH,

	/** Nothing to go by: direct or unknown. */
	DIRECT

}
