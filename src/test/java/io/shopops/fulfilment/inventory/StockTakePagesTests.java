package io.shopops.fulfilment.inventory;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The stock-take pages: upload a file, see the differences before anything changes, apply
 * with the confirmation the page asks for, or see why a file is refused.
 */
@SpringBootTest
@AutoConfigureMockMvc
class StockTakePagesTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Inventory inventory;

	@Autowired
	JdbcClient jdbc;

	@Test
	void anOperatorUploadsAChineseCountSeesTheDifferencesAndAppliesThem() throws Exception {
		String prefix = StockFixtures.unique("WTAKE");
		List<String> skus = StockFixtures.skus(this.jdbc, this.inventory, prefix, 5, 2);
		String csv = "商家编码,仓库,盘点数量\n" + skus.get(0) + ",MAIN,8\n" + skus.get(1) + ",MAIN,2\nNO-" + prefix + ",MAIN,1\n";
		String location = upload("盘点.csv", csv.getBytes(Charset.forName("GB18030")));
		String preview = page(get(location));
		assertThat(preview).contains(skus.get(0), "+3", "No product has this SKU.", "id=\"stock-take-blocked\"")
			.doesNotContain("id=\"stock-take-apply\"")
			.doesNotContain("<code>" + skus.get(1) + "</code>");
		assertThat(this.inventory.find(skus.get(0), "MAIN").orElseThrow().onHand()).isEqualTo(5);
		this.mvc.perform(operator(post(location + "/discard"))).andExpect(redirectedUrl(location));

		String fixed = "SKU,counted\n" + skus.get(0) + ",8\n" + skus.get(1) + ",2\n";
		String good = upload("count.csv", ("\uFEFF" + fixed).getBytes(StandardCharsets.UTF_8));
		assertThat(page(get(good))).contains("id=\"stock-take-apply\"",
				"data-confirm=\"Set on hand to the counted units"
						+ " for 1 stock row(s)? Each change is written to the stock ledger.\"");
		this.mvc.perform(operator(post(good + "/apply")))
			.andExpect(redirectedUrl(good))
			.andExpect(flash().attribute("message", "flash.stockTake.applied"));
		assertThat(this.inventory.find(skus.get(0), "MAIN").orElseThrow().onHand()).isEqualTo(8);
		assertThat(page(get(good))).contains("Applied").doesNotContain("id=\"stock-take-apply\"");
		assertThat(page(get("/inventory/stock-take"))).contains("count.csv", "盘点.csv");
		assertThat(page(get("/inventory/movements").param("sku", skus.get(0)))).contains("Stock-take",
				"stock_take " + good.substring(good.lastIndexOf('/') + 1));
	}

	@Test
	void unreadableFilesAreRefusedWithTheReason() throws Exception {
		this.mvc.perform(operator(multipart("/inventory/stock-take")))
			.andExpect(redirectedUrl("/inventory/stock-take"))
			.andExpect(flash().attribute("error", "stockTake.file.required"));
		this.mvc
			.perform(operator(multipart("/inventory/stock-take").file(new MockMultipartFile("file", "count.xlsx",
					"application/octet-stream", new byte[] { 'P', 'K', 3, 4, 0, 0 }))))
			.andExpect(redirectedUrl("/inventory/stock-take"))
			.andExpect(flash().attribute("error", "import.problem.file.spreadsheet"));
		this.mvc
			.perform(operator(multipart("/inventory/stock-take").file(new MockMultipartFile("file", "count.csv",
					"text/csv", "sku,qty\nA,1\n".getBytes(StandardCharsets.UTF_8)))))
			.andExpect(flash().attribute("error", "stockTake.header.missing"));
		String page = this.mvc
			.perform(operator(get("/inventory/stock-take")).flashAttr("error", "stockTake.header.missing")
				.flashAttr("errorArgs", new Object[] { "counted / 盘点数量" })
				.header("Accept-Language", "zh-CN"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("表头缺少列：counted / 盘点数量。");
		this.mvc.perform(operator(get("/inventory/stock-take/999999999"))).andExpect(status().isNotFound());
	}

	@Test
	void theFileNameIsStoredWithoutPathOrControlCharacters() {
		assertThat(StockTakeController.fileName("C:\\counts\\week\u00001.csv")).isEqualTo("week1.csv");
		assertThat(StockTakeController.fileName("../../")).isEqualTo("stock-take.csv");
		assertThat(StockTakeController.fileName(null)).isEqualTo("stock-take.csv");
	}

	private String upload(String name, byte[] content) throws Exception {
		String location = this.mvc
			.perform(operator(
					multipart("/inventory/stock-take").file(new MockMultipartFile("file", name, "text/csv", content))))
			.andExpect(status().is3xxRedirection())
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		assertThat(location).matches("/inventory/stock-take/\\d+");
		return location;
	}

	private String page(MockHttpServletRequestBuilder request) throws Exception {
		return this.mvc.perform(operator(request).header("Accept-Language", "en"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	private static <B extends AbstractMockHttpServletRequestBuilder<B>> B operator(B request) {
		return request.with(user("count-operator").roles("OPERATOR")).with(csrf());
	}

}
