package io.shopops.growth.community;

/**
 * What a community activity is: a group-buy (团购), a drop (上新/秒杀), a Q&amp;A session (答疑),
 * or something else.
 */
enum ActivityType {

	GROUP_BUY, DROP, QA, OTHER

}
