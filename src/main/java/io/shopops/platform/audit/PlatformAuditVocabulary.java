package io.shopops.platform.audit;

import java.util.List;

import io.shopops.platform.AuditVocabulary;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The audit codes the platform itself records: logins and users, settings and import
 * jobs.
 */
@Configuration(proxyBeanMethods = false)
class PlatformAuditVocabulary {

	@Bean
	AuditVocabulary userAuditVocabulary() {
		return new AuditVocabulary("user",
				List.of("LOGIN_SUCCEEDED", "LOGIN_FAILED", "LOGIN_REFUSED", "USER_CREATED", "USER_ROLE_CHANGED",
						"USER_DISABLED", "USER_ENABLED", "USER_PASSWORD_RESET", "USER_PASSWORD_CHANGED",
						"SESSION_ENDED"));
	}

	@Bean
	AuditVocabulary settingsAuditVocabulary() {
		return new AuditVocabulary("settings", List.of("SETTINGS_CHANGED"));
	}

	@Bean
	AuditVocabulary importAuditVocabulary() {
		return new AuditVocabulary("import",
				List.of("IMPORT_QUEUED", "IMPORT_CANCELLED", "IMPORT_SUCCEEDED", "IMPORT_FAILED"));
	}

}
