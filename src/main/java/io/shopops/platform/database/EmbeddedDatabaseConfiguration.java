package io.shopops.platform.database;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * Starts an embedded PostgreSQL 17 (real binaries from Maven) when no
 * {@code spring.datasource.url} is configured, so that the application runs with nothing
 * but Java installed. Its data lives under {@code SHOPOPS_DATA_DIR} (default
 * {@code ./data}) and survives restarts; the server stops when the application does.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedDatabaseConfiguration.NoDatasourceUrl.class)
class EmbeddedDatabaseConfiguration {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseConfiguration.class);

	@Bean(destroyMethod = "close")
	EmbeddedPostgres embeddedPostgres(@Value("${shopops.data-dir:./data}") String dataDir) throws IOException {
		Path directory = Path.of(dataDir).toAbsolutePath().normalize().resolve("postgres");
		Files.createDirectories(directory.getParent());
		log.warn("No SPRING_DATASOURCE_URL set: starting embedded PostgreSQL with data in {}. "
				+ "Production should set SPRING_DATASOURCE_URL to a managed PostgreSQL server.", directory);
		EmbeddedPostgres postgres = EmbeddedPostgres.builder()
			.setDataDirectory(directory)
			.setCleanDataDirectory(false)
			// Spring stops the server after the beans that use it; a JVM hook of its own
			// could stop it first
			.setRegisterShutdownHook(false)
			.setServerConfig("max_connections", "100")
			// the library's default is off; the shop's data must survive a crash once
			// committed
			.setServerConfig("synchronous_commit", "on")
			.start();
		log.info("Embedded PostgreSQL listening on port {}", postgres.getPort());
		return postgres;
	}

	@Bean
	@ConfigurationProperties("spring.datasource.hikari")
	HikariDataSource dataSource(EmbeddedPostgres postgres) {
		HikariDataSource dataSource = new HikariDataSource();
		dataSource.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
		dataSource.setUsername("postgres");
		dataSource.setPoolName("shopops-embedded");
		return dataSource;
	}

	static class NoDatasourceUrl implements Condition {

		@Override
		public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
			return !StringUtils.hasText(context.getEnvironment().getProperty("spring.datasource.url"));
		}

	}

}
