package io.shopops.fulfilment.aftersales.review;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

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
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Review files through {@code POST /imports/reviews} into PostgreSQL: product and order
 * matching, idempotent re-import, replies kept, all-or-nothing and validate modes, and
 * refused uploads. Each test imports into a channel of its own.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ReviewImportIntegrationTests {

	static final Path FILES = ReviewFileReaderTests.RESOURCES;

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ReviewService service;

	@TempDir
	Path dir;

	String channel;

	@BeforeEach
	void channelAndProducts() {
		ReviewFixtures.fileProducts(this.jdbc);
		this.channel = ReviewFixtures.channel(this.jdbc);
	}

	@Test
	void importsJudgeMeMatchingProductsByHandleAndReimportsUnchanged() throws Exception {
		Map<String, Object> job = importFile("apply", "skip-invalid", FILES.resolve("judgeme.csv"));
		assertThat(job).containsEntry("status", "succeeded")
			.containsEntry("total", 5)
			.containsEntry("created", 3)
			.containsEntry("failed", 2);
		assertThat(reviews()).containsExactly("Anna 5 RV-TEE-M false reply=true", "Ben 2 RV-TEE-M false reply=false",
				"Spammer 5 RV-MUG-01 true reply=false");
		assertThat(problems(job)).anyMatch((line) -> line.contains("rating") && line.contains("six"));
		Map<String, Object> again = importFile("apply", "skip-invalid", FILES.resolve("judgeme.csv"));
		assertThat(again).containsEntry("created", 0).containsEntry("updated", 0).containsEntry("unchanged", 3);
		assertThat(reviews()).hasSize(3);
		assertThat(this.jdbc.sql("SELECT count(*) FROM audit_entry WHERE action = 'REVIEWS_IMPORTED' AND object_id = ?")
			.param(this.channel)
			.query(Long.class)
			.single()).isOne();
	}

	@Test
	void anAllOrNothingRunWithABadRowWritesNothingAndValidateNeverWrites() throws Exception {
		Map<String, Object> strict = importFile("apply", "all-or-nothing", FILES.resolve("template-zh.csv"));
		assertThat(strict).containsEntry("outcome", "rowsInvalid").containsEntry("failed", 2);
		assertThat(reviews()).isEmpty();
		Map<String, Object> validate = importFile("validate", "skip-invalid", FILES.resolve("template-zh.csv"));
		assertThat(validate).containsEntry("created", 2);
		assertThat(reviews()).isEmpty();
		Map<String, Object> apply = importFile("apply", "skip-invalid", FILES.resolve("template-zh.csv"));
		assertThat(apply).containsEntry("created", 2).containsEntry("failed", 2);
		assertThat(reviews()).containsExactly("李先生 5 RV-MUG-01 false reply=true", "王女士 1 RV-TEE-M false reply=false");
	}

	@Test
	void matchesTaobaoReviewsByTitleAndOrderNumber() throws Exception {
		long order = ReviewFixtures.order(this.jdbc, this.channel, "3344556677", ReviewFixtures.TEE_SKU);
		Map<String, Object> job = importFile("apply", "all-or-nothing", FILES.resolve("taobao-gb18030.csv"));
		assertThat(job).containsEntry("created", 2).containsEntry("failed", 0);
		assertThat(this.jdbc.sql("SELECT order_id FROM review WHERE channel_code = ? ORDER BY reviewed_at")
			.param(this.channel)
			.query(Long.class)
			.list()).containsExactly(null, order);
		assertThat(reviews()).containsExactly("null 5 RV-TEE-M false reply=false", "null 1 RV-TEE-M false reply=false");
		assertThat(problems(job)).anyMatch((line) -> line.contains("3344556678"));
	}

	@Test
	void importsWooCommerceRepliesAndUpdatesChangedReviews() throws Exception {
		Map<String, Object> job = importFile("apply", "all-or-nothing", FILES.resolve("woocommerce.csv"));
		assertThat(job).containsEntry("created", 2).containsEntry("failed", 0);
		assertThat(reviews()).containsExactly("Hana 5 RV-TEE-M false reply=true", "Ivan 2 RV-MUG-01 true reply=false");
		assertThat(problems(job)).anyMatch((line) -> line.contains("90"));
		String changed = Files.readString(FILES.resolve("woocommerce.csv"))
			.replace("\"Arrived chipped\"", "\"Chipped\"");
		Map<String, Object> again = importFile("apply", "all-or-nothing",
				Files.writeString(this.dir.resolve("woo.csv"), changed));
		assertThat(again).containsEntry("created", 0).containsEntry("updated", 1);
		assertThat(this.jdbc.sql("SELECT body FROM review WHERE channel_code = ? AND external_id = '103'")
			.param(this.channel)
			.query(String.class)
			.single()).isEqualTo("Chipped");
	}

	@Test
	void keepsARepliedAndHiddenReviewAsTheOperatorLeftIt() throws Exception {
		importFile("apply", "all-or-nothing", FILES.resolve("okendo.csv"));
		long finn = this.jdbc.sql("SELECT id FROM review WHERE channel_code = ? AND author = 'Finn'")
			.param(this.channel)
			.query(Long.class)
			.single();
		long version = this.jdbc.sql("SELECT version FROM review WHERE id = ?").param(finn).query(Long.class).single();
		this.service.reply(finn, "抱歉，已为您补寄。", version, "operator");
		this.service.hide(finn, true);
		Map<String, Object> again = importFile("apply", "all-or-nothing", FILES.resolve("okendo.csv"));
		assertThat(again).containsEntry("unchanged", 3);
		assertThat(this.jdbc.sql("SELECT reply || ' ' || reply_by || ' ' || hidden FROM review WHERE id = ?")
			.param(finn)
			.query(String.class)
			.single()).isEqualTo("抱歉，已为您补寄。 operator true");
	}

	@Test
	void refusesUploadsItCannotImport() throws Exception {
		refused(request(FILES.resolve("okendo.csv")).param("channel", ""), ReviewProblems.CHANNEL_MISSING);
		refused(request(FILES.resolve("okendo.csv")).param("channel", "NO-SUCH"), ReviewProblems.CHANNEL_UNKNOWN);
		Path unknown = Files.writeString(this.dir.resolve("x.csv"), "a,b\n1,2\n");
		refused(request(unknown).param("channel", this.channel), ReviewProblems.HEADER_UNKNOWN);
	}

	@Test
	void offersTheTemplatesAndTheChannelOnTheImportPage() throws Exception {
		this.mvc.perform(get("/imports/reviews").with(admin()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(this.channel)))
			.andExpect(content().string(containsString("/imports/reviews/template.csv")));
		this.mvc.perform(get("/imports/reviews").with(user("op").roles("OPERATOR"))).andExpect(status().isForbidden());
		String chinese = this.mvc.perform(get("/imports/reviews/template.csv").param("headers", "zh").with(admin()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(chinese).startsWith("\uFEFF评价编号,商家编码,");
		Path downloaded = Files.writeString(this.dir.resolve("template.csv"), chinese.substring(1));
		Map<String, Object> job = importFile("validate", "all-or-nothing", downloaded);
		assertThat(job).containsEntry("total", 2).containsEntry("failed", 0);
		String english = this.mvc.perform(get("/imports/reviews/template.csv").with(admin()))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(english).startsWith("\uFEFFreview_id,sku,product_handle,");
	}

	private List<String> reviews() {
		return this.jdbc
			.sql("""
					SELECT coalesce(r.author, 'null') || ' ' || r.rating || ' ' || coalesce(v.sku, 'none') || ' ' || r.hidden
					       || ' reply=' || (r.reply IS NOT NULL)
					FROM review r LEFT JOIN product_variant v ON v.product_id = r.product_id
					WHERE r.channel_code = :channel ORDER BY r.reviewed_at, r.id""")
			.param("channel", this.channel)
			.query(String.class)
			.list();
	}

	private Map<String, Object> importFile(String mode, String policy, Path file) throws Exception {
		String body = this.mvc
			.perform(request(file).param("channel", this.channel)
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

	private MockMultipartHttpServletRequestBuilder request(Path file) throws Exception {
		MockMultipartHttpServletRequestBuilder request = multipart("/imports/reviews");
		request
			.file(new MockMultipartFile("file", file.getFileName().toString(), "text/csv", Files.readAllBytes(file)));
		request.with(admin()).with(csrf());
		return request;
	}

	private void refused(MockMultipartHttpServletRequestBuilder request, String code) throws Exception {
		String body = this.mvc.perform(request.accept(MediaType.APPLICATION_JSON))
			.andExpect(status().isBadRequest())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(body).contains("\"error\":\"" + code + "\"");
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

	private static RequestPostProcessor admin() {
		return user("review-import-admin").roles("ADMIN");
	}

}
