package io.shopops.fulfilment.catalog;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.shopops.platform.BadInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

/**
 * Catalog requests that the black-box probe of issue 7 answered with a 500, a truncated
 * export or lost SKUs.
 */
@SpringBootTest
@AutoConfigureMockMvc
class CatalogBadInputIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Test
	void anExportWhoseFilterCannotBeAppliedIsRefusedNotAnEmptyFile() throws Exception {
		MvcResult result = this.mvc
			.perform(operator(get("/products/export.csv")).param("minPrice", "1E-999999999")
				.header("Accept-Language", "en"))
			.andExpect(status().isBadRequest())
			.andReturn();
		assertThat(result.getResolvedException()).isInstanceOfSatisfying(BadInputException.class,
				(bad) -> assertThat(bad.messageKey()).isEqualTo("error.badInput.price"));
		assertThat(result.getResponse().getContentAsString()).isEmpty();
	}

	@Test
	void anExportWithAValidFilterStillStreams() throws Exception {
		String handle = unique("export");
		createProduct(handle, handle + "-1", "12.50");
		String csv = this.mvc
			.perform(operator(get("/products/export.csv")).param("q", handle).param("minPrice", "12.5"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(csv).contains(handle + "-1");
	}

	@ParameterizedTest
	@ValueSource(strings = { "1E-999999999", "1E+999999999", "-1", "12.345", "abc" })
	void anOutOfRangePriceFilterIsIgnoredWithAWarning(String price) throws Exception {
		this.mvc.perform(operator(get("/products")).param("minPrice", price).param("maxPrice", price))
			.andExpect(status().isOk())
			.andExpect(model().attribute("filterWarning", "product.filter.priceInvalid"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "UPDATED|99999999999999999|1", "UPDATED|-99999999999999999|1",
			"UPDATED|9223372036854775807|1", "PRICE_ASC|1E-999999999|1", "PRICE_DESC|1E+999999999|1",
			"TITLE|a\u0000b|1", "UPDATED|1|99999999999999999999" })
	void aTamperedCursorStartsFromTheFirstPage(String raw) throws Exception {
		String cursor = Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
		String sort = raw.substring(0, raw.indexOf('|')).toLowerCase();
		for (String direction : List.of("after", "before")) {
			this.mvc.perform(operator(get("/products")).param("sort", sort).param(direction, cursor))
				.andExpect(status().isOk());
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "variants[-1].sku", "variants[2048].sku", "variants[99999999].sku" })
	void aSkuRowNumberNoFormHasIsABadRequest(String field) throws Exception {
		String handle = unique("rows");
		this.mvc
			.perform(newProduct(handle).param("variants[0].sku", handle + "-1")
				.param("variants[0].price", "1.00")
				.param(field, handle + "-2"))
			.andExpect(status().isBadRequest());
		assertThat(count("SELECT count(*) FROM product WHERE handle = ?", handle)).isZero();
	}

	@Test
	void skuRowsWithGapsUpToTheLimitAreFormErrors() throws Exception {
		String handle = unique("gaps");
		this.mvc
			.perform(newProduct(handle).param("variants[0].sku", handle + "-1")
				.param("variants[0].price", "1.00")
				.param("variants[300].sku", handle + "-2"))
			.andExpect(status().isOk())
			.andExpect(view().name("fulfilment/products/form"))
			.andExpect(model().attributeHasFieldErrors("form", "variants[1].sku", "variants[300].price"));
		assertThat(count("SELECT count(*) FROM product WHERE handle = ?", handle)).isZero();
	}

	@Test
	void aNewProductWithATamperedIdIsCheckedLikeAnyNewProduct() throws Exception {
		String handle = unique("taken");
		long existing = createProduct(handle, handle + "-1", "10.00");
		this.mvc
			.perform(newProduct(handle).param("id", String.valueOf(existing))
				.param("variants[0].sku", handle + "-1")
				.param("variants[0].price", "1.00"))
			.andExpect(status().isOk())
			.andExpect(view().name("fulfilment/products/form"))
			.andExpect(model().attributeHasFieldErrors("form", "handle", "variants[0].sku"));
		assertThat(count("SELECT count(*) FROM product WHERE handle = ?", handle)).isOne();
	}

	@Test
	void aSkuIdOfAnotherProductIsRefusedAndChangesNothing() throws Exception {
		String victim = unique("victim");
		long victimId = createProduct(victim, victim + "-1", "10.00");
		String other = unique("other");
		createProduct(other, other + "-1", "20.00");
		long foreignSku = this.jdbc.sql("SELECT id FROM product_variant WHERE sku = ?")
			.param(other + "-1")
			.query(Long.class)
			.single();
		this.mvc
			.perform(operator(post("/products/{id}", victimId)).param("handle", victim)
				.param("title", "Tampered")
				.param("status", "ACTIVE")
				.param("version", "0")
				.param("variants[0].id", String.valueOf(foreignSku))
				.param("variants[0].sku", victim + "-X")
				.param("variants[0].price", "1.00"))
			.andExpect(status().isOk())
			.andExpect(view().name("fulfilment/products/form"))
			.andExpect(model().attributeHasErrors("form"));
		assertThat(this.jdbc.sql("SELECT sku FROM product_variant WHERE product_id = ?")
			.param(victimId)
			.query(String.class)
			.list()).containsExactly(victim + "-1");
		assertThat(this.jdbc.sql("SELECT title FROM product WHERE id = ?").param(victimId).query(String.class).single())
			.isEqualTo("Product " + victim);
		assertThat(count("SELECT count(*) FROM product_variant WHERE id = ? AND sku = ?", foreignSku, other + "-1"))
			.isOne();
	}

	@Test
	void aSkuIdOnANewProductIsRefused() throws Exception {
		String other = unique("owner");
		createProduct(other, other + "-1", "20.00");
		long foreignSku = this.jdbc.sql("SELECT id FROM product_variant WHERE sku = ?")
			.param(other + "-1")
			.query(Long.class)
			.single();
		String handle = unique("thief");
		this.mvc
			.perform(newProduct(handle).param("variants[0].id", String.valueOf(foreignSku))
				.param("variants[0].sku", handle + "-1")
				.param("variants[0].price", "1.00"))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasErrors("form"));
		assertThat(count("SELECT count(*) FROM product WHERE handle = ?", handle)).isZero();
	}

	@Test
	void parallelBrandSubmitsEndAsAlreadyExists() throws Exception {
		String name = unique("Brand");
		List<MvcResult> results = inParallel(8,
				() -> this.mvc.perform(operator(post("/products/brands")).param("name", name)).andReturn());
		assertThat(results).allSatisfy((result) -> assertThat(result.getResponse().getStatus()).isEqualTo(302));
		assertThat(results.stream().map((result) -> result.getFlashMap().get("message")))
			.containsOnlyOnce("flash.brand.created");
		assertThat(results.stream().map((result) -> result.getFlashMap().get("error")).filter((e) -> e != null))
			.hasSize(7)
			.containsOnly("brand.duplicate");
		assertThat(count("SELECT count(*) FROM brand WHERE name = ?", name)).isOne();
	}

	@Test
	void parallelCategorySubmitsEndAsAlreadyExists() throws Exception {
		String name = unique("Category");
		List<MvcResult> results = inParallel(8,
				() -> this.mvc.perform(operator(post("/products/categories")).param("name", name)).andReturn());
		assertThat(results).allSatisfy((result) -> assertThat(result.getResponse().getStatus()).isEqualTo(302));
		assertThat(results.stream().map((result) -> result.getFlashMap().get("error")).filter((e) -> e != null))
			.hasSize(7)
			.containsOnly("category.duplicate");
		assertThat(count("SELECT count(*) FROM category WHERE path = ?", name)).isOne();
	}

	@Test
	void parallelProductSubmitsWithOneHandleEndAsAlreadyExists() throws Exception {
		String handle = unique("twin");
		int[] n = { 0 };
		List<MvcResult> results = inParallel(8, () -> {
			String sku;
			synchronized (n) {
				sku = handle + "-" + (n[0]++);
			}
			return this.mvc.perform(newProduct(handle).param("variants[0].sku", sku).param("variants[0].price", "1.00"))
				.andReturn();
		});
		assertThat(results).allSatisfy((result) -> assertThat(result.getResponse().getStatus()).isIn(200, 302));
		assertThat(results.stream().filter((result) -> result.getResponse().getStatus() == 302)).hasSize(1);
		assertThat(results.stream().filter((result) -> result.getResponse().getStatus() == 200))
			.allSatisfy((result) -> assertThat(result.getModelAndView()
				.getModel()
				.get("org.springframework.validation.BindingResult.form")
				.toString()).contains("product.handle.duplicate"));
		assertThat(count("SELECT count(*) FROM product WHERE handle = ?", handle)).isOne();
	}

	@Test
	void aRenameOntoANameTakenMeanwhileIsAlreadyExists() throws Exception {
		String first = unique("First");
		String second = unique("Second");
		this.mvc.perform(operator(post("/products/brands")).param("name", first));
		this.mvc.perform(operator(post("/products/brands")).param("name", second));
		long id = this.jdbc.sql("SELECT id FROM brand WHERE name = ?").param(second).query(Long.class).single();
		this.mvc.perform(operator(post("/products/brands/{id}/rename", id)).param("name", first.toUpperCase()))
			.andExpect(redirectedUrl("/products/brands"))
			.andExpect(flash().attribute("error", "brand.duplicate"));
	}

	private <T> List<T> inParallel(int threads, java.util.concurrent.Callable<T> task) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		try {
			CountDownLatch ready = new CountDownLatch(threads);
			CountDownLatch go = new CountDownLatch(1);
			List<Future<T>> futures = new ArrayList<>();
			for (int i = 0; i < threads; i++) {
				futures.add(pool.submit(() -> {
					ready.countDown();
					go.await();
					return task.call();
				}));
			}
			ready.await(10, TimeUnit.SECONDS);
			go.countDown();
			List<T> results = new ArrayList<>();
			for (Future<T> future : futures) {
				results.add(future.get(60, TimeUnit.SECONDS));
			}
			return results;
		}
		finally {
			pool.shutdownNow();
		}
	}

	private long createProduct(String handle, String sku, String price) throws Exception {
		this.mvc.perform(newProduct(handle).param("variants[0].sku", sku).param("variants[0].price", price))
			.andExpect(redirectedUrlPattern("/products/*"));
		return this.jdbc.sql("SELECT id FROM product WHERE handle = ?").param(handle).query(Long.class).single();
	}

	private MockHttpServletRequestBuilder newProduct(String handle) {
		return operator(post("/products")).param("handle", handle)
			.param("title", "Product " + handle)
			.param("status", "ACTIVE");
	}

	private long count(String sql, Object... params) {
		var statement = this.jdbc.sql(sql);
		for (Object param : params) {
			statement = statement.param(param);
		}
		return statement.query(Long.class).single();
	}

	private static MockHttpServletRequestBuilder operator(MockHttpServletRequestBuilder request) {
		return request.with(user("catalog-operator").roles("OPERATOR")).with(csrf());
	}

	private static String unique(String prefix) {
		return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
	}

}
