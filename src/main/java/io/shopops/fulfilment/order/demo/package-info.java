/**
 * The demo shop's sales channels and about 90 days of orders (profile {@code demo}).
 */
package io.shopops.fulfilment.order.demo;
