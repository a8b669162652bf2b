package io.shopops.platform.database;

import java.nio.file.Path;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedded server keeps its data in the data directory across restarts, and steps
 * aside for a configured URL.
 */
class EmbeddedDatabaseConfigurationTests {

	@TempDir
	Path dataDir;

	private ApplicationContextRunner runner() {
		return new ApplicationContextRunner().withUserConfiguration(EmbeddedDatabaseConfiguration.class)
			.withPropertyValues("shopops.data-dir=" + this.dataDir);
	}

	@Test
	void dataSurvivesARestart() {
		runner().run((context) -> {
			JdbcClient jdbc = JdbcClient.create(context.getBean(DataSource.class));
			jdbc.sql("CREATE TABLE survivor (name TEXT)").update();
			jdbc.sql("INSERT INTO survivor VALUES ('still here')").update();
		});
		runner().run((context) -> {
			JdbcClient jdbc = JdbcClient.create(context.getBean(DataSource.class));
			assertThat(jdbc.sql("SELECT name FROM survivor").query(String.class).single()).isEqualTo("still here");
			assertThat(jdbc.sql("SHOW synchronous_commit").query(String.class).single())
				.as("a commit is flushed before it returns")
				.isEqualTo("on");
		});
		assertThat(this.dataDir.resolve("postgres").resolve("PG_VERSION")).exists();
	}

	@Test
	void aConfiguredDatasourceUrlTurnsTheEmbeddedServerOff() {
		runner().withPropertyValues("spring.datasource.url=jdbc:postgresql://db.example:5432/shop")
			.run((context) -> assertThat(context).doesNotHaveBean(DataSource.class));
	}

}
