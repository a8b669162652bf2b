/**
 * The demo profile's after-sales requests, in Chinese, on the demo orders.
 */
package io.shopops.fulfilment.aftersales.demo;
