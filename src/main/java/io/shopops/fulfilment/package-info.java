/**
 * The foundation of the shop: catalog, inventory, orders and after-sales.
 */
@ApplicationModule(displayName = "Fulfilment", allowedDependencies = { "shared", "platform", "platform::csv" })
package io.shopops.fulfilment;

import org.springframework.modulith.ApplicationModule;
