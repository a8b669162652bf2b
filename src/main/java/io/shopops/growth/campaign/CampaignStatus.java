package io.shopops.growth.campaign;

/**
 * Whether a campaign is running.
 */
enum CampaignStatus {

	ACTIVE, PAUSED, ENDED

}
