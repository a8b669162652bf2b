package io.shopops.browser;

import java.util.UUID;

import io.shopops.TestUsers;
import io.shopops.platform.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The review journey in a real browser: an operator sees the home card of bad reviews,
 * finds a one-star review, replies to it and makes a ticket of it in one click.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class ReviewBrowserTests {

	@RegisterExtension
	static final BrowserSupport browser = new BrowserSupport();

	@Autowired
	TestUsers users;

	@Autowired
	JdbcClient jdbc;

	@Test
	void anOperatorRepliesToABadReviewAndMakesATicket() {
		String prefix = "RB" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
		long product = this.jdbc.sql("INSERT INTO product (handle, title, status) VALUES (?, ?, 'ACTIVE') RETURNING id")
			.params(prefix.toLowerCase(), "纯棉T恤 " + prefix)
			.query(Long.class)
			.single();
		this.jdbc.sql("INSERT INTO product_variant (product_id, sku, price, position) VALUES (?, ?, 59, 1)")
			.params(product, prefix + "-M")
			.update();
		long review = this.jdbc.sql("""
				INSERT INTO review (source, product_id, sku, product_handle, rating, title, body, author, reviewed_at)
				VALUES ('MANUAL', ?, ?, ?, 1, '洗一次就变形', ?, '陈**', now() - interval '1 hour') RETURNING id""")
			.params(product, prefix + "-M", prefix.toLowerCase(), "领口洗一次就变形了，" + prefix)
			.query(Long.class)
			.single();

		browser.loginAs(this.users.create(Role.OPERATOR), TestUsers.PASSWORD);
		assertThat(browser.driver().findElement(By.tagName("body")).getText())
			.contains("Bad reviews without reply or ticket");
		browser.clickAndWaitForPage(By.cssSelector("#main-nav a[data-nav='/after-sales/reviews']"));
		assertThat(browser.driver().findElement(By.tagName("h1")).getText()).isEqualTo("Reviews");
		browser.type(By.id("product"), prefix);
		browser.clickAndWaitForPage(By.cssSelector("#review-filter button[type=submit]"));
		assertThat(browser.driver().findElements(By.cssSelector("#review-table tbody tr"))).hasSize(1);
		assertThat(browser.driver().findElement(By.id("review-table")).getText()).contains("Needs an answer", "洗一次就变形",
				"纯棉T恤 " + prefix);
		assertThat(browser.driver().findElements(By.cssSelector(".empty-state"))).isEmpty();
		browser.clickAndWaitForPage(By.linkText("洗一次就变形"));
		assertThat(browser.currentPath()).isEqualTo("/after-sales/reviews/" + review);
		assertThat(browser.driver().findElement(By.id("attention-badge")).getText()).isEqualTo("Needs an answer");

		browser.type(By.id("reply"), "非常抱歉，已为您安排换货。");
		browser.clickAndWaitForPage(By.id("save-reply"));
		assertThat(browser.driver().findElement(By.id("flash-message")).getText()).contains("Your reply was saved.");
		assertThat(browser.driver().findElement(By.id("review-reply")).getText()).contains("非常抱歉，已为您安排换货。");
		assertThat(browser.driver().findElements(By.id("attention-badge"))).isEmpty();

		browser.clickAndWaitForPage(By.id("make-ticket"));
		long ticket = this.jdbc.sql("SELECT ticket_id FROM review WHERE id = ?")
			.param(review)
			.query(Long.class)
			.single();
		assertThat(browser.driver().findElement(By.id("flash-message")).getText())
			.contains("Ticket #" + ticket + " was opened for this review.");
		assertThat(browser.driver().findElement(By.id("ticket-link")).getAttribute("href"))
			.endsWith("/after-sales/tickets/" + ticket);
		assertThat(browser.driver().findElements(By.id("make-ticket"))).isEmpty();

		// hiding asks first; cancelling keeps the review visible
		browser.driver().findElement(By.id("hide-review")).click();
		assertThat(browser.dismissConfirm()).contains("Hide this review?");
		assertThat(browser.currentPath()).isEqualTo("/after-sales/reviews/" + review);
		assertThat(browser.driver().findElement(By.tagName("body")).getText()).doesNotContain("Error", "??");
		browser.assertNoMissingMessages();
		browser.assertNoConsoleErrors();
	}

}
