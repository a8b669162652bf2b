package io.shopops.growth.traffic;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;

import io.shopops.growth.traffic.Sites.Site;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What {@link CollectEndpoint} answers besides the contract's statuses, now that it runs
 * ahead of the security chain: the security headers the chain wrote before, no session or
 * cookie even when a browser sends one, JSON content type, {@code 405} for other methods,
 * and the key in the query with a body that has none.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class CollectEndpointHttpTests {

	@LocalServerPort
	int port;

	@Autowired
	Sites sites;

	@Autowired
	JdbcClient jdbc;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

	@Test
	void everyAnswerCarriesTheSecurityHeadersAndNoCookie() throws Exception {
		Site site = site();
		HttpResponse<String> accepted = send(post("/collect", one(site.publicKey())).header("Origin", site.origin())
			.header("Cookie", "JSESSIONID=0123456789ABCDEF"));
		HttpResponse<String> unknown = send(post("/collect", one("pk_unknown")));
		HttpResponse<String> gif = send(
				request("/collect.gif?key=" + site.publicKey() + "&type=page_view&visitorId=v1").GET());

		assertThat(accepted.statusCode()).isEqualTo(202);
		assertThat(unknown.statusCode()).isEqualTo(401);
		assertThat(gif.statusCode()).isEqualTo(200);
		for (HttpResponse<String> response : java.util.List.of(accepted, unknown, gif)) {
			HttpHeaders headers = response.headers();
			assertThat(headers.firstValue("X-Content-Type-Options")).contains("nosniff");
			assertThat(headers.firstValue("X-Frame-Options")).contains("DENY");
			assertThat(headers.firstValue("Content-Security-Policy")).contains("default-src 'none'");
			assertThat(headers.firstValue("Cache-Control"))
				.hasValueSatisfying((value) -> assertThat(value).contains("no-store"));
			assertThat(headers.firstValue("Set-Cookie")).isEmpty();
			assertThat(headers.allValues("Vary")).anySatisfy((value) -> assertThat(value).contains("Origin"));
		}
		assertThat(accepted.headers().firstValue("Content-Type")).contains("application/json");
		assertThat(unknown.headers().firstValue("Content-Type")).contains("application/json");
		assertThat(gif.headers().firstValue("Content-Type")).contains("image/gif");
		assertThat(accepted.headers().firstValue("Content-Length")).contains(String.valueOf(accepted.body().length()));
		assertThat(stored(site)).isEqualTo(2);
	}

	@Test
	void otherMethodsAre405WithTheAllowedOnes() throws Exception {
		HttpResponse<String> get = send(request("/collect").GET());
		assertThat(get.statusCode()).isEqualTo(405);
		assertThat(get.headers().firstValue("Allow")).contains("POST, OPTIONS");
		HttpResponse<String> post = send(post("/collect.gif", "{}"));
		assertThat(post.statusCode()).isEqualTo(405);
		assertThat(post.headers().firstValue("Allow")).contains("GET, HEAD, OPTIONS");
		assertThat(send(request("/collect").method("PUT", HttpRequest.BodyPublishers.ofString("{}"))).statusCode())
			.isEqualTo(405);
	}

	@Test
	void theKeyMayComeInTheQueryOfABatch() throws Exception {
		Site site = site();
		HttpResponse<String> response = send(post("/collect?key=" + site.publicKey(),
				"{\"events\": [{\"type\": \"page_view\", \"visitorId\": \"q1\"}]}")
			.header("Origin", site.origin()));
		assertThat(response.statusCode()).isEqualTo(202);
		assertThat(response.body()).isEqualTo("{\"accepted\":1,\"rejected\":0}");
		assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).contains(site.origin());
		assertThat(send(post("/collect?key=pk_unknown", "{\"events\": []}")).statusCode()).isEqualTo(401);
		assertThat(stored(site)).isOne();
	}

	private static String one(String key) {
		return "{\"key\": \"" + key + "\", \"events\": [{\"type\": \"page_view\", \"visitorId\": \"v1\"}]}";
	}

	private Site site() {
		String handle = UUID.randomUUID().toString().substring(0, 8);
		return this.sites.create("Endpoint " + handle, "https://" + handle + ".endpoint.example");
	}

	private long stored(Site site) {
		return this.jdbc.sql("SELECT count(*) FROM traffic_event WHERE site_id = ?")
			.param(site.id())
			.query(Long.class)
			.single();
	}

	private HttpRequest.Builder request(String path) {
		return HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.timeout(Duration.ofSeconds(60));
	}

	private HttpRequest.Builder post(String path, String body) {
		return request(path).header("Content-Type", "text/plain;charset=UTF-8")
			.POST(HttpRequest.BodyPublishers.ofString(body));
	}

	private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

}
