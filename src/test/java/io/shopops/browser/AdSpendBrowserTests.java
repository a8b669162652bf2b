package io.shopops.browser;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.UUID;

import io.shopops.TestUsers;
import io.shopops.platform.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ad spend import in a real browser: an admin goes from a campaign's page to the
 * import, chooses the campaign for a 巨量千川 report, watches the job finish and finds the
 * imported day on the campaign's page.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class AdSpendBrowserTests {

	@RegisterExtension
	static final BrowserSupport browser = new BrowserSupport();

	@Autowired
	TestUsers users;

	@Autowired
	JdbcClient jdbc;

	@TempDir
	Path dir;

	@Test
	void anAdminImportsAQianchuanReportForACampaignFromItsPage() throws IOException {
		LocalDate start = LocalDate.of(2010, 11, 1);
		String name = "千川浏览器-" + UUID.randomUUID().toString().substring(0, 8);
		long id = this.jdbc.sql("""
				INSERT INTO campaign (name, platform, budget_total, start_date, end_date, status)
				VALUES (:name, 'QIANCHUAN', 5000, :start, :end, 'ACTIVE') RETURNING id""")
			.param("name", name)
			.param("start", start)
			.param("end", start.plusDays(29))
			.query(Long.class)
			.single();
		Path report = Files.writeString(this.dir.resolve("千川直播间.csv"),
				"日期,抖音号名称,抖音号ID,净成交金额,净成交订单数,整体展示次数,整体点击次数,整体消耗,整体成交金额\n"
						+ "2010-11-11,官方旗舰店,1001,\"3,200.00\",40,\"120,000\",\"3,600\",\"1,234.50\",\"3,400.00\"\n",
				StandardCharsets.UTF_8);

		browser.loginAs(this.users.create(Role.ADMIN), TestUsers.PASSWORD);
		browser.open("/traffic/campaigns/" + id);
		browser.clickAndWaitForPage(By.id("import-ad-spend"));
		assertThat(browser.currentPath()).startsWith("/imports/ad-spend");
		assertThat(browser.driver().findElement(By.tagName("h1")).getText()).isEqualTo("Ad spend import");
		browser.assertNoMissingMessages();
		// the campaign comes chosen from its page
		assertThat(new Select(browser.driver().findElement(By.id("field-campaign"))).getFirstSelectedOption()
			.getAttribute("value")).isEqualTo(Long.toString(id));
		browser.type(By.id("file"), report.toString());
		browser.clickAndWaitForPage(By.id("import-submit"));
		assertThat(browser.currentPath()).matches("/imports/\\d+");
		browser.waitFor(By.id("import-summary"));
		assertThat(browser.driver().findElement(By.id("import-status")).getText()).isEqualTo("succeeded");
		browser.assertNoConsoleErrors();

		browser.open("/traffic/campaigns/" + id);
		assertThat(browser.driver().findElement(By.id("campaign-spend")).getText()).isEqualTo("1234.50");
		assertThat(browser.driver().findElement(By.tagName("main")).getText()).contains("2010-11-11")
			.contains("千川 report");
		browser.assertNoMissingMessages();
	}

}
