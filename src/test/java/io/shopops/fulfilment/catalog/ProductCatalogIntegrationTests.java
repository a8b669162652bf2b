package io.shopops.fulfilment.catalog;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

/**
 * The catalog pages against the real database. Each test works on products with its own
 * unique tag or handle prefix, so that tests sharing the database do not see each other's
 * rows.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ProductCatalogIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Test
	void createsAProductWithSkusStockAndSanitisedDescription() throws Exception {
		String handle = unique("tee");
		this.mvc
			.perform(newProduct(handle, "纯棉T恤").param("variants[0].sku", handle + "-R")
				.param("variants[0].option1Value", "红色")
				.param("variants[0].price", "59.90")
				.param("variants[0].initialStock", "12")
				.param("variants[1].sku", handle + "-B")
				.param("variants[1].option1Value", "黑色")
				.param("variants[1].price", "69.9"))
			.andExpect(redirectedUrlPattern("/products/*"));
		var row = this.jdbc
			.sql("SELECT description, min_price, max_price, variant_count, tags FROM product WHERE handle = ?")
			.param(handle)
			.query((rs, n) -> List.of(rs.getString(1), rs.getBigDecimal(2).toPlainString(),
					rs.getBigDecimal(3).toPlainString(), rs.getInt(4), rs.getString(5)))
			.single();
		assertThat(row).containsExactly("<p>好</p>", "59.90", "69.90", 2, "{夏季,新品}");
		assertThat(this.jdbc
			.sql("SELECT s.on_hand FROM stock_item s JOIN product_variant v ON v.id = s.variant_id "
					+ "WHERE v.sku = ?")
			.param(handle + "-R")
			.query(Integer.class)
			.single()).isEqualTo(12);
		assertThat(this.jdbc
			.sql("SELECT m.kind || ' ' || m.on_hand_delta FROM stock_movement m "
					+ "JOIN product_variant v ON v.id = m.variant_id WHERE v.sku = ?")
			.param(handle + "-R")
			.query(String.class)
			.list()).containsExactly("INITIAL 12");
		assertThat(this.jdbc.sql("SELECT count(*) FROM audit_entry WHERE action = 'PRODUCT_CREATED' AND object_id = ?")
			.param(handle)
			.query(Long.class)
			.single()).isOne();
	}

	@Test
	void rejectsInvalidProductsWithFieldErrors() throws Exception {
		String handle = unique("bad");
		String existing = unique("taken");
		createProduct(existing, existing + "-1", "10.00");
		this.mvc
			.perform(newProduct(handle, "").param("variants[0].sku", existing + "-1")
				.param("variants[0].price", "-1")
				.param("variants[0].option2Value", "XL")
				.param("variants[1].sku", "has space")
				.param("variants[1].price", "1.234"))
			.andExpect(status().isOk())
			.andExpect(view().name("fulfilment/products/form"))
			.andExpect(model().attributeHasFieldErrors("form", "title", "variants[0].price", "variants[0].sku",
					"variants[0].option2Value", "variants[1].sku", "variants[1].price"));
		assertThat(
				this.jdbc.sql("SELECT count(*) FROM product WHERE handle = ?").param(handle).query(Long.class).single())
			.isZero();
	}

	@Test
	void aStaleEditGetsTheConflictPageAndOverwritesNothing() throws Exception {
		String handle = unique("lock");
		long id = createProduct(handle, handle + "-1", "10.00");
		this.mvc.perform(edit(id, handle, "First title", 0, handle + "-1", "11.00"))
			.andExpect(redirectedUrlPattern("/products/*"));
		this.mvc.perform(edit(id, handle, "Second title from a stale form", 0, handle + "-1", "12.00"))
			.andExpect(status().isConflict())
			.andExpect(view().name("error/409"));
		assertThat(this.jdbc.sql("SELECT title FROM product WHERE id = ?").param(id).query(String.class).single())
			.isEqualTo("First title");
	}

	@Test
	void seekPagingVisitsEveryMatchingProductExactlyOnceInOrder() throws Exception {
		String tag = unique("page");
		for (int i = 0; i < 120; i++) {
			createProductWithTag(tag + "-" + i, tag, String.valueOf(100 + (i % 7)) + ".00");
		}
		for (String sort : List.of("updated", "title", "price_asc", "price_desc")) {
			List<String> seen = new ArrayList<>();
			String after = null;
			List<String> firstPage = null;
			do {
				MockHttpServletRequestBuilder request = get("/products").param("tag", tag).param("sort", sort);
				if (after != null) {
					request.param("after", after);
				}
				String body = page(request);
				List<String> handles = handles(body, tag);
				if (firstPage == null) {
					firstPage = handles;
				}
				seen.addAll(handles);
				after = link(body, "page-next", "after");
				if (after == null) {
					// going back from the last page lands on the page before it
					String before = link(body, "page-previous", "before");
					assertThat(before).isNotNull();
				}
			}
			while (after != null);
			assertThat(seen).as(sort).hasSize(120);
			Set<String> distinct = new HashSet<>(seen);
			assertThat(distinct).as(sort).hasSize(120);
			assertThat(firstPage).hasSize(ProductQuery.PAGE_SIZE);
		}
	}

	@Test
	void filtersBySkuPriceRangeAndStatus() throws Exception {
		String handle = unique("filter");
		createProduct(handle, handle + "-SKU", "88.80");
		String listed = "<code>" + handle + "</code>";
		assertThat(page(get("/products").param("q", handle + "-SKU"))).contains(listed);
		assertThat(page(get("/products").param("q", handle).param("minPrice", "80").param("maxPrice", "90")))
			.contains(listed);
		assertThat(page(get("/products").param("q", handle).param("minPrice", "90"))).doesNotContain(listed);
		assertThat(page(get("/products").param("q", handle).param("status", "archived"))).doesNotContain(listed);
		assertThat(page(get("/products").param("q", handle).param("minPrice", "abc"))).contains(listed)
			.contains("price filter is not a number");
	}

	@Test
	void bulkActionsAskForConfirmationThenApplyAndAudit() throws Exception {
		String tag = unique("bulk");
		long first = createProductWithTag(tag + "-a", tag, "100.00");
		long second = createProductWithTag(tag + "-b", tag, "0.50");
		String confirm = this.mvc
			.perform(operator(post("/products/bulk")).param("ids", String.valueOf(first), String.valueOf(second))
				.param("action", "PRICE_AMOUNT")
				.param("value", "-1"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(confirm).contains("bulk-confirm");
		assertThat(price(tag + "-a-1")).isEqualTo("100.00");
		this.mvc
			.perform(operator(post("/products/bulk/apply")).param("ids", String.valueOf(first), String.valueOf(second))
				.param("action", "PRICE_AMOUNT")
				.param("value", "-1"))
			.andExpect(flash().attribute("message", "flash.product.bulk"));
		assertThat(price(tag + "-a-1")).isEqualTo("99.00");
		assertThat(price(tag + "-b-1")).isEqualTo("0.00");
		this.mvc
			.perform(operator(post("/products/bulk/apply")).param("ids", String.valueOf(first))
				.param("action", "ADD_TAG")
				.param("tag", "清仓"))
			.andExpect(flash().attribute("message", "flash.product.bulk"));
		assertThat(this.jdbc.sql("SELECT '清仓' = ANY(tags) FROM product WHERE id = ?")
			.param(first)
			.query(Boolean.class)
			.single()).isTrue();
		this.mvc.perform(operator(post("/products/bulk/apply")).param("action", "ARCHIVE"))
			.andExpect(flash().attribute("error", "product.bulk.noSelection"));
	}

	@Test
	void exportNeutralisesFormulaCells() throws Exception {
		String handle = unique("export");
		createProductTitled(handle, "=HYPERLINK(\"http://evil\")", handle + "-1");
		String csv = this.mvc.perform(operator(get("/products/export.csv")).param("q", handle))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
		assertThat(csv).startsWith("\uFEFFhandle,title,");
		assertThat(csv).contains("'=HYPERLINK").doesNotContain(",=HYPERLINK");
		assertThat(csv.lines().count()).isEqualTo(2);
	}

	@Test
	void renamingACategoryRenamesItsDescendants() throws Exception {
		String root = unique("根");
		this.mvc.perform(operator(post("/products/categories")).param("name", root));
		long rootId = this.jdbc.sql("SELECT id FROM category WHERE path = ?").param(root).query(Long.class).single();
		this.mvc.perform(
				operator(post("/products/categories")).param("name", "子类").param("parentId", String.valueOf(rootId)));
		this.mvc.perform(operator(post("/products/categories/{id}/rename", rootId)).param("name", root + "新"));
		assertThat(this.jdbc.sql("SELECT path FROM category WHERE path LIKE ? ORDER BY path")
			.param(root + "%")
			.query(String.class)
			.list()).containsExactly(root + "新", root + "新 > 子类");
		this.mvc.perform(operator(post("/products/categories/{id}/delete", rootId)))
			.andExpect(flash().attribute("error", "category.inUse"));
	}

	private long createProduct(String handle, String sku, String price) throws Exception {
		return createProductTitled(handle, "Product " + handle, sku, price, null);
	}

	private long createProductTitled(String handle, String title, String sku) throws Exception {
		return createProductTitled(handle, title, sku, "10.00", null);
	}

	private long createProductWithTag(String handle, String tag, String price) throws Exception {
		return createProductTitled(handle, "Product " + handle, handle + "-1", price, tag);
	}

	private long createProductTitled(String handle, String title, String sku, String price, String tag)
			throws Exception {
		this.mvc
			.perform(operator(post("/products")).param("handle", handle)
				.param("title", title)
				.param("status", "ACTIVE")
				.param("tags", (tag != null) ? tag : "")
				.param("variants[0].sku", sku)
				.param("variants[0].price", price))
			.andExpect(redirectedUrlPattern("/products/*"));
		return this.jdbc.sql("SELECT id FROM product WHERE handle = ?").param(handle).query(Long.class).single();
	}

	private MockHttpServletRequestBuilder newProduct(String handle, String title) {
		return operator(post("/products")).param("handle", handle)
			.param("title", title)
			.param("status", "ACTIVE")
			.param("tags", "夏季, 新品，夏季")
			.param("option1Name", "颜色")
			.param("description", "<p>好<script>alert(1)</script></p>");
	}

	private MockHttpServletRequestBuilder edit(long id, String handle, String title, long version, String sku,
			String price) {
		long variantId = this.jdbc.sql("SELECT id FROM product_variant WHERE sku = ?")
			.param(sku)
			.query(Long.class)
			.single();
		return operator(post("/products/{id}", id)).param("handle", handle)
			.param("title", title)
			.param("status", "ACTIVE")
			.param("version", String.valueOf(version))
			.param("variants[0].id", String.valueOf(variantId))
			.param("variants[0].sku", sku)
			.param("variants[0].price", price);
	}

	private String page(MockHttpServletRequestBuilder request) throws Exception {
		return this.mvc.perform(operator(request).header("Accept-Language", "en"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	private String price(String sku) {
		return this.jdbc.sql("SELECT price FROM product_variant WHERE sku = ?")
			.param(sku)
			.query(java.math.BigDecimal.class)
			.single()
			.toPlainString();
	}

	private static MockHttpServletRequestBuilder operator(MockHttpServletRequestBuilder request) {
		return request.with(user("catalog-operator").roles("OPERATOR")).with(csrf());
	}

	private static List<String> handles(String body, String prefix) {
		List<String> handles = new ArrayList<>();
		Matcher matcher = Pattern.compile("<code>(" + Pattern.quote(prefix) + "-\\d+)</code>").matcher(body);
		while (matcher.find()) {
			handles.add(matcher.group(1));
		}
		return handles;
	}

	private static String link(String body, String id, String parameter) {
		Matcher matcher = Pattern.compile("id=\"" + id + "\"\\s+href=\"[^\"]*[?&;]" + parameter + "=([^\"&]+)")
			.matcher(body);
		return matcher.find() ? matcher.group(1) : null;
	}

	private static String unique(String prefix) {
		return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
	}

}
