package io.shopops.fulfilment.order;

import io.shopops.platform.NavigationItem;
import io.shopops.platform.NavigationItem.Section;
import io.shopops.platform.RequestAuthorizations;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;

/**
 * Who may change the order settings and add channels, and their navigation entries. These
 * rules come before fulfilment's general rule that opens {@code /orders/**} to operators.
 */
@Configuration(proxyBeanMethods = false)
class OrderWebConfiguration {

	@Bean
	@Order(Ordered.HIGHEST_PRECEDENCE)
	RequestAuthorizations orderAdminAuthorizations() {
		return (rules) -> {
			rules.requestMatchers("/orders/settings", "/orders/settings/**").hasRole("ADMIN");
			rules.requestMatchers(HttpMethod.POST, "/orders/channels", "/orders/channels/**").hasRole("ADMIN");
		};
	}

	@Bean
	NavigationItem orderChannelsNavigation() {
		return new NavigationItem(Section.FULFILMENT, 31, "nav.orderChannels", "/orders/channels", "shop");
	}

	@Bean
	NavigationItem orderSettingsNavigation() {
		return new NavigationItem(Section.ADMIN, 35, "nav.orderSettings", "/orders/settings", "sliders");
	}

}
