package io.shopops.platform.web;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.shopops.TestUsers;
import io.shopops.platform.Role;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Refused requests over real HTTP, where the error page is rendered: a 400 page that says
 * what is wrong in the user's language, and a 404 for {@code /error} itself.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class RefusedRequestHttpTests {

	@LocalServerPort
	int port;

	@Autowired
	TestUsers users;

	private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

	@Test
	void aNulInTheLoginIsA400PageInBothLanguages() throws Exception {
		String token = csrf(send(get("/login")).body());
		HttpResponse<String> english = send(form("/login", "username=admin%00&password=x&_csrf=" + token, "en"));
		assertThat(english.statusCode()).isEqualTo(400);
		assertThat(english.body()).contains("data-status=\"4xx\"", "NUL character (U+0000)")
			.doesNotContain("Exception");
		HttpResponse<String> chinese = send(form("/login", "username=admin%00&password=x&_csrf=" + token, "zh-CN"));
		assertThat(chinese.statusCode()).isEqualTo(400);
		assertThat(chinese.body()).contains("空字符（U+0000）");
	}

	@Test
	void errorOpenedDirectlyIsAnOrdinary404ForAnyoneSignedInOrNot() throws Exception {
		HttpResponse<String> anonymous = send(get("/error"));
		assertThat(anonymous.statusCode()).isEqualTo(404);
		assertThat(anonymous.body()).contains("data-status=\"404\"");
		login(this.users.create(Role.OPERATOR));
		HttpResponse<String> signedIn = send(get("/error"));
		assertThat(signedIn.statusCode()).isEqualTo(404);
		assertThat(signedIn.body()).contains("data-status=\"404\"", "main-nav");
	}

	@Test
	void outOfRangeInputIsA400PageThatSaysWhatIsWrong() throws Exception {
		login(this.users.create(Role.ADMIN));
		HttpResponse<String> audit = send(get("/admin/audit?to=%2B999999999-12-31&lang=en"));
		assertThat(audit.statusCode()).isEqualTo(400);
		assertThat(audit.body()).contains("Dates must lie between the years 1 and 9999", "main-nav");

		HttpResponse<String> users = send(get("/admin/users?page=2147483647&lang=zh-CN"));
		assertThat(users.statusCode()).isEqualTo(400);
		assertThat(users.body()).contains("页码必须在 0 到 100,000 之间");

		HttpResponse<String> export = send(get("/products/export.csv?minPrice=1E-999999999&lang=en"));
		assertThat(export.statusCode()).isEqualTo(400);
		assertThat(export.body()).contains("A price filter must be a number");

		String token = csrf(send(get("/products/new")).body());
		HttpResponse<String> rows = send(
				form("/products", "handle=rows&title=Rows&status=ACTIVE&variants%5B-1%5D.sku=x&_csrf=" + token, "en"));
		assertThat(rows.statusCode()).isEqualTo(400);
		assertThat(rows.body()).contains("SKU row number out of range");
	}

	private void login(String username) throws Exception {
		String token = csrf(send(get("/login")).body());
		HttpResponse<String> login = send(
				form("/login", "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password="
						+ TestUsers.PASSWORD + "&_csrf=" + token, "en"));
		assertThat(login.statusCode()).isEqualTo(302);
	}

	private HttpRequest get(String path) {
		return HttpRequest.newBuilder(uri(path)).header("Accept", "text/html").GET().build();
	}

	private HttpRequest form(String path, String body, String language) {
		return HttpRequest.newBuilder(uri(path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("Accept", "text/html")
			.header("Accept-Language", language)
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
	}

	private HttpResponse<String> send(HttpRequest request) throws Exception {
		return this.http.send(request, BodyHandlers.ofString());
	}

	private static String csrf(String page) {
		Matcher matcher = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
		assertThat(matcher.find()).isTrue();
		return matcher.group(1);
	}

	private URI uri(String path) {
		return URI.create("http://localhost:" + this.port + path);
	}

}
