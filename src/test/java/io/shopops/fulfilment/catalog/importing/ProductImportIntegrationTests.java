package io.shopops.fulfilment.catalog.importing;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.shopops.fulfilment.inventory.Inventory;
import io.shopops.platform.ImportHandler.ImportMode;
import io.shopops.platform.ImportHandler.ImportPolicy;
import io.shopops.platform.ImportHandler.ImportRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Product imports end to end through the stable URLs: upload, job status, report; modes,
 * policies, idempotency, encodings, and atomicity when a run breaks off. Each test uses
 * handles and SKUs with its own prefix.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ProductImportIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ProductImportHandler handler;

	@Autowired
	Inventory inventory;

	@TempDir
	Path dir;

	@Test
	void appliesAShopifyExportAndReimportingItChangesNothing() throws Exception {
		Path fixture = CatalogFiles.fixture("shopify/apparel.csv");
		long first = uploadAndWait(fixture, "apply", "all-or-nothing");
		Map<String, Object> job = job(first);
		assertThat(job).containsEntry("status", "succeeded").containsEntry("total", 22).containsEntry("failed", 0);
		long created = ((Number) job.get("created")).longValue();
		long updated = ((Number) job.get("updated")).longValue();
		assertThat(created + updated + ((Number) job.get("unchanged")).longValue()).isPositive();
		long second = uploadAndWait(fixture, "apply", "all-or-nothing");
		assertThat(job(second)).containsEntry("status", "succeeded")
			.containsEntry("created", 0)
			.containsEntry("updated", 0)
			.containsEntry("unchanged", (int) (created + updated + ((Number) job.get("unchanged")).longValue()));
		assertThat(this.jdbc.sql("SELECT summary FROM audit_entry WHERE action = 'IMPORT_SUCCEEDED' AND object_id = ?")
			.param(String.valueOf(second))
			.query(String.class)
			.single()).contains("file=apparel.csv", "created=0", "updated=0");
	}

	@Test
	void reimportingAChangedFileUpdatesOnlyTheChangedRows() throws Exception {
		String prefix = prefix();
		Path file = sample(prefix, 30, StandardCharsets.UTF_8, false);
		long first = uploadAndWait(file, "apply", "all-or-nothing");
		assertThat(job(first)).containsEntry("created", 30);
		assertThat(staleSummaries(prefix)).isZero();
		List<String> lines = Files.readAllLines(file);
		lines.set(1, lines.get(1).replaceFirst(",active,", ",archived,"));
		Files.write(file, lines);
		long second = uploadAndWait(file, "apply", "all-or-nothing");
		Map<String, Object> job = job(second);
		assertThat(job).containsEntry("created", 0).containsEntry("failed", 0);
		assertThat(((Number) job.get("updated")).intValue()).isPositive();
		assertThat(((Number) job.get("unchanged")).intValue() + ((Number) job.get("updated")).intValue()).isEqualTo(30);
		assertThat(openedStock(prefix)).hasSize(30).allMatch((row) -> row.equals("INITIAL=stock"));
	}

	@Test
	void importedStockIsOpenedByInventoryAndMatchesTheLedger() throws Exception {
		String prefix = prefix();
		Path file = this.dir.resolve(prefix + "stock.csv");
		Files.writeString(file, "handle,title,sku,price,initial_stock\n" + prefix + "a,A," + prefix + "a-1,10,5\n"
				+ prefix + "c,C," + prefix + "a-2,10,\n" + prefix + "b,B," + prefix + "b-1,10,12\n");
		assertThat(job(uploadAndWait(file, "apply", "all-or-nothing"))).containsEntry("created", 3);
		// a re-import with other stock changes nothing: stock after opening belongs to
		// inventory
		Files.writeString(file, Files.readString(file).replace(",12\n", ",40\n"));
		assertThat(job(uploadAndWait(file, "apply", "all-or-nothing"))).containsEntry("created", 0);
		assertThat(this.jdbc.sql("""
				SELECT v.sku || ' ' || s.warehouse || ' ' || s.on_hand || ' ' || m.kind || ' ' || m.reason
				FROM stock_item s JOIN product_variant v ON v.id = s.variant_id
				JOIN stock_movement m ON m.variant_id = s.variant_id AND m.warehouse = s.warehouse
				WHERE v.sku LIKE ? ORDER BY v.sku""").param(prefix + "%").query(String.class).list()).containsExactly(
				prefix + "a-1 MAIN 5 INITIAL import", prefix + "a-2 MAIN 0 INITIAL import",
				prefix + "b-1 MAIN 12 INITIAL import");
		assertThat(this.inventory.checkLedger().mismatches()).noneMatch((row) -> row.sku().startsWith(prefix));
	}

	@Test
	void validateOnlyWritesNothing() throws Exception {
		String prefix = prefix();
		long id = uploadAndWait(sample(prefix, 20, StandardCharsets.UTF_8, false), "validate", "all-or-nothing");
		assertThat(job(id)).containsEntry("status", "succeeded").containsEntry("created", 20);
		assertThat(skus(prefix)).isZero();
	}

	@Test
	void allOrNothingWritesNothingWhenARowIsInvalidAndReportsIt() throws Exception {
		String prefix = prefix();
		Path file = withBadPrice(sample(prefix, 20, StandardCharsets.UTF_8, false));
		long id = uploadAndWait(file, "apply", "all-or-nothing");
		assertThat(job(id)).containsEntry("status", "failed").containsEntry("created", 0).containsEntry("failed", 1);
		assertThat(skus(prefix)).isZero();
		String report = this.mvc
			.perform(get("/imports/{id}/errors.csv", id).with(admin()).header("Accept-Language", "en"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(report).startsWith("\uFEFFrow,column,value,problem").contains("3,price,abc,");
		String chinese = this.mvc
			.perform(get("/imports/{id}/errors.csv", id).with(admin()).header("Accept-Language", "zh-CN"))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(chinese).startsWith("\uFEFF行号,列,值,问题");
	}

	@Test
	void skipInvalidWritesTheValidRows() throws Exception {
		String prefix = prefix();
		Path file = withBadPrice(sample(prefix, 20, StandardCharsets.UTF_8, false));
		long id = uploadAndWait(file, "apply", "skip-invalid");
		Map<String, Object> job = job(id);
		assertThat(job).containsEntry("status", "succeeded").containsEntry("failed", 1).containsEntry("created", 19);
		assertThat(skus(prefix)).isEqualTo(19);
	}

	@Test
	void readsGb18030WithChineseHeaders() throws Exception {
		String prefix = prefix();
		long id = uploadAndWait(sample(prefix, 15, Charset.forName("GB18030"), true), "apply", "all-or-nothing");
		assertThat(job(id)).containsEntry("status", "succeeded").containsEntry("created", 15);
		String title = this.jdbc.sql("SELECT title FROM product WHERE handle = ?")
			.param(prefix + "p1")
			.query(String.class)
			.single();
		assertThat(title).matches(".*\\p{IsHan}.*");
	}

	@Test
	void aRunThatBreaksOffMidwayLeavesTheCatalogUnchanged() throws Exception {
		String prefix = prefix();
		Path file = sample(prefix, 45_000, StandardCharsets.UTF_8, false);
		assertThatThrownBy(() -> this.handler.run(new BreakingRun(file))).hasMessageContaining("simulated crash");
		assertThat(skus(prefix)).isZero();
		assertThat(this.jdbc.sql("SELECT count(*) FROM product WHERE handle LIKE ?")
			.param(prefix + "%")
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void unreadableFilesAreRefusedAtUploadAndNothingIsStored() throws Exception {
		long jobsBefore = this.jdbc.sql("SELECT count(*) FROM import_job").query(Long.class).single();
		MockMultipartFile file = new MockMultipartFile("file", "random.csv", "text/csv",
				"foo,bar\n1,2\n".getBytes(StandardCharsets.UTF_8));
		this.mvc.perform(multipart("/imports/products").file(file).with(admin()).with(csrf()))
			.andExpect(redirectedUrl("/imports/products"))
			.andExpect(flash().attribute("error", "import.problem.header.unknown"));
		MockMultipartFile empty = new MockMultipartFile("file", "empty.csv", "text/csv", new byte[0]);
		this.mvc.perform(multipart("/imports/products").file(empty).with(admin()).with(csrf()))
			.andExpect(flash().attribute("error", "import.refused.noFile"));
		assertThat(this.jdbc.sql("SELECT count(*) FROM import_job").query(Long.class).single()).isEqualTo(jobsBefore);
	}

	@Test
	void scriptsGetJsonFromTheStableUrls() throws Exception {
		String prefix = prefix();
		Path file = sample(prefix, 5, StandardCharsets.UTF_8, false);
		String body = this.mvc
			.perform(multipart("/imports/products")
				.file(new MockMultipartFile("file", "five.csv", "text/csv", Files.readAllBytes(file)))
				.param("mode", "apply")
				.param("policy", "skip-invalid")
				.accept(MediaType.APPLICATION_JSON)
				.with(admin())
				.with(csrf()))
			.andExpect(status().isSeeOther())
			.andExpect(redirectedUrlPattern("/imports/*"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(body).contains("\"status\"", "\"total\":5");
		this.mvc
			.perform(multipart("/imports/products")
				.file(new MockMultipartFile("file", "five.csv", "text/csv", Files.readAllBytes(file)))
				.param("mode", "sideways")
				.accept(MediaType.APPLICATION_JSON)
				.with(admin())
				.with(csrf()))
			.andExpect(status().isBadRequest());
	}

	@Test
	void operatorsCannotImport() throws Exception {
		this.mvc.perform(get("/imports/products").with(user("op").roles("OPERATOR"))).andExpect(status().isForbidden());
	}

	private long uploadAndWait(Path file, String mode, String policy) throws Exception {
		String location = this.mvc
			.perform(multipart("/imports/products")
				.file(new MockMultipartFile("file", file.getFileName().toString(), "text/csv",
						Files.readAllBytes(file)))
				.param("mode", mode)
				.param("policy", policy)
				.with(admin())
				.with(csrf()))
			.andExpect(redirectedUrlPattern("/imports/*"))
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
		await().atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofMillis(100))
			.until(() -> List.of("succeeded", "failed").contains(job(id).get("status")));
		return id;
	}

	@SuppressWarnings("unchecked")
	private Map<String, Object> job(long id) throws Exception {
		String json = this.mvc.perform(get("/imports/{id}", id).accept(MediaType.APPLICATION_JSON).with(admin()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		return new tools.jackson.databind.json.JsonMapper().readValue(json, Map.class);
	}

	private Path sample(String prefix, long rows, Charset charset, boolean chinese) throws IOException {
		Path file = this.dir.resolve(prefix + ".csv");
		CatalogSampleFile.write(file, rows, 7, chinese, charset, prefix);
		return file;
	}

	/**
	 * Row 3 of the file (its second SKU row) gets the price "abc".
	 */
	private static Path withBadPrice(Path file) throws IOException {
		return CatalogFiles.withCell(file, file, 2, "price", "abc");
	}

	/**
	 * Products whose stored price range or SKU count disagrees with their SKUs.
	 */
	private long staleSummaries(String prefix) {
		return this.jdbc.sql("""
				SELECT count(*) FROM product p
				CROSS JOIN LATERAL (SELECT min(v.price) AS low, max(v.price) AS high, count(*) AS skus
				                    FROM product_variant v WHERE v.product_id = p.id) s
				WHERE p.handle LIKE ?
				  AND (p.min_price, p.max_price, p.variant_count) IS DISTINCT FROM (s.low, s.high, s.skus)""")
			.param(prefix + "%")
			.query(Long.class)
			.single();
	}

	/**
	 * Per SKU of the prefix: its one opening movement, {@code INITIAL=stock} when it
	 * equals the stock row (a reimport must not add a second one).
	 */
	private List<String> openedStock(String prefix) {
		return this.jdbc.sql("""
				SELECT string_agg(m.kind, ',') || CASE WHEN sum(m.on_hand_delta) = s.on_hand THEN '=stock' ELSE '' END
				FROM stock_item s JOIN product_variant v ON v.id = s.variant_id
				LEFT JOIN stock_movement m ON m.variant_id = s.variant_id AND m.warehouse = s.warehouse
				WHERE v.sku LIKE ? GROUP BY s.id, s.on_hand""").param(prefix + "%").query(String.class).list();
	}

	private long skus(String prefix) {
		return this.jdbc.sql("SELECT count(*) FROM product_variant WHERE sku LIKE ?")
			.param(prefix + "%")
			.query(Long.class)
			.single();
	}

	private static String prefix() {
		return "t" + UUID.randomUUID().toString().substring(0, 8) + "-";
	}

	private static org.springframework.test.web.servlet.request.RequestPostProcessor admin() {
		return user("import-admin").roles("ADMIN");
	}

	/**
	 * A run whose process dies once it has written SKUs: the handler's transaction must
	 * roll back everything.
	 */
	record BreakingRun(Path file) implements ImportRun {

		@Override
		public long jobId() {
			return -1;
		}

		@Override
		public ImportMode mode() {
			return ImportMode.APPLY;
		}

		@Override
		public ImportPolicy policy() {
			return ImportPolicy.SKIP_INVALID;
		}

		@Override
		public void progress(long processed, long created, long updated, long unchanged, long failed) {
			if (created > 0) {
				throw new IllegalStateException("simulated crash after writing " + created + " SKUs");
			}
		}

		@Override
		public void problem(long row, String column, String value, String code, List<Object> args) {
		}

		@Override
		public boolean cancelled() {
			return false;
		}

	}

}
