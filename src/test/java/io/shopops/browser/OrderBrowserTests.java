package io.shopops.browser;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.shopops.TestUsers;
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
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shipping journey in a real browser: an operator finds a paid order in the list,
 * opens it, ships part of it with a tracking number, then ships the rest of it and
 * another order by uploading a tracking file.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class OrderBrowserTests {

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

	@TempDir
	Path dir;

	@Test
	void anOperatorShipsAnOrderAndUploadsTrackingNumbers() throws IOException {
		String prefix = "BR" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
		String channel = prefix;
		this.jdbc.sql("INSERT INTO sales_channel (code, name, platform) VALUES (?, ?, 'TMALL')")
			.params(channel, "天猫旗舰店 " + prefix)
			.update();
		List<String> skus = skus(prefix, 20, 20);
		OrderSnapshot first = place(channel, prefix + "-001", skus.get(0), 3, skus.get(1), 1);
		OrderSnapshot second = place(channel, prefix + "-002", skus.get(1), 2, null, 0);

		browser.loginAs(this.users.create(Role.OPERATOR), TestUsers.PASSWORD);
		browser.clickAndWaitForPage(By.cssSelector("#main-nav a[data-nav='/orders']"));
		browser.type(By.id("number"), first.number());
		browser.clickAndWaitForPage(By.cssSelector("#order-filter button[type=submit]"));
		assertThat(browser.driver().findElements(By.cssSelector("#order-table tbody tr"))).hasSize(1);
		assertThat(browser.driver().findElements(By.cssSelector(".empty-state"))).isEmpty();
		browser.clickAndWaitForPage(By.linkText(first.number()));
		assertThat(browser.currentPath()).isEqualTo("/orders/" + first.id());

		// ship two of the three units of the first line and nothing of the second
		long firstLine = first.lines().get(0).id();
		long secondLine = first.lines().get(1).id();
		browser.type(By.id("ship-qty-" + firstLine), "2");
		browser.type(By.id("ship-qty-" + secondLine), "0");
		browser.type(By.id("ship-carrier"), "顺丰速运");
		browser.type(By.id("ship-tracking"), "SF" + prefix + "1");
		browser.clickAndWaitForPage(By.id("action-ship"));
		assertThat(text(By.id("flash-message"))).contains("Shipment of order " + first.number());
		assertThat(text(By.id("shipment-list"))).contains("顺丰速运").contains("SF" + prefix + "1");
		assertThat(text(By.cssSelector("h1 .badge"))).isEqualTo("Partially shipped");
		assertThat(text(By.id("timeline"))).contains("Paid").contains("Partially shipped");

		// the rest of the first order and all of the second from a tracking file
		Path file = this.dir.resolve("tracking.csv");
		Files.writeString(file,
				"\uFEFFchannel,order number,carrier,tracking number\n" + channel + "," + first.number() + ",中通快递,ZTO"
						+ prefix + "2\n" + channel + "," + second.number() + ",圆通速递,YT" + prefix + "3\n",
				StandardCharsets.UTF_8);
		browser.open("/orders");
		browser.clickAndWaitForPage(By.id("open-tracking"));
		browser.type(By.id("file"), file.toString());
		browser.clickAndWaitForPage(By.id("tracking-check"));
		assertThat(browser.driver().findElements(By.cssSelector("#tracking-rows tbody tr"))).hasSize(2);
		assertThat(browser.driver().findElements(By.cssSelector("#tracking-rows tr.table-danger"))).isEmpty();
		browser.clickAndWaitForPage(By.id("tracking-apply"));
		assertThat(text(By.id("flash-message"))).contains("2 orders shipped");

		browser.open("/orders/" + first.id());
		assertThat(text(By.cssSelector("h1 .badge"))).isEqualTo("Shipped");
		assertThat(text(By.id("shipment-list"))).contains("ZTO" + prefix + "2");
		browser.open("/orders/" + second.id());
		assertThat(text(By.cssSelector("h1 .badge"))).isEqualTo("Shipped");
		assertThat(text(By.id("shipment-list"))).contains("YT" + prefix + "3");
		assertThat(this.orders.find(second.id()).orElseThrow().status()).isEqualTo(OrderStatus.SHIPPED);
		browser.assertNoConsoleErrors();
		browser.assertNoMissingMessages();

		browser.open("/orders?channel=" + channel + "&lang=zh-CN");
		assertThat(browser.driver().findElements(By.cssSelector("#order-table tbody tr"))).hasSize(2);
		assertThat(text(By.id("order-table"))).contains("已发货");
		browser.assertNoMissingMessages();
	}

	@Test
	void anOperatorCancelsAPaidOrderOnlyAfterConfirming() {
		String prefix = "BC" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
		this.jdbc.sql("INSERT INTO sales_channel (code, name, platform) VALUES (?, ?, 'JD')")
			.params(prefix, "京东自营 " + prefix)
			.update();
		List<String> skus = skus(prefix, 5);
		OrderSnapshot order = place(prefix, prefix + "-001", skus.get(0), 2, null, 0);
		browser.loginAs(this.users.create(Role.OPERATOR), TestUsers.PASSWORD);
		browser.open("/orders/" + order.id());
		browser.driver().findElement(By.id("action-cancel")).click();
		assertThat(browser.dismissConfirm()).contains("Cancel order " + order.number());
		assertThat(this.orders.find(order.id()).orElseThrow().status()).isEqualTo(OrderStatus.PAID);
		assertThat(browser.clickAndConfirm(By.id("action-cancel"))).contains(order.number());
		browser.waitFor(By.id("flash-message"));
		assertThat(text(By.cssSelector("h1 .badge"))).isEqualTo("Cancelled");
		assertThat(this.inventory.find(skus.get(0), "MAIN").orElseThrow().reserved()).isZero();
		browser.assertNoConsoleErrors();
	}

	private List<String> skus(String prefix, int... stock) {
		long product = this.jdbc.sql("INSERT INTO product (handle, title, status) VALUES (?, ?, 'ACTIVE') RETURNING id")
			.params(prefix.toLowerCase(), "浏览器测试商品 " + prefix)
			.query(Long.class)
			.single();
		List<String> skus = new ArrayList<>();
		for (int i = 0; i < stock.length; i++) {
			String sku = prefix + "-SKU" + (i + 1);
			long variant = this.jdbc
				.sql("INSERT INTO product_variant (product_id, sku, price, position) VALUES (?, ?, 50, ?) RETURNING id")
				.params(product, sku, i + 1)
				.query(Long.class)
				.single();
			this.inventory.openStock(variant, stock[i]);
			skus.add(sku);
		}
		return skus;
	}

	private OrderSnapshot place(String channel, String number, String sku, int quantity, String secondSku,
			int secondQuantity) {
		List<OrderDraft.Line> lines = (secondSku == null)
				? List.of(new OrderDraft.Line(sku, null, quantity, new BigDecimal("50.00"), null))
				: List.of(new OrderDraft.Line(sku, null, quantity, new BigDecimal("50.00"), null),
						new OrderDraft.Line(secondSku, null, secondQuantity, new BigDecimal("50.00"), null));
		Instant now = Instant.now();
		return this.orders
			.place(new OrderDraft(channel, number, OrderStatus.PAID, Times.placed(now, now), null, null, lines, null,
					null, null, null, null, null, null, null, null, OrderSource.MANUAL))
			.order();
	}

	private static String text(By locator) {
		WebElement element = browser.waitFor(locator);
		return element.getText();
	}

}
