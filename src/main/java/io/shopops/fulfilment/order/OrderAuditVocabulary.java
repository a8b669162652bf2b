package io.shopops.fulfilment.order;

import java.util.List;

import io.shopops.platform.AuditVocabulary;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The audit actions of orders, sales channels and order settings, so that the audit log
 * names them.
 */
@Configuration(proxyBeanMethods = false)
class OrderAuditVocabulary {

	@Bean
	AuditVocabulary orderActions() {
		return new AuditVocabulary("order", List.of("ORDER_PLACED", "ORDER_PAID", "ORDER_HELD", "ORDER_SHIPPED",
				"ORDER_TRACKED", "ORDER_DELIVERED", "ORDER_COMPLETED", "ORDER_CANCELLED", "ORDER_CLOSED"));
	}

	@Bean
	AuditVocabulary channelActions() {
		return new AuditVocabulary("channel", List.of("CHANNEL_CREATED"));
	}

	@Bean
	AuditVocabulary orderSettingsActions() {
		return new AuditVocabulary("ordersettings", List.of("ORDER_SETTINGS_CHANGED"));
	}

}
