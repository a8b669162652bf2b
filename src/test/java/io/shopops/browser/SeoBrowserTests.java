package io.shopops.browser;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.UUID;

import io.shopops.TestUsers;
import io.shopops.platform.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The SEO keywords in a real browser: a manager adds a keyword from the list, enters two
 * ranks on its page, and the rank chart is drawn (ECharts, no inline script, no console
 * error under the Content-Security-Policy).
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class SeoBrowserTests {

	@RegisterExtension
	static final BrowserSupport browser = new BrowserSupport();

	@Autowired
	TestUsers users;

	@Test
	void aManagerAddsAKeywordEntersRanksAndSeesTheChart() throws Exception {
		String keyword = "浏览器 围巾 " + UUID.randomUUID().toString().substring(0, 8);
		browser.loginAs(this.users.create(Role.MANAGER), TestUsers.PASSWORD);
		browser.open("/traffic/seo");
		browser.assertNoMissingMessages();
		browser.clickAndWaitForPage(By.id("add-keyword"));
		browser.type(By.id("keyword"), keyword);
		browser.type(By.id("targetUrl"), "https://shop.example.cn/products/scarf");
		browser.type(By.id("searchVolume"), "12000");
		browser.clickAndWaitForPage(By.id("save-keyword"));
		assertThat(browser.currentPath()).matches("/traffic/seo/\\d+");
		assertThat(browser.driver().findElement(By.id("keyword-title")).getText()).isEqualTo(keyword);

		LocalDate today = LocalDate.now();
		for (String[] entry : new String[][] { { today.minusDays(7).toString(), "14" }, { today.toString(), "6" } }) {
			((JavascriptExecutor) browser.driver())
				.executeScript("document.getElementById('rank-date').value = arguments[0];", entry[0]);
			browser.type(By.id("rank-value"), entry[1]);
			browser.clickAndWaitForPage(By.id("save-rank"));
		}
		assertThat(browser.driver().findElement(By.id("current-rank")).getText()).isEqualTo("6");
		assertThat(browser.driver().findElement(By.id("rank-change")).getText()).isEqualTo("Up 8");
		browser.waitUntil(
				(driver) -> "true".equals(driver.findElement(By.id("seo-rank-chart")).getAttribute("data-rendered")));
		assertThat(browser.driver().findElements(By.cssSelector("#seo-rank-chart canvas"))).isNotEmpty();
		browser.assertNoConsoleErrors();
		browser.assertNoMissingMessages();
		Path shot = BrowserSupport.ARTIFACTS.resolve("seo-keyword.png");
		Files.createDirectories(shot.getParent());
		Files.write(shot, ((TakesScreenshot) browser.driver()).getScreenshotAs(OutputType.BYTES));

		browser.open("/traffic/seo?q=" + keyword.substring(keyword.length() - 8));
		assertThat(browser.driver().findElement(By.id("seo-table")).getText()).contains(keyword, "Up 8", "12,000");
	}

}
