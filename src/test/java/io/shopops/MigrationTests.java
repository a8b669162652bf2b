package io.shopops;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.UUID;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every migration applies to an empty database, and the schema Hibernate validates
 * against is the one they build.
 */
class MigrationTests {

	@Test
	void migrationsApplyToAnEmptyDatabase() throws SQLException {
		TestDatabase server = TestDatabase.get();
		String name = "migrations_" + UUID.randomUUID().toString().replace("-", "");
		try (Connection admin = DriverManager.getConnection(server.url(), server.username(), server.password())) {
			admin.createStatement().execute("CREATE DATABASE " + name);
		}
		String url = server.url().replaceFirst("/[^/?]+(\\?|$)", "/" + name + "$1");
		var dataSource = new SingleConnectionDataSource(url, server.username(), server.password(), true);
		try {
			MigrateResult result = Flyway.configure()
				.dataSource(dataSource)
				.locations("classpath:db/migration")
				.load()
				.migrate();
			assertThat(result.success).isTrue();
			assertThat(result.migrationsExecuted).isGreaterThanOrEqualTo(5);
			var tables = JdbcClient.create(dataSource)
				.sql("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'")
				.query(String.class)
				.list();
			assertThat(tables).contains("event_publication", "user_account", "audit_entry", "login_failure",
					"shop_setting");
		}
		finally {
			dataSource.destroy();
			try (Connection admin = DriverManager.getConnection(server.url(), server.username(), server.password())) {
				admin.createStatement().execute("DROP DATABASE " + name);
			}
		}
	}

}
