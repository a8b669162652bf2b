package io.shopops.browser;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The browser support itself: it sees what the other browser tests rely on it to see.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class BrowserSupportBrowserTests {

	@RegisterExtension
	static final BrowserSupport browser = new BrowserSupport();

	@Test
	void anInlineScriptIsBlockedByTheContentSecurityPolicyAndReportedAsAConsoleError() {
		browser.open("/login");
		browser.waitFor(By.id("login-submit"));
		JavascriptExecutor script = (JavascriptExecutor) browser.driver();
		script.executeScript("var inline = document.createElement('script');"
				+ "inline.textContent = 'window.inlineScriptRan = true;'; document.body.appendChild(inline);");
		List<String> errors = browser.waitUntil((driver) -> {
			List<String> found = browser.consoleErrors();
			return found.isEmpty() ? null : found;
		});
		assertThat(errors).anySatisfy((error) -> assertThat(error).contains("Content Security Policy"));
		assertThat(script.executeScript("return window.inlineScriptRan === true")).isEqualTo(false);

	}

	@Test
	void aMessageKeyWithoutAMessageIsFound() {
		browser.open("/login");
		browser.waitFor(By.id("login-submit"));
		browser.assertNoMissingMessages();
		((JavascriptExecutor) browser.driver())
			.executeScript("document.getElementById('login-submit').setAttribute('title', '??login.nope_en??');");
		assertThatExceptionOfType(AssertionError.class).isThrownBy(browser::assertNoMissingMessages)
			.withMessageContaining("??login.nope_en??");
	}

	@Test
	void theBrowserAsksForEnglishAndStartsEachTestSignedOut() {
		browser.open("/");
		assertThat(browser.waitFor(By.id("login-submit")).getText()).isEqualTo("Log in");
		assertThat(browser.currentPath()).isEqualTo("/login");
		assertThat(browser.driver().findElement(By.tagName("html")).getDomAttribute("lang")).isEqualTo("en");
		browser.assertNoConsoleErrors();
	}

}
