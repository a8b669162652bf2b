package io.shopops.browser;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
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
import io.shopops.growth.outreach.OutreachTestSupport;
import io.shopops.platform.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The outreach journey in a real browser: a manager saves a segment of the buyers of one
 * channel, issues coupon codes to it, and sends an outreach campaign with the coupon to
 * it; once the outbox is dispatched the campaign shows every member sent, each message
 * with the member's own code.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class OutreachBrowserTests {

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

	@Autowired
	ApplicationContext context;

	@Test
	void aManagerSendsAnOutreachCampaignWithCouponsToASavedSegment() {
		String prefix = "OB" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
		String channel = this.channels.create(prefix, "Outreach shop", SalesPlatform.OWN_SITE).code();
		List<Long> orderIds = new ArrayList<>();
		for (int i = 1; i <= 2; i++) {
			String phone = "18" + String.format("%09d", ThreadLocalRandom.current().nextInt(1_000_000_000));
			Instant placed = Instant.now().minus(Duration.ofDays(10 + i));
			orderIds.add(
					this.orders
						.place(new OrderDraft(channel, prefix + "-" + i, OrderStatus.COMPLETED,
								new Times(placed, placed, placed, placed, placed.plusSeconds(3600), null, null),
								new Customer("顾客" + i + prefix, phone, null, null), null,
								List.of(new OrderDraft.Line("OB-SKU", "茶具", 1, new BigDecimal("199.00"), null)), null,
								null, null, null, null, null, null, null, null, OrderSource.API))
						.order()
						.id());
		}
		await().atMost(Duration.ofSeconds(30))
			.until(() -> this.jdbc.sql("SELECT count(*) FROM customer_order WHERE order_id IN (:ids)")
				.param("ids", orderIds)
				.query(Long.class)
				.single() == 2);
		long coupon = this.jdbc
			.sql("""
					INSERT INTO coupon (name, type, amount, valid_from, valid_until)
					VALUES (:name, 'NO_THRESHOLD', 20, now() - interval '1 day', now() + interval '30 days') RETURNING id""")
			.param("name", "回购券 " + prefix)
			.query(Long.class)
			.single();
		long template = this.jdbc
			.sql("INSERT INTO outreach_template (name, channel, body) VALUES (:name, 'sms', :body) RETURNING id")
			.param("name", "回购短信 " + prefix)
			.param("body", "{{name}}您好，您的券码 {{coupon}}")
			.query(Long.class)
			.single();

		browser.loginAs(this.users.create(Role.MANAGER), TestUsers.PASSWORD);
		browser.open("/crm/segments/new");
		browser.type(By.id("name"), "渠道 " + prefix);
		new Select(browser.driver().findElement(By.id("firstChannel"))).selectByValue(channel);
		browser.clickAndWaitForPage(By.id("save-segment"));
		assertThat(browser.driver().findElement(By.tagName("h1")).getText()).contains("渠道 " + prefix);
		String segmentId = browser.currentPath().replaceAll("\\D+", "");

		browser.open("/crm/coupons/" + coupon + "/issue?audience=segment");
		new Select(browser.driver().findElement(By.id("value"))).selectByValue(segmentId);
		browser.clickAndWaitForPage(By.cssSelector("#issue-form button[type=submit]"));
		assertThat(browser.waitFor(By.id("flash-message")).getText()).contains("2");

		browser.clickAndWaitForPage(By.cssSelector("#main-nav a[data-nav='/crm/outreach']"));
		browser.clickAndWaitForPage(By.id("new-campaign"));
		browser.type(By.id("name"), "回购触达 " + prefix);
		new Select(browser.driver().findElement(By.id("templateId"))).selectByValue(Long.toString(template));
		new Select(browser.driver().findElement(By.id("segmentId"))).selectByValue(segmentId);
		new Select(browser.driver().findElement(By.id("couponId"))).selectByValue(Long.toString(coupon));
		browser.clickAndWaitForPage(By.id("save-campaign"));
		assertThat(browser.driver().findElement(By.id("campaign-name")).getText()).isEqualTo("回购触达 " + prefix);
		browser.clickAndWaitForPage(By.id("send-now"));
		assertThat(browser.waitFor(By.id("flash-message")).getText()).contains("2");
		assertThat(browser.driver().findElement(By.id("stat-targeted")).getText()).isEqualTo("2");

		OutreachTestSupport.dispatch(this.context);
		browser.open(browser.currentPath());
		assertThat(browser.driver().findElement(By.id("stat-sent")).getText()).isEqualTo("2");
		assertThat(browser.driver().findElement(By.id("outbox-table")).getText())
			.contains("顾客1" + prefix + "您好，您的券码 CP", "顾客2" + prefix + "您好，您的券码 CP");
		browser.assertNoConsoleErrors();
		browser.assertNoMissingMessages();
	}

}
