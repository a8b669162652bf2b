package io.shopops.growth.lifecycle;

import java.util.List;

import io.shopops.platform.AuditVocabulary;
import io.shopops.platform.NavigationItem;
import io.shopops.platform.NavigationItem.Section;
import io.shopops.platform.RequestAuthorizations;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * The lifecycle pages' access rules (managers and admins; before growth's rule that opens
 * {@code /crm/**} to operators, except the task buttons on an operator's home page), the
 * navigation entry and the audit actions.
 */
@Configuration(proxyBeanMethods = false)
class LifecycleConfiguration {

	@Bean
	@Order(Ordered.HIGHEST_PRECEDENCE + 12)
	RequestAuthorizations lifecycleAuthorizations() {
		return (rules) -> {
			rules.requestMatchers("/crm/lifecycle/tasks/**").hasRole("OPERATOR");
			rules.requestMatchers("/crm/lifecycle", "/crm/lifecycle/**").hasRole("MANAGER");
		};
	}

	@Bean
	NavigationItem lifecycleNavigation() {
		return new NavigationItem(Section.GROWTH, 47, "nav.lifecycle", "/crm/lifecycle", "lightning-charge");
	}

	@Bean
	AuditVocabulary lifecycleActions() {
		return new AuditVocabulary("lifecycle",
				List.of("LIFECYCLE_RULE_CREATED", "LIFECYCLE_RULE_UPDATED", "LIFECYCLE_RULE_ENABLED",
						"LIFECYCLE_RULE_DISABLED", "LIFECYCLE_RULE_DELETED", "LIFECYCLE_RULE_EVALUATED",
						"LIFECYCLE_TASK_DONE", "LIFECYCLE_TASK_SKIPPED"));
	}

}
