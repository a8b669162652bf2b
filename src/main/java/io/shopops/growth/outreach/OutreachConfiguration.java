package io.shopops.growth.outreach;

import java.util.List;

import io.shopops.platform.AuditVocabulary;
import io.shopops.platform.NavigationItem;
import io.shopops.platform.NavigationItem.Section;
import io.shopops.platform.RequestAuthorizations;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;

/**
 * The outreach pages' access rules (operators read and set opt-outs; managers create,
 * send, cancel, retry and change the settings; before growth's rule that opens
 * {@code /crm/**} to operators), the navigation entry under CRM, and the audit actions.
 */
@Configuration(proxyBeanMethods = false)
class OutreachConfiguration {

	@Bean
	@Order(Ordered.HIGHEST_PRECEDENCE + 10)
	RequestAuthorizations outreachAuthorizations() {
		return (rules) -> {
			rules.requestMatchers(HttpMethod.POST, "/crm/outreach/customers/*/opt-outs/**", "/crm/outreach/opt-outs")
				.hasRole("OPERATOR");
			rules.requestMatchers(HttpMethod.POST, "/crm/outreach", "/crm/outreach/**").hasRole("MANAGER");
			rules
				.requestMatchers("/crm/outreach/new", "/crm/outreach/*/edit", "/crm/outreach/*/cancel",
						"/crm/outreach/templates/new", "/crm/outreach/templates/*/edit")
				.hasRole("MANAGER");
		};
	}

	@Bean
	NavigationItem outreachNavigation() {
		return new NavigationItem(Section.GROWTH, 43, "nav.outreach", "/crm/outreach", "send");
	}

	@Bean
	AuditVocabulary outreachTemplateActions() {
		return new AuditVocabulary("outreachtemplate", List.of("OUTREACH_TEMPLATE_CREATED", "OUTREACH_TEMPLATE_UPDATED",
				"OUTREACH_TEMPLATE_ARCHIVED", "OUTREACH_TEMPLATE_RESTORED"));
	}

	@Bean
	AuditVocabulary outreachCampaignActions() {
		return new AuditVocabulary("outreachcampaign",
				List.of("OUTREACH_CAMPAIGN_CREATED", "OUTREACH_CAMPAIGN_UPDATED", "OUTREACH_CAMPAIGN_SCHEDULED",
						"OUTREACH_CAMPAIGN_SENT", "OUTREACH_CAMPAIGN_STARTED", "OUTREACH_CAMPAIGN_DONE",
						"OUTREACH_CAMPAIGN_CANCELLED"));
	}

	@Bean
	AuditVocabulary outreachMessageActions() {
		return new AuditVocabulary("outreachmessage", List.of("OUTREACH_MESSAGE_RETRIED"));
	}

	@Bean
	AuditVocabulary outreachOptOutActions() {
		return new AuditVocabulary("outreachoptout",
				List.of("OUTREACH_OPTED_OUT", "OUTREACH_OPT_OUT_CLEARED", "OUTREACH_OPT_OUTS_IMPORTED"));
	}

	@Bean
	AuditVocabulary outreachSettingActions() {
		return new AuditVocabulary("outreachsetting", List.of("OUTREACH_SETTINGS_CHANGED"));
	}

}
