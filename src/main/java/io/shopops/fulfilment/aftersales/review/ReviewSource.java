package io.shopops.fulfilment.aftersales.review;

/**
 * Where a review came from: entered by hand, seeded for the demo, or the layout of the
 * file it was imported from.
 */
enum ReviewSource {

	MANUAL, DEMO, TEMPLATE, JUDGEME, OKENDO, WOOCOMMERCE, SHOPIFY, LOOX, YOTPO, TAOBAO

}
