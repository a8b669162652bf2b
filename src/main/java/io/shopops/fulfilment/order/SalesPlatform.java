package io.shopops.fulfilment.order;

/**
 * The platform a sales channel sells on. A shop may run several channels on one platform
 * (two 天猫 stores, say).
 */
public enum SalesPlatform {

	TMALL, TAOBAO, JD, DOUYIN, PINDUODUO, XIAOHONGSHU, SHOPIFY, WOOCOMMERCE, OWN_SITE, OTHER

}
