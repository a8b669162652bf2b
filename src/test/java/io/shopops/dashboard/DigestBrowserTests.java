package io.shopops.dashboard;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ConcurrentLinkedQueue;

import com.sun.net.httpserver.HttpServer;
import io.shopops.TestUsers;
import io.shopops.browser.BrowserSupport;
import io.shopops.platform.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.support.ui.Select;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An admin opens the digest page from the navigation, adds a WeCom robot (a local HTTP
 * server), sends it a test message, adds an alert rule and deletes the channel after
 * confirming, without a console error or a missing message.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class DigestBrowserTests {

	@RegisterExtension
	static final BrowserSupport browser = new BrowserSupport();

	@Autowired
	TestUsers users;

	@Autowired
	JdbcClient jdbc;

	private HttpServer server;

	private final ConcurrentLinkedQueue<String> bodies = new ConcurrentLinkedQueue<>();

	@BeforeEach
	void startServer() throws IOException {
		this.jdbc.sql("DELETE FROM digest_channel").update();
		this.jdbc.sql("DELETE FROM digest_alert_rule").update();
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.server.createContext("/", (exchange) -> {
			this.bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
			byte[] out = "{\"errcode\":0,\"errmsg\":\"ok\"}".getBytes(StandardCharsets.UTF_8);
			exchange.sendResponseHeaders(200, out.length);
			exchange.getResponseBody().write(out);
			exchange.close();
		});
		this.server.start();
	}

	@AfterEach
	void stopServer() {
		this.server.stop(0);
	}

	@Test
	void anAdminAddsARobotTestsItAndDeletesIt() throws IOException {
		browser.loginAs(this.users.create(Role.ADMIN), TestUsers.PASSWORD);
		browser.clickAndWaitForPage(By.cssSelector("#main-nav [data-nav='/dashboard/digest']"));
		assertThat(browser.driver().findElement(By.tagName("h1")).getText()).isEqualTo("Daily digest and alerts");
		assertThat(browser.driver().getPageSource()).contains("No channels yet");

		browser.type(By.id("name"), "Ops group");
		new Select(browser.driver().findElement(By.id("kind"))).selectByValue("WECOM");
		browser.type(By.id("target"),
				"http://127.0.0.1:" + this.server.getAddress().getPort() + "/cgi-bin/webhook/send?key=secret-token");
		browser.clickAndWaitForPage(By.id("channel-save"));
		assertThat(browser.driver().findElement(By.id("flash-message")).getText()).contains("The channel was added.");
		assertThat(browser.driver().findElement(By.id("digest-channels")).getText()).contains("Ops group")
			.doesNotContain("secret-token");

		browser.clickAndWaitForPage(By.cssSelector("#digest-channels form[action$='/test'] button"));
		assertThat(browser.driver().findElement(By.id("flash-message")).getText())
			.contains("The test message was delivered.");
		assertThat(this.bodies).singleElement().asString().contains("\"msgtype\":\"markdown\"");
		assertThat(browser.driver().findElement(By.id("digest-deliveries")).getText()).contains("Test", "Sent");

		new Select(browser.driver().findElement(By.id("ruleKind"))).selectByValue("REFUND_SPIKE");
		browser.type(By.id("threshold"), "5");
		browser.clickAndWaitForPage(By.id("rule-save"));
		assertThat(browser.driver().findElement(By.id("digest-rules")).getText()).contains("5.00 points");
		Files.createDirectories(Path.of("target", "browser-screenshots"));
		Files.write(Path.of("target", "browser-screenshots", "digest-page.png"),
				((TakesScreenshot) browser.driver()).getScreenshotAs(OutputType.BYTES));

		String question = browser.clickAndConfirm(By.cssSelector("#digest-channels form[action$='/delete'] button"));
		assertThat(question).isEqualTo("Delete the channel Ops group and its deliveries?");
		assertThat(browser.driver().getPageSource()).contains("No channels yet", "No deliveries yet");
		browser.assertNoConsoleErrors();
		browser.assertNoMissingMessages();
	}

}
