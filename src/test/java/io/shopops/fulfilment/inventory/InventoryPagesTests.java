package io.shopops.fulfilment.inventory;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

/**
 * The inventory pages: paging with several warehouses, adjustments, the ledger,
 * warehouses and the ledger check, with their access rules.
 */
@SpringBootTest
@AutoConfigureMockMvc
class InventoryPagesTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Inventory inventory;

	@Autowired
	JdbcClient jdbc;

	@Test
	void pagesThroughEveryRowOnceWithSeveralWarehousesPerSku() throws Exception {
		String prefix = StockFixtures.unique("PAGE");
		String second = prefix.toUpperCase().replace("PAGE-", "W");
		this.jdbc.sql("INSERT INTO warehouse (code, name) VALUES (?, 'Second')").param(second).update();
		int[] stock = new int[30];
		List<String> skus = StockFixtures.skus(this.jdbc, this.inventory, prefix, stock);
		for (String sku : skus) {
			this.inventory.receive(sku, second, 1, null);
		}
		List<String> seen = new ArrayList<>();
		String url = "/inventory?q=" + prefix;
		int pages = 0;
		while (url != null) {
			String body = page(get(url));
			Matcher row = Pattern
				.compile("<code>(" + Pattern.quote(prefix)
						+ "-\\d+)</code></td>\\s*<td><a[^>]*>[^<]*</a></td>\\s*<td>([^<]+)</td>")
				.matcher(body);
			while (row.find()) {
				seen.add(row.group(1) + "@" + row.group(2));
			}
			Matcher next = Pattern.compile("id=\"stock-next\" href=\"([^\"]+)\"").matcher(body);
			url = next.find() ? next.group(1).replace("&amp;", "&") : null;
			pages++;
		}
		assertThat(pages).isEqualTo(2);
		assertThat(seen).hasSize(60).doesNotHaveDuplicates();
	}

	@Test
	void adjustsStockWithAReasonAndShowsItInTheLedger() throws Exception {
		String prefix = StockFixtures.unique("PADJ");
		String sku = StockFixtures.skus(this.jdbc, this.inventory, prefix, 5).get(0);
		this.mvc
			.perform(operator(post("/inventory/adjust")).param("sku", sku)
				.param("warehouse", "MAIN")
				.param("delta", "-2")
				.param("reason", "DAMAGED")
				.param("note", "wet box"))
			.andExpect(redirectedUrl("/inventory/movements?sku=" + sku))
			.andExpect(flash().attribute("message", "flash.stock.adjusted"));
		assertThat(this.inventory.find(sku, "MAIN").orElseThrow().onHand()).isEqualTo(3);
		String ledger = page(get("/inventory/movements").param("sku", sku));
		assertThat(ledger).contains("DAMAGED: wet box", "Adjustment", "Opening balance", "stock-operator");
		assertThat(this.jdbc.sql("SELECT count(*) FROM audit_entry WHERE action = 'STOCK_ADJUSTED' AND object_id = ?")
			.param(sku + "@MAIN")
			.query(Long.class)
			.single()).isOne();
	}

	@Test
	void showsValidationMessagesInBothLanguages() throws Exception {
		String prefix = StockFixtures.unique("PVAL");
		String sku = StockFixtures.skus(this.jdbc, this.inventory, prefix, 1).get(0);
		this.mvc
			.perform(operator(post("/inventory/adjust")).param("sku", sku)
				.param("warehouse", "MAIN")
				.param("delta", "0")
				.param("reason", "OTHER")
				.header("Accept-Language", "en"))
			.andExpect(status().isOk())
			.andExpect(view().name("fulfilment/inventory/adjust"))
			.andExpect(model().attributeHasFieldErrors("form", "deltaNotZero", "noteGivenWhenNeeded"))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("Describe the reason in the note.")))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("The change must not be zero.")));
		this.mvc
			.perform(operator(post("/inventory/adjust")).param("sku", sku)
				.param("warehouse", "MAIN")
				.param("delta", "")
				.header("Accept-Language", "zh-CN"))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrors("form", "delta", "reason"))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("请选择原因。")));
		this.mvc
			.perform(operator(post("/inventory/adjust")).param("sku", sku)
				.param("warehouse", "MAIN")
				.param("delta", "-2")
				.param("reason", "LOST"))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("form", "delta", "stock.adjustment.belowReserved"));
		assertThat(this.inventory.find(sku, "MAIN").orElseThrow().onHand()).isEqualTo(1);
	}

	@Test
	void answersNotFoundForAnUnknownSku() throws Exception {
		this.mvc.perform(operator(get("/inventory/movements")).param("sku", "NO-SUCH-SKU"))
			.andExpect(status().isNotFound());
		this.mvc.perform(operator(get("/inventory/adjust")).param("sku", "NO-SUCH-SKU"))
			.andExpect(status().isNotFound());
		this.mvc
			.perform(operator(post("/inventory/adjust")).param("sku", "NO-SUCH-SKU")
				.param("warehouse", "MAIN")
				.param("delta", "1")
				.param("reason", "FOUND"))
			.andExpect(status().isNotFound());
	}

	@Test
	void operatorsReadWarehousesAndOnlyAdminsAddThem() throws Exception {
		String code = StockFixtures.unique("WH").toUpperCase();
		assertThat(page(get("/inventory/warehouses"))).contains("MAIN").doesNotContain("warehouse-form");
		this.mvc.perform(operator(post("/inventory/warehouses")).param("code", code).param("name", "Shanghai"))
			.andExpect(status().isForbidden());
		this.mvc.perform(as(post("/inventory/warehouses"), "MANAGER").param("code", code).param("name", "Shanghai"))
			.andExpect(status().isForbidden());
		this.mvc.perform(as(post("/inventory/warehouses"), "ADMIN").param("code", code).param("name", "上海仓"))
			.andExpect(redirectedUrl("/inventory/warehouses"));
		this.mvc.perform(as(post("/inventory/warehouses"), "ADMIN").param("code", code).param("name", "Again"))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("form", "code", "warehouse.code.duplicate"));
		this.mvc.perform(as(post("/inventory/warehouses"), "ADMIN").param("code", "bad code").param("name", ""))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrors("form", "code", "name"));
		assertThat(this.jdbc.sql("SELECT name FROM warehouse WHERE code = ?").param(code).query(String.class).single())
			.isEqualTo("上海仓");
		assertThat(
				this.jdbc.sql("SELECT count(*) FROM audit_entry WHERE action = 'WAREHOUSE_CREATED' AND object_id = ?")
					.param(code)
					.query(Long.class)
					.single())
			.isOne();
	}

	@Test
	void onlyAdminsRunTheLedgerCheck() throws Exception {
		this.mvc.perform(operator(get("/inventory/check"))).andExpect(status().isForbidden());
		this.mvc.perform(as(post("/inventory/check"), "MANAGER")).andExpect(status().isForbidden());
		this.mvc.perform(as(get("/inventory/check"), "ADMIN"))
			.andExpect(status().isOk())
			.andExpect(model().attributeDoesNotExist("check"));
		String prefix = StockFixtures.unique("PCHK");
		String sku = StockFixtures.skus(this.jdbc, this.inventory, prefix, 4).get(0);
		String drift = "UPDATE stock_item SET on_hand = ? WHERE variant_id = (SELECT id FROM product_variant WHERE sku = ?)";
		this.jdbc.sql(drift).params(6, sku).update();
		try {
			String body = this.mvc.perform(as(post("/inventory/check"), "ADMIN").header("Accept-Language", "en"))
				.andExpect(status().isOk())
				.andReturn()
				.getResponse()
				.getContentAsString();
			assertThat(body).contains("id=\"check-failed\"", "stock rows differ from the ledger")
				.containsPattern("<code>" + Pattern.quote(sku) + "</code></td>\\s*<td>MAIN</td>\\s*"
						+ "<td class=\"text-end\">6</td>\\s*<td class=\"text-end\">4</td>");
		}
		finally {
			this.jdbc.sql(drift).params(4, sku).update();
		}
		assertThat(StockFixtures.mismatchesOf(this.inventory.checkLedger(), prefix)).isEmpty();
	}

	private String page(MockHttpServletRequestBuilder request) throws Exception {
		return this.mvc.perform(operator(request).header("Accept-Language", "en"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	private static MockHttpServletRequestBuilder operator(MockHttpServletRequestBuilder request) {
		return as(request, "OPERATOR");
	}

	private static MockHttpServletRequestBuilder as(MockHttpServletRequestBuilder request, String role) {
		return request.with(user("stock-" + role.toLowerCase()).roles(role)).with(csrf());
	}

}
