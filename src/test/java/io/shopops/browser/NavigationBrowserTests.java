package io.shopops.browser;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.shopops.TestUsers;
import io.shopops.platform.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.STRING;

/**
 * The foundation as a person uses it in a real browser: logging in and out, the
 * navigation of each role, the language switch, the forbidden page and user management.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class NavigationBrowserTests {

	@RegisterExtension
	static final BrowserSupport browser = new BrowserSupport();

	private static final List<String> OPERATOR_PAGES = List.of("/products", "/inventory", "/inventory/low-stock",
			"/inventory/reorder", "/inventory/purchase-orders", "/inventory/suppliers", "/inventory/stock-take",
			"/orders", "/orders/channels", "/orders/queues", "/after-sales", "/after-sales/tickets",
			"/after-sales/reviews", "/traffic", "/traffic/attribution", "/content", "/content/creators", "/community",
			"/crm", "/crm/segments", "/crm/outreach", "/crm/coupons");

	/**
	 * Pages only managers and admins see in the growth section, and where they sit in it.
	 */
	private static final Map<String, String> MANAGER_GROWTH_PAGES_AFTER = Map.of("/crm/retention", "/crm/outreach",
			"/crm/lifecycle", "/crm/coupons");

	private static final List<String> MANAGER_PAGES = List.of("/dashboard", "/dashboard/products");

	/** The dashboard's pages for admins, listed right after the managers'. */
	private static final List<String> ADMIN_DASHBOARD_PAGES = List.of("/dashboard/digest");

	private static final List<String> ADMIN_PAGES = List.of("/admin/users", "/imports/products", "/imports/orders",
			"/imports/reviews", "/orders/settings", "/admin/api-tokens", "/admin/sites", "/admin/settings",
			"/admin/audit");

	private static final Map<String, String> HEADINGS = Map.ofEntries(Map.entry("/products", "Products"),
			Map.entry("/inventory", "Inventory"), Map.entry("/inventory/low-stock", "Low stock"),
			Map.entry("/inventory/reorder", "Reorder suggestions"),
			Map.entry("/inventory/purchase-orders", "Purchase orders"), Map.entry("/inventory/suppliers", "Suppliers"),
			Map.entry("/inventory/stock-take", "Stock-take"), Map.entry("/orders", "Orders"),
			Map.entry("/orders/channels", "Sales channels"), Map.entry("/orders/queues", "Order queues"),
			Map.entry("/imports/orders", "Order import"), Map.entry("/orders/settings", "Order settings"),
			Map.entry("/admin/api-tokens", "API tokens"), Map.entry("/admin/sites", "Sites"),
			Map.entry("/after-sales", "After-sales"), Map.entry("/after-sales/tickets", "Tickets"),
			Map.entry("/traffic", "Traffic"), Map.entry("/content", "Content calendar"),
			Map.entry("/content/creators", "Creators and distribution"), Map.entry("/community", "Community"),
			Map.entry("/crm", "CRM"), Map.entry("/dashboard", "Daily KPIs"),
			Map.entry("/dashboard/digest", "Daily digest and alerts"), Map.entry("/admin/users", "Users"),
			Map.entry("/admin/settings", "Settings"), Map.entry("/imports/products", "Product import"),
			Map.entry("/admin/audit", "Audit log"), Map.entry("/after-sales/reviews", "Reviews"),
			Map.entry("/imports/reviews", "Review import"),
			Map.entry("/traffic/attribution", "Attribution: where the GMV came from"),
			Map.entry("/crm/segments", "Segments"), Map.entry("/crm/retention", "Repurchase and LTV"),
			Map.entry("/crm/coupons", "Coupons"), Map.entry("/crm/outreach", "Outreach campaigns"),
			Map.entry("/crm/lifecycle", "Lifecycle rules"), Map.entry("/dashboard/products", "Product performance"));

	@Autowired
	TestUsers users;

	@ParameterizedTest
	@EnumSource(Role.class)
	void eachRoleSeesItsNavigationOpensItsPagesSwitchesLanguageAndLogsOut(Role role) {
		String username = this.users.create(role);
		browser.loginAs(username, TestUsers.PASSWORD);
		assertThat(browser.currentPath()).isEqualTo("/");
		assertThat(heading()).isEqualTo("Hello, " + username);
		assertThat(browser.driver().findElement(By.id("user-menu")).getText()).contains(username,
				role.name().charAt(0) + role.name().substring(1).toLowerCase());

		List<String> pages = pagesOf(role);
		List<String> navigation = new ArrayList<>(List.of("/"));
		navigation.addAll(pages);
		assertThat(navigation()).containsExactlyElementsOf(navigation);

		for (String page : pages) {
			browser.clickAndWaitForPage(navLink(page));
			assertThat(browser.currentPath()).isEqualTo(page);
			assertThat(heading()).as("heading of %s", page).isEqualTo(HEADINGS.get(page));
			assertThat(browser.driver().findElement(navLink(page)).getDomAttribute("class")).contains("active");
			browser.assertNoMissingMessages();
		}

		browser.clickAndWaitForPage(By.id("lang-zh"));
		assertThat(browser.driver().findElement(By.tagName("html")).getDomAttribute("lang")).isEqualTo("zh-CN");
		assertThat(browser.driver().findElement(By.id("main-nav")).getText()).contains("履约", "商品", "增长");
		assertThat(browser.driver().findElement(By.id("logout")).getDomProperty("textContent").strip())
			.isEqualTo("退出登录");
		browser.assertNoMissingMessages();
		String lastPage = pages.get(pages.size() - 1);
		assertThat(heading()).isNotEqualTo(HEADINGS.get(lastPage))
			.isEqualTo(browser.driver().findElement(navLink(lastPage)).getText());

		browser.clickAndWaitForPage(By.id("lang-en"));
		assertThat(browser.driver().findElement(By.tagName("html")).getDomAttribute("lang")).isEqualTo("en");
		assertThat(browser.driver().findElement(navLink("/products")).getText()).isEqualTo("Products");

		browser.logout();
		assertThat(browser.currentPath()).isEqualTo("/login?logout");
		assertThat(browser.driver().findElement(By.id("login-logout")).getText())
			.isEqualTo("You have been logged out.");
		assertThat(browser.driver().findElements(By.id("main-nav"))).isEmpty();
		browser.assertNoConsoleErrors();
	}

	@Test
	void aWrongPasswordShowsTheLoginError() {
		String operator = this.users.create(Role.OPERATOR);
		browser.submitLogin(operator, "wrong-" + TestUsers.PASSWORD);
		assertThat(browser.waitFor(By.id("login-error")).getText())
			.isEqualTo("Wrong username or password, or the account is disabled.");
		assertThat(browser.currentPath()).isEqualTo("/login?error");
		assertThat(browser.driver().findElements(By.id("main-nav"))).isEmpty();
		browser.assertNoConsoleErrors();
	}

	@Test
	void anOperatorTypingAnAdminAddressGetsTheForbiddenPage() {
		browser.loginAs(this.users.create(Role.OPERATOR), TestUsers.PASSWORD);
		browser.open("/admin/users");
		WebElement error = browser.waitFor(By.id("error-page"));
		assertThat(error.getDomAttribute("data-status")).isEqualTo("403");
		assertThat(heading()).isEqualTo("Not allowed");
		assertThat(navigation()).contains("/products").doesNotContain("/admin/users", "/dashboard");
		assertThat(browser.driver().findElements(By.cssSelector("#flash-message, #flash-error"))).isEmpty();
		browser.assertNoMissingMessages();
		assertThat(browser.consoleErrors()).singleElement(STRING).contains("/admin/users", "403");

		browser.clickAndWaitForPage(By.cssSelector("#error-page a.btn"));
		assertThat(browser.currentPath()).isEqualTo("/");
		browser.assertNoConsoleErrors();
	}

	@Test
	void anAdminCreatesAUserAndDisablesItAfterConfirming() {
		browser.loginAs(this.users.create(Role.ADMIN), TestUsers.PASSWORD);
		browser.clickAndWaitForPage(navLink("/admin/users"));
		browser.clickAndWaitForPage(By.id("new-user"));
		assertThat(heading()).isEqualTo("New user");
		browser.assertNoMissingMessages();

		String username = "clerk-" + UUID.randomUUID().toString().substring(0, 8);
		String password = "a-long-initial-password";
		browser.type(By.id("username"), username);
		browser.type(By.id("displayName"), "Mei Lin");
		new Select(browser.driver().findElement(By.id("role"))).selectByValue(Role.MANAGER.name());
		browser.type(By.id("password"), password);
		browser.clickAndWaitForPage(By.cssSelector("#user-form button[type=submit]"));
		assertThat(browser.currentPath()).isEqualTo("/admin/users");
		assertThat(browser.waitFor(By.id("flash-message")).getText()).isEqualTo("User created.");

		browser.type(By.name("q"), username);
		browser.clickAndWaitForPage(By.cssSelector("form[role=search] button[type=submit]"));
		assertThat(browser.waitFor(By.cssSelector("#users-table tbody")).getText()).contains(username, "Mei Lin",
				"Manager", "enabled");
		browser.clickAndWaitForPage(By.linkText(username));
		assertThat(status()).isEqualTo("enabled");

		browser.driver().findElement(By.id("disable-user")).click();
		assertThat(browser.dismissConfirm())
			.isEqualTo("Disable " + username + "? They will no longer be able to log in.");
		assertThat(status()).isEqualTo("enabled");

		assertThat(browser.clickAndConfirm(By.id("disable-user"))).startsWith("Disable " + username);
		assertThat(browser.waitFor(By.id("flash-message")).getText()).isEqualTo("User disabled.");
		assertThat(status()).isEqualTo("disabled");
		browser.assertNoMissingMessages();
		assertThat(browser.driver().findElements(By.id("enable-user"))).hasSize(1);
		assertThat(browser.driver().findElements(By.id("disable-user"))).isEmpty();

		browser.logout();
		browser.submitLogin(username, password);
		assertThat(browser.waitFor(By.id("login-error")).isDisplayed()).isTrue();
		browser.assertNoConsoleErrors();
	}

	private static List<String> pagesOf(Role role) {
		List<String> pages = new ArrayList<>(OPERATOR_PAGES);
		if (role != Role.OPERATOR) {
			MANAGER_GROWTH_PAGES_AFTER.forEach((page, after) -> pages.add(pages.indexOf(after) + 1, page));
			pages.addAll(MANAGER_PAGES);
		}
		if (role == Role.ADMIN) {
			pages.addAll(ADMIN_DASHBOARD_PAGES);
			pages.addAll(ADMIN_PAGES);
		}
		return pages;
	}

	private static By navLink(String path) {
		return By.cssSelector("#main-nav a[data-nav='" + path + "']");
	}

	private static List<String> navigation() {
		return browser.driver()
			.findElements(By.cssSelector("#main-nav a[data-nav]"))
			.stream()
			.map((link) -> link.getDomAttribute("data-nav"))
			.toList();
	}

	private static String heading() {
		return browser.waitFor(By.cssSelector("main h1")).getText();
	}

	private static String status() {
		return browser.waitFor(By.cssSelector("main h1 .badge")).getText();
	}

}
