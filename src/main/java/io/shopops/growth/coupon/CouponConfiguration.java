package io.shopops.growth.coupon;

import java.util.List;

import io.shopops.platform.AuditVocabulary;
import io.shopops.platform.NavigationItem;
import io.shopops.platform.NavigationItem.Section;
import io.shopops.platform.RequestAuthorizations;
import io.shopops.platform.WorkQueue;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;

/**
 * The coupon pages' access rules (managers change, operators read; before growth's rule
 * that opens {@code /crm/**} to operators), their navigation entry, the operator home's
 * card of coupons expiring within 7 days, and the audit actions.
 */
@Configuration(proxyBeanMethods = false)
class CouponConfiguration {

	@Bean
	@Order(Ordered.HIGHEST_PRECEDENCE + 10)
	RequestAuthorizations couponAuthorizations() {
		return (rules) -> {
			rules.requestMatchers(HttpMethod.POST, "/crm/coupons", "/crm/coupons/**").hasRole("MANAGER");
			rules
				.requestMatchers("/crm/coupons/new", "/crm/coupons/*/edit", "/crm/coupons/*/issue",
						"/crm/coupons/*/disable")
				.hasRole("MANAGER");
		};
	}

	@Bean
	NavigationItem couponNavigation() {
		return new NavigationItem(Section.GROWTH, 45, "nav.coupons", "/crm/coupons", "ticket-perforated");
	}

	@Bean
	WorkQueue couponsExpiringQueue(Coupons coupons) {
		return WorkQueue.of("queue.couponsExpiring", "/crm/coupons?expiring=week", "ticket-perforated",
				coupons::countExpiring);
	}

	@Bean
	AuditVocabulary couponActions() {
		return new AuditVocabulary("coupon",
				List.of("COUPON_CREATED", "COUPON_UPDATED", "COUPON_DISABLED", "COUPON_ENABLED",
						"COUPON_CODE_PUBLISHED", "COUPON_ISSUED", "COUPON_REDEEMED", "COUPON_REJECTED",
						"COUPON_RESTORED"));
	}

}
