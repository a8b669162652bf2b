package io.shopops;

import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.Test;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Every migration applies to an empty database, and the schema Hibernate validates
 * against is the one they build, with the constraints, indexes and triggers the
 * application relies on.
 */
class MigrationTests {

	@Test
	void migrationsApplyToAnEmptyDatabase() throws SQLException, IOException {
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
			List<String> scripts = migrationScripts();
			assertThat(scripts).contains("V1__platform_create_event_publication.sql",
					"V8__platform_create_import_job.sql");
			assertThat(result.success).isTrue();
			assertThat(result.migrationsExecuted).isEqualTo(scripts.size());
			JdbcClient jdbc = JdbcClient.create(dataSource);
			assertThat(jdbc.sql("SELECT script FROM flyway_schema_history WHERE success").query(String.class).list())
				.as("every migration on the classpath applied, and nothing else")
				.containsExactlyInAnyOrderElementsOf(scripts);
			assertThat(
					jdbc.sql("SELECT count(*) FROM flyway_schema_history WHERE NOT success").query(Long.class).single())
				.isZero();

			var tables = jdbc.sql("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'")
				.query(String.class)
				.list();
			assertThat(tables).contains("event_publication", "user_account", "audit_entry", "login_failure",
					"shop_setting", "product", "product_variant", "stock_item", "import_job");
			assertSchemaGuards(jdbc);
			assertAuditEntriesAreAppendOnly(jdbc);
		}
		finally {
			dataSource.destroy();
			try (Connection admin = DriverManager.getConnection(server.url(), server.username(), server.password())) {
				admin.createStatement().execute("DROP DATABASE " + name);
			}
		}
	}

	private static void assertSchemaGuards(JdbcClient jdbc) {
		assertThat(jdbc.sql("""
				SELECT t.tgname FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
				WHERE c.relname = 'audit_entry' AND NOT t.tgisinternal""").query(String.class).list())
			.contains("audit_entry_append_only");
		assertThat(indexDefinition(jdbc, "product_variant_sku_uk")).startsWith("CREATE UNIQUE INDEX")
			.contains("ON public.product_variant", "(sku");
		assertThat(indexDefinition(jdbc, "product_handle_uk")).startsWith("CREATE UNIQUE INDEX")
			.contains("ON public.product", "(handle)");
		assertThat(indexDefinition(jdbc, "user_account_username_uk")).startsWith("CREATE UNIQUE INDEX")
			.contains("lower((username)");
		assertThat(indexDefinition(jdbc, "customer_segment_spend_id_idx")).contains("ON public.customer")
			.contains("(net_spend, id)")
			.contains("WHERE (merged_into IS NULL)");
		assertThat(indexDefinition(jdbc, "customer_segment_spend_idx"))
			.isEqualTo("no index customer_segment_spend_idx");
		assertThat(checks(jdbc, "product_variant")).anyMatch((check) -> check.contains("(price >= "))
			.anyMatch((check) -> check.contains("(compare_at_price >= "))
			.anyMatch((check) -> check.contains("(cost >= "))
			.anyMatch((check) -> check.contains("(weight_grams >= "));
		assertThat(checks(jdbc, "stock_item")).anyMatch((check) -> check.contains("(on_hand >= "))
			.anyMatch((check) -> check.contains("(reserved >= "));
		assertThat(checks(jdbc, "product")).anyMatch((check) -> check.contains("'ARCHIVED'"));
		// a movement belongs to a stock row, which references the SKU and the warehouse
		assertThat(foreignKeys(jdbc, "stock_movement")).containsExactly(
				"FOREIGN KEY (variant_id, warehouse) REFERENCES stock_item(variant_id, warehouse) ON DELETE CASCADE");
		assertThat(foreignKeys(jdbc, "stock_item")).containsExactlyInAnyOrder(
				"FOREIGN KEY (variant_id) REFERENCES product_variant(id) ON DELETE CASCADE",
				"FOREIGN KEY (warehouse) REFERENCES warehouse(code)");
	}

	private static void assertAuditEntriesAreAppendOnly(JdbcClient jdbc) {
		jdbc.sql("INSERT INTO audit_entry (actor, action, object_type, object_id) VALUES ('test', 'X', 'Y', 'z')")
			.update();
		assertThatExceptionOfType(DataAccessException.class)
			.isThrownBy(() -> jdbc.sql("UPDATE audit_entry SET actor = 'someone else'").update())
			.withMessageContaining("append-only");
		assertThatExceptionOfType(DataAccessException.class)
			.isThrownBy(() -> jdbc.sql("DELETE FROM audit_entry").update())
			.withMessageContaining("append-only");
		assertThat(jdbc.sql("SELECT actor FROM audit_entry").query(String.class).list()).containsExactly("test");
	}

	private static String indexDefinition(JdbcClient jdbc, String index) {
		return jdbc.sql("SELECT pg_get_indexdef(c.oid) FROM pg_class c WHERE c.relkind = 'i' AND c.relname = ?")
			.param(index)
			.query(String.class)
			.optional()
			.orElse("no index " + index);
	}

	private static List<String> checks(JdbcClient jdbc, String table) {
		return jdbc.sql("""
				SELECT pg_get_constraintdef(k.oid) FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid
				WHERE c.relname = ? AND k.contype = 'c'""").param(table).query(String.class).list();
	}

	private static List<String> foreignKeys(JdbcClient jdbc, String table) {
		return jdbc.sql("""
				SELECT pg_get_constraintdef(k.oid) FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid
				WHERE c.relname = ? AND k.contype = 'f'""").param(table).query(String.class).list();
	}

	private static List<String> migrationScripts() throws IOException {
		Resource[] resources = new PathMatchingResourcePatternResolver()
			.getResources("classpath*:db/migration/**/V*__*.sql");
		return Arrays.stream(resources).map(Resource::getFilename).filter(Objects::nonNull).toList();
	}

}
