package io.shopops.fulfilment;

import io.shopops.platform.NavigationItem;
import io.shopops.platform.NavigationItem.Section;
import io.shopops.platform.RequestAuthorizations;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Who may open the fulfilment pages, and their navigation entries.
 */
@Configuration(proxyBeanMethods = false)
class FulfilmentWebConfiguration {

	@Bean
	RequestAuthorizations fulfilmentAuthorizations() {
		return (rules) -> rules.requestMatchers("/products/**", "/inventory/**", "/orders/**", "/after-sales/**")
			.hasRole("OPERATOR");
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
