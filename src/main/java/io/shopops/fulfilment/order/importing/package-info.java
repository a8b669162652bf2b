/**
 * The order import: reads the order exports of the shop's sales channels (the ShopOps
 * template, Shopify, 淘宝/天猫, 京东, 抖店) into order drafts and places them as the platform's
 * {@code orders} import kind.
 */
package io.shopops.fulfilment.order.importing;
