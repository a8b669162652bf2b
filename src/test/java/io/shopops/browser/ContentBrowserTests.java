package io.shopops.browser;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.UUID;

import io.shopops.TestUsers;
import io.shopops.platform.Role;
import io.shopops.platform.ShopSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The content calendar in a real browser: an operator opens the calendar, plans a piece,
 * schedules it and finds it on its day in the month view.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class ContentBrowserTests {

	@RegisterExtension
	static final BrowserSupport browser = new BrowserSupport();

	@Autowired
	TestUsers users;

	@Autowired
	ShopSettings settings;

	@Test
	void anOperatorPlansAPieceSchedulesItAndSeesItInTheMonth() {
		String title = "冬季穿搭短视频 " + UUID.randomUUID().toString().substring(0, 6);
		LocalDate today = LocalDate.now(this.settings.current().timeZone());
		LocalDate day = YearMonth.from(today).atDay(Math.min(28, Math.max(1, today.getDayOfMonth())));
		browser.loginAs(this.users.create(Role.OPERATOR), TestUsers.PASSWORD);
		browser.clickAndWaitForPage(By.cssSelector("#main-nav a[data-nav='/content']"));
		assertThat(browser.driver().findElement(By.tagName("h1")).getText()).isEqualTo("Content calendar");
		assertThat(browser.driver().findElement(By.id("content-calendar")).isDisplayed()).isTrue();
		browser.assertNoMissingMessages();

		browser.clickAndWaitForPage(By.id("new-piece"));
		browser.clickAndWaitForPage(By.id("piece-save"));
		assertThat(browser.driver().findElement(By.id("piece-form")).getText()).contains("Enter a title.");
		browser.type(By.id("title"), title);
		new Select(browser.driver().findElement(By.id("platform"))).selectByValue("XIAOHONGSHU");
		WebElement publishAt = browser.driver().findElement(By.id("publishAt"));
		((JavascriptExecutor) browser.driver()).executeScript("arguments[0].value = arguments[1]", publishAt,
				day + "T20:30");
		browser.clickAndWaitForPage(By.id("piece-save"));
		assertThat(browser.driver().findElement(By.id("flash-message")).getText())
			.contains("The piece was added to the calendar.");
		assertThat(browser.driver().findElement(By.id("piece-title")).getText()).isEqualTo(title);
		assertThat(browser.driver().findElement(By.id("tracking-code")).getText()).matches("C[2-9A-Z]{5}");
		assertThat(browser.driver().findElement(By.id("piece-status")).getText()).isEqualTo("Idea");

		browser.clickAndWaitForPage(By.id("move-scheduled"));
		assertThat(browser.driver().findElement(By.id("flash-message")).getText()).contains("The piece is scheduled.");
		assertThat(browser.driver().findElement(By.id("piece-status")).getText()).isEqualTo("Scheduled");
		// archiving asks first; saying no changes nothing
		browser.driver().findElement(By.id("move-archived")).click();
		assertThat(browser.dismissConfirm()).startsWith("Archive this piece?");
		assertThat(browser.driver().findElement(By.id("piece-status")).getText()).isEqualTo("Scheduled");

		browser.open("/content");
		WebElement cell = browser.waitFor(By.cssSelector("#content-calendar td[data-date='" + day + "']"));
		assertThat(cell.getText()).contains(title, "20:30", "Scheduled");
		browser.clickAndWaitForPage(By
			.cssSelector("#content-calendar td[data-date='" + day + "'] a.calendar-piece[title='" + title + "']"));
		assertThat(browser.driver().findElement(By.id("piece-title")).getText()).isEqualTo(title);

		browser.open("/content?lang=zh-CN");
		assertThat(browser.driver().findElement(By.tagName("h1")).getText()).isEqualTo("内容日历");
		browser.assertNoMissingMessages();
		browser.assertNoConsoleErrors();
	}

}
