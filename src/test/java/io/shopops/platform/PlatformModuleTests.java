package io.shopops.platform;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The platform module starts on its own: no business module is needed for users,
 * security, audit and settings.
 */
@ApplicationModuleTest
class PlatformModuleTests {

	@Autowired
	AuditLog auditLog;

	@Autowired
	ShopSettings settings;

	@Autowired
	JdbcClient jdbc;

	@Test
	void auditsAndReadsSettingsWithoutAnyBusinessModule() {
		String id = "module-test-" + System.nanoTime();
		this.auditLog.recordAs("tester", "MODULE_TESTED", "test", id, null);
		assertThat(this.jdbc.sql("SELECT actor FROM audit_entry WHERE object_id = ?")
			.param(id)
			.query(String.class)
			.single()).isEqualTo("tester");
		assertThat(this.settings.current().currency().getCurrencyCode()).hasSize(3);
	}

}
