package io.shopops.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.openqa.selenium.Alert;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.test.context.junit.jupiter.SpringExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Drives the application under test with a real headless Chromium.
 * <p>
 * Register it in a {@code @SpringBootTest(webEnvironment = RANDOM_PORT)} class named
 * {@code *BrowserTests} (failsafe runs those):
 *
 * <pre class="code">
 * &#64;SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
 * class ImportBrowserTests {
 *
 * 	&#64;RegisterExtension
 * 	static final BrowserSupport browser = new BrowserSupport();
 *
 * 	&#64;Autowired
 * 	TestUsers users;
 *
 * 	&#64;Test
 * 	void anAdminImportsACatalog() {
 * 		browser.loginAs(this.users.create(Role.ADMIN), TestUsers.PASSWORD);
 * 		browser.clickAndWaitForPage(By.cssSelector("#main-nav [data-nav='/products']"));
 * 		browser.assertNoConsoleErrors();
 * 	}
 *
 * }
 * </pre>
 *
 * One browser serves the whole test JVM; before each test it forgets all cookies (so no
 * session or language choice carries over) and the console log. The server's port is read
 * from the test's Spring context. When a test fails, a screenshot, the page source and
 * the console log are saved to {@code target/browser-screenshots/}.
 * <p>
 * The browser is Debian's {@code /usr/bin/chromium} with {@code /usr/bin/chromedriver}
 * (packages {@code chromium} and {@code chromium-driver}); the environment variables
 * {@code CHROMIUM_BIN} and {@code CHROMEDRIVER_BIN} point elsewhere, e.g. on macOS.
 * Selenium Manager is never used: a missing binary fails the test with a message.
 */
public final class BrowserSupport implements BeforeEachCallback, AfterTestExecutionCallback {

	/** How long to wait for a page, an element or a dialog. */
	public static final Duration TIMEOUT = Duration.ofSeconds(10);

	private static final Pattern MISSING_MESSAGE = Pattern.compile("\\?\\?[^?\\s<>\"]+\\?\\?");

	private static final Duration POLLING = Duration.ofMillis(25);

	static final Path ARTIFACTS = Path.of("target", "browser-screenshots");

	private static final Namespace NAMESPACE = Namespace.create(BrowserSupport.class);

	private Chromium chromium;

	private String baseUrl;

	private final List<LogEntry> console = new ArrayList<>();

	private final List<LogEntry> unchecked = new ArrayList<>();

	@Override
	public void beforeEach(ExtensionContext context) {
		String port = SpringExtension.getApplicationContext(context)
			.getEnvironment()
			.getRequiredProperty("local.server.port");
		this.baseUrl = "http://localhost:" + port;
		this.chromium = context.getRoot()
			.getStore(NAMESPACE)
			.computeIfAbsent(Chromium.class, (key) -> Chromium.start(), Chromium.class);
		this.chromium.reset();
		this.console.clear();
		this.unchecked.clear();
	}

	@Override
	public void afterTestExecution(ExtensionContext context) {
		if (context.getExecutionException().isPresent() && this.chromium != null) {
			String method = context.getRequiredTestMethod().getName();
			String name = context.getRequiredTestClass().getSimpleName() + "." + method;
			if (!context.getDisplayName().startsWith(method + "(")) {
				name += "-" + context.getDisplayName();
			}
			saveArtifacts(name);
		}
	}

	/**
	 * The browser, for what the helpers do not cover.
	 * @return the driver of the shared browser
	 */
	public WebDriver driver() {
		return this.chromium.driver;
	}

	/**
	 * The absolute URL of a path of the application.
	 * @param path a path starting with {@code /}, with a query string if needed
	 * @return the URL on the test server
	 */
	public String url(String path) {
		return this.baseUrl + path;
	}

	/**
	 * Opens a page of the application as if its address were typed.
	 * @param path a path starting with {@code /}
	 */
	public void open(String path) {
		driver().get(url(path));
	}

	/**
	 * The path (and query) of the page shown.
	 * @return e.g. {@code /login?error}
	 */
	public String currentPath() {
		String current = driver().getCurrentUrl();
		return current.startsWith(this.baseUrl) ? current.substring(this.baseUrl.length()) : current;
	}

	/**
	 * Logs in through the login page and waits for the first page after it (the home
	 * page, unless a protected page was asked for first).
	 * @param username the user
	 * @param password their password
	 */
	public void loginAs(String username, String password) {
		submitLogin(username, password);
		WebElement outcome = waitUntil(ExpectedConditions
			.presenceOfElementLocated(By.cssSelector("#main-nav, #login-error, #login-throttled")));
		assertThat(outcome.getDomAttribute("id")).as("login of %s: %s", username, outcome.getText())
			.isEqualTo("main-nav");
	}

	/**
	 * Opens the login page and submits the form, without waiting for the outcome.
	 * @param username the username to type
	 * @param password the password to type
	 */
	public void submitLogin(String username, String password) {
		open("/login");
		type(By.id("username"), username);
		type(By.id("password"), password);
		clickAndWaitForPage(By.id("login-submit"));
	}

	/**
	 * Replaces the text of a field with what a person types. A file input takes the
	 * absolute path of the file to upload.
	 * @param locator the field
	 * @param text what to type
	 */
	public void type(By locator, String text) {
		WebElement field = waitFor(locator);
		field.clear();
		field.sendKeys(text);
	}

	/**
	 * Logs out through the user menu and waits for the login page saying so.
	 */
	public void logout() {
		waitUntil(ExpectedConditions.elementToBeClickable(By.id("user-menu"))).click();
		WebElement logout = waitUntil(ExpectedConditions.elementToBeClickable(By.id("logout")));
		WebElement page = driver().findElement(By.tagName("html"));
		logout.click();
		waitUntil(gone(page));
		waitFor(By.id("login-logout"));
	}

	/**
	 * Waits until an element is visible.
	 * @param locator the element
	 * @return the element
	 */
	public WebElement waitFor(By locator) {
		return waitUntil(ExpectedConditions.visibilityOfElementLocated(locator));
	}

	/**
	 * Waits until a condition holds, e.g. one of {@link ExpectedConditions}.
	 * @param <T> what the condition yields
	 * @param condition the condition
	 * @return the condition's first non-null, non-false value
	 */
	public <T> T waitUntil(Function<? super WebDriver, T> condition) {
		return new WebDriverWait(driver(), TIMEOUT, POLLING).until(condition);
	}

	/**
	 * Clicks an element after centring it, so that the sticky top bar cannot cover it.
	 */
	private void clickCentred(WebElement target) {
		((JavascriptExecutor) driver())
			.executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", target);
		target.click();
	}

	/**
	 * Waits for an element of the previous page to be gone. Besides Selenium's stale
	 * element error, ChromeDriver sometimes reports a node of a page being replaced as
	 * "not belonging to the document"; both mean the page has been left.
	 * @param element an element of the page being left
	 * @return the condition
	 */
	public static ExpectedCondition<Boolean> gone(WebElement element) {
		return (driver) -> {
			try {
				element.isEnabled();
				return false;
			}
			catch (StaleElementReferenceException ex) {
				return true;
			}
			catch (WebDriverException ex) {
				if (ex.getMessage() != null && ex.getMessage().contains("does not belong to the document")) {
					return true;
				}
				throw ex;
			}
		};
	}

	/**
	 * Clicks a link or submit button and waits until the browser has left the current
	 * page, so that elements looked up afterwards belong to the next page.
	 * @param locator what to click
	 */
	public void clickAndWaitForPage(By locator) {
		WebElement target = waitUntil(ExpectedConditions.elementToBeClickable(locator));
		WebElement page = driver().findElement(By.tagName("html"));
		clickCentred(target);
		waitUntil(gone(page));
		waitUntil((driver) -> "complete"
			.equals(((JavascriptExecutor) driver).executeScript("return document.readyState")));
	}

	/**
	 * Clicks a button that asks for confirmation, accepts the {@code confirm()} dialog
	 * and waits until the browser has left the current page.
	 * @param locator what to click
	 * @return the dialog's message
	 */
	public String clickAndConfirm(By locator) {
		WebElement target = waitUntil(ExpectedConditions.elementToBeClickable(locator));
		WebElement page = driver().findElement(By.tagName("html"));
		clickCentred(target);
		String message = acceptConfirm();
		waitUntil(gone(page));
		return message;
	}

	/**
	 * Waits for a {@code confirm()} dialog and accepts it.
	 * @return the dialog's message
	 */
	public String acceptConfirm() {
		Alert alert = waitUntil(ExpectedConditions.alertIsPresent());
		String message = alert.getText();
		alert.accept();
		return message;
	}

	/**
	 * Waits for a {@code confirm()} dialog and cancels it.
	 * @return the dialog's message
	 */
	public String dismissConfirm() {
		Alert alert = waitUntil(ExpectedConditions.alertIsPresent());
		String message = alert.getText();
		alert.dismiss();
		return message;
	}

	/**
	 * The console errors logged since the test started or since the last call of this
	 * method or {@link #assertNoConsoleErrors()}: script errors, Content-Security-Policy
	 * violations and failed loads.
	 * @return the messages of the errors, oldest first
	 */
	public List<String> consoleErrors() {
		collectConsole();
		List<String> errors = this.unchecked.stream()
			.filter((entry) -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
			.map(LogEntry::getMessage)
			.toList();
		this.unchecked.clear();
		return errors;
	}

	/**
	 * Asserts that the pages visited since the test started (or since the last check)
	 * logged no console error. A Content-Security-Policy violation is one.
	 */
	public void assertNoConsoleErrors() {
		assertThat(consoleErrors()).as("browser console errors").isEmpty();
	}

	/**
	 * Asserts that the page shown has no message key without a message: Thymeleaf renders
	 * those as {@code ??key_locale??}, in text and attributes alike.
	 */
	public void assertNoMissingMessages() {
		Matcher missing = MISSING_MESSAGE.matcher(driver().getPageSource());
		List<String> keys = new ArrayList<>();
		while (missing.find()) {
			keys.add(missing.group());
		}
		assertThat(keys).as("missing messages on %s", currentPath()).isEmpty();
	}

	private void collectConsole() {
		List<LogEntry> entries = driver().manage().logs().get(LogType.BROWSER).getAll();
		this.console.addAll(entries);
		this.unchecked.addAll(entries);
	}

	private void saveArtifacts(String name) {
		String file = name.replaceAll("[^A-Za-z0-9._-]+", "_").replaceAll("_+$", "");
		try {
			Files.createDirectories(ARTIFACTS);
			List<String> lines = new ArrayList<>();
			String dialog = this.chromium.dismissDialog();
			if (dialog != null) {
				lines.add("Open dialog, dismissed: " + dialog);
			}
			byte[] png = ((TakesScreenshot) driver()).getScreenshotAs(OutputType.BYTES);
			Files.write(ARTIFACTS.resolve(file + ".png"), png);
			Files.writeString(ARTIFACTS.resolve(file + ".html"),
					"<!-- " + driver().getCurrentUrl() + " -->\n" + driver().getPageSource(), StandardCharsets.UTF_8);
			collectConsole();
			this.console.stream()
				.map((entry) -> Instant.ofEpochMilli(entry.getTimestamp()) + " " + entry.getLevel() + " "
						+ entry.getMessage())
				.forEach(lines::add);
			Files.write(ARTIFACTS.resolve(file + ".console.log"), lines, StandardCharsets.UTF_8);
		}
		catch (IOException | RuntimeException ex) {
			System.err.println("Could not save the browser state of " + name + ": " + ex);
		}
	}

	/**
	 * The shared headless Chromium, closed when the test JVM's tests are done.
	 */
	static final class Chromium implements AutoCloseable {

		/**
		 * Selenium warns that it has no DevTools API for this Chromium version; the tests
		 * use none (only ChromeDriver's own CDP command endpoint), so the warning is
		 * noise. Kept in a field because the logging framework holds loggers weakly.
		 */
		private static final Logger CDP_VERSION_FINDER = Logger
			.getLogger("org.openqa.selenium.devtools.CdpVersionFinder");

		private static final List<String> ARGUMENTS = List.of("--headless", "--no-sandbox", "--disable-gpu",
				"--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
				"--disable-dev-shm-usage", "--window-size=1366,900", "--lang=en-US");

		final ChromeDriver driver;

		private final Path profile;

		private Chromium(ChromeDriver driver, Path profile) {
			this.driver = driver;
			this.profile = profile;
		}

		static Chromium start() {
			CDP_VERSION_FINDER.setLevel(Level.SEVERE);
			Path browser = executable("Chromium", "CHROMIUM_BIN", System.getenv("CHROMIUM_BIN"), "/usr/bin/chromium");
			Path chromedriver = executable("ChromeDriver", "CHROMEDRIVER_BIN", System.getenv("CHROMEDRIVER_BIN"),
					"/usr/bin/chromedriver");
			Path profile;
			try {
				profile = Files.createTempDirectory("shopops-chromium-");
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Could not create a Chromium profile directory", ex);
			}
			ChromeOptions options = new ChromeOptions();
			options.setBinary(browser.toFile());
			options.addArguments(ARGUMENTS);
			options.addArguments("--user-data-dir=" + profile);
			options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "en-US,en"));
			LoggingPreferences logging = new LoggingPreferences();
			logging.enable(LogType.BROWSER, Level.ALL);
			options.setCapability(ChromeOptions.LOGGING_PREFS, logging);
			ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(chromedriver.toFile())
				.usingAnyFreePort()
				.build();
			ChromeDriver driver = new ChromeDriver(service, options);
			driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
			return new Chromium(driver, profile);
		}

		/**
		 * The executable the environment variable names, else the Debian default.
		 * @param name what it is, for the message
		 * @param variable the environment variable, for the message
		 * @param configured the variable's value, may be {@code null}
		 * @param fallback the Debian path
		 * @return the executable
		 * @throws IllegalStateException if there is no such executable
		 */
		static Path executable(String name, String variable, String configured, String fallback) {
			boolean set = configured != null && !configured.isBlank();
			Path path = Path.of(set ? configured : fallback);
			if (!Files.isRegularFile(path) || !Files.isExecutable(path)) {
				throw new IllegalStateException(name + " not found at " + path + (set ? " (from " + variable + ")" : "")
						+ ". The browser tests need Chromium and its "
						+ "ChromeDriver: on Debian install the packages chromium and chromium-driver (.ci/run does); "
						+ "elsewhere set CHROMIUM_BIN and CHROMEDRIVER_BIN to their executables.");
			}
			return path;
		}

		/**
		 * Forgets every cookie and the console log of the previous test.
		 */
		void reset() {
			dismissDialog();
			this.driver.get("about:blank");
			this.driver.executeCdpCommand("Network.clearBrowserCookies", Map.of());
			this.driver.manage().logs().get(LogType.BROWSER);
		}

		/**
		 * Dismisses an open {@code alert()} or {@code confirm()} dialog.
		 * @return its message, or {@code null} if none was open
		 */
		String dismissDialog() {
			try {
				Alert alert = this.driver.switchTo().alert();
				String message = alert.getText();
				alert.dismiss();
				return message;
			}
			catch (NoAlertPresentException ex) {
				return null;
			}
		}

		@Override
		public void close() {
			try {
				this.driver.quit();
			}
			finally {
				try (Stream<Path> files = Files.walk(this.profile)) {
					files.sorted(Comparator.reverseOrder()).forEach((file) -> file.toFile().delete());
				}
				catch (IOException ex) {
					System.err.println("Could not delete the Chromium profile " + this.profile + ": " + ex);
				}
			}
		}

	}

}
