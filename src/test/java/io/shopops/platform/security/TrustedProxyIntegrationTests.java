package io.shopops.platform.security;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Over real HTTP from 127.0.0.1: {@code X-Forwarded-*} headers count only when the peer
 * is a configured proxy; by default no peer is, not even loopback.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class TrustedProxyIntegrationTests {

	static final String MADE_UP = "203.0.113.77";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aMadeUpForwardedForIsIgnoredByTheThrottleAndTheAudit() throws Exception {
		String username = failedLogin(this.port, MADE_UP);
		assertThat(throttledIp(username)).isEqualTo("127.0.0.1");
		assertThat(auditedIp(username)).isEqualTo("127.0.0.1");
	}

	@Test
	void aForwardedProtoFromAnUntrustedPeerDoesNotMakeTheCookieSecure() throws Exception {
		assertThat(sessionCookie(this.port)).doesNotContainIgnoringCase("secure");
	}

	@Test
	void entriesThatAreNeitherAddressesNorRangesAreRefused() {
		assertThat(TrustedProxyConfiguration.ranges(List.of(" 10.0.0.5 ", "192.168.0.0/16", "::1", "")))
			.isEqualTo("10.0.0.5/32,192.168.0.0/16,::1/128");
		assertThatIllegalArgumentException().isThrownBy(() -> TrustedProxyConfiguration.ranges(List.of("proxy.local")))
			.withMessageContaining("proxy.local");
		assertThatIllegalArgumentException().isThrownBy(() -> TrustedProxyConfiguration.ranges(List.of("10.0.0.0/99")));
	}

	@Nested
	@TestPropertySource(properties = "shopops.security.trusted-proxies=10.9.9.9, 127.0.0.1")
	class BehindATrustedProxy {

		@LocalServerPort
		int port;

		@Test
		void theForwardedAddressIsTheClients() throws Exception {
			String username = failedLogin(this.port, MADE_UP);
			assertThat(throttledIp(username)).isEqualTo(MADE_UP);
			assertThat(auditedIp(username)).isEqualTo(MADE_UP);
		}

		@Test
		void httpsAtTheProxyKeepsTheSessionCookieSecure() throws Exception {
			assertThat(sessionCookie(this.port)).containsIgnoringCase("secure");
		}

	}

	/**
	 * Fails one login with a made-up {@code X-Forwarded-For}; returns the username used.
	 */
	static String failedLogin(int port, String forwardedFor) throws Exception {
		HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
		HttpResponse<String> page = http.send(HttpRequest.newBuilder(uri(port, "/login")).GET().build(),
				BodyHandlers.ofString());
		Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page.body());
		assertThat(csrf.find()).isTrue();
		String username = "proxied-" + UUID.randomUUID().toString().substring(0, 8);
		HttpResponse<String> login = http.send(HttpRequest.newBuilder(uri(port, "/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("X-Forwarded-For", forwardedFor)
			.POST(HttpRequest.BodyPublishers
				.ofString("username=" + username + "&password=wrong&_csrf=" + csrf.group(1)))
			.build(), BodyHandlers.ofString());
		assertThat(login.statusCode()).isEqualTo(302);
		return username;
	}

	static String sessionCookie(int port) throws Exception {
		HttpResponse<String> page = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(uri(port, "/login")).header("X-Forwarded-Proto", "https").GET().build(),
					BodyHandlers.ofString());
		return page.headers()
			.allValues("Set-Cookie")
			.stream()
			.filter((cookie) -> cookie.startsWith("JSESSIONID="))
			.findFirst()
			.orElseThrow();
	}

	String throttledIp(String username) {
		return this.jdbc.sql("SELECT ip FROM login_failure WHERE username = ?")
			.param(username)
			.query(String.class)
			.single();
	}

	String auditedIp(String username) {
		return this.jdbc.sql("SELECT ip FROM audit_entry WHERE action = 'LOGIN_FAILED' AND actor = ?")
			.param(username)
			.query(String.class)
			.single();
	}

	static URI uri(int port, String path) {
		return URI.create("http://localhost:" + port + path);
	}

}
