package io.shopops.dashboard;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Turns on the scheduler that runs the KPI catch-up ({@link KpiCatchUp}).
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class DashboardConfiguration {

}
