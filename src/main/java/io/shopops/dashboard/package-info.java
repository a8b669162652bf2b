/**
 * The managers' daily KPI page and its stable JSON, computed from the dashboard's own
 * rollups, which its listeners keep from the order and refund events. Its public types
 * ({@link io.shopops.dashboard.TrafficFigures}) are the SPI growth implements to add
 * visitors and ad spend; the dashboard itself depends on no growth type, so that the
 * dependency runs one way.
 */
@ApplicationModule(displayName = "Dashboard", allowedDependencies = { "shared", "platform", "platform::csv",
		"fulfilment", "fulfilment::catalog", "fulfilment::inventory", "fulfilment::order", "fulfilment::aftersales" })
package io.shopops.dashboard;

import org.springframework.modulith.ApplicationModule;
