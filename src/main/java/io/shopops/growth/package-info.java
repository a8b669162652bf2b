/**
 * The engine that brings people in and keeps them: traffic, content, community and CRM.
 */
@ApplicationModule(displayName = "Growth", allowedDependencies = { "shared", "platform", "platform::csv", "fulfilment",
		"fulfilment::catalog", "fulfilment::inventory", "fulfilment::order", "fulfilment::aftersales" })
package io.shopops.growth;

import org.springframework.modulith.ApplicationModule;
