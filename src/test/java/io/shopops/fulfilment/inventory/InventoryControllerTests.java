package io.shopops.fulfilment.inventory;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The stock list pages through SKUs in index order: every row once, in order, 50 a page.
 */
@SpringBootTest
@AutoConfigureMockMvc
class InventoryControllerTests {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MockMvc mvc;

	@Test
	void pagesThroughEverySkuOnceInOrder() throws Exception {
		String prefix = "INV" + System.nanoTime() + "-";
		long product = this.jdbc.sql("INSERT INTO product (handle, title) VALUES (?, ?) RETURNING id")
			.params(prefix.toLowerCase() + "p", "库存分页 " + prefix)
			.query(Long.class)
			.single();
		List<String> expected = new ArrayList<>();
		for (int i = 0; i < 62; i++) {
			// mixed widths and letters: the order is the SKU index's, byte by byte
			String sku = prefix + ((i % 2 == 0) ? "A" : "b") + i;
			expected.add(sku);
			long variant = this.jdbc
				.sql("INSERT INTO product_variant (product_id, sku, price, position) VALUES (?, ?, 1, ?) RETURNING id")
				.params(product, sku, i + 1)
				.query(Long.class)
				.single();
			this.jdbc.sql("INSERT INTO stock_item (variant_id, warehouse, on_hand) VALUES (?, 'MAIN', ?)")
				.params(variant, i)
				.update();
		}
		expected.sort(String::compareTo);

		List<String> shown = new ArrayList<>();
		String path = "/inventory?q=" + prefix;
		int pages = 0;
		while (path != null) {
			String page = this.mvc.perform(get(path).with(user("ann").roles("OPERATOR")))
				.andExpect(status().isOk())
				.andReturn()
				.getResponse()
				.getContentAsString();
			Matcher sku = Pattern.compile(">(" + Pattern.quote(prefix) + "[^<]+)<").matcher(page);
			List<String> onPage = new ArrayList<>();
			while (sku.find()) {
				if (onPage.isEmpty() || !onPage.get(onPage.size() - 1).equals(sku.group(1))) {
					onPage.add(sku.group(1));
				}
			}
			assertThat(onPage).hasSizeLessThanOrEqualTo(InventoryController.PAGE_SIZE);
			shown.addAll(onPage);
			Matcher next = Pattern.compile("id=\"stock-next\" href=\"([^\"]+)\"").matcher(page);
			path = next.find() ? next.group(1).replace("&amp;", "&") : null;
			pages++;
		}
		assertThat(pages).isEqualTo(2);
		assertThat(shown).containsExactlyElementsOf(expected);
	}

}
