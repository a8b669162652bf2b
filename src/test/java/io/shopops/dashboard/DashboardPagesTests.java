package io.shopops.dashboard;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import io.shopops.fulfilment.order.OrderSnapshot;
import io.shopops.platform.Role;
import io.shopops.platform.WorkQueue;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The KPI page, its stable JSON and CSV over HTTP (MockMvc), and the verification page.
 */
@SpringBootTest
@AutoConfigureMockMvc
class DashboardPagesTests {

	private static final RequestPostProcessor MANAGER = user("kpi-manager").roles(Role.MANAGER.name());

	private static final RequestPostProcessor ADMIN = user("kpi-admin").roles(Role.ADMIN.name());

	private static final RequestPostProcessor OPERATOR = user("kpi-operator").roles(Role.OPERATOR.name());

	private final JsonMapper json = JsonMapper.builder().build();

	@Autowired
	MockMvc mvc;

	@Autowired
	KpiRollups rollups;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	List<WorkQueue> queues;

	@Autowired
	KpiBreakdowns breakdowns;

	/**
	 * Two days of one channel: day 1 two orders of buyer A (1000.00 + 234.50) and one of
	 * buyer B (765.50), B refunded 65.50 on day 2; day 2 one order of B (100.00).
	 */
	private Fixture fixture() {
		ZoneId zone = this.rollups.zone();
		String channel = KpiFixtures.channel();
		LocalDate day1 = LocalDate.of(2038, 6, 1 + (int) (KpiFixtures.nextId() % 20));
		Instant morning = day1.atTime(9, 0).atZone(zone).toInstant();
		String a = "kpi-a-" + channel;
		String b = "kpi-b-" + channel;
		this.rollups
			.recordOrder(KpiFixtures.order(KpiFixtures.nextId(), channel, KpiFixtures.buyerId(a), morning, "1000.00"));
		this.rollups.recordOrder(KpiFixtures.order(KpiFixtures.nextId(), channel, KpiFixtures.buyerId(a),
				morning.plusSeconds(3600), "234.50"));
		OrderSnapshot bFirst = KpiFixtures.order(KpiFixtures.nextId(), channel, KpiFixtures.buyerId(b),
				morning.plusSeconds(7200), "765.50");
		this.rollups.recordOrder(bFirst);
		// the first second of day 2
		Instant day2 = day1.plusDays(1).atStartOfDay(zone).toInstant();
		this.rollups.recordRefund(KpiFixtures.refund(KpiFixtures.nextId(), bFirst, "65.50", day2));
		this.rollups.recordOrder(KpiFixtures.order(KpiFixtures.nextId(), channel, KpiFixtures.buyerId(b),
				day2.plusSeconds(1), "100.00"));
		return new Fixture(channel, day1, zone);
	}

	@Test
	void theJsonFollowsTheStableContract() throws Exception {
		Fixture fixture = fixture();
		String body = this.mvc
			.perform(get("/dashboard/kpi").param("from", fixture.day1().toString())
				.param("to", fixture.day1().plusDays(2).toString())
				.param("channel", fixture.channel())
				.accept(MediaType.APPLICATION_JSON)
				.with(MANAGER))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		JsonNode root = this.json.readTree(body);
		assertThat(names(root)).containsExactly("from", "to", "timeZone", "days", "totals");
		assertThat(root.get("from").asString()).isEqualTo(fixture.day1().toString());
		assertThat(root.get("to").asString()).isEqualTo(fixture.day1().plusDays(2).toString());
		assertThat(root.get("timeZone").asString()).isEqualTo(fixture.zone().getId());
		assertThat(root.get("days")).hasSize(3);
		for (JsonNode day : root.get("days")) {
			assertThat(names(day)).containsExactly("date", "uv", "pv", "paidOrders", "gmv", "payingBuyers",
					"conversion", "perBuyerSpend", "aov", "refundAmount", "refundRate", "repurchaseRate", "newBuyers",
					"returningBuyers", "adSpend", "roi");
		}
		JsonNode first = root.get("days").get(0);
		assertThat(first.get("date").asString()).isEqualTo(fixture.day1().toString());
		assertThat(first.get("paidOrders").asLong()).isEqualTo(3);
		assertThat(first.get("gmv").isString()).isTrue();
		assertThat(first.get("gmv").asString()).isEqualTo("2000.00");
		assertThat(first.get("payingBuyers").asLong()).isEqualTo(2);
		assertThat(first.get("perBuyerSpend").asString()).isEqualTo("1000.00");
		// 2000 ÷ 3 = 666.666…
		assertThat(first.get("aov").asString()).isEqualTo("666.67");
		assertThat(first.get("refundAmount").asString()).isEqualTo("0.00");
		assertThat(first.get("refundRate").isNumber()).isTrue();
		assertThat(first.get("repurchaseRate").decimalValue()).isEqualByComparingTo("0.5");
		assertThat(first.get("newBuyers").asLong()).isEqualTo(2);
		assertThat(first.get("returningBuyers").asLong()).isZero();
		// no traffic figures: unknown, never made up
		for (String unknown : List.of("uv", "pv", "conversion", "adSpend", "roi")) {
			assertThat(first.get(unknown).isNull()).as(unknown).isTrue();
		}
		assertThat(body).contains("\"refundRate\":0.0000", "\"repurchaseRate\":0.5000");
		JsonNode second = root.get("days").get(1);
		assertThat(second.get("gmv").asString()).isEqualTo("100.00");
		assertThat(second.get("refundAmount").asString()).isEqualTo("65.50");
		assertThat(second.get("refundRate").decimalValue()).isEqualByComparingTo("0.655");
		assertThat(second.get("newBuyers").asLong()).isZero();
		assertThat(second.get("returningBuyers").asLong()).isEqualTo(1);
		JsonNode third = root.get("days").get(2);
		assertThat(third.get("gmv").asString()).isEqualTo("0.00");
		for (String ratio : List.of("perBuyerSpend", "aov", "refundRate", "repurchaseRate")) {
			assertThat(third.get(ratio).isNull()).as(ratio).isTrue();
		}
		JsonNode totals = root.get("totals");
		assertThat(names(totals)).containsExactly("uv", "pv", "paidOrders", "gmv", "payingBuyers", "conversion",
				"perBuyerSpend", "aov", "refundAmount", "refundRate", "repurchaseRate", "newBuyers", "returningBuyers",
				"adSpend", "roi");
		assertThat(totals.get("paidOrders").asLong()).isEqualTo(4);
		assertThat(totals.get("gmv").asString()).isEqualTo("2100.00");
		// distinct over the range: 2 buyers, not 2 + 1
		assertThat(totals.get("payingBuyers").asLong()).isEqualTo(2);
		assertThat(totals.get("newBuyers").asLong()).isEqualTo(2);
		assertThat(totals.get("repurchaseRate").decimalValue()).isEqualByComparingTo("1");
		assertThat(totals.get("perBuyerSpend").asString()).isEqualTo("1050.00");
		assertThat(totals.get("aov").asString()).isEqualTo("525.00");
		// 65.50 ÷ 2100 = 0.031190… → 0.0312
		assertThat(body).contains("\"refundRate\":0.0312");
	}

	@Test
	void badRangesAreA400WithAJsonError() throws Exception {
		for (String[] range : List.of(new String[] { "2026-12-02", "2026-12-01" },
				new String[] { "2024-01-01", "2025-01-01" }, new String[] { "2026-02-30", "2026-03-01" },
				new String[] { "yesterday", null }, new String[] { "+999999999-12-31", null })) {
			var request = get("/dashboard/kpi").param("from", range[0])
				.accept(MediaType.APPLICATION_JSON)
				.with(MANAGER);
			if (range[1] != null) {
				request = request.param("to", range[1]);
			}
			String body = this.mvc.perform(request)
				.andExpect(status().isBadRequest())
				.andReturn()
				.getResponse()
				.getContentAsString(StandardCharsets.UTF_8);
			JsonNode error = this.json.readTree(body);
			assertThat(error.get("error").asString()).startsWith("kpi.range.");
			assertThat(error.get("message").asString()).isNotBlank().doesNotContain("??");
		}
		this.mvc.perform(
				get("/dashboard/kpi").param("channel", "bad code!").accept(MediaType.APPLICATION_JSON).with(MANAGER))
			.andExpect(status().isBadRequest());
		this.mvc
			.perform(get("/dashboard/kpi").param("from", "2024-01-01")
				.param("to", "2024-12-31")
				.accept(MediaType.APPLICATION_JSON)
				.with(MANAGER))
			.andExpect(status().isOk());
	}

	@Test
	void managersAndAdminsOpenTheKpisOperatorsDoNot() throws Exception {
		for (String path : List.of("/dashboard", "/dashboard/kpi", "/dashboard/kpi.csv")) {
			this.mvc.perform(get(path).with(OPERATOR)).andExpect(status().isForbidden());
			this.mvc.perform(get(path).with(MANAGER)).andExpect(status().isOk());
			this.mvc.perform(get(path).with(ADMIN)).andExpect(status().isOk());
		}
		this.mvc.perform(get("/dashboard/verify").with(MANAGER)).andExpect(status().isForbidden());
		this.mvc.perform(post("/dashboard/verify/rebuild").with(MANAGER).with(csrf()))
			.andExpect(status().isForbidden());
		this.mvc.perform(get("/dashboard/verify").with(ADMIN)).andExpect(status().isOk());
		this.mvc.perform(get("/dashboard/kpi")).andExpect(status().is3xxRedirection());
	}

	@Test
	void thePageShowsTilesWithFormulasChangesTablesAndTheChart() throws Exception {
		Fixture fixture = fixture();
		String page = page(get("/dashboard").param("from", fixture.day1().toString())
			.param("to", fixture.day1().plusDays(1).toString())
			.param("channel", fixture.channel())
			.with(MANAGER));
		assertThat(page)
			.contains("id=\"kpi-tile-gmv\"", "title=\"GMV ÷ paid orders\"",
					"title=\"Sum of the paid amount (goods − discounts + shipping)", "2,100.00", "id=\"kpi-chart\"",
					"data-url=\"/dashboard/kpi?from=" + fixture.day1() + "&amp;to=" + fixture.day1().plusDays(1)
							+ "&amp;channel=" + fixture.channel() + "\"",
					"/webjars/echarts/", "/js/kpi-dashboard", "id=\"kpi-days\"", "id=\"kpi-channels\"",
					"id=\"kpi-definitions\"", "kpi-export", "kpi-change")
			.doesNotContain("??", "kpi-problem", "<script>");
		// the previous period (two empty days) and a week earlier: no change computable
		assertThat(page).contains("kpi-neutral");
		String chinese = page(get("/dashboard").param("from", fixture.day1().toString())
			.param("channel", fixture.channel())
			.param("lang", "zh-CN")
			.with(MANAGER));
		assertThat(chinese).contains("成交额 GMV", "title=\"GMV ÷ 支付订单数\"", "较上期").doesNotContain("??");
		// one day: compared with the day before, GMV fell from 2000.00 to 100.00
		String nextDay = page(get("/dashboard").param("from", fixture.day1().plusDays(1).toString())
			.param("channel", fixture.channel())
			.with(MANAGER));
		assertThat(nextDay).contains("kpi-bad", "-95.0%", "Previous period: 2,000.00");
	}

	@Test
	void badParametersShowAMessageAndYesterday() throws Exception {
		for (String[] params : List.of(new String[] { "from", "2026-99-01" }, new String[] { "to", "1E+999999999" },
				new String[] { "channel", "x".repeat(300) })) {
			String page = page(get("/dashboard").param(params[0], params[1]).with(MANAGER));
			assertThat(page).contains("id=\"kpi-problem\"").doesNotContain("??");
		}
		String reversed = page(get("/dashboard").param("from", "2026-12-02").param("to", "2026-12-01").with(MANAGER));
		assertThat(reversed).contains("The start of the range is after its end");
	}

	@Test
	void theCsvHoldsTheKpiTableSafeForSpreadsheets() throws Exception {
		Fixture fixture = fixture();
		var response = this.mvc
			.perform(get("/dashboard/kpi.csv").param("from", fixture.day1().toString())
				.param("to", fixture.day1().plusDays(1).toString())
				.param("channel", fixture.channel())
				.with(MANAGER))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse();
		assertThat(response.getContentType()).startsWith("text/csv");
		String csv = response.getContentAsString(StandardCharsets.UTF_8);
		List<String> lines = csv.lines().toList();
		assertThat(lines).hasSize(4);
		assertThat(lines.get(0)).startsWith("\uFEFFDate,UV,PV,Paid orders,GMV,");
		assertThat(lines.get(1)).isEqualTo(fixture.day1() + ",,,3,2000.00,2,,1000.00,666.67,0.00,0.0000,0.5000,2,0,,");
		assertThat(lines.get(3)).startsWith("Whole range,,,4,2100.00,2,,1050.00,525.00,65.50,0.0312,1.0000,2,0,,");
		this.mvc.perform(get("/dashboard/kpi.csv").param("from", "2026-12-02").param("to", "2026-12-01").with(MANAGER))
			.andExpect(status().isBadRequest());
	}

	@Test
	void theVerificationFindsACorruptedRollupAndTheRebuildMendsIt() throws Exception {
		Fixture fixture = fixture();
		String range = "from=" + fixture.day1() + "&to=" + fixture.day1().plusDays(1);
		assertThat(page(get("/dashboard/verify?" + range).with(ADMIN))).contains("id=\"verify-ok\"")
			.doesNotContain("??");
		this.jdbc.sql("UPDATE kpi_day SET gmv = gmv + 0.01 WHERE day = :day AND channel_code = :channel")
			.param("day", fixture.day1())
			.param("channel", fixture.channel())
			.update();
		String differs = page(get("/dashboard/verify?" + range).with(ADMIN));
		assertThat(differs).contains("id=\"verify-differs\"", "id=\"verify-differences\"", "2000.01", "2000.00",
				fixture.channel());
		long audits = this.jdbc.sql("SELECT count(*) FROM audit_entry WHERE action = 'KPI_ROLLUPS_REBUILT'")
			.query(Long.class)
			.single();
		this.mvc.perform(post("/dashboard/verify/rebuild").with(ADMIN).with(csrf()))
			.andExpect(redirectedUrl("/dashboard/verify"));
		assertThat(page(get("/dashboard/verify?" + range).with(ADMIN))).contains("id=\"verify-ok\"");
		assertThat(this.jdbc.sql("SELECT count(*) FROM audit_entry WHERE action = 'KPI_ROLLUPS_REBUILT'")
			.query(Long.class)
			.single()).isEqualTo(audits + 1);
	}

	@Test
	void withTrafficFiguresVisitorsSpendConversionAndRoiAreFilledIn() {
		Fixture fixture = fixture();
		TrafficFigures traffic = new TrafficFigures() {
			@Override
			public java.util.Optional<Visits> visits(LocalDate from, LocalDate to, String channel) {
				// 40 visitors a day, 25 of them came back the next day
				long days = to.toEpochDay() - from.toEpochDay() + 1;
				return java.util.Optional.of(new Visits(40 + (days - 1) * 15, 100 * days));
			}

			@Override
			public java.util.Optional<java.math.BigDecimal> adSpend(LocalDate from, LocalDate to, String channel) {
				return from.equals(to) && !from.equals(fixture.day1()) ? java.util.Optional.empty()
						: java.util.Optional.of(new java.math.BigDecimal("500"));
			}
		};
		KpiReports reports = new KpiReports(this.jdbc, this.rollups,
				new org.springframework.beans.factory.support.StaticListableBeanFactory(
						java.util.Map.of("traffic", traffic))
					.getBeanProvider(TrafficFigures.class),
				new KpiCache(this.jdbc));
		var report = reports.report(new KpiRange(fixture.day1(), fixture.day1().plusDays(1)), fixture.channel());
		KpiRow first = report.days().get(0);
		assertThat(first.uv()).isEqualTo(40);
		assertThat(first.pv()).isEqualTo(100);
		// 2 buyers ÷ 40 visitors; 2000.00 ÷ 500.00
		assertThat(first.conversion()).hasToString("0.0500");
		assertThat(first.adSpend()).hasToString("500.00");
		assertThat(first.roi()).hasToString("4.0000");
		KpiRow second = report.days().get(1);
		assertThat(second.conversion()).hasToString("0.0250");
		assertThat(second.adSpend()).isNull();
		assertThat(second.roi()).isNull();
		// the range: 55 distinct visitors, 200 page views; 2 buyers ÷ 55 = 0.03636…; 2100
		// ÷ 500
		assertThat(report.totals().uv()).isEqualTo(55);
		assertThat(report.totals().pv()).isEqualTo(200);
		assertThat(report.totals().conversion()).hasToString("0.0364");
		assertThat(report.totals().roi()).hasToString("4.2000");
		assertThat(KpiJson.report(report)).contains("\"uv\":55", "\"adSpend\":\"500.00\"", "\"roi\":4.2000");
	}

	@Test
	void theOperationalPanelLinksEveryQueueTheManagerMayOpenWithItsCount() throws Exception {
		String page = page(get("/dashboard").with(MANAGER));
		assertThat(page).contains("id=\"kpi-operations\"", "Operations now").doesNotContain("??");
		List<String> paths = new ArrayList<>();
		for (WorkQueue queue : this.queues) {
			paths.add(queue.path());
		}
		// the manager may open the low stock, order, after-sales, ticket and review
		// queues
		assertThat(paths).contains("/inventory/low-stock");
		java.util.regex.Matcher links = java.util.regex.Pattern.compile(
				"<a class=\"[^\"]*kpi-signal (kpi-signal-on|kpi-signal-off)\"\\s+href=\"([^\"]+)\"\\s+data-count=\"(\\d+)\"")
			.matcher(page);
		List<String> shown = new ArrayList<>();
		while (links.find()) {
			String path = org.springframework.web.util.HtmlUtils.htmlUnescape(links.group(2));
			shown.add(path);
			long count = Long.parseLong(links.group(3));
			assertThat(links.group(1)).as(path).isEqualTo((count > 0) ? "kpi-signal-on" : "kpi-signal-off");
		}
		assertThat(shown).isEqualTo(paths);
		String chinese = page(get("/dashboard").param("lang", "zh-CN").with(MANAGER));
		assertThat(chinese).contains("当前运营状况").doesNotContain("??");
	}

	/**
	 * A day of the site in the past (collection must cover it, and far-future events
	 * would make later days known): visitors 1–4 view pages, 1–3 view products, 1–2 add
	 * to cart and check out; the own site then has two orders placed (one paid), a
	 * marketplace one more paid order that the funnel leaves out.
	 */
	@Test
	void theFunnelGoesFromVisitorsToPaidOrdersWithConversions() throws Exception {
		long id = KpiFixtures.nextId();
		LocalDate day = LocalDate.of(2015, 1, 1).plusDays(id % 300);
		ZoneId zone = this.rollups.zone();
		String handle = "kpi-fun-" + id;
		long site = this.jdbc.sql("""
				INSERT INTO site (name, origin, public_key, created_by) VALUES (:name, :origin, :key, 'test')
				RETURNING id""")
			.param("name", handle)
			.param("origin", "https://" + handle + ".example")
			.param("key", handle)
			.query(Long.class)
			.single();
		String[][] events = { { "1", "page_view" }, { "1", "product_view" }, { "1", "add_to_cart" },
				{ "1", "checkout" }, { "2", "page_view" }, { "2", "product_view" }, { "2", "product_view" },
				{ "2", "add_to_cart" }, { "2", "checkout" }, { "3", "page_view" }, { "3", "product_view" },
				{ "4", "page_view" } };
		int minute = 0;
		for (String[] event : events) {
			this.jdbc.sql("""
					INSERT INTO traffic_event (site_id, type, visitor_id, occurred_at, traffic_source)
					VALUES (:site, :type, :visitor, :at, 'DIRECT')""")
				.param("site", site)
				.param("type", event[1])
				.param("visitor", handle + "-" + event[0])
				.param("at", java.sql.Timestamp.from(day.atTime(10, minute++).atZone(zone).toInstant()))
				.update();
		}
		String channel = KpiFixtures.channel();
		Instant noon = day.atTime(12, 0).atZone(zone).toInstant();
		this.rollups
			.recordOrder(KpiFixtures.order(KpiFixtures.nextId(), channel, KpiFixtures.buyerId(handle), noon, "50.00"));
		OrderSnapshot unpaid = KpiFixtures.order(KpiFixtures.nextId(), channel, KpiFixtures.buyerId(handle), noon,
				"20.00");
		this.rollups.recordOrder(new OrderSnapshot(unpaid.id(), unpaid.channelCode(), unpaid.platform(),
				unpaid.number(), io.shopops.fulfilment.order.OrderStatus.PENDING_PAYMENT,
				io.shopops.fulfilment.order.Times.placed(noon, null), unpaid.customer(), unpaid.address(),
				unpaid.lines(), unpaid.goodsAmount(), unpaid.shippingFee(), unpaid.discount(), unpaid.paidAmount(),
				unpaid.currency(), unpaid.couponCode(), unpaid.utm(), unpaid.contentCode(), unpaid.visitorId(),
				unpaid.note(), unpaid.source(), unpaid.history(), unpaid.warehouse()));
		OrderSnapshot tmall = KpiFixtures.order(KpiFixtures.nextId(), channel, KpiFixtures.buyerId(handle), noon,
				"30.00");
		this.rollups.recordOrder(
				new OrderSnapshot(tmall.id(), tmall.channelCode(), io.shopops.fulfilment.order.SalesPlatform.TMALL,
						tmall.number(), tmall.status(), tmall.times(), tmall.customer(), tmall.address(), tmall.lines(),
						tmall.goodsAmount(), tmall.shippingFee(), tmall.discount(), tmall.paidAmount(),
						tmall.currency(), tmall.couponCode(), tmall.utm(), tmall.contentCode(), tmall.visitorId(),
						tmall.note(), tmall.source(), tmall.history(), tmall.warehouse()));

		String page = page(get("/dashboard").param("from", day.toString()).param("to", day.toString()).with(MANAGER));
		assertThat(page).contains("id=\"kpi-funnel\"", "data-step=\"visitors\"", "data-step=\"paidOrders\"")
			.doesNotContain("kpi-funnel-unknown", "??");
		java.util.regex.Matcher counts = java.util.regex.Pattern.compile("kpi-funnel-count\">([^<]+)<").matcher(page);
		List<String> shown = new ArrayList<>();
		while (counts.find()) {
			shown.add(counts.group(1));
		}
		assertThat(shown).containsExactly("4", "3", "2", "2", "2", "1");
		// 3 ÷ 4, 2 ÷ 3, 2 ÷ 2, 2 ÷ 2, 1 ÷ 2; bars: 1 paid order of 4 visitors = 25 %
		assertThat(page).contains("75.00% of the step before", "66.67% of the step before",
				"100.00% of the step before", "50.00% of the step before", "value=\"25\"");
		// for a channel, and for days collection does not cover, the funnel is unknown
		assertThat(page(get("/dashboard").param("from", day.toString()).param("channel", channel).with(MANAGER)))
			.contains("id=\"kpi-funnel-unknown\"")
			.doesNotContain("data-step=");
		assertThat(page(get("/dashboard").param("from", "2049-01-01").param("lang", "zh-CN").with(MANAGER)))
			.contains("id=\"kpi-funnel-unknown\"", "转化漏斗")
			.doesNotContain("data-step=");
	}

	/**
	 * One channel's day: order 1 (content C1, campaign camp-x) 2 × A for 200.00 and 1 × B
	 * for 50.00, paid 240.00; order 2 (camp-x) 3 × B for 150.00; order 3 (C1) first 1 × A
	 * then corrected to 1 × C for 80.00; an unpaid order of A that counts nowhere.
	 */
	@Test
	void breakdownsRankProductsContentAndCampaignsByGmv() throws Exception {
		String channel = KpiFixtures.channel();
		LocalDate day = LocalDate.of(2039, 3, 1).plusDays(KpiFixtures.nextId() % 200);
		Instant noon = day.atTime(12, 0).atZone(this.rollups.zone()).toInstant();
		String a = "KPIA-" + channel;
		String b = "KPIB-" + channel;
		String c = "KPIC-" + channel;
		this.rollups.recordOrder(detailed(channel, noon, "240.00", "C1-" + channel, "camp-x-" + channel,
				line(a, 2, "200.00"), line(b, 1, "50.00")));
		this.rollups.recordOrder(detailed(channel, noon, "150.00", null, "camp-x-" + channel, line(b, 3, "150.00")));
		OrderSnapshot third = detailed(channel, noon, "100.00", "C1-" + channel, null, line(a, 1, "100.00"));
		this.rollups.recordOrder(third);
		OrderSnapshot corrected = detailed(channel, noon, "80.00", "C1-" + channel, null, line(c, 1, "80.00"));
		this.rollups.recordOrder(new OrderSnapshot(third.id(), channel, corrected.platform(), third.number(),
				corrected.status(), corrected.times(), corrected.customer(), corrected.address(), corrected.lines(),
				corrected.goodsAmount(), corrected.shippingFee(), corrected.discount(), corrected.paidAmount(),
				corrected.currency(), null, corrected.utm(), corrected.contentCode(), null, null, corrected.source(),
				false, corrected.warehouse()));
		OrderSnapshot unpaid = detailed(channel, noon, "100.00", "C1-" + channel, "camp-x-" + channel,
				line(a, 5, "500.00"));
		this.rollups.recordOrder(new OrderSnapshot(unpaid.id(), channel, unpaid.platform(), unpaid.number(),
				io.shopops.fulfilment.order.OrderStatus.PENDING_PAYMENT,
				io.shopops.fulfilment.order.Times.placed(noon, null), unpaid.customer(), unpaid.address(),
				unpaid.lines(), unpaid.goodsAmount(), unpaid.shippingFee(), unpaid.discount(), unpaid.paidAmount(),
				unpaid.currency(), null, unpaid.utm(), unpaid.contentCode(), null, null, unpaid.source(), false,
				unpaid.warehouse()));

		KpiRange range = new KpiRange(day, day);
		assertThat(this.breakdowns.products(range, channel)).containsExactly(
				new KpiBreakdowns.Product(a, "Title " + a, 2, 1, new java.math.BigDecimal("200.00")),
				new KpiBreakdowns.Product(b, "Title " + b, 4, 2, new java.math.BigDecimal("200.00")),
				new KpiBreakdowns.Product(c, "Title " + c, 1, 1, new java.math.BigDecimal("80.00")));
		// 240.00 + 80.00; 240.00 + 150.00
		assertThat(this.breakdowns.contents(range, channel))
			.containsExactly(new KpiBreakdowns.Source("C1-" + channel, 2, new java.math.BigDecimal("320.00")));
		assertThat(this.breakdowns.campaigns(range, channel))
			.containsExactly(new KpiBreakdowns.Source("camp-x-" + channel, 2, new java.math.BigDecimal("390.00")));
		assertThat(this.breakdowns.products(new KpiRange(day.plusDays(1), day.plusDays(1)), channel)).isEmpty();

		String page = page(get("/dashboard").param("from", day.toString()).param("channel", channel).with(MANAGER));
		assertThat(page)
			.contains("id=\"kpi-products\"", "Title " + a, "320.00", "390.00", "id=\"kpi-contents\"",
					"id=\"kpi-campaigns\"")
			.doesNotContain("No product was paid for", "??");
		String empty = page(get("/dashboard").param("from", day.plusDays(1).toString())
			.param("channel", channel)
			.param("lang", "zh-CN")
			.with(MANAGER));
		assertThat(empty).contains("这些日期没有已支付的商品。", "这些日期没有来自内容的已支付订单。", "这些日期没有来自 UTM 活动的已支付订单。");
	}

	private static OrderSnapshot detailed(String channel, Instant paidAt, String paid, String content, String campaign,
			OrderSnapshot.Line... lines) {
		OrderSnapshot o = KpiFixtures.order(KpiFixtures.nextId(), channel,
				KpiFixtures.buyerId("kpi-bd-" + channel + "-" + content), paidAt, paid);
		return new OrderSnapshot(o.id(), o.channelCode(), o.platform(), o.number(), o.status(), o.times(), o.customer(),
				o.address(), List.of(lines), o.goodsAmount(), o.shippingFee(), o.discount(), o.paidAmount(),
				o.currency(), null, new io.shopops.fulfilment.order.Utm(null, null, campaign, null), content, null,
				null, o.source(), false, o.warehouse());
	}

	private static OrderSnapshot.Line line(String sku, int quantity, String amount) {
		java.math.BigDecimal total = new java.math.BigDecimal(amount);
		return new OrderSnapshot.Line(KpiFixtures.nextId(), sku, null, "Title " + sku, quantity,
				total.divide(java.math.BigDecimal.valueOf(quantity), 2, java.math.RoundingMode.HALF_UP),
				java.math.BigDecimal.ZERO, total, 0);
	}

	private String page(org.springframework.test.web.servlet.RequestBuilder request) throws Exception {
		return this.mvc.perform(request)
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
	}

	private static List<String> names(JsonNode node) {
		List<String> names = new ArrayList<>();
		node.propertyNames().forEach(names::add);
		return names;
	}

	record Fixture(String channel, LocalDate day1, ZoneId zone) {
	}

}
