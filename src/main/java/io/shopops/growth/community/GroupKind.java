package io.shopops.growth.community;

/**
 * What a community group is.
 */
enum GroupKind {

	WECHAT_GROUP, WECOM_GROUP, FAN_CLUB, QQ_GROUP, OTHER

}
