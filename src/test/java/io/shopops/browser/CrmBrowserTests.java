package io.shopops.browser;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import io.shopops.TestUsers;
import io.shopops.fulfilment.order.Customer;
import io.shopops.fulfilment.order.OrderDraft;
import io.shopops.fulfilment.order.OrderSource;
import io.shopops.fulfilment.order.OrderStatus;
import io.shopops.fulfilment.order.Orders;
import io.shopops.fulfilment.order.SalesChannels;
import io.shopops.fulfilment.order.SalesPlatform;
import io.shopops.fulfilment.order.Times;
import io.shopops.platform.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The CRM journey in a real browser: an order makes a customer, an operator searches for
 * them by phone, opens the profile and sees the phone masked.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class CrmBrowserTests {

	@RegisterExtension
	static final BrowserSupport browser = new BrowserSupport();

	@Autowired
	TestUsers users;

	@Autowired
	Orders orders;

	@Autowired
	SalesChannels channels;

	@Autowired
	JdbcClient jdbc;

	@Test
	void anOperatorSearchesACustomerAndSeesTheMaskedPhone() {
		String prefix = "CB" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
		String phone = "18" + String.format("%09d", ThreadLocalRandom.current().nextInt(1_000_000_000));
		String masked = phone.substring(0, 3) + "****" + phone.substring(7);
		String channel = this.channels.create(prefix, "Browser shop", SalesPlatform.OWN_SITE).code();
		java.time.Instant placed = java.time.Instant.now().minus(Duration.ofDays(2));
		long order = this.orders
			.place(new OrderDraft(channel, prefix + "-1", OrderStatus.COMPLETED,
					new Times(placed, placed, placed, placed, placed.plusSeconds(3600), null, null),
					new Customer("林晓" + prefix, phone, null, null), null,
					List.of(new OrderDraft.Line("CB-SKU", "围巾", 1, new BigDecimal("129.00"), null)), null, null, null,
					null, null, null, null, null, null, OrderSource.API))
			.order()
			.id();
		await().atMost(Duration.ofSeconds(20))
			.until(() -> this.jdbc.sql("SELECT count(*) FROM customer_order WHERE order_id = ?")
				.param(order)
				.query(Long.class)
				.single() == 1);

		browser.loginAs(this.users.create(Role.OPERATOR), TestUsers.PASSWORD);
		browser.clickAndWaitForPage(By.cssSelector("#main-nav a[data-nav='/crm']"));
		assertThat(browser.driver().findElement(By.tagName("h1")).getText()).isEqualTo("CRM");
		browser.type(By.id("q"), phone);
		browser.clickAndWaitForPage(By.cssSelector("#customer-filter button[type=submit]"));
		assertThat(browser.driver().findElements(By.cssSelector("#customer-table tbody tr"))).hasSize(1);
		assertThat(browser.driver().findElement(By.id("customer-table")).getText()).contains("林晓" + prefix, masked)
			.doesNotContain(phone);
		assertThat(browser.driver().findElements(By.cssSelector(".empty-state"))).isEmpty();
		browser.clickAndWaitForPage(By.linkText("林晓" + prefix));
		assertThat(browser.driver().findElement(By.id("customer-phone")).getText()).isEqualTo(masked);
		assertThat(browser.driver().findElement(By.id("customer-orders")).getText()).contains(prefix + "-1", "129.00");
		browser.assertNoConsoleErrors();
		browser.assertNoMissingMessages();
	}

}
