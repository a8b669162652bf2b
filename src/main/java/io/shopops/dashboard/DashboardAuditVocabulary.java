package io.shopops.dashboard;

import java.util.List;

import io.shopops.platform.AuditVocabulary;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The audit codes of the KPI rollups.
 */
@Configuration(proxyBeanMethods = false)
class DashboardAuditVocabulary {

	@Bean
	AuditVocabulary kpiAuditVocabulary() {
		return new AuditVocabulary("kpi", List.of("KPI_ROLLUPS_REBUILT", "KPI_ROLLUPS_REPAIRED"));
	}

}
