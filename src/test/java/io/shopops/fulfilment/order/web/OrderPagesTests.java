package io.shopops.fulfilment.order.web;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.shopops.fulfilment.order.OrderSettings;
import io.shopops.fulfilment.order.OrderSettings.OrderRules;
import io.shopops.platform.ShopSettings;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The order pages that read: the list's filters and seek paging over real rows, the
 * export, the order page, packing lists and the SLA queues.
 */
@SpringBootTest
@AutoConfigureMockMvc
class OrderPagesTests {

	private static final Pattern ROW = Pattern.compile("<a href=\"/orders/(\\d+)\">([^<]+)</a>");

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ShopSettings settings;

	@Autowired
	OrderSettings orderSettings;

	@Test
	void pagesThroughEveryOrderOnceNewestFirstAndBack() throws Exception {
		OrderRows rows = new OrderRows(this.jdbc);
		Instant start = Instant.parse("2026-05-01T00:00:00Z");
		List<String> expected = new ArrayList<>();
		for (int i = 0; i < 75; i++) {
			// every third pair shares its time: the id breaks the tie
			Instant at = start.plus(Duration.ofMinutes(i - (i % 3 == 0 ? 1 : 0)));
			long id = rows.order("N" + i, "COMPLETED", at, at, at, "王" + i, null, null);
			rows.line(id, 1, "SKU-" + i, "商品 " + i, 1, "9.90", 1);
		}
		List<Long> ids = this.jdbc
			.sql("SELECT id FROM shop_order WHERE channel_id = ? ORDER BY placed_at DESC, id DESC")
			.param(rows.channelId)
			.query(Long.class)
			.list();
		String url = "/orders?channel=" + rows.channelCode;
		List<Long> seen = new ArrayList<>();
		String lastPage = null;
		int pages = 0;
		while (url != null) {
			String body = page(get(url));
			Matcher row = ROW.matcher(body);
			while (row.find()) {
				seen.add(Long.parseLong(row.group(1)));
			}
			lastPage = body;
			url = link(body, "page-next");
			pages++;
		}
		assertThat(pages).isEqualTo(2);
		assertThat(seen).isEqualTo(ids);
		String previous = link(lastPage, "page-previous");
		List<Long> back = new ArrayList<>();
		Matcher row = ROW.matcher(page(get(previous)));
		while (row.find()) {
			back.add(Long.parseLong(row.group(1)));
		}
		assertThat(back).isEqualTo(ids.subList(0, 50));
		assertThat(page(get("/orders?channel=" + rows.channelCode + "&after=bm9uc2Vuc2U"))).contains("N74");
	}

	@Test
	void filtersByStatusDaysOfTheShopSkuAndCustomer() throws Exception {
		OrderRows rows = new OrderRows(this.jdbc);
		ZoneId zone = this.settings.current().timeZone();
		LocalDate day = LocalDate.of(2026, 3, 1);
		Instant lateOnTheDay = day.atTime(23, 30).atZone(zone).toInstant();
		Instant nextDay = day.plusDays(1).atTime(0, 10).atZone(zone).toInstant();
		long paid = rows.order("PAID-1", "PAID", lateOnTheDay, lateOnTheDay, null, "李雷", "13800000001",
				"Li.Lei@Example.com");
		rows.line(paid, 1, "TEE-RED-M", "红色T恤", 2, "99.00", 0);
		long shipped = rows.order("SHIP-1", "SHIPPED", nextDay, nextDay, nextDay, "韩梅梅", "13900000002", null);
		rows.line(shipped, 1, "MUG-01", "马克杯", 1, "39.00", 1);
		String base = "/orders?channel=" + rows.channelCode;
		assertThat(numbers(base + "&status=paid")).containsExactly("PAID-1");
		assertThat(numbers(base + "&status=SHIPPED")).containsExactly("SHIP-1");
		assertThat(numbers(base + "&from=2026-03-01&to=2026-03-01")).containsExactly("PAID-1");
		assertThat(numbers(base + "&from=2026-03-02")).containsExactly("SHIP-1");
		assertThat(numbers(base + "&sku=MUG-01")).containsExactly("SHIP-1");
		assertThat(numbers(base + "&customer=13800000001")).containsExactly("PAID-1");
		assertThat(numbers(base + "&customer=li.lei@example.com")).containsExactly("PAID-1");
		assertThat(numbers(base + "&customer=韩梅梅")).containsExactly("SHIP-1");
		assertThat(numbers(base + "&customer=buyer-SHIP-1")).containsExactly("SHIP-1");
		assertThat(numbers(base + "&number=SHIP-1")).containsExactly("SHIP-1");
		assertThat(numbers(base)).containsExactly("SHIP-1", "PAID-1");
		String none = page(get(base + "&sku=NOTHING"));
		assertThat(none).contains("No order matches").doesNotContain("order-table").doesNotContain("No orders yet");
		String warned = page(get(base + "&status=lost&from=yesterday"));
		assertThat(warned).contains("could not be read").contains("SHIP-1").contains("PAID-1");
	}

	@Test
	void overdueFilterAndQueuesShowLateOrdersOnly() throws Exception {
		OrderRows rows = new OrderRows(this.jdbc);
		Instant now = Instant.now();
		OrderRules rules = this.orderSettings.current();
		Instant lateToShip = now.minus(rules.shipSlaHours() + 2, ChronoUnit.HOURS);
		long late = rows.order("LATE-SHIP", "PAID", lateToShip, lateToShip, null, "张三", null, null);
		rows.line(late, 1, "A-1", "甲", 1, "10.00", 0);
		long fresh = rows.order("FRESH", "PAID", now.minus(1, ChronoUnit.HOURS), now.minus(1, ChronoUnit.HOURS), null,
				"李四", null, null);
		rows.line(fresh, 1, "A-1", "甲", 1, "10.00", 0);
		Instant lateToDeliver = now.minus(rules.deliverySlaDays() + 1, ChronoUnit.DAYS);
		long lost = rows.order("LOST-PARCEL", "SHIPPED", lateToDeliver.minus(1, ChronoUnit.DAYS),
				lateToDeliver.minus(1, ChronoUnit.DAYS), lateToDeliver, "王五", null, null);
		rows.line(lost, 1, "A-1", "甲", 1, "10.00", 1);
		Instant old = lateToDeliver.minus(30, ChronoUnit.DAYS);
		long done = rows.order("DONE", "COMPLETED", old, old, old, "赵六", null, null);
		rows.line(done, 1, "A-1", "甲", 1, "10.00", 1);
		assertThat(numbers("/orders?channel=" + rows.channelCode + "&overdue=true")).containsExactly("LATE-SHIP",
				"LOST-PARCEL");
		String overdue = "/orders?channel=" + rows.channelCode + "&overdue=true&status=";
		assertThat(numbers(overdue + "shipped")).containsExactly("LOST-PARCEL");
		assertThat(numbers(overdue + "paid")).containsExactly("LATE-SHIP");
		assertThat(numbers(overdue + "completed")).isEmpty();
		String queues = page(get("/orders/queues"));
		String toShip = queues.substring(queues.indexOf("id=\"to-ship\""), queues.indexOf("id=\"to-deliver\""));
		String toDeliver = queues.substring(queues.indexOf("id=\"to-deliver\""));
		assertThat(toShip).contains("LATE-SHIP").doesNotContain("FRESH").doesNotContain("LOST-PARCEL");
		assertThat(toDeliver).contains("LOST-PARCEL").doesNotContain("LATE-SHIP").doesNotContain(">DONE<");
		assertThat(queues).contains("within " + rules.shipSlaHours() + " hours")
			.contains("within " + rules.deliverySlaDays() + " days");
		String home = page(get("/"));
		assertThat(home).contains("Paid orders late to ship").contains("Shipped orders late to arrive");
	}

	@Test
	void pagesThroughOrdersLateToShipAndToDeliverMergedNewestFirstAndBack() throws Exception {
		OrderRows rows = new OrderRows(this.jdbc);
		OrderRules rules = this.orderSettings.current();
		Instant start = Instant.now().minus(rules.deliverySlaDays() + 3, ChronoUnit.DAYS);
		for (int i = 0; i < 70; i++) {
			// late to ship and late to deliver alternate; every third pair shares its
			// time
			Instant at = start.plus(Duration.ofMinutes(i - (i % 3 == 0 ? 1 : 0)));
			long id = (i % 2 == 0) ? rows.order("L" + i, "PAID", at, at, null, "王" + i, null, null)
					: rows.order("L" + i, "SHIPPED", at, at, at.plusSeconds(60), "王" + i, null, null);
			rows.line(id, 1, "SKU-" + i, "商品 " + i, 1, "9.90", (i % 2 == 0) ? 0 : 1);
		}
		Instant fresh = Instant.now().minus(1, ChronoUnit.HOURS);
		rows.line(rows.order("FRESH-PAID", "PAID", fresh, fresh, null, "新", null, null), 1, "SKU-F", "新品", 1, "9.90",
				0);
		rows.line(rows.order("FRESH-SHIPPED", "SHIPPED", fresh, fresh, fresh, "新", null, null), 1, "SKU-F", "新品", 1,
				"9.90", 1);
		List<Long> late = this.jdbc
			.sql("SELECT id FROM shop_order WHERE channel_id = ? AND number LIKE 'L%' ORDER BY placed_at DESC, id DESC")
			.param(rows.channelId)
			.query(Long.class)
			.list();
		String url = "/orders?channel=" + rows.channelCode + "&overdue=true";
		List<Long> seen = new ArrayList<>();
		String lastPage = null;
		int pages = 0;
		while (url != null) {
			String body = page(get(url));
			Matcher row = ROW.matcher(body);
			while (row.find()) {
				seen.add(Long.parseLong(row.group(1)));
			}
			lastPage = body;
			url = link(body, "page-next");
			pages++;
		}
		assertThat(pages).isEqualTo(2);
		assertThat(seen).isEqualTo(late);
		List<Long> back = new ArrayList<>();
		Matcher row = ROW.matcher(page(get(link(lastPage, "page-previous"))));
		while (row.find()) {
			back.add(Long.parseLong(row.group(1)));
		}
		assertThat(back).isEqualTo(late.subList(0, 50));
	}

	@Test
	void orderPageShowsLinesShipmentsTimelineAndTheActionsItsStatusAllows() throws Exception {
		OrderRows rows = new OrderRows(this.jdbc);
		Instant at = Instant.parse("2026-04-01T02:00:00Z");
		long id = rows.order("DETAIL-1", "PARTIALLY_SHIPPED", at, at.plusSeconds(60), at.plusSeconds(3600), "李雷",
				"13800000001", "lilei@example.com");
		long first = rows.line(id, 1, "TEE-RED-M", "红色T恤 M", 2, "99.00", 2);
		rows.line(id, 2, "MUG-01", "马克杯", 1, "39.00", 0);
		rows.shipment(id, "顺丰速运", "SF1234567890", at.plusSeconds(3600), first, 2);
		rows.change(id, null, "PENDING_PAYMENT", at, null);
		rows.change(id, "PENDING_PAYMENT", "PAID", at.plusSeconds(60), null);
		rows.change(id, "PAID", "PARTIALLY_SHIPPED", at.plusSeconds(3600), "顺丰速运 SF1234567890");
		String body = page(get("/orders/" + id));
		assertThat(body).contains("Order DETAIL-1")
			.contains("TEE-RED-M")
			.contains("MUG-01")
			.contains("SF1234567890")
			.contains("顺丰速运")
			.contains("文三路 1 号")
			.contains("lilei@example.com")
			.contains("CNY 208.00")
			.contains("id=\"ship-form\"")
			.contains("id=\"track-form\"")
			.contains("id=\"close-form\"")
			.doesNotContain("id=\"cancel-form\"")
			.doesNotContain("id=\"action-deliver\"")
			.doesNotContain("id=\"action-pay\"")
			.doesNotContain("??");
		// only the line still to ship is offered, with what is left
		assertThat(body).doesNotContain("ship-qty-" + first).contains("max=\"1\"");
		Matcher timeline = Pattern.compile("id=\"timeline\">(.*?)</ol>", Pattern.DOTALL).matcher(body);
		assertThat(timeline.find()).isTrue();
		assertThat(timeline.group(1)).containsSubsequence("Pending payment", "Paid", "Partially shipped");
		long completed = rows.order("DETAIL-2", "CLOSED", at, at, at, null, null, null);
		rows.line(completed, 1, "X", "x", 1, "1.00", 1);
		assertThat(page(get("/orders/" + completed))).contains("id=\"no-actions\"")
			.doesNotContain("<form class=\"card");
		this.mvc.perform(get("/orders/999999999").with(user("op").roles("OPERATOR"))).andExpect(status().isNotFound());
	}

	@Test
	void printsPackingListsWithoutNavigation() throws Exception {
		OrderRows rows = new OrderRows(this.jdbc);
		Instant at = Instant.parse("2026-04-02T02:00:00Z");
		long one = rows.order("PACK-1", "PAID", at, at, null, "李雷", "13800000001", null);
		rows.line(one, 1, "TEE-RED-M", "红色T恤 M", 2, "99.00", 0);
		long two = rows.order("PACK-2", "PAID", at, at, null, "韩梅梅", null, null);
		rows.line(two, 1, "MUG-01", "马克杯", 3, "39.00", 0);
		String single = page(get("/orders/" + one + "/packing-list"));
		assertThat(single).contains("PACK-1")
			.contains("TEE-RED-M")
			.contains("/css/packing-list")
			.doesNotContain("main-nav")
			.doesNotContain("PACK-2");
		String both = page(get("/orders/packing-lists?ids=" + one + "&ids=" + two));
		assertThat(both).contains("id=\"packing-" + one + "\"")
			.contains("id=\"packing-" + two + "\"")
			.contains("MUG-01");
		this.mvc.perform(get("/orders/packing-lists").with(user("op").roles("OPERATOR")))
			.andExpect(status().isBadRequest());
	}

	@Test
	void exportsOneFormulaSafeRowPerLineWithTheListsFilters() throws Exception {
		OrderRows rows = new OrderRows(this.jdbc);
		Instant at = Instant.parse("2026-04-03T02:00:00Z");
		long one = rows.order("EXP-1", "SHIPPED", at, at, at, "=HYPERLINK(\"x\")", "13800000001", null);
		long line = rows.line(one, 1, "TEE-RED-M", "红色T恤, M", 2, "99.00", 2);
		rows.line(one, 2, "MUG-01", "马克杯", 1, "39.00", 0);
		rows.shipment(one, "顺丰速运", "SF999", at, line, 2);
		long two = rows.order("EXP-2", "PAID", at.plusSeconds(60), at.plusSeconds(60), null, "韩梅梅", null, null);
		rows.line(two, 1, "MUG-01", "马克杯", 1, "39.00", 0);
		String csv = csv("/orders/export.csv?channel=" + rows.channelCode);
		List<String> lines = csv.lines().toList();
		assertThat(lines.get(0)).startsWith("\uFEFFchannel,order_number,status,");
		assertThat(lines).hasSize(4);
		assertThat(lines.get(1)).startsWith(rows.channelCode + ",EXP-2,paid,MANUAL,CNY,2026-04-03T10:01:00+08:00");
		assertThat(lines.get(2)).contains(",EXP-1,shipped,")
			.contains("\"'=HYPERLINK(\"\"x\"\")\"")
			.contains(",1,TEE-RED-M,\"红色T恤, M\",2,99.00,0.00,198.00,2,顺丰速运,SF999");
		assertThat(lines.get(3)).contains(",2,MUG-01,马克杯,1,39.00");
		assertThat(csv("/orders/export.csv?channel=" + rows.channelCode + "&status=paid").lines()).hasSize(2);
		long allLines = this.jdbc.sql("SELECT count(*) FROM order_line").query(Long.class).single();
		assertThat(csv("/orders/export.csv").lines()).hasSize((int) allLines + 1);
		this.mvc.perform(get("/orders/export.csv?from=someday").with(user("op").roles("OPERATOR")))
			.andExpect(status().isBadRequest());
	}

	private List<String> numbers(String url) throws Exception {
		List<String> numbers = new ArrayList<>();
		Matcher row = ROW.matcher(page(get(url)));
		while (row.find()) {
			numbers.add(row.group(2));
		}
		return numbers;
	}

	private String csv(String url) throws Exception {
		return new String(this.mvc.perform(get(url).with(user("op").roles("OPERATOR")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray(), StandardCharsets.UTF_8);
	}

	private String page(MockHttpServletRequestBuilder request) throws Exception {
		return this.mvc.perform(request.with(user("op").roles("OPERATOR")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
	}

	private static String link(String body, String id) {
		Matcher next = Pattern.compile("id=\"" + id + "\"\\s+href=\"([^\"]+)\"").matcher(body);
		return next.find() ? next.group(1).replace("&amp;", "&") : null;
	}

}
