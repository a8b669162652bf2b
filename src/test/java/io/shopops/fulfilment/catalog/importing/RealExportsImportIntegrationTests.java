package io.shopops.fulfilment.catalog.importing;

import io.shopops.platform.csv.CsvProblems;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
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
 * Every product file in {@code shared/fixtures/real} and {@code shared/fixtures/shopify}
 * through {@code POST /imports/products} into PostgreSQL, with the product and variant
 * counts of the fixtures' README; re-imports that change nothing; warnings that do not
 * fail a row; and the files refused at upload.
 */
@SpringBootTest
@AutoConfigureMockMvc
class RealExportsImportIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@TempDir
	Path dir;

	@Test
	void importsShopifysCurrentLayout() throws Exception {
		assertImports("real/shopify-products/theteleporter__hirachu__product_template.csv", 2, 15);
		assertThat(this.jdbc.sql("""
				SELECT v.compare_at_price FROM product_variant v WHERE v.sku = 'TheBandTShirt-SG'""")
			.query(String.class)
			.single()).isEqualTo("24.99");
	}

	@Test
	void importsAClassicExportWithRepeatedSkusUnderAllOrNothingWithWarnings() throws Exception {
		String fixture = "real/shopify-products/YadaYadaSoftware__shopify-variant-splitter__products_export_1.csv";
		long id = assertImports(fixture, 8, 14);
		String english = report(id, "en");
		assertThat(english).contains(
				"50,Variant SKU,stmw-med-neutral-backroom-1oz-usa,\"Warning (imported): This SKU is already used by an earlier row, so this variant was imported with the SKU stmw-med-neutral-backroom-1oz-usa-2.\"")
			.contains("53,Variant Inventory Qty,'-2,Warning (imported): Negative stock (oversold) was imported as 0.");
		assertThat(report(id, "zh-CN")).contains("警告（已导入）：此 SKU 已被前面的行使用");
		assertThat(this.mvc.perform(get("/imports/{id}", id).with(admin()).header("Accept-Language", "en"))
			.andReturn()
			.getResponse()
			.getContentAsString()).contains("Download the report (0 problems, 4 warnings)")
			.contains("every row was taken");
		assertThat(this.jdbc.sql("SELECT count(*) FROM product_variant WHERE sku LIKE 'stmw-med-neutral-%-1oz-usa-2'")
			.query(Long.class)
			.single()).isEqualTo(3);
	}

	@Test
	void importsTraditionalChineseAndArabicExports() throws Exception {
		assertImports("real/shopify-products/Wen5928__price_test_smalltool__products_export_1.csv", 5, 6);
		assertImports("real/shopify-products/Anfas-Al-Anoud__anfas-al-anoud-theme__products_export_1.csv", 41, 41);
	}

	@Test
	void importsShopifysSampleCatalogs() throws Exception {
		assertImports("shopify/apparel.csv", 20, 22);
		assertImports("shopify/jewelery.csv", 20, 23);
		assertImports("shopify/home-and-garden.csv", 20, 21);
		assertImports("shopify/hair-store-export.csv", 84, 445);
		assertImports("shopify/home-decor-store-export.csv", 20, 21);
	}

	@Test
	void importsWooCommercesSampleSkippingGroupedAndExternalProducts() throws Exception {
		Path file = CatalogFiles
			.fixture("real/woocommerce-products/rogeraclaro__valeapp__woocommerce-7.9.0__sample_products.csv");
		long refused = upload(file, "all-or-nothing");
		assertThat(job(refused)).containsEntry("status", "failed")
			.containsEntry("failed", 2)
			.containsEntry("created", 0);
		assertThat(variants(file)).isZero();
		long id = upload(file, "skip-invalid");
		assertThat(job(id)).containsEntry("status", "succeeded").containsEntry("failed", 2);
		assertThat(products(file)).isEqualTo(16);
		assertThat(variants(file)).isEqualTo(21);
		assertThat(report(id, "en")).contains("24,Type,grouped,\"Products of type \"\"grouped\"\" cannot be imported")
			.contains("25,Type,external,");
		long again = upload(file, "skip-invalid");
		assertThat(job(again)).containsEntry("created", 0).containsEntry("updated", 0).containsEntry("unchanged", 21);
		assertThat(this.jdbc.sql("SELECT weight_grams FROM product_variant WHERE sku = 'woo-hoodie-blue-logo'")
			.query(Integer.class)
			.single()).isEqualTo(680);
	}

	@Test
	void refusesOtherFilesAtUploadSayingWhy() throws Exception {
		long jobsBefore = this.jdbc.sql("SELECT count(*) FROM import_job").query(Long.class).single();
		assertRefused("magento.csv",
				"sku,store_view_code,attribute_set_code,product_type,name,price\nA,,Default,simple,A,1\n",
				CatalogProblemCodes.HEADER_FOREIGN, "Magento");
		assertRefused("prestashop.csv", "Product ID;Active (0/1);Name *;Price tax excluded\n1;1;Mug;9\n",
				CatalogProblemCodes.HEADER_FOREIGN, "PrestaShop");
		assertRefused("empty-columns.csv", "Produkt,Preis" + ",".repeat(400) + "\nMug,9\n",
				CatalogProblemCodes.HEADER_UNKNOWN, "ShopOps");
		String wide = String.join(",", IntStream.range(0, 20_000).mapToObj((i) -> "c" + i).toList());
		assertRefused("wide.csv", wide + "\n1\n", CsvProblems.HEADER_TOO_MANY_COLUMNS, 1000);
		assertRefused("header-only.csv", "handle,title,sku,price\n", "import.refused.noRows");
		assertThat(this.jdbc.sql("SELECT count(*) FROM import_job").query(Long.class).single()).isEqualTo(jobsBefore);
		String page = this.mvc
			.perform(multipart("/imports/products")
				.file(new MockMultipartFile("file", "wide.csv", "text/csv", (wide + "\n1\n").getBytes()))
				.with(admin())
				.with(csrf()))
			.andReturn()
			.getFlashMap()
			.toString();
		assertThat(page).doesNotContain(CsvProblems.CSV_MALFORMED);
	}

	private void assertRefused(String name, String content, String code, Object... args) throws Exception {
		var result = this.mvc
			.perform(multipart("/imports/products")
				.file(new MockMultipartFile("file", name, "text/csv", content.getBytes(StandardCharsets.UTF_8)))
				.with(admin())
				.with(csrf()))
			.andExpect(redirectedUrl("/imports/products"))
			.andExpect(flash().attribute("error", code))
			.andReturn();
		Object[] flashed = (Object[]) result.getFlashMap().get("errorArgs");
		for (int i = 0; i < args.length; i++) {
			assertThat(flashed[i]).isEqualTo(args[i]);
		}
		String message = this.mvc.perform(
				get("/imports/products").with(admin()).flashAttrs(result.getFlashMap()).header("Accept-Language", "en"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(message).doesNotContain(code).doesNotContain("stray quote");
	}

	/**
	 * Imports a fixture, checks the counts in the database, imports it again and checks
	 * that nothing changed.
	 */
	private long assertImports(String fixture, long products, long variants) throws Exception {
		Path file = CatalogFiles.fixture(fixture);
		long id = upload(file, "all-or-nothing");
		Map<String, Object> job = job(id);
		assertThat(job).containsEntry("status", "succeeded").containsEntry("failed", 0);
		assertThat(products(file)).isEqualTo(products);
		assertThat(variants(file)).isEqualTo(variants);
		long again = upload(file, "all-or-nothing");
		assertThat(job(again)).containsEntry("status", "succeeded")
			.containsEntry("created", 0)
			.containsEntry("updated", 0)
			.containsEntry("unchanged", (int) variants);
		return id;
	}

	private long products(Path file) {
		List<String> handles = CatalogFiles.read(file).products.stream().map(ProductRecord::handle).toList();
		return this.jdbc.sql("SELECT count(*) FROM product WHERE handle IN (:handles)")
			.param("handles", handles)
			.query(Long.class)
			.single();
	}

	private long variants(Path file) {
		List<String> skus = CatalogFiles.read(file).products.stream()
			.flatMap((product) -> product.variants().stream())
			.map(VariantRecord::sku)
			.toList();
		return this.jdbc.sql("SELECT count(*) FROM product_variant WHERE sku IN (:skus)")
			.param("skus", skus)
			.query(Long.class)
			.single();
	}

	private long upload(Path file, String policy) throws Exception {
		String location = this.mvc
			.perform(multipart("/imports/products")
				.file(new MockMultipartFile("file", file.getFileName().toString(), "text/csv",
						Files.readAllBytes(file)))
				.param("mode", "apply")
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

	private String report(long id, String language) throws Exception {
		return this.mvc.perform(get("/imports/{id}/errors.csv", id).with(admin()).header("Accept-Language", language))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
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

	private static RequestPostProcessor admin() {
		return user("formats-admin").roles("ADMIN");
	}

}
