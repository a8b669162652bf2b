package io.shopops.growth.segment;

import java.util.List;

import io.shopops.fulfilment.order.Orders;
import io.shopops.fulfilment.order.SalesChannels;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The backfill of the SKUs customers bought: orders recorded before the "product bought"
 * criterion get their SKUs from fulfilment's order API, only orders that count, for their
 * current customer; running it again changes nothing; managers run it from the segments
 * page.
 */
@SpringBootTest
@AutoConfigureMockMvc
class CustomerSkuBackfillTests {

	@Autowired
	CustomerSkuBackfill backfill;

	@Autowired
	Orders orders;

	@Autowired
	SalesChannels channels;

	@Autowired
	SegmentQuery query;

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Test
	void ordersWithoutSkuRowsGetThemOnceAndOnlyWhenTheyCount() {
		String site = SegmentFixtures.channel(this.channels);
		String prefix = SegmentFixtures.unique("SEGB");
		String sku = "SKU-OLD-" + prefix;
		long paid = this.orders
			.place(SegmentFixtures.completed(site, prefix + "-1", SegmentFixtures.buyer("周" + prefix), sku, "99.00",
					30))
			.order()
			.id();
		long cancelled = this.orders
			.place(SegmentFixtures.cancelled(site, prefix + "-2", SegmentFixtures.buyer("吴" + prefix), sku, "50.00",
					20))
			.order()
			.id();
		long customer = SegmentFixtures.customerOf(this.jdbc, paid);
		SegmentFixtures.customerOf(this.jdbc, cancelled);
		SegmentFilter bought = new SegmentFilter(null, List.of(), null, null, null, null, null, null, null, null, null,
				null, null, null, sku);
		assertThat(this.query.count(bought)).isOne();
		// as if both were recorded before the criterion existed
		this.jdbc.sql("DELETE FROM customer_sku WHERE order_id IN (:ids)")
			.param("ids", List.of(paid, cancelled))
			.update();
		assertThat(this.query.count(bought)).isZero();

		CustomerSkuBackfill.Run first = this.backfill.run("test");
		assertThat(first.ordersRead()).isGreaterThanOrEqualTo(1);
		assertThat(first.skusAdded()).isGreaterThanOrEqualTo(1);
		assertThat(this.jdbc.sql("SELECT order_id, customer_id FROM customer_sku WHERE sku = :sku")
			.param("sku", sku)
			.query((rs, n) -> List.of(rs.getLong(1), rs.getLong(2)))
			.list()).containsExactly(List.of(paid, customer));
		assertThat(this.query.count(bought)).isOne();
		assertThat(this.query.contains(bought, customer)).isTrue();

		CustomerSkuBackfill.Run again = this.backfill.run("test");
		assertThat(again.skusAdded()).isZero();
		assertThat(this.jdbc.sql("SELECT count(*) FROM customer_sku WHERE sku = :sku")
			.param("sku", sku)
			.query(Long.class)
			.single()).isOne();
		assertThat(this.backfill.lastRun()).hasValueSatisfying((run) -> {
			assertThat(run.finishedAt()).isNotNull();
			assertThat(run.skusAdded()).isZero();
			assertThat(run.actor()).isEqualTo("test");
		});
		assertThat(this.jdbc
			.sql("SELECT count(*) FROM audit_entry WHERE action = 'CUSTOMER_SKUS_BACKFILLED' AND actor = 'test'")
			.query(Long.class)
			.single()).isGreaterThanOrEqualTo(2);
	}

	@Test
	void managersRunItFromTheSegmentsPageOperatorsCannot() throws Exception {
		this.mvc.perform(operator(post("/crm/segments/sku-backfill"))).andExpect(status().isForbidden());
		assertThat(page(operator(get("/crm/segments")), "en")).doesNotContain("id=\"sku-backfill\"");
		this.mvc.perform(manager(post("/crm/segments/sku-backfill")))
			.andExpect(redirectedUrl("/crm/segments"))
			.andExpect(flash().attribute("message", org.hamcrest.Matchers.startsWith("segment.backfill.flash.")));
		await().until(() -> !this.backfill.running());
		assertThat(page(manager(get("/crm/segments")), "en")).contains("id=\"sku-backfill\"", "Last run finished",
				"segment-manager");
		assertThat(page(manager(get("/crm/segments")), "zh-CN")).contains("上次运行完成于");
	}

	private String page(MockHttpServletRequestBuilder request, String language) throws Exception {
		return this.mvc.perform(request.header("Accept-Language", language))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	private static MockHttpServletRequestBuilder operator(MockHttpServletRequestBuilder request) {
		return request.with(user("segment-operator").roles("OPERATOR")).with(csrf());
	}

	private static MockHttpServletRequestBuilder manager(MockHttpServletRequestBuilder request) {
		return request.with(user("segment-manager").roles("MANAGER")).with(csrf());
	}

}
