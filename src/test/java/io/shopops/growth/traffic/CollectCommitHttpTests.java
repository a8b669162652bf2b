package io.shopops.growth.traffic;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import io.shopops.growth.traffic.Sites.Site;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The group commit and the key lookup of {@code /collect} over real HTTP with the real
 * database: concurrent requests share commits and each 202 is backed by its rows; a
 * failed commit is a 503 with nothing stored, and the next requests are stored again; a
 * key revoked in the database by another instance stops working within about a second;
 * each commit is synchronous whatever the server's setting; the writer stops after the
 * web server.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class CollectCommitHttpTests {

	@LocalServerPort
	int port;

	@Autowired
	Sites sites;

	@Autowired
	CollectWriter writer;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationContext context;

	@Autowired
	DataSource dataSource;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

	@Test
	void concurrentRequestsShareCommitsAndEveryAcceptedEventIsStored() throws Exception {
		Site site = site();
		CollectWriter.Statistics before = this.writer.statistics();
		ExecutorService clients = Executors.newFixedThreadPool(16);
		List<Future<HttpResponse<String>>> answers = new ArrayList<>();
		for (int i = 0; i < 400; i++) {
			String body = "{\"key\": \"" + site.publicKey()
					+ "\", \"events\": [{\"type\": \"page_view\", \"visitorId\": \"c" + i
					+ "\"}, {\"type\": \"page_view\", \"visitorId\": \"c" + i + "\"}, {\"type\": \"nope\"}]}";
			answers.add(clients.submit(() -> post(body, site.origin())));
		}
		int accepted = 0;
		for (Future<HttpResponse<String>> answer : answers) {
			HttpResponse<String> response = answer.get(60, TimeUnit.SECONDS);
			assertThat(response.statusCode()).isEqualTo(202);
			assertThat(response.body()).isEqualTo("{\"accepted\":2,\"rejected\":1}");
			accepted += 2;
		}
		clients.shutdown();

		assertThat(stored(site)).isEqualTo(accepted).isEqualTo(800);
		CollectWriter.Statistics after = this.writer.statistics();
		assertThat(after.requests() - before.requests()).isGreaterThanOrEqualTo(400);
		assertThat(after.commits() - before.commits()).as("fewer commits than requests")
			.isLessThan(after.requests() - before.requests());
	}

	@Test
	void aFailedCommitIsA503WithNothingStoredAndTheNextRequestsAreStored() throws Exception {
		Site site = site();
		this.jdbc.sql("""
				CREATE OR REPLACE FUNCTION traffic_event_test_poison() RETURNS trigger LANGUAGE plpgsql AS $$
				BEGIN
				  IF NEW.visitor_id = 'poison' THEN RAISE EXCEPTION 'poisoned event'; END IF;
				  RETURN NEW;
				END $$""").update();
		this.jdbc.sql("""
				CREATE TRIGGER traffic_event_test_poison BEFORE INSERT ON traffic_event
				FOR EACH ROW EXECUTE FUNCTION traffic_event_test_poison()""").update();
		try {
			HttpResponse<String> failed = post("{\"key\": \"" + site.publicKey()
					+ "\", \"events\": [{\"type\": \"page_view\", \"visitorId\": \"fine\"},"
					+ " {\"type\": \"page_view\", \"visitorId\": \"poison\"}]}", site.origin());

			assertThat(failed.statusCode()).isEqualTo(503);
			assertThat(failed.body()).isEqualTo("{\"error\":\"unavailable\"}");
			assertThat(failed.headers().firstValue("Retry-After")).contains("5");
			assertThat(failed.headers().firstValue("Access-Control-Allow-Origin")).contains(site.origin());
			assertThat(stored(site)).as("not even the valid event of the failed request").isZero();
			assertThat(pixel("key=" + site.publicKey() + "&type=page_view&visitorId=poison").statusCode())
				.isEqualTo(503);
		}
		finally {
			this.jdbc.sql("DROP TRIGGER traffic_event_test_poison ON traffic_event").update();
			this.jdbc.sql("DROP FUNCTION traffic_event_test_poison()").update();
		}
		HttpResponse<String> next = post("{\"key\": \"" + site.publicKey()
				+ "\", \"events\": [{\"type\": \"page_view\", \"visitorId\": \"poison\"}]}", site.origin());
		assertThat(next.statusCode()).isEqualTo(202);
		assertThat(stored(site)).isOne();
	}

	@Test
	void aKeyRevokedHereIsRefusedAtOnceAndOneRevokedByAnotherInstanceWithinASecond() throws Exception {
		Site here = site();
		assertThat(post(one(here), here.origin()).statusCode()).isEqualTo(202);
		this.sites.rotateKey(here.id());
		assertThat(post(one(here), here.origin()).statusCode()).as("the old key, at once").isEqualTo(401);

		Site elsewhere = site();
		assertThat(post(one(elsewhere), elsewhere.origin()).statusCode()).isEqualTo(202);
		// another instance disables the site: this one learns it from the database only
		this.jdbc.sql("UPDATE site SET enabled = FALSE WHERE id = ?").param(elsewhere.id()).update();
		long revoked = System.nanoTime();
		await().atMost(Duration.ofSeconds(5))
			.pollInterval(Duration.ofMillis(50))
			.until(() -> post(one(elsewhere), elsewhere.origin()).statusCode() == 401);
		assertThat(Duration.ofNanos(System.nanoTime() - revoked))
			.isLessThan(Duration.ofNanos(Sites.REFRESH_NANOS).plusSeconds(1));
		assertThat(preflight("/collect", elsewhere.origin()).statusCode()).as("nor its origin's preflight")
			.isEqualTo(403);
		long storedBefore = stored(elsewhere);
		for (int i = 0; i < 5; i++) {
			assertThat(post(one(elsewhere), elsewhere.origin()).statusCode()).isEqualTo(401);
		}
		assertThat(stored(elsewhere)).isEqualTo(storedBefore);
	}

	@Test
	void theStatementCommitsSynchronouslyWhateverTheSessionSays() throws Exception {
		try (Connection connection = this.dataSource.getConnection();
				Statement statement = connection.createStatement()) {
			assertThat(connection.getAutoCommit()).isTrue();
			statement.execute("SET synchronous_commit = off");
			try (ResultSet inside = statement
				.executeQuery(TrafficEvents.DURABLY + "SELECT current_setting('synchronous_commit') FROM durably")) {
				assertThat(inside.next()).isTrue();
				assertThat(inside.getString(1)).as("in effect when the statement's transaction commits")
					.isEqualTo("on");
			}
			try (ResultSet after = statement.executeQuery("SHOW synchronous_commit")) {
				assertThat(after.next()).isTrue();
				assertThat(after.getString(1)).as("for that transaction only").isEqualTo("off");
			}
			statement.execute("RESET synchronous_commit");
		}
	}

	@Test
	void theWriterStopsAfterTheWebServerSoThatRequestsInFlightAreStored() {
		assertThat(this.writer.isRunning()).isTrue();
		for (String name : new String[] { "webServerStartStop", "webServerGracefulShutdown" }) {
			if (this.context.containsBean(name)) {
				assertThat(this.context.getBean(name, SmartLifecycle.class).getPhase()).as(name)
					.isGreaterThan(this.writer.getPhase());
			}
		}
		assertThat(this.context.containsBean("webServerStartStop")).isTrue();
	}

	private static String one(Site site) {
		return "{\"key\": \"" + site.publicKey() + "\", \"events\": [{\"type\": \"page_view\", \"visitorId\": \"v\"}]}";
	}

	private Site site() {
		String handle = UUID.randomUUID().toString().substring(0, 8);
		return this.sites.create("Commit " + handle, "https://" + handle + ".commit.example");
	}

	private long stored(Site site) {
		return this.jdbc.sql("SELECT count(*) FROM traffic_event WHERE site_id = ?")
			.param(site.id())
			.query(Long.class)
			.single();
	}

	private HttpResponse<String> post(String body, String origin) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/collect"))
			.timeout(Duration.ofSeconds(60))
			.header("Content-Type", "text/plain;charset=UTF-8")
			.header("Origin", origin)
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
		return this.http.send(request, HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<byte[]> pixel(String query) throws Exception {
		HttpRequest request = HttpRequest
			.newBuilder(URI.create("http://localhost:" + this.port + "/collect.gif?" + query))
			.timeout(Duration.ofSeconds(60))
			.GET()
			.build();
		return this.http.send(request, HttpResponse.BodyHandlers.ofByteArray());
	}

	private HttpResponse<String> preflight(String path, String origin) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.timeout(Duration.ofSeconds(60))
			.header("Origin", origin)
			.header("Access-Control-Request-Method", "POST")
			.method("OPTIONS", HttpRequest.BodyPublishers.noBody())
			.build();
		return this.http.send(request, HttpResponse.BodyHandlers.ofString());
	}

}
