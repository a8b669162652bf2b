package io.shopops.growth.traffic;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import io.shopops.fulfilment.aftersales.api.RefundCompleted;
import io.shopops.fulfilment.inventory.Inventory;
import io.shopops.fulfilment.order.OrderSnapshot;
import io.shopops.fulfilment.order.Orders;
import io.shopops.fulfilment.order.SalesChannels;
import io.shopops.fulfilment.order.SalesPlatform;
import io.shopops.fulfilment.order.Utm;
import io.shopops.platform.Role;
import io.shopops.platform.ShopSettings;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * {@code /traffic/attribution} over HTTP: totals that reconcile with the KPI rollup for
 * the same days, breakdowns with spend and ROI, the empty state, the default range, the
 * formula-safe CSV export and the touch window setting (managers only, audited).
 */
@SpringBootTest
@AutoConfigureMockMvc
class AttributionPagesTests {

	private static final RequestPostProcessor OPERATOR = user("attribution-operator").roles(Role.OPERATOR.name());

	private static final RequestPostProcessor MANAGER = user("attribution-manager").roles(Role.MANAGER.name());

	@Autowired
	MockMvc mvc;

	@Autowired
	Orders orders;

	@Autowired
	SalesChannels channels;

	@Autowired
	Inventory inventory;

	@Autowired
	ShopSettings shop;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	Attributions attributions;

	@Test
	void theTotalsAreTheKpiGmvOfTheRangeAndTheBreakdownsShowSpendAndRoi() throws Exception {
		ZoneId zone = this.shop.current().timeZone();
		LocalDate day = LocalDate.of(2017, 2, 11);
		Instant paidAt = day.atTime(10, 0).atZone(zone).toInstant();
		String channel = this.channels.create(AttributionFixtures.unique("AC"), "归因渠道", SalesPlatform.OWN_SITE).code();
		String sku = AttributionFixtures.sku(this.jdbc, this.inventory, 100);
		String pieceCode = AttributionFixtures.unique("P");
		AttributionFixtures.piece(this.jdbc, pieceCode);
		String groupCode = AttributionFixtures.unique("G");
		long group = AttributionFixtures.group(this.jdbc, groupCode);
		String campaignName = AttributionFixtures.unique("冬季-");
		long campaign = AttributionFixtures.campaign(this.jdbc, campaignName, channel);
		AttributionFixtures.spend(this.jdbc, campaign, day, "50.00");

		OrderSnapshot byPiece = place(channel, sku, "120.00", paidAt, null, pieceCode);
		place(channel, sku, "80.00", paidAt.plusSeconds(60), null, groupCode);
		place(channel, sku, "200.00", paidAt.plusSeconds(120), new Utm("baidu", "cpc", campaignName, null), null);
		place(channel, sku, "30.00", paidAt.plusSeconds(180), null, null);
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(
					() -> assertThat(this.jdbc.sql("SELECT count(*) FROM attribution_order WHERE channel_code = ?")
						.param(channel)
						.query(Long.class)
						.single()).isEqualTo(4));
		RefundCompleted refund = new RefundCompleted(byPiece.id() * 10 + 7, byPiece.id(), byPiece.number(), channel,
				new BigDecimal("20.00"), "CNY", List.of(), paidAt.plus(Duration.ofHours(5)));
		new TransactionTemplate(this.transactions).executeWithoutResult((status) -> this.events.publishEvent(refund));
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(
					this.jdbc.sql("SELECT coalesce(sum(refund_amount), 0) FROM attribution_day WHERE channel_code = ?")
						.param(channel)
						.query(BigDecimal.class)
						.single())
				.isEqualByComparingTo("20.00"));
		// the KPI rollup has the same orders
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(kpi("refund_amount", channel)).isEqualByComparingTo("20.00"));
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(kpi("gmv", channel)).isEqualByComparingTo("430.00"));

		AttributionReport.Report report = (AttributionReport.Report) this.mvc.perform(
				get("/traffic/attribution").param("from", day.toString()).param("to", day.toString()).with(OPERATOR))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(campaignName)))
			.andExpect(content().string(containsString(pieceCode)))
			.andExpect(content().string(containsString("归因群 " + groupCode)))
			.andExpect(content().string(containsString("id=\"attribution-rule\"")))
			.andExpect(content().string(not(containsString("id=\"window-form\""))))
			.andReturn()
			.getModelAndView()
			.getModel()
			.get("report");
		assertThat(report.totals().gmv()).isEqualByComparingTo(kpiAll("gmv", day));
		assertThat(report.totals().refundAmount()).isEqualByComparingTo(kpiAll("refund_amount", day));
		assertThat(report.totals().orders()).isEqualTo(kpiAll("paid_orders", day).longValue());

		AttributionReport.Line channelLine = report.channels()
			.stream()
			.filter((l) -> l.key().equals(channel))
			.findFirst()
			.orElseThrow();
		assertThat(channelLine.orders()).isEqualTo(4);
		assertThat(channelLine.gmv()).isEqualByComparingTo("430.00");
		assertThat(channelLine.net()).isEqualByComparingTo("410.00");
		assertThat(channelLine.spend()).isEqualByComparingTo("50.00");
		assertThat(channelLine.roi()).isEqualByComparingTo("8.20");
		AttributionReport.Line campaignLine = report.campaigns()
			.stream()
			.filter((l) -> l.key().equals(String.valueOf(campaign)))
			.findFirst()
			.orElseThrow();
		assertThat(campaignLine.label()).isEqualTo(campaignName);
		assertThat(campaignLine.gmv()).isEqualByComparingTo("200.00");
		assertThat(campaignLine.roi()).isEqualByComparingTo("4.00");
		AttributionReport.Line groupLine = report.groups()
			.stream()
			.filter((l) -> l.key().equals(String.valueOf(group)))
			.findFirst()
			.orElseThrow();
		assertThat(groupLine.gmv()).isEqualByComparingTo("80.00");
		assertThat(report.rules()).extracting(AttributionReport.Line::key).contains("CONTENT", "CAMPAIGN", "DIRECT");
	}

	@Test
	void longBreakdownsShowTheTopRowsAndTheCsvHasAll() throws Exception {
		LocalDate day = LocalDate.of(2015, 4, 9);
		Instant paidAt = day.atTime(11, 0).atZone(this.shop.current().timeZone()).toInstant();
		for (int i = 0; i < AttributionReport.Report.TOP + 3; i++) {
			String code = AttributionFixtures.unique("L");
			AttributionFixtures.piece(this.jdbc, code);
			this.attributions.record(AttributionFixtures.order("LONG", SalesPlatform.DOUYIN, String.valueOf(10 + i),
					paidAt, code, null, null));
		}
		this.mvc.perform(
				get("/traffic/attribution").param("from", day.toString()).param("to", day.toString()).with(OPERATOR))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("class=\"more-rows\"")));
		AttributionReport.Report report = (AttributionReport.Report) this.mvc.perform(
				get("/traffic/attribution").param("from", day.toString()).param("to", day.toString()).with(OPERATOR))
			.andReturn()
			.getModelAndView()
			.getModel()
			.get("report");
		assertThat(report.pieces()).hasSize(AttributionReport.Report.TOP + 3);
		assertThat(report.top(report.pieces())).hasSize(AttributionReport.Report.TOP);
		assertThat(report.top(report.pieces()).get(0).gmv()).isEqualByComparingTo("32.00");
		String csv = this.mvc
			.perform(get("/traffic/attribution.csv").param("from", day.toString())
				.param("to", day.toString())
				.with(OPERATOR))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(csv.lines().filter((l) -> l.contains("归因测试 L")).count()).isEqualTo(AttributionReport.Report.TOP + 3);
	}

	@Test
	void anEmptyRangeShowsTheEmptyStateAndTheDefaultIsYesterday() throws Exception {
		this.mvc
			.perform(get("/traffic/attribution").param("from", "2001-01-01").param("to", "2001-01-03").with(MANAGER))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("empty-state")))
			.andExpect(content().string(containsString("id=\"window-form\"")));
		LocalDate yesterday = LocalDate.now(this.shop.current().timeZone()).minusDays(1);
		this.mvc.perform(get("/traffic/attribution").with(OPERATOR))
			.andExpect(status().isOk())
			.andExpect(model().attribute("from", yesterday))
			.andExpect(model().attribute("to", yesterday));
		this.mvc
			.perform(get("/traffic/attribution").param("from", "2020-03-05").param("to", "2020-03-01").with(OPERATOR))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"range-problems\"")))
			.andExpect(model().attribute("from", yesterday));
		this.mvc.perform(get("/traffic/attribution").param("from", "nonsense").with(OPERATOR))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"range-problems\"")));
	}

	@Test
	void theCsvExportIsFormulaSafe() throws Exception {
		LocalDate day = LocalDate.of(2016, 7, 8);
		String name = "=HYPERLINK(\"http://x.example\")" + AttributionFixtures.unique("");
		long campaign = AttributionFixtures.campaign(this.jdbc, name, null);
		AttributionFixtures.spend(this.jdbc, campaign, day, "10.00");
		OrderSnapshot order = AttributionFixtures.order("CSVCH", SalesPlatform.OWN_SITE, "35.00",
				day.atTime(9, 0).atZone(this.shop.current().timeZone()).toInstant(), null,
				new Utm("x", "y", name, null), null);
		this.attributions.record(order);
		MockHttpServletResponse response = this.mvc
			.perform(get("/traffic/attribution.csv").param("from", day.toString())
				.param("to", day.toString())
				.with(OPERATOR))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse();
		assertThat(response.getContentType()).startsWith("text/csv");
		String csv = response.getContentAsString(StandardCharsets.UTF_8);
		assertThat(csv).contains("'=HYPERLINK").doesNotContain(",=HYPERLINK").doesNotContain("\"=HYPERLINK");
		assertThat(csv).contains("CSVCH,CSVCH,1,35.00,0,0.00,35.00,,");
		assertThat(csv.lines().count()).isGreaterThan(4);
	}

	@Test
	void managersChangeTheTouchWindowAndOperatorsMayNot() throws Exception {
		this.mvc.perform(post("/traffic/attribution/window").param("days", "14").with(OPERATOR).with(csrf()))
			.andExpect(status().isForbidden());
		this.mvc.perform(post("/traffic/attribution/window").param("days", "abc").with(MANAGER).with(csrf()))
			.andExpect(redirectedUrl("/traffic/attribution"))
			.andExpect(flash().attribute("error", "attribution.window.invalid"));
		this.mvc.perform(post("/traffic/attribution/window").param("days", "91").with(MANAGER).with(csrf()))
			.andExpect(flash().attribute("error", "attribution.window.invalid"));
		try {
			this.mvc.perform(post("/traffic/attribution/window").param("days", "14").with(MANAGER).with(csrf()))
				.andExpect(redirectedUrl("/traffic/attribution"))
				.andExpect(flash().attribute("message", "attribution.window.saved"));
			assertThat(this.attributions.windowDays()).isEqualTo(14);
			assertThat(this.jdbc.sql("""
					SELECT count(*) FROM audit_entry WHERE action = 'ATTRIBUTION_WINDOW_CHANGED'
					  AND actor = 'attribution-manager'""").query(Long.class).single()).isPositive();
		}
		finally {
			new TransactionTemplate(this.transactions).executeWithoutResult((s) -> this.attributions.changeWindow(7));
		}
	}

	private OrderSnapshot place(String channel, String sku, String price, Instant paidAt, Utm utm, String code) {
		return this.orders.place(AttributionFixtures.paidDraft(channel, sku, price, paidAt, utm, code)).order();
	}

	private BigDecimal kpi(String column, String channel) {
		return this.jdbc.sql("SELECT coalesce(sum(" + column + "), 0) FROM kpi_day WHERE channel_code = ?")
			.param(channel)
			.query(BigDecimal.class)
			.single();
	}

	private BigDecimal kpiAll(String column, LocalDate day) {
		return this.jdbc.sql("SELECT coalesce(sum(" + column + "), 0) FROM kpi_day WHERE day = ?")
			.param(day)
			.query(BigDecimal.class)
			.single();
	}

}
