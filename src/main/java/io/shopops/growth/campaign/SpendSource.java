package io.shopops.growth.campaign;

/**
 * Where a campaign-day's numbers come from: entered by hand or one of the ad reports'
 * import layouts ({@code FILE}: ShopOps' template). A day has one source.
 */
enum SpendSource {

	MANUAL, WANXIANGTAI, QIANCHUAN, GOOGLE_ADS, FILE

}
