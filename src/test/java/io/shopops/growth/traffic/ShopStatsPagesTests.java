package io.shopops.growth.traffic;

import java.util.Locale;
import java.util.UUID;

import io.shopops.fulfilment.order.SalesChannels;
import io.shopops.fulfilment.order.SalesPlatform;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The shop statistics page and the import's template download.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ShopStatsPagesTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	SalesChannels channels;

	@Test
	void operatorsReadTheImportedDaysWithTotalsAndAdminsFindTheImport() throws Exception {
		String code = "SP" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
		this.channels.create(code, "统计页测试", SalesPlatform.TMALL);
		this.jdbc.sql("""
				INSERT INTO channel_daily_stat (stat_date, channel_code, source, uv, pv, impressions, clicks, spend,
				    orders, gmv)
				VALUES ('2032-03-01', :code, 'SYCM', 1000, 3000, 20000, 400, 150.00, 25, 2500.00),
				       ('2032-03-02', :code, 'SYCM', 500, NULL, NULL, NULL, NULL, 10, 999.99)""")
			.param("code", code)
			.update();
		this.mvc
			.perform(get("/traffic/stats").param("from", "2032-03-01")
				.param("to", "2032-03-05")
				.param("channel", code.toLowerCase(Locale.ROOT))
				.with(user("stats-operator").roles("OPERATOR")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"stats-table\"")))
			.andExpect(content().string(containsString("3,499.99")))
			.andExpect(content().string(containsString("2.00%")))
			.andExpect(content().string(not(containsString("empty-state"))))
			.andExpect(content().string(not(containsString("id=\"import-stats\""))));
		this.mvc
			.perform(get("/traffic/stats").param("from", "2032-03-10")
				.param("to", "2032-03-01")
				.param("channel", "NOPE")
				.with(user("stats-admin").roles("ADMIN")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"range-problems\"")))
			.andExpect(content().string(containsString("id=\"import-stats\"")));
		this.mvc.perform(get("/traffic/stats").param("from", "2099-01-01").with(user("o").roles("OPERATOR")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("empty-state")))
			.andExpect(content().string(not(containsString("id=\"stats-table\""))));
		this.mvc.perform(get("/imports/shop-stats/template.csv").param("headers", "zh").with(user("a").roles("ADMIN")))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Disposition", containsString("shopops-shop-stats-zh.csv")))
			.andExpect(content().string(containsString("日期,渠道,访客数")));
		this.mvc.perform(get("/imports/shop-stats/template.csv").with(user("o").roles("OPERATOR")))
			.andExpect(status().isForbidden());
	}

}
