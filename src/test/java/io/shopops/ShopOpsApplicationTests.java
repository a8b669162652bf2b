package io.shopops;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.shopops.platform.Role;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole application over real HTTP: it starts, migrates, logs a user in and renders
 * pages and error pages.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class ShopOpsApplicationTests {

	@LocalServerPort
	int port;

	@Autowired
	TestUsers users;

	private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

	@Test
	void healthIsUp() throws Exception {
		HttpResponse<String> health = this.http.send(
				HttpRequest.newBuilder(uri("/actuator/health")).header("Accept", "application/json").GET().build(),
				BodyHandlers.ofString());
		assertThat(health.statusCode()).isEqualTo(200);
		assertThat(health.body()).contains("\"status\":\"UP\"");
	}

	@Test
	void aManagerLogsInSeesTheDashboardAndErrorPagesInTheLayout() throws Exception {
		String manager = this.users.create(Role.MANAGER);
		HttpResponse<String> loginPage = get("/login");
		assertThat(loginPage.statusCode()).isEqualTo(200);
		Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(loginPage.body());
		assertThat(csrf.find()).isTrue();

		HttpResponse<String> login = this.http.send(HttpRequest.newBuilder(uri("/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers
				.ofString("username=" + manager + "&password=" + TestUsers.PASSWORD + "&_csrf=" + csrf.group(1)))
			.build(), BodyHandlers.ofString());
		assertThat(login.statusCode()).isEqualTo(302);
		assertThat(login.headers().firstValue("Location")).hasValueSatisfying((l) -> assertThat(l).endsWith("/"));

		HttpResponse<String> dashboard = get("/dashboard");
		assertThat(dashboard.statusCode()).isEqualTo(200);
		assertThat(dashboard.body()).contains("kpi-definitions", manager);

		HttpResponse<String> forbidden = get("/admin/users");
		assertThat(forbidden.statusCode()).isEqualTo(403);
		assertThat(forbidden.body()).contains("data-status=\"403\"", "main-nav")
			.doesNotContain("Exception", "flash-error", "??")
			// no breadcrumb into a section the user may not open
			.doesNotContain("href=\"/admin/users\"");

		HttpResponse<String> unlisted = get("/no/such/page");
		assertThat(unlisted.statusCode()).isEqualTo(403);
		assertThat(unlisted.body()).contains("data-status=\"403\"");

		HttpResponse<String> malformed = get("/admin/%2e%2e/users");
		assertThat(malformed.statusCode()).isEqualTo(400);
		assertThat(malformed.body()).contains("data-status=\"4xx\"").doesNotContain("Exception", "at io.shopops");
	}

	@Test
	void unknownObjectsRenderThe404Page() throws Exception {
		String admin = this.users.create(Role.ADMIN);
		HttpResponse<String> loginPage = get("/login");
		Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(loginPage.body());
		assertThat(csrf.find()).isTrue();
		this.http.send(HttpRequest.newBuilder(uri("/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers
				.ofString("username=" + admin + "&password=" + TestUsers.PASSWORD + "&_csrf=" + csrf.group(1)))
			.build(), BodyHandlers.ofString());
		HttpResponse<String> missing = get("/admin/users/987654321");
		assertThat(missing.statusCode()).isEqualTo(404);
		assertThat(missing.body()).contains("data-status=\"404\"", "main-nav").doesNotContain("Exception");
	}

	@Test
	void staticFilesAreFingerprintedAndCachedForAYear() throws Exception {
		String login = get("/login").body();
		Matcher css = Pattern.compile("href=\"(/css/shopops-[0-9a-f]{32}\\.css)\"").matcher(login);
		assertThat(css.find()).as("fingerprinted stylesheet link").isTrue();
		Matcher bootstrap = Pattern.compile("href=\"(/webjars/bootstrap/[0-9.]+/dist/css/bootstrap.min.css)\"")
			.matcher(login);
		assertThat(bootstrap.find()).as("versioned webjar link").isTrue();
		for (String path : List.of(css.group(1), bootstrap.group(1))) {
			HttpResponse<String> asset = get(path);
			assertThat(asset.statusCode()).isEqualTo(200);
			assertThat(asset.headers().firstValue("Cache-Control")).hasValueSatisfying(
					(value) -> assertThat(value).contains("max-age=31536000").doesNotContain("no-store"));
		}
	}

	private HttpResponse<String> get(String path) throws Exception {
		return this.http.send(HttpRequest.newBuilder(uri(path))
			.header("Accept-Language", "en")
			.header("Accept", "text/html,application/xhtml+xml")
			.GET()
			.build(), BodyHandlers.ofString());
	}

	private URI uri(String path) {
		return URI.create("http://localhost:" + this.port + path);
	}

}
