package io.shopops.fulfilment.aftersales;

import java.util.List;

import io.shopops.platform.AuditVocabulary;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The audit actions of after-sales requests and their settings.
 */
@Configuration(proxyBeanMethods = false)
class AfterSalesAuditVocabulary {

	@Bean
	AuditVocabulary afterSalesActions() {
		return new AuditVocabulary("aftersales",
				List.of("AFTER_SALES_REQUESTED", "AFTER_SALES_APPROVED", "AFTER_SALES_REJECTED", "AFTER_SALES_RECEIVED",
						"AFTER_SALES_RESTOCKED", "AFTER_SALES_WRITTEN_OFF", "AFTER_SALES_REFUNDED",
						"AFTER_SALES_EXCHANGE_SHIPPED", "AFTER_SALES_CLOSED", "AFTER_SALES_CHANNEL_REFUND_IMPORTED",
						"AFTER_SALES_TICKET_OPENED"));
	}

	@Bean
	AuditVocabulary afterSalesSettingsActions() {
		return new AuditVocabulary("aftersalessettings", List.of("AFTER_SALES_SETTINGS_CHANGED"));
	}

}
