package io.shopops.fulfilment.inventory;

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

import static io.shopops.fulfilment.inventory.PurchasingFixtures.supplier;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
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
 * The purchasing pages: suppliers, purchase orders from draft to received, safety stock,
 * the low-stock list with its home card, and reorder suggestions turned into a draft.
 */
@SpringBootTest
@AutoConfigureMockMvc
class PurchasingPagesTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Inventory inventory;

	@Autowired
	SupplierManagement suppliers;

	@Autowired
	JdbcClient jdbc;

	@Test
	void operatorsAddAndEditSuppliersWithValidationInBothLanguages() throws Exception {
		String name = StockFixtures.unique("杭州供应商");
		this.mvc.perform(operator(post("/inventory/suppliers")).param("name", name).param("leadTimeDays", "12"))
			.andExpect(redirectedUrl("/inventory/suppliers"))
			.andExpect(flash().attribute("message", "flash.supplier.created"));
		long id = this.jdbc.sql("SELECT id FROM supplier WHERE name = ?").param(name).query(Long.class).single();
		this.mvc.perform(operator(post("/inventory/suppliers")).param("name", name).param("leadTimeDays", "1"))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("form", "name", "supplier.name.duplicate"));
		this.mvc
			.perform(operator(post("/inventory/suppliers")).param("name", "")
				.param("leadTimeDays", "x")
				.param("email", "nope")
				.header("Accept-Language", "zh-CN"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("请输入名称。")))
			.andExpect(content().string(containsString("请输入 0 到 365 之间的整数天数。")))
			.andExpect(content().string(containsString("请输入有效的邮箱地址。")));
		assertThat(page(get("/inventory/suppliers/" + id + "/edit"))).contains(name);
		assertThat(page(get("/inventory/suppliers").param("afterName", name.substring(0, name.length() - 1))))
			.contains("<td>" + name + "</td>", "id=\"supplier-table\"");
		this.mvc
			.perform(operator(post("/inventory/suppliers/" + id)).param("name", name)
				.param("leadTimeDays", "20")
				.param("version", "0")
				.param("phone", "+86 571 0000"))
			.andExpect(redirectedUrl("/inventory/suppliers"));
		this.mvc
			.perform(operator(post("/inventory/suppliers/" + id)).param("name", name)
				.param("leadTimeDays", "21")
				.param("version", "0"))
			.andExpect(status().isConflict());
		assertThat(this.jdbc.sql("SELECT lead_time_days FROM supplier WHERE id = ?")
			.param(id)
			.query(Integer.class)
			.single()).isEqualTo(20);
		assertThat(this.jdbc
			.sql("SELECT action FROM audit_entry WHERE object_type = 'supplier' AND object_id = ? " + "ORDER BY id")
			.param(String.valueOf(id))
			.query(String.class)
			.list()).containsExactly("SUPPLIER_CREATED", "SUPPLIER_UPDATED");
		this.mvc.perform(operator(get("/inventory/suppliers/999999999/edit"))).andExpect(status().isNotFound());
	}

	@Test
	void anOperatorDraftsPlacesAndReceivesAPurchaseOrder() throws Exception {
		String prefix = StockFixtures.unique("WPO");
		String sku = StockFixtures.skus(this.jdbc, this.inventory, prefix, 1).get(0);
		long supplier = supplier(this.suppliers, "Supplier " + prefix, 4);
		String location = this.mvc
			.perform(operator(post("/inventory/purchase-orders")).param("supplierId", String.valueOf(supplier))
				.param("warehouse", "MAIN")
				.param("expectedOn", "2026-12-20"))
			.andExpect(status().is3xxRedirection())
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		assertThat(location).startsWith("/inventory/purchase-orders/");
		long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
		assertThat(page(get(location))).contains("id=\"line-form\"", "No lines yet", "2026-12-20");

		this.mvc
			.perform(operator(post(location + "/lines")).param("sku", "NO-SUCH-" + prefix)
				.param("quantity", "3")
				.param("unitCost", "1.5"))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("lineForm", "sku", "purchaseOrder.line.sku.unknown"));
		this.mvc.perform(
				operator(post(location + "/lines")).param("sku", sku).param("quantity", "0").param("unitCost", "abc"))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrors("lineForm", "quantity", "unitCost"));
		this.mvc.perform(
				operator(post(location + "/lines")).param("sku", sku).param("quantity", "6").param("unitCost", "9.90"))
			.andExpect(redirectedUrl(location));
		this.mvc.perform(operator(post(location + "/place")))
			.andExpect(redirectedUrl(location))
			.andExpect(flash().attribute("message", "flash.purchaseOrder.placed"));
		this.mvc.perform(operator(post(location + "/place")))
			.andExpect(redirectedUrl(location))
			.andExpect(flash().attribute("error", "purchaseOrder.transition.illegal.ORDERED"));

		String detail = page(get(location));
		assertThat(detail).contains("Ordered", "59.40", "id=\"purchase-order-receive\"", "id=\"purchase-order-cancel\"")
			.doesNotContain("id=\"line-form\"");
		long lineId = this.jdbc.sql("SELECT id FROM purchase_order_line WHERE purchase_order_id = ?")
			.param(id)
			.query(Long.class)
			.single();
		assertThat(page(get(location + "/receive"))).contains("name=\"quantities[" + lineId + "]\"");
		this.mvc
			.perform(operator(post(location + "/receive")).param("quantities[" + lineId + "]", "7")
				.header("Accept-Language", "en"))
			.andExpect(status().isOk())
			.andExpect(view().name("fulfilment/inventory/receive"))
			.andExpect(content().string(containsString("At most 6 unit(s) of " + sku + " are outstanding")));
		this.mvc.perform(operator(post(location + "/receive")).param("quantities[" + lineId + "]", "6"))
			.andExpect(redirectedUrl(location))
			.andExpect(flash().attribute("message", "flash.purchaseOrder.received.RECEIVED"));
		assertThat(this.inventory.find(sku, "MAIN").orElseThrow().onHand()).isEqualTo(7);
		assertThat(page(get("/inventory/movements").param("sku", sku))).contains("purchase_order " + id);
		assertThat(page(get(location))).contains("Received", "Goods received", sku + " × 6")
			.doesNotContain("id=\"purchase-order-cancel\"");
		this.mvc.perform(operator(post(location + "/cancel")))
			.andExpect(flash().attribute("error", "purchaseOrder.transition.illegal.CANCELLED"));

		String list = page(get("/inventory/purchase-orders").param("supplier", String.valueOf(supplier))
			.param("status", "RECEIVED"));
		assertThat(list).contains("PO-" + id, "Supplier " + prefix);
		assertThat(page(
				get("/inventory/purchase-orders").param("supplier", String.valueOf(supplier)).param("status", "DRAFT")))
			.contains("No purchase orders match")
			.doesNotContain("PO-" + id + "<");
		assertThat(page(get("/inventory/purchase-orders").param("supplier", String.valueOf(supplier))
			.param("receivable", "true"))).contains("Only orders still to be received", "No purchase orders match")
			.doesNotContain("PO-" + id + "<");
		this.mvc.perform(operator(get("/inventory/purchase-orders").param("status", "SHIPPED")))
			.andExpect(status().isBadRequest());
		this.mvc.perform(operator(get("/inventory/purchase-orders").param("receivable", "maybe")))
			.andExpect(status().isBadRequest());
		this.mvc.perform(operator(get("/inventory/purchase-orders/999999999"))).andExpect(status().isNotFound());
	}

	@Test
	void theListsPageByTheirCursor() throws Exception {
		String prefix = StockFixtures.unique("PAGED");
		long supplier = supplier(this.suppliers, "Supplier " + prefix, 1);
		for (int i = 0; i < PurchaseOrderController.PAGE_SIZE + 3; i++) {
			this.jdbc.sql("INSERT INTO purchase_order (supplier_id, warehouse) VALUES (?, 'MAIN')")
				.param(supplier)
				.update();
		}
		String first = page(get("/inventory/purchase-orders").param("supplier", String.valueOf(supplier)));
		Matcher next = Pattern.compile("id=\"purchase-order-next\" href=\"([^\"]+)\"").matcher(first);
		assertThat(next.find()).isTrue();
		String second = page(get(next.group(1).replace("&amp;", "&")));
		assertThat(count(first, ">PO-")).isEqualTo(PurchaseOrderController.PAGE_SIZE);
		assertThat(count(second, ">PO-")).isEqualTo(3);
		assertThat(second).doesNotContain("id=\"purchase-order-next\"");
	}

	@Test
	void safetyStockPutsASkuOnTheLowStockListAndTheHomeCard() throws Exception {
		String prefix = StockFixtures.unique("WLOW");
		String sku = StockFixtures.skus(this.jdbc, this.inventory, prefix, 3).get(0);
		assertThat(page(get("/inventory/policy").param("sku", sku))).contains("id=\"policy-form\"");
		this.mvc.perform(operator(post("/inventory/policy")).param("sku", sku).param("safetyStock", "-4"))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrors("form", "safetyStock"));
		this.mvc
			.perform(operator(post("/inventory/policy")).param("sku", sku)
				.param("safetyStock", "5")
				.param("supplierId", "999999999"))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("form", "supplierId", "stockPolicy.supplier.unknown"));
		this.mvc.perform(operator(post("/inventory/policy")).param("sku", sku).param("safetyStock", "5"))
			.andExpect(redirectedUrl("/inventory/movements?sku=" + sku))
			.andExpect(flash().attribute("message", "flash.stockPolicy.saved"));
		String low = page(get("/inventory/low-stock").param("after", prefix));
		assertThat(low).containsPattern("<code>" + Pattern.quote(sku) + "</code>[\\s\\S]*?"
				+ "<td class=\"text-end fw-semibold\">3</td>\\s*<td class=\"text-end\">5</td>\\s*"
				+ "<td class=\"text-end\">0.00</td>\\s*<td class=\"text-end\">—</td>");
		assertThat(low).contains("units shipped in the last 14 days");
		String chinese = this.mvc.perform(operator(get("/inventory/low-stock")).header("Accept-Language", "zh-CN"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(chinese).contains("可售天数", "最近 14 天发货件数");
		assertThat(page(get("/"))).contains("SKUs at or below safety stock", "href=\"/inventory/low-stock\"");
		this.mvc.perform(operator(get("/inventory/policy")).param("sku", "NO-SUCH-" + prefix))
			.andExpect(status().isNotFound());
	}

	@Test
	void theReorderPageDraftsAPurchaseOrderFromTheSelectedSuggestions() throws Exception {
		String prefix = StockFixtures.unique("WRE");
		List<String> skus = StockFixtures.skus(this.jdbc, this.inventory, prefix, 1, 1);
		long supplier = supplier(this.suppliers, "Supplier " + prefix, 2);
		for (String sku : skus) {
			this.mvc
				.perform(operator(post("/inventory/policy")).param("sku", sku)
					.param("safetyStock", "4")
					.param("supplierId", String.valueOf(supplier)))
				.andExpect(status().is3xxRedirection());
		}
		String page = page(get("/inventory/reorder").param("supplier", String.valueOf(supplier)));
		assertThat(page).contains(skus.get(0), skus.get(1), "id=\"reorder-form\"");
		this.mvc.perform(operator(post("/inventory/reorder")).param("supplier", String.valueOf(supplier)))
			.andExpect(redirectedUrl("/inventory/reorder?supplier=" + supplier))
			.andExpect(flash().attribute("error", "reorder.select.none"));
		this.mvc.perform(operator(post("/inventory/reorder")).param("sku", skus.get(0)))
			.andExpect(flash().attribute("error", "reorder.supplier.required"));
		String location = this.mvc
			.perform(operator(post("/inventory/reorder")).param("sku", skus.get(1))
				.param("orderSupplier", String.valueOf(supplier))
				.param("warehouse", "MAIN"))
			.andExpect(flash().attribute("message", "flash.reorder.drafted"))
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		assertThat(page(get(location))).contains(skus.get(1), "Draft").doesNotContain(skus.get(0));
		assertThat(page(get("/inventory/reorder").param("supplier", "0"))).doesNotContain(skus.get(0));
	}

	private static int count(String text, String part) {
		return text.split(Pattern.quote(part), -1).length - 1;
	}

	private String page(MockHttpServletRequestBuilder request) throws Exception {
		return this.mvc.perform(operator(request).header("Accept-Language", "en"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	private static MockHttpServletRequestBuilder operator(MockHttpServletRequestBuilder request) {
		return request.with(user("buyer-operator").roles("OPERATOR")).with(csrf());
	}

}
