package io.shopops.fulfilment;

import io.shopops.platform.NavigationItem;
import io.shopops.platform.NavigationItem.Section;
import io.shopops.platform.RequestAuthorizations;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * Who may open the fulfilment pages, and their navigation entries.
 */
@Configuration(proxyBeanMethods = false)
class FulfilmentWebConfiguration {

	@Bean
	RequestAuthorizations fulfilmentAuthorizations() {
		return (rules) -> {
			// only admins run the ledger check and add warehouses; everyone in fulfilment
			// reads stock and adjusts it (adjustments need a reason and are audited)
			rules.requestMatchers("/inventory/check", "/inventory/check/**").hasRole("ADMIN");
			rules.requestMatchers(HttpMethod.POST, "/inventory/warehouses", "/inventory/warehouses/**")
				.hasRole("ADMIN");
			// after-sales, ticket and review settings (SLA, thresholds, reasons, canned
			// replies) belong to managers
			rules
				.requestMatchers("/after-sales/settings", "/after-sales/settings/**", "/after-sales/tickets/settings",
						"/after-sales/tickets/settings/**")
				.hasRole("MANAGER");
			rules.requestMatchers("/products/**", "/inventory/**", "/orders/**", "/after-sales/**").hasRole("OPERATOR");
		};
	}

	@Bean
	NavigationItem productsNavigation() {
		return new NavigationItem(Section.FULFILMENT, 10, "nav.products", "/products", "box-seam");
	}

	@Bean
	NavigationItem inventoryNavigation() {
		return new NavigationItem(Section.FULFILMENT, 20, "nav.inventory", "/inventory", "boxes");
	}

	@Bean
	NavigationItem ordersNavigation() {
		return new NavigationItem(Section.FULFILMENT, 30, "nav.orders", "/orders", "receipt");
	}

	@Bean
	NavigationItem afterSalesNavigation() {
		return new NavigationItem(Section.FULFILMENT, 40, "nav.afterSales", "/after-sales", "arrow-return-left");
	}

}
