/**
 * Sales orders from every channel. Its public types are the orders' API for other modules
 * ({@code fulfilment::order}), such as the order events growth and the dashboard listen
 * to; controllers, repositories and forms stay package-private.
 */
@NamedInterface("order")
package io.shopops.fulfilment.order;

import org.springframework.modulith.NamedInterface;
