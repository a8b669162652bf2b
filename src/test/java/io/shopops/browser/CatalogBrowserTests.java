package io.shopops.browser;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import io.shopops.TestUsers;
import io.shopops.fulfilment.catalog.importing.CatalogFiles;
import io.shopops.platform.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.Select;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The catalog journeys in a real browser: an admin imports a Shopify export and watches
 * the job finish, then imports a file with a bad row and downloads the error report; an
 * operator finds a product, edits it and archives it.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class CatalogBrowserTests {

	@RegisterExtension
	static final BrowserSupport browser = new BrowserSupport();

	@Autowired
	TestUsers users;

	@TempDir
	Path dir;

	@Test
	void anAdminImportsAShopifyExportWatchesItFinishAndDownloadsTheErrorReport() throws IOException {
		browser.loginAs(this.users.create(Role.ADMIN), TestUsers.PASSWORD);
		browser.clickAndWaitForPage(By.cssSelector("#main-nav a[data-nav='/imports/products']"));
		assertThat(browser.driver().findElement(By.tagName("h1")).getText()).isEqualTo("Product import");

		browser.type(By.id("file"), fixture("hair-store-export.csv").toString());
		browser.driver().findElement(By.id("policy-skip")).click();
		browser.clickAndWaitForPage(By.id("import-submit"));
		assertThat(browser.currentPath()).matches("/imports/\\d+");
		browser.waitFor(By.id("import-summary"));
		assertThat(text(By.id("import-status"))).isEqualTo("succeeded");
		assertThat(text(By.id("import-bar"))).isEqualTo("100%");
		assertThat(text(By.id("count-processed"))).isEqualTo("565 / 565");
		assertThat(text(By.id("count-failed"))).isEqualTo("0");
		assertThat(text(By.id("import-summary"))).contains("every row was taken");
		browser.assertNoConsoleErrors();
		browser.assertNoMissingMessages();

		browser.clickAndWaitForPage(By.linkText("New import"));
		browser.type(By.id("file"), withBadPrice(fixture("apparel.csv")).toString());
		browser.driver().findElement(By.id("policy-skip")).click();
		browser.clickAndWaitForPage(By.id("import-submit"));
		browser.waitFor(By.id("import-summary"));
		assertThat(text(By.id("count-failed"))).isEqualTo("1");
		String href = browser.waitFor(By.id("import-errors")).getAttribute("href");
		String report = (String) ((JavascriptExecutor) browser.driver())
			.executeAsyncScript("const done = arguments[arguments.length - 1];"
					+ "fetch(arguments[0]).then(r => r.text()).then(done, e => done('failed: ' + e));", href);
		assertThat(report.lines().toList()).hasSize(2);
		assertThat(report).contains("row,column,value,problem").contains("3,Variant Price,abc,");
		browser.assertNoConsoleErrors();
	}

	@Test
	void anOperatorFindsEditsAndArchivesAProduct() {
		String handle = "browser-" + UUID.randomUUID().toString().substring(0, 8);
		browser.loginAs(this.users.create(Role.OPERATOR), TestUsers.PASSWORD);
		browser.clickAndWaitForPage(By.cssSelector("#main-nav a[data-nav='/products']"));
		browser.clickAndWaitForPage(By.id("new-product"));
		browser.type(By.id("title"), "浏览器测试连衣裙");
		browser.type(By.id("handle"), handle);
		new Select(browser.driver().findElement(By.id("status"))).selectByValue("ACTIVE");
		browser.type(By.id("option1Name"), "颜色");
		browser.type(By.id("variants0.sku"), handle + "-RED");
		browser.type(By.id("variants0.option1Value"), "红色");
		browser.type(By.id("variants0.price"), "199.00");
		browser.clickAndWaitForPage(By.id("add-variant"));
		assertThat(browser.driver().findElement(By.id("variants0.sku")).getAttribute("value"))
			.isEqualTo(handle + "-RED");
		browser.type(By.id("variants1.sku"), handle + "-BLK");
		browser.type(By.id("variants1.option1Value"), "黑色");
		browser.type(By.id("variants1.price"), "abc");
		pressEnterAndWaitForPage(By.id("variants1.price"));
		assertThat(browser.driver().findElements(By.cssSelector(".is-invalid"))).isNotEmpty();
		browser.type(By.id("variants1.price"), "209.00");
		browser.clickAndWaitForPage(By.id("product-save"));
		assertThat(browser.waitFor(By.id("flash-message")).getText()).isEqualTo("Product created.");

		browser.clickAndWaitForPage(By.cssSelector("#main-nav a[data-nav='/products']"));
		browser.type(By.id("q"), handle + "-BLK");
		browser.clickAndWaitForPage(By.cssSelector("#product-filter button[type=submit]"));
		List<String> titles = browser.driver()
			.findElements(By.cssSelector("#product-table tbody tr td:nth-child(2) a"))
			.stream()
			.map((link) -> link.getText())
			.toList();
		assertThat(titles).containsExactly("浏览器测试连衣裙");

		browser.driver().findElement(By.cssSelector("#product-table input[name=ids]")).click();
		new Select(browser.driver().findElement(By.id("bulk-action"))).selectByValue("ARCHIVE");
		browser.clickAndWaitForPage(By.id("bulk-submit"));
		assertThat(browser.driver().findElement(By.id("bulk-summary")).getText()).contains("Archive 1 product");
		browser.clickAndWaitForPage(By.id("bulk-confirm"));
		assertThat(browser.waitFor(By.id("flash-message")).getText()).contains("1 product(s) selected");
		browser.assertNoConsoleErrors();
		browser.assertNoMissingMessages();
	}

	/**
	 * The text of an element that htmx may still be swapping: looked up again until it
	 * holds still.
	 */
	private static String text(By locator) {
		return browser.waitUntil((driver) -> {
			try {
				return driver.findElement(locator).getText();
			}
			catch (org.openqa.selenium.StaleElementReferenceException ex) {
				return null;
			}
		});
	}

	/**
	 * Enter in a field submits the form with its first submit button: the product form's
	 * Save.
	 */
	private static void pressEnterAndWaitForPage(By field) {
		var page = browser.driver().findElement(By.tagName("html"));
		browser.driver().findElement(field).sendKeys(org.openqa.selenium.Keys.ENTER);
		browser.waitUntil(BrowserSupport.gone(page));
	}

	private static Path fixture(String name) {
		return CatalogFiles.fixture("shopify/" + name);
	}

	/**
	 * A copy of a Shopify export whose second record has the price "abc".
	 */
	private Path withBadPrice(Path fixture) throws IOException {
		return CatalogFiles.withCell(fixture, this.dir.resolve("apparel-with-a-bad-price.csv"), 2, "Variant Price",
				"abc");
	}

}
