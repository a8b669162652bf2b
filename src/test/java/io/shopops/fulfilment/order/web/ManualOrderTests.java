package io.shopops.fulfilment.order.web;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import io.shopops.fulfilment.inventory.Inventory;
import io.shopops.fulfilment.order.OrderSnapshot;
import io.shopops.fulfilment.order.OrderSource;
import io.shopops.fulfilment.order.OrderStatus;
import io.shopops.fulfilment.order.Orders;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Manual order entry: a paid order reserves its stock, an empty price takes the SKU's,
 * and what is wrong shows at its field in English and Chinese, stock shortage included.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ManualOrderTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Orders orders;

	@Autowired
	Inventory inventory;

	@Test
	void savesAPaidOrderTypedByHandAndReservesItsStock() throws Exception {
		OrderRows rows = new OrderRows(this.jdbc);
		List<String> skus = rows.skus(this.inventory, OrderRows.unique("MAN"), 10, 10);
		assertThat(page(get("/orders/new"), Locale.ENGLISH)).contains("id=\"order-form\"")
			.contains(rows.channelCode)
			.doesNotContain("??");
		MvcResult result = this.mvc
			.perform(post("/orders/new").with(csrf())
				.with(user("op").roles("OPERATOR"))
				.param("channel", rows.channelCode)
				.param("number", "PHONE-1")
				.param("status", "PAID")
				.param("customerName", "李雷")
				.param("customerPhone", "13800000001")
				.param("shipName", "李雷")
				.param("shipProvince", "浙江省")
				.param("shipCity", "杭州市")
				.param("shipLine1", "文三路 1 号")
				.param("shippingFee", "8")
				.param("lines[0].sku", skus.get(0))
				.param("lines[0].quantity", "2")
				.param("lines[0].unitPrice", "45.50")
				.param("lines[0].discount", "1")
				.param("lines[1].sku", "")
				.param("lines[2].sku", skus.get(1))
				.param("lines[2].quantity", "1"))
			.andExpect(status().is3xxRedirection())
			.andReturn();
		OrderSnapshot order = this.orders.find(rows.channelCode, "PHONE-1").orElseThrow();
		assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/orders/" + order.id());
		assertThat(order.status()).isEqualTo(OrderStatus.PAID);
		assertThat(order.source()).isEqualTo(OrderSource.MANUAL);
		assertThat(order.lines()).hasSize(2);
		assertThat(order.lines().get(1).unitPrice()).isEqualByComparingTo("50.00");
		// 2 × 45.50 − 1 + 50 + 8
		assertThat(order.paidAmount()).isEqualByComparingTo("148.00");
		assertThat(this.inventory.find(skus.get(0), "MAIN").orElseThrow().reserved()).isEqualTo(2);
		String again = submit(rows.channelCode, "PHONE-1", skus.get(0), "1", Locale.ENGLISH);
		assertThat(again).contains("Order number PHONE-1 already exists").contains("id=\"existing-order\"");
	}

	@Test
	void showsEveryProblemAtItsFieldInBothLanguages() throws Exception {
		OrderRows rows = new OrderRows(this.jdbc);
		String english = submit(rows.channelCode, "BAD-1", "", "0", Locale.ENGLISH);
		assertThat(english).contains("Enter the SKU.").contains("Enter a whole number of units").doesNotContain("??");
		String chinese = submit(rows.channelCode, "BAD-1", "", "0", Locale.SIMPLIFIED_CHINESE);
		assertThat(chinese).contains("请填写 SKU。").contains("请填写 1 到 100,000 之间的整数件数。");
		String noLines = this.mvc
			.perform(post("/orders/new").with(csrf())
				.with(user("op").roles("OPERATOR"))
				.header("Accept-Language", "en")
				.param("channel", rows.channelCode)
				.param("status", "PAID"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(noLines).contains("Add at least one line");
		String unknown = submit(rows.channelCode, "BAD-2", "NO-SUCH-SKU-" + rows.channelCode, "1", Locale.ENGLISH);
		assertThat(unknown).contains("this SKU is unknown");
		String service = this.mvc
			.perform(post("/orders/new").with(csrf())
				.with(user("op").roles("OPERATOR"))
				.header("Accept-Language", "zh-CN")
				.param("channel", rows.channelCode)
				.param("status", "PAID")
				.param("lines[0].sku", "NO-SUCH-SKU-" + rows.channelCode)
				.param("lines[0].quantity", "1")
				.param("lines[0].unitPrice", "10"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(service).contains("is-invalid").doesNotContain("??").doesNotContain("order.draft.");
		assertThat(this.orders.find(rows.channelCode, "BAD-1")).isEmpty();
	}

	@Test
	void saysWhichSkuIsShortAndSavesNothing() throws Exception {
		OrderRows rows = new OrderRows(this.jdbc);
		List<String> skus = rows.skus(this.inventory, OrderRows.unique("MSHORT"), 1);
		String body = submit(rows.channelCode, "SHORT-1", skus.get(0), "3", Locale.ENGLISH);
		assertThat(body).contains("Not enough stock of " + skus.get(0) + " in warehouse MAIN");
		String chinese = submit(rows.channelCode, "SHORT-1", skus.get(0), "3", Locale.SIMPLIFIED_CHINESE);
		assertThat(chinese).contains("仓库 MAIN 中 " + skus.get(0) + " 的库存不足");
		assertThat(this.orders.find(rows.channelCode, "SHORT-1")).isEmpty();
		assertThat(this.inventory.find(skus.get(0), "MAIN").orElseThrow().reserved()).isZero();
	}

	@Test
	void addsALineWithoutSaving() throws Exception {
		OrderRows rows = new OrderRows(this.jdbc);
		String body = this.mvc
			.perform(post("/orders/new").with(csrf())
				.with(user("op").roles("OPERATOR"))
				.param("channel", rows.channelCode)
				.param("addLine", "1")
				.param("lines[0].sku", "A")
				.param("lines[1].sku", "")
				.param("lines[2].sku", ""))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(body).contains("name=\"lines[3].sku\"").doesNotContain("is-invalid");
	}

	private String submit(String channel, String number, String sku, String quantity, Locale locale) throws Exception {
		return this.mvc
			.perform(post("/orders/new").with(csrf())
				.with(user("op").roles("OPERATOR"))
				.header("Accept-Language", locale.toLanguageTag())
				.param("channel", channel)
				.param("number", number)
				.param("status", "PAID")
				.param("lines[0].sku", sku)
				.param("lines[0].quantity", quantity))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
	}

	private String page(MockHttpServletRequestBuilder request, Locale locale) throws Exception {
		return this.mvc
			.perform(request.with(user("op").roles("OPERATOR")).header("Accept-Language", locale.toLanguageTag()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
	}

}
