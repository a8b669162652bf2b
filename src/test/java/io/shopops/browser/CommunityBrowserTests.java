package io.shopops.browser;

import java.util.UUID;

import io.shopops.TestUsers;
import io.shopops.platform.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.support.ui.Select;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An operator sets up a community group in a real browser: adds it, enters member counts,
 * schedules a daily SOP post, plans an activity, and finds the tasks; the pages show no
 * empty state beside their rows, no untranslated key and no console error, in both
 * languages and on a phone.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class CommunityBrowserTests {

	@RegisterExtension
	static final BrowserSupport browser = new BrowserSupport();

	@Autowired
	TestUsers users;

	@Test
	void anOperatorSetsUpAGroupWithMembersAnSopItemAndAnActivity() {
		String name = "宝妈福利群 " + UUID.randomUUID().toString().substring(0, 6);
		String operator = this.users.create(Role.OPERATOR);
		browser.loginAs(operator, TestUsers.PASSWORD);
		browser.clickAndWaitForPage(By.cssSelector("#main-nav a[data-nav='/community']"));
		assertThat(browser.driver().findElement(By.tagName("h1")).getText()).isEqualTo("Community");
		browser.assertNoMissingMessages();

		browser.clickAndWaitForPage(By.id("new-group"));
		browser.clickAndWaitForPage(By.id("group-save"));
		assertThat(browser.driver().findElement(By.id("group-form")).getText()).contains("Enter the group's name.");
		browser.type(By.id("name"), name);
		new Select(browser.driver().findElement(By.id("owner"))).selectByValue(operator);
		browser.clickAndWaitForPage(By.id("group-save"));
		assertThat(browser.driver().findElement(By.id("flash-message")).getText()).contains("Group added.");
		assertThat(browser.driver().findElement(By.id("group-name")).getText()).isEqualTo(name);
		assertThat(browser.driver().findElement(By.id("tracking-code")).getText()).matches("G[2-9A-Z]{5}");
		assertThat(browser.driver().findElements(By.id("members-table"))).isEmpty();
		assertThat(browser.driver().findElement(By.id("members-none")).isDisplayed()).isTrue();

		browser.type(By.id("members"), "128");
		browser.clickAndWaitForPage(By.id("members-save"));
		assertThat(browser.driver().findElement(By.id("flash-message")).getText()).contains("Member count saved.");
		assertThat(browser.driver().findElement(By.id("members-table")).getText()).contains("128");
		assertThat(browser.driver().findElements(By.id("members-none"))).isEmpty();

		browser.clickAndWaitForPage(By.id("new-sop"));
		browser.type(By.id("title"), "早安问候");
		new Select(browser.driver().findElement(By.id("schedule"))).selectByValue("DAILY");
		browser.clickAndWaitForPage(By.id("sop-save"));
		assertThat(browser.driver().findElement(By.id("flash-message")).getText()).contains("SOP item added");
		assertThat(browser.driver().findElement(By.id("sop-table")).getText()).contains("早安问候", "Every day at 10:00");
		assertThat(browser.driver().findElements(By.id("sops-none"))).isEmpty();
		assertThat(browser.driver().findElement(By.id("upcoming-tasks")).getText()).contains("早安问候");

		browser.clickAndWaitForPage(By.id("group-new-activity"));
		browser.type(By.id("title"), "圣诞团购");
		browser.clickAndWaitForPage(By.id("activity-save"));
		assertThat(browser.driver().findElement(By.id("flash-message")).getText()).contains("Activity added.");
		assertThat(browser.driver().findElement(By.id("activity-title")).getText()).isEqualTo("圣诞团购");
		assertThat(browser.driver().findElement(By.id("orders-none")).isDisplayed()).isTrue();

		browser.open("/community/tasks");
		assertThat(browser.driver().findElement(By.id("task-table")).getText()).contains("早安问候", name);
		assertThat(browser.driver().findElements(By.cssSelector(".empty-state"))).isEmpty();
		browser.assertNoMissingMessages();

		browser.open("/community?q=" + name.substring(name.length() - 6));
		assertThat(browser.driver().findElement(By.id("group-table")).getText()).contains(name, "128");
		assertThat(browser.driver().findElements(By.cssSelector(".empty-state"))).isEmpty();

		Dimension desktop = browser.driver().manage().window().getSize();
		try {
			browser.driver().manage().window().setSize(new Dimension(390, 844));
			for (String page : new String[] { "/community", "/community/activities", "/community/tasks",
					"/community/staff", "/community/groups/new" }) {
				for (String language : new String[] { "en", "zh-CN" }) {
					browser.open(page + "?lang=" + language);
					assertThat(((Number) ((org.openqa.selenium.JavascriptExecutor) browser.driver())
						.executeScript("return document.documentElement.scrollWidth")).intValue())
						.as(page + " (" + language + ") fits the phone's width")
						.isLessThanOrEqualTo(400);
					browser.assertNoMissingMessages();
				}
			}
		}
		finally {
			browser.driver().manage().window().setSize(desktop);
		}
		browser.open("/community?lang=zh-CN");
		assertThat(browser.driver().findElement(By.tagName("h1")).getText()).isEqualTo("私域社群");
		browser.open("/community?lang=en");
		browser.assertNoConsoleErrors();
	}

}
