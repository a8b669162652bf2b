package io.shopops.fulfilment.order.importing;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import io.shopops.fulfilment.aftersales.api.AfterSales;
import io.shopops.fulfilment.aftersales.api.AfterSalesDraft;
import io.shopops.fulfilment.aftersales.api.Authority;
import io.shopops.fulfilment.aftersales.api.RequestSource;
import io.shopops.fulfilment.aftersales.api.RequestType;
import io.shopops.fulfilment.inventory.Inventory;
import io.shopops.fulfilment.order.OrderSnapshot;
import io.shopops.fulfilment.order.Orders;
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
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Refunds imported with channel orders through {@code POST /imports/orders}: recorded as
 * closed refund-only requests with source IMPORT, never twice on re-import, a higher
 * amount adding only the difference, partial refunds spread over the lines, amounts above
 * what was paid or left refundable as warnings, and nothing recorded by a validate-only
 * or failed all-or-nothing run.
 */
@SpringBootTest
@AutoConfigureMockMvc
class OrderRefundImportIntegrationTests {

	static final Path FILES = OrderFilesTests.RESOURCES;

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Inventory inventory;

	@Autowired
	SalesChannels channels;

	@Autowired
	Orders orders;

	@Autowired
	AfterSales afterSales;

	@TempDir
	Path dir;

	String channel;

	@BeforeEach
	void channelAndSkus() {
		this.channel = this.channels
			.create("RIM-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT), "Refund import",
					SalesPlatform.OTHER)
			.code();
		for (String sku : OrderImportIntegrationTests.FIXTURE_SKUS) {
			ensureSku(sku, 1_000_000);
		}
		ensureSku("RIM-MUG", 1_000_000);
	}

	@Test
	void recordsTheTemplatesRefundOnceAndOnlyTheDifferenceOfAHigherAmount() throws Exception {
		Path file = template("R-1,completed,TPL-TEE-RED-M,2,50.00,30.00,2026-11-20 12:00:00", "R-1,,RIM-MUG,1,20.00,,");
		Map<String, Object> job = importFiles("apply", "all-or-nothing", file);
		assertThat(job).containsEntry("created", 2).containsEntry("failed", 0);
		assertThat(requests("R-1")).containsExactly("REFUND_ONLY CLOSED IMPORT 30.00 import:30.00");
		// spread over the lines in proportion to what was paid: 100.00 and 20.00
		assertThat(lineRefunds("R-1")).containsExactly("TPL-TEE-RED-M 25.00", "RIM-MUG 5.00");
		assertThat(this.jdbc.sql("""
				SELECT string_agg(t.to_status, ',' ORDER BY t.id) || ' ' || min(r.refunded_at)::text
				FROM after_sales_timeline t JOIN after_sales_request r ON r.id = t.request_id
				JOIN shop_order o ON o.id = r.order_id JOIN sales_channel c ON c.id = o.channel_id
				WHERE c.code = :channel AND o.number = 'R-1'""")
			.param("channel", this.channel)
			.query(String.class)
			.single()).startsWith("REQUESTED,APPROVED,REFUNDED,CLOSED 2026-11-20 04:00:00");
		// the same file again: nothing more
		assertThat(importFiles("apply", "all-or-nothing", file)).containsEntry("unchanged", 2);
		assertThat(requests("R-1")).hasSize(1);
		// the channel refunded more since: only the difference
		importFiles("apply", "all-or-nothing",
				template("R-1,completed,TPL-TEE-RED-M,2,50.00,42.00,", "R-1,,RIM-MUG,1,20.00,,"));
		assertThat(requests("R-1")).containsExactly("REFUND_ONLY CLOSED IMPORT 30.00 import:30.00",
				"REFUND_ONLY CLOSED IMPORT 12.00 import:42.00");
		assertThat(committed("R-1")).isEqualByComparingTo("42.00");
		// a lower amount never takes a refund back
		importFiles("apply", "all-or-nothing",
				template("R-1,completed,TPL-TEE-RED-M,2,50.00,10.00,", "R-1,,RIM-MUG,1,20.00,,"));
		assertThat(requests("R-1")).hasSize(2);
	}

	@Test
	void warnsOfARefundAboveWhatWasPaidAndRecordsWhatWasPaid() throws Exception {
		Map<String, Object> job = importFiles("apply", "all-or-nothing",
				template("O-1,closed,TPL-TEE-RED-M,1,50.00,70.00,"));
		assertThat(job).containsEntry("created", 1).containsEntry("failed", 0);
		assertThat(problems(job)).anyMatch((line) -> line.contains("refund_amount") && line.contains("70.00"));
		assertThat(requests("O-1")).containsExactly("REFUND_ONLY CLOSED IMPORT 50.00 import:50.00");
		assertThat(committed("O-1")).isEqualByComparingTo("50.00");
	}

	@Test
	void neverRefundsMoreThanTheLinesHaveLeftAfterAnOperatorsRefund() throws Exception {
		importFiles("apply", "all-or-nothing", template("P-1,completed,TPL-TEE-RED-M,1,50.00,,"));
		OrderSnapshot order = this.orders.find(orderId("P-1")).orElseThrow();
		long request = this.afterSales
			.create(new AfterSalesDraft(order.id(), RequestType.REFUND_ONLY, "quality", null, null, null,
					List.of(new AfterSalesDraft.Line(order.lines().get(0).id(), 1, new BigDecimal("40.00"))),
					RequestSource.OPERATOR, null))
			.id();
		this.afterSales.approve(request, null, Authority.MANAGER);
		this.afterSales.refund(request, null, null, Authority.MANAGER);
		Map<String, Object> job = importFiles("apply", "all-or-nothing",
				template("P-1,completed,TPL-TEE-RED-M,1,50.00,30.00,"));
		assertThat(job).containsEntry("failed", 0).containsEntry("unchanged", 1);
		assertThat(requests("P-1")).contains("REFUND_ONLY CLOSED IMPORT 10.00 import:10.00");
		assertThat(committed("P-1")).isEqualByComparingTo("50.00");
		assertThat(problems(job)).anyMatch((line) -> line.contains("P-1") && line.contains("20.00"));
	}

	@Test
	void recordsNothingWhenOnlyValidatingOrWhenAnAllOrNothingRunFails() throws Exception {
		Path file = template("V-1,completed,TPL-TEE-RED-M,1,50.00,20.00,");
		assertThat(importFiles("validate", "all-or-nothing", file)).containsEntry("created", 1);
		assertThat(requests("V-1")).isEmpty();
		Path bad = template("V-1,completed,TPL-TEE-RED-M,1,50.00,20.00,", "V-2,completed,TPL-TEE-RED-M,0,50.00,,");
		assertThat(importFiles("apply", "all-or-nothing", bad)).containsEntry("outcome", "rowsInvalid");
		assertThat(requests("V-1")).isEmpty();
		assertThat(this.jdbc
			.sql("SELECT count(*) FROM shop_order o JOIN sales_channel c ON c.id = o.channel_id "
					+ "WHERE c.code = :channel")
			.param("channel", this.channel)
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void recordsShopifyAndDouyinRefunds() throws Exception {
		importFiles("apply", "all-or-nothing", FILES.resolve("shopify/orders_export_2021.csv"));
		// refunded and cancelled without a Refunded Amount: everything that was paid
		assertThat(requests("#2003")).containsExactly("REFUND_ONLY CLOSED IMPORT 59.90 import:59.90");
		assertThat(requests("#2001")).isEmpty();
		channelAndSkus();
		importFiles("apply", "all-or-nothing", FILES.resolve("douyin/douyin-orders.csv"));
		assertThat(requests("6917926768823643770")).containsExactly("REFUND_ONLY CLOSED IMPORT 19.90 import:19.90");
		assertThat(requests("6917926768823643751")).isEmpty();
		assertThat(importFiles("apply", "all-or-nothing", FILES.resolve("douyin/douyin-orders.csv")))
			.containsEntry("unchanged", 5);
		assertThat(requests("6917926768823643770")).hasSize(1);
	}

	private List<String> requests(String number) {
		return this.jdbc.sql("""
				SELECT r.type || ' ' || r.status || ' ' || r.source || ' ' || r.refunded_amount || ' '
				  || r.external_reference
				FROM after_sales_request r JOIN shop_order o ON o.id = r.order_id
				JOIN sales_channel c ON c.id = o.channel_id
				WHERE c.code = :channel AND o.number = :number AND r.source = 'IMPORT' ORDER BY r.id""")
			.param("channel", this.channel)
			.param("number", number)
			.query(String.class)
			.list();
	}

	private List<String> lineRefunds(String number) {
		return this.jdbc.sql("""
				SELECT l.sku || ' ' || l.refunded_amount FROM after_sales_line l
				JOIN after_sales_request r ON r.id = l.request_id JOIN shop_order o ON o.id = r.order_id
				JOIN sales_channel c ON c.id = o.channel_id JOIN order_line ol ON ol.id = l.order_line_id
				WHERE c.code = :channel AND o.number = :number ORDER BY r.id, ol.line_no""")
			.param("channel", this.channel)
			.param("number", number)
			.query(String.class)
			.list();
	}

	private BigDecimal committed(String number) {
		return this.jdbc.sql("""
				SELECT coalesce(sum(b.committed), 0) FROM after_sales_line_balance b
				JOIN order_line ol ON ol.id = b.order_line_id JOIN shop_order o ON o.id = ol.order_id
				JOIN sales_channel c ON c.id = o.channel_id WHERE c.code = :channel AND o.number = :number""")
			.param("channel", this.channel)
			.param("number", number)
			.query(BigDecimal.class)
			.single();
	}

	private long orderId(String number) {
		return this.jdbc.sql("""
				SELECT o.id FROM shop_order o JOIN sales_channel c ON c.id = o.channel_id
				WHERE c.code = :channel AND o.number = :number""")
			.param("channel", this.channel)
			.param("number", number)
			.query(Long.class)
			.single();
	}

	/**
	 * A template file with the columns order_number, status, sku, quantity, unit_price,
	 * refund_amount, refunded_at.
	 */
	private Path template(String... rows) throws Exception {
		List<String> lines = new ArrayList<>();
		lines.add("order_number,status,sku,quantity,unit_price,refund_amount,refunded_at");
		lines.addAll(List.of(rows));
		return Files.write(this.dir.resolve(UUID.randomUUID() + ".csv"), lines);
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
