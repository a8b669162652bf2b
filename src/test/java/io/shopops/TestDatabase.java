package io.shopops;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * The one real PostgreSQL every test JVM shares, chosen once: the server named by
 * {@code TEST_DATABASE_URL} (with
 * {@code TEST_DATABASE_USERNAME}/{@code TEST_DATABASE_PASSWORD}); else a Testcontainers
 * {@code postgres:17} container when a Docker engine answers; else embedded PostgreSQL
 * 17. It is started lazily and stopped when the JVM exits, after the application
 * contexts.
 * <p>
 * {@link Customizer} points every Spring test context at it (registered in
 * {@code META-INF/spring.factories}), so no test needs its own database configuration and
 * the context cache keeps working.
 */
public final class TestDatabase {

	private static final Logger log = LoggerFactory.getLogger(TestDatabase.class);

	private static TestDatabase instance;

	/** The application contexts using the database, closed before it stops. */
	private static final Set<ConfigurableApplicationContext> contexts = Collections.newSetFromMap(new WeakHashMap<>());

	private final String url;

	private final String username;

	private final String password;

	private TestDatabase(String url, String username, String password) {
		this.url = url;
		this.username = username;
		this.password = password;
	}

	public static synchronized TestDatabase get() {
		if (instance == null) {
			instance = start();
		}
		return instance;
	}

	public String url() {
		return this.url;
	}

	public String username() {
		return this.username;
	}

	public String password() {
		return this.password;
	}

	private static TestDatabase start() {
		String url = System.getenv("TEST_DATABASE_URL");
		if (url != null && !url.isBlank()) {
			log.info("Tests use the PostgreSQL server at TEST_DATABASE_URL");
			return new TestDatabase(url, System.getenv().getOrDefault("TEST_DATABASE_USERNAME", "postgres"),
					System.getenv().getOrDefault("TEST_DATABASE_PASSWORD", ""));
		}
		if (dockerReachable()) {
			PostgreSQLContainer container = new PostgreSQLContainer("postgres:17");
			container.start();
			stopAfterTheApplicationContexts(container::stop);
			log.info("Tests use a Testcontainers postgres:17 container");
			return new TestDatabase(container.getJdbcUrl(), container.getUsername(), container.getPassword());
		}
		try {
			EmbeddedPostgres postgres = EmbeddedPostgres.builder().setRegisterShutdownHook(false).start();
			stopAfterTheApplicationContexts(() -> {
				try {
					postgres.close();
				}
				catch (IOException ex) {
					log.warn("Could not stop embedded PostgreSQL", ex);
				}
			});
			log.info("No Docker engine: tests use embedded PostgreSQL on port {}", postgres.getPort());
			return new TestDatabase(postgres.getJdbcUrl("postgres", "postgres"), "postgres", "");
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not start embedded PostgreSQL", ex);
		}
	}

	/**
	 * Stops the database when the JVM exits, but only after every application context
	 * using it is closed: closing contexts still use the database (the event publication
	 * registry looks for incomplete publications), and with the server already gone each
	 * would wait for the connection pool's 30 s timeout. Closing a context that Spring
	 * Boot's own shutdown hook is closing waits for it; closing a closed one does
	 * nothing.
	 */
	private static void stopAfterTheApplicationContexts(Runnable stop) {
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			List<ConfigurableApplicationContext> open;
			synchronized (contexts) {
				open = new ArrayList<>(contexts);
			}
			open.forEach(ConfigurableApplicationContext::close);
			stop.run();
		}, "test-database-shutdown"));
	}

	/**
	 * Asks Docker only when a Docker endpoint is configured or a socket exists, so
	 * machines without Docker do not wait for a connection timeout.
	 */
	static boolean dockerReachable() {
		boolean configured = System.getenv("DOCKER_HOST") != null || Files.exists(Path.of("/var/run/docker.sock"))
				|| Files.exists(Path.of(System.getProperty("user.home"), ".docker", "run", "docker.sock"))
				|| Files.exists(Path.of(System.getProperty("user.home"), ".testcontainers.properties"));
		if (!configured) {
			return false;
		}
		try {
			return DockerClientFactory.instance().isDockerAvailable();
		}
		catch (RuntimeException | LinkageError ex) {
			return false;
		}
	}

	Map<String, Object> properties() {
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put("spring.datasource.url", this.url);
		properties.put("spring.datasource.username", this.username);
		properties.put("spring.datasource.password", this.password);
		// retention's catch-up runs only when a test calls it
		properties.put("shopops.retention.catch-up-cron", "-");
		properties.put("shopops.retention.catch-up-on-startup", "false");
		// uploads of the import tests go to a temporary folder, not to the project's
		// ./data
		properties.put("shopops.imports.directory",
				Path.of(System.getProperty("java.io.tmpdir"), "shopops-test-imports-" + ProcessHandle.current().pid())
					.toString());
		// the digest's scheduled jobs are off; the tests run them by hand
		// the home's and the operations panel's counts are live in tests (no caching)
		properties.put("shopops.home.count-ttl", "PT0S");
		properties.put("shopops.dashboard.digest.cron", "-");
		properties.put("shopops.dashboard.digest.alert-cron", "-");
		properties.put("shopops.dashboard.digest.delivery-cron", "-");
		// the nightly RFM recompute never runs by itself in tests
		properties.put("shopops.segments.rfm-cron", "-");
		// the outreach dispatcher runs only when a test calls it; its file is temporary
		properties.put("shopops.outreach.dispatch-interval", "0");
		properties.put("shopops.outreach.outbox-file", Path
			.of(System.getProperty("java.io.tmpdir"), "shopops-test-outbox-" + ProcessHandle.current().pid() + ".log")
			.toString());
		// lifecycle rules are evaluated only when a test runs them
		properties.put("shopops.lifecycle.cron", "-");
		// re-attribution runs only when a test calls it
		properties.put("shopops.traffic.reattribution-cron", "-");
		// the SKU backfill for segments runs only when a test calls it
		properties.put("shopops.segments.sku-backfill-on-startup", "false");
		return properties;
	}

	/**
	 * Registered for every Spring test context.
	 */
	public static final class CustomizerFactory implements ContextCustomizerFactory {

		@Override
		public ContextCustomizer createContextCustomizer(Class<?> testClass,
				List<ContextConfigurationAttributes> configAttributes) {
			return new Customizer();
		}

	}

	public static final class Customizer implements ContextCustomizer {

		@Override
		public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
			synchronized (contexts) {
				contexts.add(context);
			}
			Map<String, Object> properties = TestDatabase.get().properties();
			// a test's own inlined properties (@SpringBootTest(properties = …)) win over
			// these defaults, e.g. a benchmark that measures the home with its count
			// cache
			for (String inlined : config.getPropertySourceProperties()) {
				properties.remove(key(inlined));
			}
			context.getEnvironment()
				.getPropertySources()
				.addFirst(new MapPropertySource("shopopsTestDatabase", properties));
		}

		private static String key(String property) {
			int equals = property.indexOf('=');
			int colon = property.indexOf(':');
			int end = (equals < 0) ? colon : ((colon < 0) ? equals : Math.min(equals, colon));
			return ((end < 0) ? property : property.substring(0, end)).trim();
		}

		@Override
		public boolean equals(Object other) {
			return other instanceof Customizer;
		}

		@Override
		public int hashCode() {
			return Customizer.class.hashCode();
		}

	}

}
