package io.shopops.fulfilment.order.importing;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import io.shopops.fulfilment.inventory.Inventory;
import io.shopops.fulfilment.inventory.StockLevel;
import io.shopops.fulfilment.order.SalesChannels;
import io.shopops.fulfilment.order.SalesPlatform;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Every order layout through {@code POST /imports/orders} into PostgreSQL: counts,
 * history without stock, idempotency and forward status moves, all-or-nothing and
 * validate modes, the two-file 淘宝 upload, and refused uploads. Each test imports into a
 * channel of its own; the fixture SKUs are created once with ample stock.
 */
@SpringBootTest
@AutoConfigureMockMvc
class OrderImportIntegrationTests {

	static final Path FILES = OrderFilesTests.RESOURCES;

	static final List<String> FIXTURE_SKUS = List.of("TPL-TEE-RED-M", "SH-TEE-RED-M", "TB-TEE-RED-M", "TB-SOAP",
			"JD-TEE-RED-M", "DY-TEE-RED-M", "DY-TEE-BLK-M", "DY-SOAP", "TEE-001-RED-M", "TEE-001-BLK-M");

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Inventory inventory;

	@Autowired
	SalesChannels channels;

	@TempDir
	Path dir;

	String channel;

	@BeforeEach
	void channelAndSkus() {
		this.channel = this.channels
			.create("IMP-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT), "Import test",
					SalesPlatform.OTHER)
			.code();
		for (String sku : FIXTURE_SKUS) {
			ensureSku(sku, 1_000_000);
		}
	}

	@Test
	void importsTheTemplateAndReimportsItUnchanged() throws Exception {
		int reservedBefore = reserved("TPL-TEE-RED-M");
		Map<String, Object> job = importFiles("apply", "all-or-nothing", FILES.resolve("template/orders-en.csv"));
		assertThat(job).containsEntry("status", "succeeded").containsEntry("outcome", "completed");
		assertThat(job).containsEntry("total", 4).containsEntry("created", 4).containsEntry("failed", 0);
		assertThat(statuses()).containsExactlyInAnyOrderEntriesOf(
				Map.of("W-1001", "COMPLETED", "W-1002", "PAID", "W-1003", "PENDING_PAYMENT"));
		assertThat(this.jdbc.sql("""
				SELECT l.sku || ' ' || l.quantity || ' ' || l.amount || ' ' || (l.variant_id IS NULL) FROM order_line l
				JOIN shop_order o ON o.id = l.order_id JOIN sales_channel c ON c.id = o.channel_id
				WHERE c.code = :channel AND o.number = 'W-1001' ORDER BY l.line_no""")
			.param("channel", this.channel)
			.query(String.class)
			.list()).containsExactly("TPL-TEE-RED-M 2 109.80 false", "TPL-RETIRED 1 19.00 true");
		// history is recorded as the order service records it: timeline, a shipment of
		// everything, shipped quantities
		assertThat(this.jdbc.sql("""
				SELECT string_agg(s.to_status, ',' ORDER BY s.id) FROM order_status_change s
				JOIN shop_order o ON o.id = s.order_id JOIN sales_channel c ON c.id = o.channel_id
				WHERE c.code = :channel AND o.number = 'W-1001'""")
			.param("channel", this.channel)
			.query(String.class)
			.single()).isEqualTo("PENDING_PAYMENT,PAID,SHIPPED,COMPLETED");
		assertThat(this.jdbc.sql("""
				SELECT sh.carrier || ' ' || sh.tracking_number || ' ' || sum(sl.quantity) || ' ' || bool_and(o.history)
				FROM shipment sh JOIN shipment_line sl ON sl.shipment_id = sh.id JOIN shop_order o ON o.id = sh.order_id
				JOIN sales_channel c ON c.id = o.channel_id WHERE c.code = :channel AND o.number = 'W-1001'
				GROUP BY sh.id""").param("channel", this.channel).query(String.class).single())
			.isEqualTo("顺丰速运 SF0001 3 true");
		// the history order touched no stock; the paid one reserved its unit
		assertThat(reserved("TPL-TEE-RED-M")).isEqualTo(reservedBefore + 1);
		assertThat(problems(job)).anyMatch((line) -> line.contains("TPL-RETIRED"));
		Map<String, Object> again = importFiles("apply", "all-or-nothing", FILES.resolve("template/orders-en.csv"));
		assertThat(again).containsEntry("created", 0).containsEntry("unchanged", 4).containsEntry("updated", 0);
		assertThat(reserved("TPL-TEE-RED-M")).isEqualTo(reservedBefore + 1);
	}

	@Test
	void importsTheChineseTemplateInGb18030() throws Exception {
		Map<String, Object> job = importFiles("apply", "all-or-nothing", FILES.resolve("template/orders-zh.csv"));
		assertThat(job).containsEntry("created", 2).containsEntry("failed", 0);
		assertThat(statuses()).containsExactlyInAnyOrderEntriesOf(Map.of("Z-1", "COMPLETED", "Z-2", "CLOSED"));
	}

	@Test
	void movesAnOrderForwardWhenItsStatusMovedOnAndNeverBack() throws Exception {
		importFiles("apply", "all-or-nothing", FILES.resolve("template/orders-en.csv"));
		Path later = template("W-1002,shipped,2026-11-30 21:00:00,,2026-12-01 10:00:00", "W-1001,paid,,,");
		Map<String, Object> job = importFiles("apply", "all-or-nothing", later);
		assertThat(job).containsEntry("updated", 1).containsEntry("unchanged", 1).containsEntry("failed", 0);
		assertThat(statuses()).containsEntry("W-1002", "SHIPPED").containsEntry("W-1001", "COMPLETED");
		assertThat(problems(job)).anyMatch((line) -> line.contains("W-1001"));
	}

	@Test
	void importsTheRealShopifyExportSkippingOrdersToShipWithoutSkus() throws Exception {
		Path real = OrderFilesTests.REAL_SHOPIFY;
		Map<String, Object> strict = importFiles("apply", "all-or-nothing", real);
		assertThat(strict).containsEntry("outcome", "rowsInvalid").containsEntry("created", 0);
		assertThat(statuses()).isEmpty();
		Map<String, Object> job = importFiles("apply", "skip-invalid", real);
		assertThat(job).containsEntry("total", 40).containsEntry("created", 34).containsEntry("failed", 6);
		assertThat(statuses()).hasSize(16).containsEntry("#1001", "COMPLETED").containsEntry("#1013", "SHIPPED");
		assertThat(this.jdbc.sql("""
				SELECT DISTINCT o.currency FROM shop_order o JOIN sales_channel c ON c.id = o.channel_id
				WHERE c.code = :channel""").param("channel", this.channel).query(String.class).list())
			.containsExactly("EUR");
		assertThat(importFiles("apply", "skip-invalid", real)).containsEntry("unchanged", 34)
			.containsEntry("created", 0);
	}

	@Test
	void importsTheShopify2021Layout() throws Exception {
		Map<String, Object> job = importFiles("apply", "all-or-nothing",
				FILES.resolve("shopify/orders_export_2021.csv"));
		assertThat(job).containsEntry("created", 4).containsEntry("failed", 0);
		assertThat(statuses())
			.containsExactlyInAnyOrderEntriesOf(Map.of("#2001", "COMPLETED", "#2002", "PAID", "#2003", "CANCELLED"));
		assertThat(this.jdbc.sql("""
				SELECT o.paid_amount FROM shop_order o JOIN sales_channel c ON c.id = o.channel_id
				WHERE c.code = :channel AND o.number = '#2001'""")
			.param("channel", this.channel)
			.query(String.class)
			.single()).isEqualTo("139.80");
	}

	@Test
	void joinsTheTwoTaobaoFilesOfOneUpload() throws Exception {
		Map<String, Object> job = importFiles("apply", "all-or-nothing",
				FILES.resolve("taobao/ExportOrderDetailList202611.csv"),
				FILES.resolve("taobao/ExportOrderList202611.csv"));
		assertThat(job).containsEntry("total", 11).containsEntry("created", 11).containsEntry("failed", 0);
		assertThat(job.get("fileName").toString()).contains("ExportOrderDetailList202611.csv", "+");
		assertThat(statuses()).containsEntry("1234567890123456789", "COMPLETED")
			.containsEntry("1234567890123456790", "PAID")
			.containsEntry("1234567890123456791", "SHIPPED")
			.containsEntry("1234567890123456792", "CLOSED")
			.containsEntry("1234567890123456793", "PENDING_PAYMENT");
		assertThat(problems(job)).anyMatch((line) -> line.contains("TB-UNKNOWN-SKU"));
	}

	@Test
	void importsJdAndDouyinExports() throws Exception {
		assertThat(importFiles("apply", "all-or-nothing", FILES.resolve("jd/jd-orders.csv")))
			.containsEntry("created", 4)
			.containsEntry("failed", 0);
		assertThat(statuses()).containsEntry("301234567890", "COMPLETED")
			.containsEntry("301234567891", "PAID")
			.containsEntry("301234567892", "CANCELLED");
		channelAndSkus();
		assertThat(importFiles("apply", "all-or-nothing", FILES.resolve("douyin/douyin-orders.csv")))
			.containsEntry("created", 5)
			.containsEntry("failed", 0);
		assertThat(this.jdbc.sql("""
				SELECT o.ship_name || ' ' || o.ship_phone FROM shop_order o JOIN sales_channel c ON c.id = o.channel_id
				WHERE c.code = :channel AND o.number = '6917926768823643751'""")
			.param("channel", this.channel)
			.query(String.class)
			.single()).isEqualTo("##密文 $$密文");
	}

	@Test
	void writesNothingWhenARowIsInvalidOrWhenOnlyValidating() throws Exception {
		Map<String, Object> bad = importFiles("apply", "all-or-nothing", FILES.resolve("template/orders-bad.csv"));
		assertThat(bad).containsEntry("outcome", "rowsInvalid").containsEntry("failed", 6);
		assertThat(statuses()).isEmpty();
		Map<String, Object> skipping = importFiles("apply", "skip-invalid", FILES.resolve("template/orders-bad.csv"));
		assertThat(skipping).containsEntry("created", 1).containsEntry("failed", 6);
		assertThat(statuses()).containsOnlyKeys("B-5");
		channelAndSkus();
		Map<String, Object> validated = importFiles("validate", "all-or-nothing",
				FILES.resolve("template/orders-en.csv"));
		assertThat(validated).containsEntry("outcome", "completed").containsEntry("created", 4);
		assertThat(statuses()).isEmpty();
	}

	@Test
	void aPaidOrderBeyondTheStockIsARowProblem() throws Exception {
		String sku = "IMP-SHORT-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase(Locale.ROOT);
		ensureSku(sku, 3);
		Path file = template("S-1,paid,,,," + sku + ",,2,5.00", "S-2,paid,,,," + sku + ",,2,5.00",
				"S-3,completed,,,," + sku + ",,9,5.00");
		Map<String, Object> job = importFiles("apply", "skip-invalid", file);
		assertThat(job).containsEntry("created", 2).containsEntry("failed", 1);
		assertThat(statuses()).containsOnlyKeys("S-1", "S-3");
		assertThat(this.inventory.find(sku, Inventory.DEFAULT_WAREHOUSE).orElseThrow().reserved()).isEqualTo(2);
	}

	@Test
	void refusesUploadsItCannotImportWithAClearMessage() throws Exception {
		Path template = FILES.resolve("template/orders-en.csv");
		refused(request(template).param("channel", ""), "order.import.refused.noChannel");
		refused(request(template).param("channel", "NO-SUCH-CHANNEL"), "order.import.refused.channel");
		refused(request(FILES.resolve("taobao/ExportOrderList202611.csv")).param("channel", this.channel),
				"order.import.refused.taobaoPair");
		refused(request(FILES.resolve("shopify/orders_export_trimmed.csv")).param("channel", this.channel),
				"order.import.refused.shopifyNoLines");
		refused(request(template, template, template).param("channel", this.channel), "import.refused.tooManyFiles");
		refused(request(template, FILES.resolve("jd/jd-orders.csv")).param("channel", this.channel),
				"order.import.refused.notAPair");
		Path unknown = Files.writeString(this.dir.resolve("unknown.csv"), "a,b,c\n1,2,3\n");
		refused(request(unknown).param("channel", this.channel), "order.import.refused.header");
	}

	@Test
	void offersTheChannelsAndTheTemplatesOnTheImportPage() throws Exception {
		this.mvc.perform(get("/imports/orders").with(admin()))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString(this.channel)))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("multiple")))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("/imports/orders/template.csv")));
		String chinese = this.mvc.perform(get("/imports/orders/template.csv").param("headers", "zh").with(admin()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(chinese).startsWith("\uFEFF订单号,订单状态,");
		Path downloaded = Files.writeString(this.dir.resolve("template.csv"), chinese.substring(1));
		Map<String, Object> job = importFiles("validate", "all-or-nothing", downloaded);
		assertThat(job).containsEntry("total", 3).containsEntry("failed", 0);
	}

	private Map<String, Object> importFiles(String mode, String policy, Path... files) throws Exception {
		String body = this.mvc
			.perform(request(files).param("channel", this.channel)
				.param("mode", mode)
				.param("policy", policy)
				.accept(MediaType.APPLICATION_JSON))
			.andExpect(status().isSeeOther())
			.andReturn()
			.getResponse()
			.getContentAsString();
		long id = ((Number) new JsonMapper().readValue(body, Map.class).get("id")).longValue();
		await().atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofMillis(100))
			.until(() -> List.of("succeeded", "failed").contains(job(id).get("status")));
		return job(id);
	}

	private MockMultipartHttpServletRequestBuilder request(Path... files) throws Exception {
		MockMultipartHttpServletRequestBuilder request = multipart("/imports/orders");
		for (Path file : files) {
			request.file(
					new MockMultipartFile("file", file.getFileName().toString(), "text/csv", Files.readAllBytes(file)));
		}
		request.with(admin()).with(csrf());
		return request;
	}

	private void refused(MockMultipartHttpServletRequestBuilder request, String code) throws Exception {
		String body = this.mvc.perform(request.accept(MediaType.APPLICATION_JSON))
			.andExpect(status().isBadRequest())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(body).contains("\"error\":\"" + code + "\"").doesNotContain("\"message\":\"" + code);
	}

	@SuppressWarnings("unchecked")
	private Map<String, Object> job(long id) throws Exception {
		String json = this.mvc.perform(get("/imports/{id}", id).accept(MediaType.APPLICATION_JSON).with(admin()))
			.andReturn()
			.getResponse()
			.getContentAsString();
		return new JsonMapper().readValue(json, Map.class);
	}

	private List<String> problems(Map<String, Object> job) throws Exception {
		return List.of(this.mvc.perform(get(job.get("errorsUrl").toString()).with(admin()))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8)
			.split("\n"));
	}

	private Map<String, String> statuses() {
		Map<String, String> statuses = new java.util.HashMap<>();
		this.jdbc.sql("""
				SELECT o.number, o.status FROM shop_order o JOIN sales_channel c ON c.id = o.channel_id
				WHERE c.code = :channel""")
			.param("channel", this.channel)
			.query((rs, row) -> statuses.put(rs.getString(1), rs.getString(2)))
			.list();
		return statuses;
	}

	/**
	 * A template file with the columns order_number, status, placed_at, paid_at,
	 * shipped_at, sku, title, quantity, unit_price; rows shorter than that get SKU
	 * TPL-TEE-RED-M, 1 × 59.90.
	 */
	private Path template(String... rows) throws Exception {
		List<String> lines = new ArrayList<>();
		lines.add("order_number,status,placed_at,paid_at,shipped_at,sku,title,quantity,unit_price");
		for (String row : rows) {
			lines.add((row.split(",", -1).length == 5) ? row + ",TPL-TEE-RED-M,,1,59.90" : row);
		}
		return Files.write(this.dir.resolve(UUID.randomUUID() + ".csv"), lines);
	}

	private int reserved(String sku) {
		return this.inventory.find(sku, Inventory.DEFAULT_WAREHOUSE).map(StockLevel::reserved).orElse(0);
	}

	private void ensureSku(String sku, int stock) {
		Long variant = this.jdbc.sql("SELECT id FROM product_variant WHERE sku = :sku")
			.param("sku", sku)
			.query(Long.class)
			.optional()
			.orElse(null);
		if (variant != null) {
			return;
		}
		long product = this.jdbc.sql("INSERT INTO product (handle, title) VALUES (:handle, :title) RETURNING id")
			.param("handle", sku.toLowerCase(Locale.ROOT))
			.param("title", "Product " + sku)
			.query(Long.class)
			.single();
		long id = this.jdbc
			.sql("INSERT INTO product_variant (product_id, sku, price, position) VALUES (:product, :sku, 10, 1) "
					+ "RETURNING id")
			.param("product", product)
			.param("sku", sku)
			.query(Long.class)
			.single();
		this.inventory.openStock(id, stock);
	}

	private static RequestPostProcessor admin() {
		return user("order-import-admin").roles("ADMIN");
	}

}
