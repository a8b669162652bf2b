/**
 * Stock per SKU and warehouse and its movement ledger. Its public types are the
 * inventory's API for other modules ({@code fulfilment::inventory}):
 * {@link io.shopops.fulfilment.inventory.Inventory}, the only writer of stock, with its
 * values and exceptions; controllers, repositories and forms stay package-private.
 */
@NamedInterface("inventory")
package io.shopops.fulfilment.inventory;

import org.springframework.modulith.NamedInterface;
