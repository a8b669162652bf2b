package io.shopops.dashboard;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import io.shopops.TestUsers;
import io.shopops.browser.BrowserSupport;
import io.shopops.platform.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A manager opens the KPI page in a real browser, changes the range and sees the trend
 * chart drawn from the JSON, without a console error or a missing message.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class KpiBrowserTests {

	@RegisterExtension
	static final BrowserSupport browser = new BrowserSupport();

	@Autowired
	TestUsers users;

	@Autowired
	KpiRollups rollups;

	@Test
	void aManagerChangesTheRangeAndSeesTheTrend() {
		ZoneId zone = this.rollups.zone();
		LocalDate yesterday = LocalDate.now(zone).minusDays(1);
		String channel = KpiFixtures.channel();
		for (int i = 0; i < 3; i++) {
			Instant paidAt = yesterday.minusDays(i).atTime(10, 0).atZone(zone).toInstant();
			this.rollups.recordOrder(KpiFixtures.order(KpiFixtures.nextId(), channel,
					KpiFixtures.buyerId("browser-" + channel + "-" + i), paidAt, "88.00"));
		}

		browser.loginAs(this.users.create(Role.MANAGER), TestUsers.PASSWORD);
		browser.clickAndWaitForPage(By.cssSelector("#main-nav [data-nav='/dashboard']"));
		assertThat(browser.driver().findElement(By.tagName("h1")).getText()).isEqualTo("Daily KPIs");
		assertThat(browser.driver().findElement(By.id("from")).getDomProperty("value")).isEqualTo(yesterday.toString());
		chartRendered(1);
		assertThat(browser.driver().findElement(By.id("kpi-tile-gmv")).getDomAttribute("title"))
			.startsWith("Sum of the paid amount");

		browser.driver().findElement(By.id("kpi-week")).click();
		browser.waitUntil((driver) -> driver.getCurrentUrl().contains("from=" + yesterday.minusDays(6)));
		chartRendered(7);
		assertThat(browser.driver().findElements(By.cssSelector("#kpi-days tbody tr"))).hasSize(7);

		setDate("from", yesterday.minusDays(2));
		setDate("to", yesterday);
		browser.clickAndWaitForPage(By.id("kpi-apply"));
		chartRendered(3);
		new Select(browser.driver().findElement(By.id("kpi-metric"))).selectByValue("paidOrders");
		assertThat(browser.driver().findElements(By.cssSelector("#kpi-chart canvas, #kpi-chart svg"))).isNotEmpty();
		browser.assertNoConsoleErrors();
		browser.assertNoMissingMessages();

		// on a phone the tiles stack in one column
		browser.driver().manage().window().setSize(new Dimension(390, 844));
		try {
			browser.open("/dashboard?from=" + yesterday.minusDays(2) + "&to=" + yesterday);
			chartRendered(3);
			WebElement first = browser.driver().findElement(By.id("kpi-tile-uv"));
			WebElement second = browser.driver().findElement(By.id("kpi-tile-pv"));
			assertThat(second.getLocation().getY()).isGreaterThan(first.getLocation().getY());
			assertThat(first.getLocation().getX()).isEqualTo(second.getLocation().getX());
			Object scrollWidth = ((org.openqa.selenium.JavascriptExecutor) browser.driver())
				.executeScript("return document.documentElement.scrollWidth;");
			assertThat(((Number) scrollWidth).intValue()).isLessThanOrEqualTo(390);
			browser.assertNoConsoleErrors();
		}
		finally {
			browser.driver().manage().window().setSize(new Dimension(1280, 900));
		}
	}

	private static void setDate(String id, LocalDate date) {
		((org.openqa.selenium.JavascriptExecutor) browser.driver())
			.executeScript("document.getElementById(arguments[0]).value = arguments[1];", id, date.toString());
	}

	private static void chartRendered(int days) {
		WebElement chart = browser.waitFor(By.cssSelector("#kpi-chart[data-rendered='true']"));
		assertThat(chart.getDomAttribute("data-days")).isEqualTo(String.valueOf(days));
		assertThat(chart.findElements(By.cssSelector("canvas, svg"))).isNotEmpty();
	}

}
