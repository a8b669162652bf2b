package io.shopops.growth;

import io.shopops.platform.NavigationItem;
import io.shopops.platform.NavigationItem.Section;
import io.shopops.platform.RequestAuthorizations;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * Who may open the growth pages, and their navigation entries.
 */
@Configuration(proxyBeanMethods = false)
class GrowthWebConfiguration {

	@Bean
	RequestAuthorizations growthAuthorizations() {
		return (rules) -> {
			// editing the traffic source rules re-labels all traffic collected from then
			// on
			rules.requestMatchers("/traffic/sources/rules/**").hasRole("MANAGER");
			// operators read the paid campaigns; managers create, edit and enter spend
			rules.requestMatchers(HttpMethod.POST, "/traffic/campaigns/**").hasRole("MANAGER");
			rules
				.requestMatchers("/traffic/campaigns/new", "/traffic/campaigns/*/edit", "/traffic/campaigns/*/spend/**")
				.hasRole("MANAGER");
			// repurchase and LTV are for managers
			rules.requestMatchers("/crm/retention", "/crm/retention/**").hasRole("MANAGER");
			// operators read the SEO keywords and enter ranks; managers add, edit and
			// delete
			rules.requestMatchers("/traffic/seo/new", "/traffic/seo/*/edit", "/traffic/seo/*/delete")
				.hasRole("MANAGER");
			rules.requestMatchers(HttpMethod.POST, "/traffic/seo", "/traffic/seo/*").hasRole("MANAGER");
			// operators read the attribution page; managers change its touch window
			rules.requestMatchers(HttpMethod.POST, "/traffic/attribution/**").hasRole("MANAGER");
			// operators record creators, cooperations and samples; managers record
			// payouts and adjustments of the creators' payout ledgers
			rules.requestMatchers(HttpMethod.POST, "/content/creators/*/ledger").hasRole("MANAGER");
			rules.requestMatchers("/traffic/**", "/content/**", "/community/**", "/crm/**").hasRole("OPERATOR");
		};
	}

	@Bean
	NavigationItem trafficNavigation() {
		return new NavigationItem(Section.GROWTH, 10, "nav.traffic", "/traffic", "graph-up-arrow");
	}

	@Bean
	NavigationItem attributionNavigation() {
		return new NavigationItem(Section.GROWTH, 11, "nav.attribution", "/traffic/attribution", "diagram-3");
	}

	@Bean
	NavigationItem sitesNavigation() {
		return new NavigationItem(Section.ADMIN, 37, "nav.sites", "/admin/sites", "globe");
	}

	@Bean
	NavigationItem contentNavigation() {
		return new NavigationItem(Section.GROWTH, 20, "nav.content", "/content", "camera-video");
	}

	@Bean
	NavigationItem creatorsNavigation() {
		return new NavigationItem(Section.GROWTH, 21, "nav.creators", "/content/creators", "person-video3");
	}

	@Bean
	NavigationItem communityNavigation() {
		return new NavigationItem(Section.GROWTH, 30, "nav.community", "/community", "chat-dots");
	}

	@Bean
	NavigationItem crmNavigation() {
		return new NavigationItem(Section.GROWTH, 40, "nav.crm", "/crm", "person-hearts");
	}

	@Bean
	NavigationItem retentionNavigation() {
		return new NavigationItem(Section.GROWTH, 45, "nav.retention", "/crm/retention", "arrow-repeat");
	}

}
