package io.shopops.browser;

import java.util.UUID;

import io.shopops.TestUsers;
import io.shopops.platform.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The service journey in a real browser: an operator opens a ticket from an order,
 * answers it with a canned reply and resolves it.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class TicketBrowserTests {

	@RegisterExtension
	static final BrowserSupport browser = new BrowserSupport();

	@Autowired
	TestUsers users;

	@Autowired
	JdbcClient jdbc;

	@Test
	void anOperatorOpensATicketFromAnOrderRepliesWithACannedReplyAndResolvesIt() {
		String prefix = "TB" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
		this.jdbc.sql("INSERT INTO sales_channel (code, name, platform) VALUES (?, ?, 'TMALL')")
			.params(prefix, "天猫旗舰店 " + prefix)
			.update();
		long order = this.jdbc.sql("""
				INSERT INTO shop_order (channel_id, number, status, source, history, currency, goods_amount,
				    paid_amount, customer_name, customer_phone, placed_at, paid_at, completed_at)
				SELECT id, ?, 'COMPLETED', 'IMPORT', true, 'CNY', 129, 129, '周杰', '139****1234',
				    now() - interval '2 days', now() - interval '2 days', now() - interval '1 day'
				FROM sales_channel WHERE code = ? RETURNING id""")
			.params(prefix + "-001", prefix)
			.query(Long.class)
			.single();
		String canned = "物流 " + prefix;
		String cannedText = "您好，您的包裹已经发出，请留意物流信息。";
		this.jdbc.sql("INSERT INTO ticket_canned_reply (title, body) VALUES (?, ?)")
			.params(canned, cannedText)
			.update();

		browser.loginAs(this.users.create(Role.OPERATOR), TestUsers.PASSWORD);
		browser.open("/orders/" + order + "?lang=en");
		browser.clickAndWaitForPage(By.id("open-ticket"));
		assertThat(browser.currentPath()).isEqualTo("/after-sales/tickets/new?order=" + order);
		assertThat(browser.driver().findElement(By.id("ticket-order")).getText()).contains(prefix + "-001");
		assertThat(browser.driver().findElement(By.id("customerName")).getDomProperty("value")).isEqualTo("周杰");
		browser.assertNoMissingMessages();

		browser.clickAndWaitForPage(By.id("open-ticket"));
		assertThat(browser.driver().findElement(By.cssSelector("#subject.is-invalid"))).isNotNull();
		assertThat(browser.driver().findElement(By.id("ticket-form")).getText()).contains("Enter a subject.");
		browser.type(By.id("subject"), "包裹什么时候到？");
		browser.type(By.id("body"), "下单两天了还没收到。");
		new Select(browser.driver().findElement(By.id("priority"))).selectByValue("HIGH");
		browser.clickAndWaitForPage(By.id("open-ticket"));
		assertThat(browser.currentPath()).matches("/after-sales/tickets/\\d+");
		assertThat(browser.driver().findElement(By.id("flash-message")).getText()).contains("Ticket opened.");
		assertThat(browser.driver().findElement(By.id("ticket-subject")).getText()).isEqualTo("包裹什么时候到？");
		assertThat(browser.driver().findElement(By.id("ticket-order-link")).getDomAttribute("href"))
			.isEqualTo("/orders/" + order);
		assertThat(browser.driver().findElement(By.id("no-entries")).getText()).isEqualTo("No replies or notes yet.");
		browser.assertNoMissingMessages();

		new Select(browser.driver().findElement(By.id("canned-reply"))).selectByVisibleText(canned);
		browser
			.waitUntil((driver) -> cannedText.equals(driver.findElement(By.id("reply-text")).getDomProperty("value")));
		browser.clickAndWaitForPage(By.id("send-reply"));
		assertThat(browser.driver().findElement(By.id("flash-message")).getText()).contains("Reply sent.");
		assertThat(browser.driver().findElement(By.id("ticket-log")).getText()).contains("Reply", cannedText);
		assertThat(browser.driver().findElement(By.id("first-response-at")).getText()).startsWith("Answered");

		browser.clickAndWaitForPage(By.id("status-resolved"));
		assertThat(browser.driver().findElement(By.id("flash-message")).getText()).contains("Ticket resolved.");
		assertThat(browser.driver().findElement(By.cssSelector("h1 ~ .ticket-status")).getText()).isEqualTo("Resolved");
		assertThat(browser.driver().findElement(By.id("ticket-log")).getText()).contains("Open → Resolved");
		assertThat(browser.driver().findElement(By.id("status-open")).getText()).isEqualTo("Reopen");
		browser.assertNoMissingMessages();

		browser.open("/orders/" + order + "?lang=en");
		assertThat(browser.waitFor(By.id("order-ticket-list")).getText()).contains("包裹什么时候到？", "Resolved");

		browser.open("/after-sales/tickets?status=resolved&order=" + order + "&lang=zh-CN");
		assertThat(browser.driver().findElement(By.id("ticket-table")).getText()).contains("包裹什么时候到？", "已解决", "高");
		browser.assertNoMissingMessages();
		assertThat(browser.driver().getPageSource()).doesNotContain("??", "Whitelabel", "Exception");
		browser.assertNoConsoleErrors();
	}

}
