package io.shopops.dashboard;

import io.shopops.platform.NavigationItem;
import io.shopops.platform.NavigationItem.Section;
import io.shopops.platform.RequestAuthorizations;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Managers (and admins) may open the KPI pages and their JSON and CSV; operators may not.
 * The verification of the rollups and the digest's channels and alert rules are for
 * admins.
 */
@Configuration(proxyBeanMethods = false)
class DashboardWebConfiguration {

	@Bean
	RequestAuthorizations dashboardAuthorizations() {
		return (rules) -> rules
			.requestMatchers("/dashboard/verify", "/dashboard/verify/**", "/dashboard/digest", "/dashboard/digest/**")
			.hasRole("ADMIN")
			.requestMatchers("/dashboard/**")
			.hasRole("MANAGER");
	}

	@Bean
	NavigationItem dashboardNavigation() {
		return new NavigationItem(Section.DASHBOARD, 10, "nav.dashboard", "/dashboard", "speedometer2");
	}

	@Bean
	NavigationItem digestNavigation() {
		return new NavigationItem(Section.DASHBOARD, 90, "nav.digest", "/dashboard/digest", "bell");
	}

	@Bean
	NavigationItem productPerformanceNavigation() {
		return new NavigationItem(Section.DASHBOARD, 20, "nav.productPerformance", "/dashboard/products",
				"bar-chart-line");
	}

}
