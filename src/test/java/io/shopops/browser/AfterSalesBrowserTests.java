package io.shopops.browser;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.shopops.TestUsers;
import io.shopops.fulfilment.aftersales.api.AfterSales;
import io.shopops.fulfilment.aftersales.api.AfterSalesRequest;
import io.shopops.fulfilment.aftersales.api.RequestStatus;
import io.shopops.fulfilment.inventory.Inventory;
import io.shopops.fulfilment.order.OrderDraft;
import io.shopops.fulfilment.order.OrderSnapshot;
import io.shopops.fulfilment.order.OrderSource;
import io.shopops.fulfilment.order.OrderStatus;
import io.shopops.fulfilment.order.Orders;
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

/**
 * A return end to end in a real browser: an operator opens a shipped order, starts a
 * return, approves it, receives the goods, restocks them, refunds and closes it.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class AfterSalesBrowserTests {

	@RegisterExtension
	static final BrowserSupport browser = new BrowserSupport();

	@Autowired
	TestUsers users;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Inventory inventory;

	@Autowired
	Orders orders;

	@Autowired
	AfterSales afterSales;

	@Test
	void anOperatorTakesAReturnFromTheOrderToClosed() {
		String prefix = "AS" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
		this.jdbc.sql("INSERT INTO sales_channel (code, name, platform) VALUES (?, ?, 'TMALL')")
			.params(prefix, "天猫旗舰店 " + prefix)
			.update();
		long product = this.jdbc.sql("INSERT INTO product (handle, title, status) VALUES (?, ?, 'ACTIVE') RETURNING id")
			.params(prefix.toLowerCase(), "售后测试商品 " + prefix)
			.query(Long.class)
			.single();
		String sku = prefix + "-SKU1";
		long variant = this.jdbc
			.sql("INSERT INTO product_variant (product_id, sku, price, position) VALUES (?, ?, 80, 1) RETURNING id")
			.params(product, sku)
			.query(Long.class)
			.single();
		this.inventory.openStock(variant, 10);
		Instant now = Instant.now();
		OrderSnapshot order = this.orders
			.place(new OrderDraft(prefix, prefix + "-001", OrderStatus.PAID, Times.placed(now, now), null, null,
					List.of(new OrderDraft.Line(sku, null, 2, new BigDecimal("80.00"), null)), null, null, null, null,
					null, null, null, null, null, OrderSource.MANUAL))
			.order();
		this.orders.ship(order.id(), new Orders.ShipmentRequest("顺丰速运", "SF" + prefix, null, List.of()));
		long line = order.lines().get(0).id();

		browser.loginAs(this.users.create(Role.OPERATOR), TestUsers.PASSWORD);
		browser.open("/orders/" + order.id());
		browser.clickAndWaitForPage(By.id("start-after-sales"));
		assertThat(browser.currentPath()).startsWith("/after-sales/new");
		browser.driver().findElement(By.cssSelector("#type option[value='RETURN_REFUND']")).click();
		browser.driver().findElement(By.cssSelector("#reason option[value='wrong_size']")).click();
		browser.type(By.id("reasonText"), "尺码偏小");
		browser.type(By.id("quantity-" + line), "1");
		browser.type(By.id("amount-" + line), "80.00");
		browser.clickAndWaitForPage(By.id("create-request"));
		assertThat(text(By.id("flash-message"))).contains("After-sales request created");
		assertThat(text(By.id("request-status"))).isEqualTo("Requested");
		long id = Long.parseLong(browser.currentPath().substring("/after-sales/".length()));

		browser.clickAndWaitForPage(By.id("action-approve"));
		assertThat(text(By.id("request-status"))).isEqualTo("Approved");
		browser.clickAndWaitForPage(By.id("action-receive"));
		assertThat(text(By.id("request-status"))).isEqualTo("Goods received");
		AfterSalesRequest received = this.afterSales.find(id).orElseThrow();
		browser.clickAndWaitForPage(By.id("restock-" + received.lines().get(0).id()));
		assertThat(text(By.id("request-status"))).isEqualTo("Inspected");
		assertThat(text(By.id("line-table"))).contains("Restocked");
		assertThat(this.inventory.find(sku, "MAIN").orElseThrow().onHand()).isEqualTo(9);

		browser.type(By.id("refund-amount"), "75.00");
		assertThat(browser.clickAndConfirm(By.id("action-refund"))).contains(String.valueOf(id));
		browser.waitFor(By.id("flash-message"));
		assertThat(text(By.id("request-status"))).isEqualTo("Refunded");
		assertThat(text(By.id("refunded-amount"))).contains("75.00");
		browser.clickAndConfirm(By.id("action-close"));
		browser.waitFor(By.id("no-actions"));
		assertThat(text(By.id("request-status"))).isEqualTo("Closed");
		assertThat(text(By.id("timeline"))).contains("Requested", "Approved", "Goods received", "Inspected", "Refunded",
				"Closed");
		assertThat(browser.driver().findElements(By.id("action-problems"))).isEmpty();
		assertThat(this.afterSales.find(id).orElseThrow().status()).isEqualTo(RequestStatus.CLOSED);
		browser.assertNoConsoleErrors();
		browser.assertNoMissingMessages();

		browser.open("/after-sales?channel=" + prefix);
		assertThat(browser.driver().findElements(By.cssSelector("#after-sales-table tbody tr"))).hasSize(1);
		assertThat(browser.driver().findElements(By.cssSelector(".empty-state"))).isEmpty();
		browser.open("/after-sales/" + id + "?lang=zh-CN");
		assertThat(text(By.id("request-status"))).isEqualTo("已关闭");
		browser.assertNoMissingMessages();
		browser.assertNoConsoleErrors();
	}

	private static String text(By locator) {
		return browser.waitFor(locator).getText();
	}

}
