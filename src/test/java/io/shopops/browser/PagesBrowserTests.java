package io.shopops.browser;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.shopops.TestUsers;
import io.shopops.fulfilment.inventory.Inventory;
import io.shopops.platform.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a new user meets on the pages: empty states only where a list is empty, the rich
 * description editor under the Content-Security-Policy, demo images that load, and every
 * main page usable on a phone.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class PagesBrowserTests {

	@RegisterExtension
	static final BrowserSupport browser = new BrowserSupport();

	private static final List<String> MAIN_PAGES = List.of("/", "/products", "/products/new", "/inventory",
			"/admin/audit", "/admin/users", "/imports/products", "/dashboard", "/products/categories",
			"/products/brands", "/orders", "/orders/new", "/orders/tracking", "/orders/queues", "/after-sales",
			"/after-sales/analytics", "/after-sales/tickets", "/after-sales/tickets/new",
			"/after-sales/tickets/settings", "/after-sales/reviews", "/after-sales/reviews/new",
			"/after-sales/reviews/products", "/content", "/content/live", "/content/leaderboard", "/crm", "/crm/tiers",
			"/dashboard/digest");

	@Autowired
	TestUsers users;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Inventory inventory;

	@Test
	void anOperatorWritesARichDescriptionWithADemoImageAndSeesTheProductListed() {
		String handle = "rich-" + UUID.randomUUID().toString().substring(0, 8);
		browser.loginAs(this.users.create(Role.OPERATOR), TestUsers.PASSWORD);
		browser.open("/products/new");
		WebElement editor = browser.waitFor(By.cssSelector("#description-editor .ql-editor"));
		assertThat(browser.driver().findElement(By.id("description")).isDisplayed()).isFalse();
		browser.type(By.id("title"), "富文本测试连衣裙");
		browser.type(By.id("handle"), handle);
		browser.type(By.id("imageUrls"), "/images/demo/apparel.svg");
		editor.click();
		editor.sendKeys("纯棉，舒适。");
		browser.driver().findElement(By.cssSelector(".ql-toolbar button.ql-bold")).click();
		editor.sendKeys(" 包邮");
		browser.type(By.id("variants0.sku"), handle + "-M");
		browser.type(By.id("variants0.price"), "99.00");
		browser.type(By.id("variants0.initialStock"), "5");
		browser.clickAndWaitForPage(By.id("product-save"));
		assertThat(browser.waitFor(By.id("flash-message")).getText()).isEqualTo("Product created.");
		assertThat(this.jdbc.sql("SELECT description FROM product WHERE handle = ?")
			.param(handle)
			.query(String.class)
			.single()).isEqualTo("<p>纯棉，舒适。<strong> 包邮</strong></p>");

		browser.open("/products?q=" + handle);
		assertThat(browser.driver().findElements(By.cssSelector("#product-table tbody tr"))).hasSize(1);
		assertThat(emptyStates()).isEmpty();
		browser.clickAndWaitForPage(By.cssSelector("#product-table tbody tr td:nth-child(2) a"));
		assertThat(browser.waitFor(By.cssSelector("#description-editor .ql-editor")).getText()).isEqualTo("纯棉，舒适。 包邮");
		assertThat(browser.driver().findElement(By.id("description")).getDomProperty("value"))
			.isEqualTo("<p>纯棉，舒适。<strong> 包邮</strong></p>");
		WebElement image = browser.waitFor(By.cssSelector("img.product-thumb"));
		assertThat(image.getDomAttribute("src")).isEqualTo("/images/demo/apparel.svg");
		browser.waitUntil((driver) -> Boolean.TRUE.equals(((JavascriptExecutor) driver)
			.executeScript("return arguments[0].complete && arguments[0].naturalWidth > 0", image)));

		browser.open("/products?q=" + handle + "-nothing");
		assertThat(browser.driver().findElements(By.id("product-table"))).isEmpty();
		assertThat(emptyStates()).singleElement().extracting(WebElement::getText).asString().contains("match");
		browser.open("/inventory?q=" + handle);
		assertThat(browser.driver().findElements(By.cssSelector("#stock-table tbody tr"))).hasSize(1);
		assertThat(emptyStates()).isEmpty();
		browser.open("/inventory?q=" + handle + "-nothing");
		assertThat(emptyStates()).hasSize(1);
		browser.assertNoConsoleErrors();
		browser.assertNoMissingMessages();
	}

	@Test
	void withoutTheEditorScriptTheDescriptionIsAPlainField() {
		browser.loginAs(this.users.create(Role.OPERATOR), TestUsers.PASSWORD);
		browser.open("/products/new");
		browser.waitFor(By.cssSelector("#description-editor .ql-editor"));
		String html = "<table><tbody><tr><td>尺码</td><td>M</td></tr></tbody></table>";
		this.jdbc.sql("INSERT INTO product (handle, title, description) VALUES (?, ?, ?)")
			.params("table-" + UUID.randomUUID(), "表格描述", html)
			.update();
		long id = this.jdbc.sql("SELECT id FROM product WHERE title = '表格描述' ORDER BY id DESC LIMIT 1")
			.query(Long.class)
			.single();
		browser.open("/products/" + id);
		WebElement textarea = browser.waitFor(By.id("description"));
		assertThat(textarea.getDomProperty("value")).isEqualTo(html);
		assertThat(browser.driver().findElements(By.id("description-editor"))).isEmpty();
		browser.assertNoConsoleErrors();
	}

	@Test
	void listsShowTheirEmptyStateOnlyWhenNothingIsListed() {
		String admin = this.users.create(Role.ADMIN);
		browser.loginAs(admin, TestUsers.PASSWORD);
		String brand = "品牌-" + UUID.randomUUID().toString().substring(0, 8);
		browser.open("/products/brands");
		browser.type(By.cssSelector("#brand-form input[name=name]"), brand);
		browser.clickAndWaitForPage(By.cssSelector("#brand-form button[type=submit]"));
		assertThat(browser.driver().findElements(By.cssSelector("#brand-table tbody tr"))).isNotEmpty();
		assertThat(emptyStates()).isEmpty();

		String nothing = "nothing-" + UUID.randomUUID();
		assertListed("/admin/audit?actor=" + admin, "#audit-table tbody tr");
		assertNothingListed("/admin/audit?actor=" + nothing, "audit-table");
		assertListed("/admin/users?q=" + admin, "#users-table tbody tr");
		assertNothingListed("/admin/users?q=" + nothing, "users-table");
		browser.open("/");
		assertThat(emptyStates()).as("operator home with its queues").isEmpty();
		browser.assertNoConsoleErrors();
		browser.assertNoMissingMessages();
	}

	@Test
	void everyMainPageIsUsableOnAPhone() {
		// a long title makes the stock table wider than a phone, as real catalogs do
		String handle = "phone-" + UUID.randomUUID().toString().substring(0, 8);
		long product = this.jdbc.sql("INSERT INTO product (handle, title) VALUES (?, ?) RETURNING id")
			.params(handle, "Extra long product title that makes every table wider than a phone screen " + handle)
			.query(Long.class)
			.single();
		long variant = this.jdbc
			.sql("INSERT INTO product_variant (product_id, sku, price) VALUES (?, ?, 9.90) RETURNING id")
			.params(product, "0-" + handle)
			.query(Long.class)
			.single();
		this.inventory.openStock(variant, 3);
		long order = phoneOrder(handle);
		browser.loginAs(this.users.create(Role.ADMIN), TestUsers.PASSWORD);
		assertListed("/orders?sku=0-" + handle, "#order-table tbody tr");
		assertListed("/inventory/movements?sku=0-" + handle, "#movement-table tbody tr");
		assertListed("/inventory/warehouses", "#warehouse-table tbody tr");
		Dimension desktop = browser.driver().manage().window().getSize();
		try {
			browser.driver().manage().window().setSize(new Dimension(390, 844));
			browser.waitUntil((driver) -> innerWidth() <= 390);
			for (String language : List.of("en", "zh-CN")) {
				List<String> pages = new ArrayList<>(MAIN_PAGES);
				pages.addAll(List.of("/inventory/warehouses", "/inventory/check",
						"/inventory/movements?sku=0-" + handle, "/inventory/adjust?sku=0-" + handle + "&warehouse=MAIN",
						"/inventory/low-stock", "/inventory/suppliers", "/inventory/purchase-orders",
						"/inventory/reorder", "/inventory/policy?sku=0-" + handle, "/inventory/stock-take",
						"/orders/channels", "/orders/settings", "/admin/api-tokens", "/orders/" + order,
						"/imports/orders", "/traffic", "/traffic/sources", "/traffic/sources/rules/new",
						"/traffic/links", "/admin/sites", "/traffic/campaigns", "/traffic/campaigns/new"));
				for (String page : pages) {
					browser.open(page + (page.contains("?") ? "&" : "?") + "lang=" + language);
					assertUsableOnAPhone(page + " (" + language + ")");
				}
			}
		}
		finally {
			browser.driver().manage().window().setSize(desktop);
		}
		browser.open("/products");
		assertThat(browser.driver().findElement(By.id("main-nav")).isDisplayed()).as("navigation on a desktop")
			.isTrue();
		assertThat(browser.driver().findElement(By.id("nav-toggle")).isDisplayed()).isFalse();
		browser.assertNoConsoleErrors();
	}

	/**
	 * A paid order of the given product's SKU with a long title and address, to show on
	 * the order pages.
	 */
	private long phoneOrder(String handle) {
		String code = "PH" + handle.substring(handle.length() - 8).toUpperCase();
		long channel = this.jdbc
			.sql("INSERT INTO sales_channel (code, name, platform) VALUES (?, '天猫旗舰店 手机测试', 'TMALL') RETURNING id")
			.param(code)
			.query(Long.class)
			.single();
		long order = this.jdbc
			.sql("""
					INSERT INTO shop_order (channel_id, number, status, source, currency, goods_amount, paid_amount,
					                        customer_name, customer_phone, ship_name, ship_province, ship_city, ship_district,
					                        ship_line1, placed_at, paid_at)
					VALUES (?, '4012345678901234567', 'PAID', 'MANUAL', 'CNY', 19.80, 19.80, '欧阳娜娜', '138****5678',
					        '欧阳娜娜', '广东省', '深圳市', '南山区', '科技园南区高新南七道 18 号 深圳湾科技生态园 10 栋 B 座 2501 室',
					        now(), now())
					RETURNING id""")
			.param(channel)
			.query(Long.class)
			.single();
		this.jdbc.sql("""
				INSERT INTO order_line (order_id, line_no, sku, title, quantity, unit_price, amount)
				VALUES (?, 1, ?, ?, 2, 9.90, 19.80)""")
			.params(order, "0-" + handle,
					"Extra long product title that makes every table wider than a phone " + handle)
			.update();
		return order;
	}

	private static void assertUsableOnAPhone(String page) {
		browser.waitFor(By.cssSelector("main h1"));
		JavascriptExecutor js = (JavascriptExecutor) browser.driver();
		Number scrollWidth = (Number) js.executeScript("return document.documentElement.scrollWidth");
		assertThat(scrollWidth.longValue()).as("document width of %s", page).isLessThanOrEqualTo(innerWidth());
		WebElement header = browser.driver().findElement(By.cssSelector("header.topbar"));
		assertThat(header.getSize().getHeight()).as("one-line header on %s", page).isLessThan(70);
		WebElement userMenu = browser.driver().findElement(By.id("user-menu"));
		assertThat(userMenu.isDisplayed()).as("user menu on %s", page).isTrue();
		assertThat(userMenu.getRect().getX() + userMenu.getRect().getWidth())
			.as("user menu inside the screen on %s", page)
			.isLessThanOrEqualTo((int) innerWidth());
		WebElement nav = browser.driver().findElement(By.id("main-nav"));
		assertThat(nav.isDisplayed()).as("navigation hidden on %s", page).isFalse();
		browser.waitUntil(ExpectedConditions.elementToBeClickable(By.id("nav-toggle"))).click();
		browser.waitUntil(ExpectedConditions.elementToBeClickable(By.cssSelector("#main-nav a[data-nav='/products']")));
		assertThat(nav.getRect().getWidth()).as("menu width on %s", page).isLessThanOrEqualTo((int) innerWidth());
		browser.waitUntil((driver) -> nav.getDomAttribute("class").matches(".*\\bshow\\b.*")
				&& !nav.getDomAttribute("class").contains("showing"));
		browser.waitUntil(ExpectedConditions.elementToBeClickable(By.id("nav-close"))).click();
		browser.waitUntil(ExpectedConditions.invisibilityOf(nav));
		browser.assertNoMissingMessages();
	}

	private static long innerWidth() {
		return ((Number) ((JavascriptExecutor) browser.driver()).executeScript("return window.innerWidth")).longValue();
	}

	private static void assertListed(String path, String rows) {
		browser.open(path);
		assertThat(browser.driver().findElements(By.cssSelector(rows))).as("rows of %s", path).isNotEmpty();
		assertThat(emptyStates()).as("empty states of %s", path).isEmpty();
	}

	private static void assertNothingListed(String path, String table) {
		browser.open(path);
		assertThat(browser.driver().findElements(By.id(table))).as("table of %s", path).isEmpty();
		assertThat(emptyStates()).as("empty states of %s", path).hasSize(1);
	}

	private static List<WebElement> emptyStates() {
		browser.waitFor(By.cssSelector("main h1"));
		return browser.driver().findElements(By.cssSelector("main .empty-state"));
	}

}
