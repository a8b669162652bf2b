/**
 * Read-only KPI pages joining the fulfilment and growth layers.
 */
@ApplicationModule(displayName = "Dashboard", allowedDependencies = { "shared", "platform", "platform::csv",
		"fulfilment", "fulfilment::catalog", "fulfilment::inventory", "fulfilment::order", "growth" })
package io.shopops.dashboard;

import org.springframework.modulith.ApplicationModule;
