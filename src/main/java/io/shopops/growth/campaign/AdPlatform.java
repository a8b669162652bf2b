package io.shopops.growth.campaign;

/**
 * The ad platform a campaign runs on.
 */
enum AdPlatform {

	WANXIANGTAI, ZHITONGCHE, YINLIMOFANG, QIANCHUAN, OCEANENGINE, CILIJINNIU, JINGZHUNTONG, DUODUO, GOOGLE_ADS, OTHER

}
