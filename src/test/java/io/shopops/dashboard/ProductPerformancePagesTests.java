package io.shopops.dashboard;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import io.shopops.fulfilment.inventory.Inventory;
import io.shopops.fulfilment.order.OrderSnapshot;
import io.shopops.platform.Role;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The product performance page (选品) and its CSV over HTTP (MockMvc), on a catalog, stock,
 * reviews and paid orders of the test's own.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ProductPerformancePagesTests {

	private static final RequestPostProcessor MANAGER = user("perf-manager").roles(Role.MANAGER.name());

	private static final RequestPostProcessor OPERATOR = user("perf-operator").roles(Role.OPERATOR.name());

	@Autowired
	MockMvc mvc;

	@Autowired
	KpiRollups rollups;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Inventory inventory;

	/**
	 * Ten past days of one channel. 连衣裙 (two SKUs with cost prices 40 and 45, stock 100 +
	 * 50, reviews 5 and 4 stars): 8 units for 800.00 and 2 for 200.00; a product whose
	 * title looks like a formula (no cost price, no stock): 3 units for 150.00, one
	 * refunded on the next day; 袜子 (cost 2, stock 1000): 1 unit for 5.00; a SKU the
	 * catalog does not know: 1 unit for 20.00.
	 */
	private Fixture fixture() {
		String tag = UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
		ZoneId zone = this.rollups.zone();
		String channel = KpiFixtures.channel();
		LocalDate day1 = LocalDate.of(2005, 3, 1).plusDays(Math.floorMod(tag.hashCode(), 3000));
		long root = category("选品测试 " + tag, null);
		long child = category("选品测试 " + tag + " > 连衣裙", root);
		long dress = product("perf-dress-" + tag, "连衣裙 " + tag, child);
		String s1a = "PERF-" + tag + "-1A";
		String s1b = "PERF-" + tag + "-1B";
		this.inventory.openStock(variant(dress, s1a, "40.00", 1), 100);
		this.inventory.openStock(variant(dress, s1b, "45.00", 2), 50);
		review(dress, 5);
		review(dress, 4);
		long formula = product("perf-formula-" + tag, "=HYPERLINK(\"x\") " + tag, root);
		String s2 = "PERF-" + tag + "-2";
		variant(formula, s2, null, 1);
		long socks = product("perf-socks-" + tag, "袜子 " + tag, root);
		String s3 = "PERF-" + tag + "-3";
		this.inventory.openStock(variant(socks, s3, "2.00", 1), 1000);
		String unknown = "PERF-" + tag + "-9";
		Instant noon = day1.atTime(12, 0).atZone(zone).toInstant();
		this.rollups
			.recordOrder(KpiFixtures.order(KpiFixtures.nextId(), channel, noon, s1a, 5, "500.00", s2, 3, "150.00"));
		OrderSnapshot withFormula = KpiFixtures.order(KpiFixtures.nextId(), channel, noon.plusSeconds(86_400 * 3), s1a,
				3, "300.00", s1b, 2, "200.00");
		this.rollups.recordOrder(withFormula);
		OrderSnapshot small = KpiFixtures.order(KpiFixtures.nextId(), channel, noon.plusSeconds(86_400 * 9), s3, 1,
				"5.00", unknown, 1, "20.00");
		this.rollups.recordOrder(small);
		OrderSnapshot first = KpiFixtures.order(KpiFixtures.nextId() + 0, channel, noon, s2, 1, "50.00");
		this.rollups
			.recordRefund(KpiFixtures.refund(KpiFixtures.nextId(), first, noon.plusSeconds(86_400), s2, 1, "50.00"));
		return new Fixture(tag, channel, day1, day1.plusDays(9), root, child, dress, s1a, s1b, s2, s3, unknown);
	}

	@Test
	void productsAreRankedWithTheirFiguresClassesAndHints() throws Exception {
		Fixture f = fixture();
		String page = page(get("/dashboard/products").param("from", f.from().toString())
			.param("to", f.to().toString())
			.param("channel", f.channel())
			.with(MANAGER));
		assertThat(page)
			.contains("id=\"perf-table\"", "Gross margin", "title=\"GMV − units × cost price", "Product performance",
					"id=\"perf-rules\"")
			.doesNotContain("??", "perf-problem", "empty-state");
		List<String> rows = rows(page);
		assertThat(rows).hasSize(4);
		// by GMV: 1000 (A), 150 (above it 1000 of 1175 = 85%: B), 20 and 5 (C)
		assertThat(rows.get(0)).contains("连衣裙 " + f.tag(), "data-abc=\"A\"", "data-hint=\"push\"", "1,000.00",
				// 1000 − (8 × 40 + 2 × 45) = 590.00, 59.00%
				"590.00", "59.00%",
				// stock 150; sell-through 10 ÷ 160; cover 150 ÷ (10 ÷ 10 days)
				">150<", "6.25%", "150.0", "4.50", "(2)", "2 SKUs sold");
		assertThat(rows.get(1)).contains("=HYPERLINK", "data-abc=\"B\"", "data-hint=\"fix\"", "150.00",
				// no cost price: margin not known; no stock row: 0 in stock, 3 ÷ 3 sold
				// through
				"perf-margin\">—<", "perf-margin-rate\">—<", "100.00%", "33.33%");
		assertThat(rows.get(2))
			.contains(f.unknown(), "not in the catalog", "data-abc=\"C\"", "20.00", "perf-stock\">—<",
					"perf-sell-through\">—<", "perf-cover\">—<")
			.doesNotContain("data-hint");
		// 1 of 1001 sold through, C: drop
		assertThat(rows.get(3)).contains("袜子 " + f.tag(), "data-abc=\"C\"", "data-hint=\"drop\"", "0.10%", "10,000.0",
				"3.00");
		assertThat(page).contains("Totals (4 rows)", "1,175.00");
		String chinese = page(get("/dashboard/products").param("from", f.from().toString())
			.param("to", f.to().toString())
			.param("channel", f.channel())
			.param("lang", "zh-CN")
			.with(MANAGER));
		assertThat(chinese).contains("选品分析", "毛利", "主推", "优化", "淘汰", "售罄率").doesNotContain("??");
	}

	@Test
	void skusSortsFiltersAndTheProductsSkus() throws Exception {
		Fixture f = fixture();
		String base = "/dashboard/products?from=" + f.from() + "&to=" + f.to() + "&channel=" + f.channel();
		List<String> skus = rows(page(get(base + "&view=skus").with(MANAGER)));
		assertThat(skus).hasSize(5);
		assertThat(skus.get(0)).contains(f.s1a(), "800.00", "480.00");
		assertThat(skus.get(1)).contains(f.s1b(), "200.00", "110.00");
		// by units, fewest first, the title breaking ties
		List<String> byUnits = rows(page(get(base + "&view=skus&sort=units&dir=asc").with(MANAGER)));
		assertThat(byUnits.get(0)).contains(f.unknown());
		assertThat(byUnits.get(1)).contains(f.s3());
		assertThat(byUnits.get(4)).contains(f.s1a());
		// margin: the ones not known last, whichever the direction
		List<String> byMargin = rows(page(get(base + "&sort=margin&dir=asc").with(MANAGER)));
		assertThat(byMargin.get(0)).contains("袜子");
		assertThat(byMargin.get(3)).contains("perf-margin\">—<");
		// one category with the one below it, then only the one below
		assertThat(rows(page(get(base + "&category=" + f.root()).with(MANAGER)))).hasSize(3);
		List<String> child = rows(page(get(base + "&category=" + f.child()).with(MANAGER)));
		assertThat(child).hasSize(1);
		assertThat(child.get(0)).contains("连衣裙");
		// a product's SKUs
		List<String> dress = rows(page(get(base + "&product=" + f.dress()).with(MANAGER)));
		assertThat(dress).hasSize(2);
		assertThat(dress.get(0)).contains(f.s1a());
		// another channel: nothing
		String other = page(
				get("/dashboard/products?from=" + f.from() + "&to=" + f.to() + "&channel=" + KpiFixtures.channel())
					.with(MANAGER));
		assertThat(other).contains("empty-state", "No product sold in these days").doesNotContain("id=\"perf-table\"");
	}

	@Test
	void aSkuSellingMoreInTheLastHalfOfTheRangeIsRisingAndPushedWithStock() throws Exception {
		ZoneId zone = this.rollups.zone();
		String channel = KpiFixtures.channel();
		String tag = channel.substring(4);
		long product = product("perf-rising-" + tag, "上升 " + tag, category("选品上升 " + tag, null));
		String sku = "PERF-" + tag + "-UP";
		this.inventory.openStock(variant(product, sku, "1.00", 1), 500);
		String flat = channel + "-FLAT";
		LocalDate from = LocalDate.of(2006, 7, 1);
		// days 1–5 and 6–10: 10 then 12 units (+20%); the other SKU 10 then 11 (+10%)
		this.rollups.recordOrder(KpiFixtures.order(KpiFixtures.nextId(), channel,
				from.atTime(9, 0).atZone(zone).toInstant(), sku, 10, "100.00", flat, 10, "5000.00"));
		this.rollups.recordOrder(KpiFixtures.order(KpiFixtures.nextId(), channel,
				from.plusDays(9).atTime(9, 0).atZone(zone).toInstant(), sku, 12, "120.00", flat, 11, "5500.00"));
		List<String> rows = rows(page(get("/dashboard/products").param("from", from.toString())
			.param("to", from.plusDays(9).toString())
			.param("channel", channel)
			.param("view", "skus")
			.with(MANAGER)));
		assertThat(rows).hasSize(2);
		assertThat(rows.get(0)).contains(flat, "data-abc=\"A\"").doesNotContain("perf-rising");
		// C by GMV, but rising with 500 ÷ 2.2 a day = 227.3 days of cover: push
		assertThat(rows.get(1)).contains(sku, "data-abc=\"C\"", "perf-rising", "227.3", "data-hint=\"push\"");
	}

	@Test
	void manySkusArePaged() throws Exception {
		ZoneId zone = this.rollups.zone();
		String channel = KpiFixtures.channel();
		LocalDate day = LocalDate.of(2004, 5, 5);
		for (int i = 0; i < ProductPerformanceController.PAGE_SIZE + 5; i++) {
			this.rollups.recordOrder(KpiFixtures.order(KpiFixtures.nextId(), channel,
					day.atTime(10, 0).atZone(zone).toInstant(), channel + "-" + i, 1, (100 + i) + ".00"));
		}
		String base = "/dashboard/products?from=" + day + "&to=" + day + "&channel=" + channel;
		String first = page(get(base).with(MANAGER));
		assertThat(rows(first)).hasSize(ProductPerformanceController.PAGE_SIZE);
		assertThat(first).contains("Page 1 of 2 (55 in all)", "page=1");
		List<String> second = rows(page(get(base + "&page=1").with(MANAGER)));
		assertThat(second).hasSize(5);
		assertThat(second.get(4)).contains(channel + "-0<");
		// beyond the last page: the last page
		assertThat(rows(page(get(base + "&page=99").with(MANAGER)))).hasSize(5);
	}

	@Test
	void theCsvHoldsEveryRowSafeForSpreadsheets() throws Exception {
		Fixture f = fixture();
		var response = this.mvc
			.perform(get("/dashboard/products.csv").param("from", f.from().toString())
				.param("to", f.to().toString())
				.param("channel", f.channel())
				.with(MANAGER))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse();
		assertThat(response.getContentType()).startsWith("text/csv");
		assertThat(response.getHeader("Content-Disposition")).contains("products-" + f.from());
		List<String> lines = response.getContentAsString(StandardCharsets.UTF_8).lines().toList();
		assertThat(lines).hasSize(5);
		assertThat(lines.get(0)).startsWith("\uFEFFProduct,SKU,Options,Category,Units,GMV,Gross margin,");
		assertThat(lines.get(1)).isEqualTo("连衣裙 " + f.tag() + ",,,选品测试 " + f.tag()
				+ " > 连衣裙,10,1000.00,590.00,0.5900,150,0.0625,150.0,0,0.0000,4.50,2,A,Push");
		// the title is neutralised; margin not known is empty, never 0
		assertThat(lines.get(2)).startsWith("\"'=HYPERLINK(\"\"x\"\") " + f.tag() + "\",,,选品测试 " + f.tag()
				+ ",3,150.00,,,0,1.0000,0.0,1,0.3333,,0,B,Fix");
		this.mvc
			.perform(get("/dashboard/products.csv").param("from", "2026-12-02").param("to", "2026-12-01").with(MANAGER))
			.andExpect(status().isBadRequest());
	}

	@Test
	void managersOpenThePageOperatorsDoNotAndBadParametersAreExplained() throws Exception {
		this.mvc.perform(get("/dashboard/products").with(OPERATOR)).andExpect(status().isForbidden());
		this.mvc.perform(get("/dashboard/products.csv").with(OPERATOR)).andExpect(status().isForbidden());
		String page = page(get("/dashboard/products").with(MANAGER));
		assertThat(page).contains("id=\"perf-filter\"", "href=\"/dashboard/products\"").doesNotContain("??");
		for (String[] params : List.of(new String[] { "from", "2026-99-01" }, new String[] { "category", "abc" },
				new String[] { "category", "999999999999" }, new String[] { "sort", "price" },
				new String[] { "product", "-1" }, new String[] { "channel", "x".repeat(300) })) {
			assertThat(page(get("/dashboard/products").param(params[0], params[1]).with(MANAGER)))
				.as(params[0] + "=" + params[1])
				.contains("id=\"perf-problem\"")
				.doesNotContain("??");
		}
		assertThat(page(get("/dashboard/products").param("page", "-3").param("dir", "up").with(MANAGER)))
			.doesNotContain("perf-problem");
	}

	@Test
	void theKpiPageBreaksTheRangeDownByCategory() throws Exception {
		Fixture f = fixture();
		String page = page(get("/dashboard").param("from", f.from().toString())
			.param("to", f.to().toString())
			.param("channel", f.channel())
			.with(MANAGER));
		assertThat(page).contains("id=\"kpi-categories\"", "选品测试 " + f.tag() + " &gt; 连衣裙", "1,000.00", "No category",
				"id=\"kpi-to-products\"");
	}

	private String page(RequestBuilder request) throws Exception {
		return this.mvc.perform(request)
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
	}

	/** The table's body rows, in order. */
	private static List<String> rows(String page) {
		int body = page.indexOf("<tbody>", page.indexOf("id=\"perf-table\""));
		if (body < 0 || !page.contains("id=\"perf-table\"")) {
			return List.of();
		}
		String tbody = page.substring(body, page.indexOf("</tbody>", body));
		return java.util.Arrays.stream(tbody.split("<tr ")).skip(1).toList();
	}

	private long category(String path, Long parent) {
		String name = path.substring(path.lastIndexOf(" > ") + 3 > 2 ? path.lastIndexOf(" > ") + 3 : 0);
		return this.jdbc.sql("INSERT INTO category (parent_id, name, path) VALUES (:parent, :name, :path) RETURNING id")
			.param("parent", parent)
			.param("name", (parent != null) ? name : path)
			.param("path", path)
			.query(Long.class)
			.single();
	}

	private long product(String handle, String title, long category) {
		return this.jdbc.sql("""
				INSERT INTO product (handle, title, status, category_id) VALUES (:handle, :title, 'ACTIVE', :category)
				RETURNING id""")
			.param("handle", handle.toLowerCase(Locale.ROOT))
			.param("title", title)
			.param("category", category)
			.query(Long.class)
			.single();
	}

	private long variant(long product, String sku, String cost, int position) {
		return this.jdbc.sql("""
				INSERT INTO product_variant (product_id, sku, price, cost, position)
				VALUES (:product, :sku, 100, :cost, :position) RETURNING id""")
			.param("product", product)
			.param("sku", sku)
			.param("cost", (cost != null) ? new BigDecimal(cost) : null)
			.param("position", position)
			.query(Long.class)
			.single();
	}

	private void review(long product, int rating) {
		this.jdbc
			.sql("""
					INSERT INTO review (source, product_id, rating, reviewed_at) VALUES ('MANUAL', :product, :rating, now())""")
			.param("product", product)
			.param("rating", rating)
			.update();
	}

	record Fixture(String tag, String channel, LocalDate from, LocalDate to, long root, long child, long dress,
			String s1a, String s1b, String s2, String s3, String unknown) {
	}

}
