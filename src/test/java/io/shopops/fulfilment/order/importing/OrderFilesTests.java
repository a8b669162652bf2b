package io.shopops.fulfilment.order.importing;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.shopops.fulfilment.order.OrderDraft;
import io.shopops.fulfilment.order.OrderStatus;
import io.shopops.platform.csv.CsvFileException;
import io.shopops.platform.csv.CsvProblems;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

/**
 * Every layout read from a file in that layout: the real Shopify export of
 * shared/fixtures and hand-made files in the exact layouts of
 * shared/formats/order-exports.md (GB18030 with ="…" cells, BOM with tab-prefixed ids).
 */
class OrderFilesTests {

	static final Path RESOURCES = Path.of("src/test/resources/orders");

	static final Path REAL_SHOPIFY = Path
		.of("../shared/fixtures/real/shopify-orders/luistatera__forezia-mock-data__orders_export.csv");

	static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

	static OrderFiles.Result read(Path... files) throws IOException {
		OrderFiles.Upload upload = OrderFiles.inspect(List.of(files));
		OrderFiles.Result result = OrderFiles.read(upload, "TEST", SHANGHAI, "CNY");
		assertThat(result.records()).isEqualTo(upload.records());
		return result;
	}

	static Map<String, OrderDraft> byNumber(OrderFiles.Result result) {
		return result.orders()
			.stream()
			.map(ImportedOrder::draft)
			.collect(Collectors.toMap(OrderDraft::number, Function.identity()));
	}

	@Test
	void readsTheRealShopifyExport() throws IOException {
		OrderFiles.Upload upload = OrderFiles.inspect(List.of(REAL_SHOPIFY));
		assertThat(upload.layout()).isEqualTo(OrderLayout.SHOPIFY);
		OrderFiles.Result result = read(REAL_SHOPIFY);
		assertThat(result.records()).isEqualTo(40);
		assertThat(result.orders()).hasSize(19);
		assertThat(result.orders().stream().mapToInt(ImportedOrder::rows).sum()).isEqualTo(40);
		Map<String, OrderDraft> orders = byNumber(result);
		OrderDraft first = orders.get("#1001");
		assertThat(first.status()).isEqualTo(OrderStatus.COMPLETED);
		assertThat(first.lines()).hasSize(4);
		assertThat(first.lines()).extracting(OrderDraft.Line::title)
			.contains("Gift Card - $10", "The Collection Snowboard: Oxygen");
		assertThat(first.currency()).isEqualTo("EUR");
		assertThat(first.times().placedAt()).isEqualTo(Instant.parse("2025-05-11T13:55:16Z"));
		assertThat(first.times().completedAt()).isEqualTo(Instant.parse("2025-05-11T13:57:05Z"));
		assertThat(orders.get("#1013").status()).isEqualTo(OrderStatus.SHIPPED);
		assertThat(orders.get("#1017").status()).isEqualTo(OrderStatus.PAID);
		assertThat(orders.get("#1012").lines().get(0).sku()).isEqualTo("sku-untracked-1");
		assertThat(orders.values().stream().filter((order) -> order.status() == OrderStatus.PAID)).hasSize(3);
		// every order is in EUR, not the shop's CNY: one warning per order
		assertThat(result.issues()).filteredOn(RowIssue::warning)
			.filteredOn((issue) -> issue.code().equals(OrderProblems.WARNING_CURRENCY))
			.hasSize(19);
		assertThat(result.issues()).filteredOn((issue) -> !issue.warning()).isEmpty();
		assertThat(result.failedRows()).isZero();
	}

	@Test
	void readsTheShopify2021LayoutWithItsRules() throws IOException {
		OrderFiles.Result result = read(RESOURCES.resolve("shopify/orders_export_2021.csv"));
		Map<String, OrderDraft> orders = byNumber(result);
		OrderDraft ann = orders.get("#2001");
		assertThat(ann.status()).isEqualTo(OrderStatus.COMPLETED);
		// paid with an empty Paid at: paid when created
		assertThat(ann.times().paidAt()).isEqualTo(ann.times().placedAt())
			.isEqualTo(Instant.parse("2021-03-01T01:30:00Z"));
		assertThat(ann.lines()).extracting(OrderDraft.Line::sku, OrderDraft.Line::quantity, OrderDraft.Line::discount)
			.containsExactly(tuple("SH-TEE-RED-M", 2, new BigDecimal("5.00")),
					tuple("SH-RETIRED-MUG", 1, new BigDecimal("0.00")));
		// Discount Amount 10.00 covers the line discount of 5.00
		assertThat(ann.discount()).isEqualByComparingTo("5.00");
		assertThat(ann.shippingFee()).isEqualByComparingTo("10.00");
		assertThat(ann.couponCode()).isEqualTo("WELCOME10");
		assertThat(ann.address().postcode()).isEqualTo("200120");
		assertThat(ann.address().province()).isEqualTo("Shanghai");
		assertThat(ann.note()).isEqualTo("Leave at the door\nthanks");
		assertThat(ann.customer().email()).isEqualTo("ann@example.com");
		assertThat(orders.get("#2002").status()).isEqualTo(OrderStatus.PAID);
		assertThat(orders.get("#2002").currency()).isEqualTo("USD");
		assertThat(orders.get("#2003").status()).isEqualTo(OrderStatus.CANCELLED);
		assertThat(result.issues()).extracting(RowIssue::row, RowIssue::code, RowIssue::warning)
			.containsExactly(tuple(4L, OrderProblems.WARNING_CURRENCY, true));
	}

	@Test
	void refusesAShopifyExportWithoutLineItems() {
		assertThatThrownBy(() -> OrderFiles.inspect(List.of(RESOURCES.resolve("shopify/orders_export_trimmed.csv"))))
			.isInstanceOfSatisfying(CsvFileException.class,
					(ex) -> assertThat(ex.code()).isEqualTo(OrderProblems.SHOPIFY_NO_LINES));
	}

	@Test
	void joinsTheTaobaoOrderAndItemReportsInEitherOrder() throws IOException {
		Path orderList = RESOURCES.resolve("taobao/ExportOrderList202611.csv");
		Path itemList = RESOURCES.resolve("taobao/ExportOrderDetailList202611.csv");
		OrderFiles.Result result = read(itemList, orderList);
		assertThat(result.records()).isEqualTo(11);
		Map<String, OrderDraft> orders = byNumber(result);
		assertThat(orders).hasSize(5);
		OrderDraft done = orders.get("1234567890123456789");
		assertThat(done.status()).isEqualTo(OrderStatus.COMPLETED);
		assertThat(done.lines()).extracting(OrderDraft.Line::sku, OrderDraft.Line::unitPrice)
			.containsExactly(tuple("TB-TEE-RED-M", new BigDecimal("59.00")),
					tuple("TB-UNKNOWN-SKU", new BigDecimal("59.00")));
		assertThat(done.lines().get(0).title()).isEqualTo("纯棉圆领T恤 颜色分类:红色;尺码:M");
		// 118.00 of goods, 108.00 paid
		assertThat(done.discount()).isEqualByComparingTo("10.00");
		assertThat(done.customer().buyerId()).isEqualTo("tb_buyer1");
		assertThat(done.address()).satisfies((address) -> {
			assertThat(address.province()).isEqualTo("浙江省");
			assertThat(address.city()).isEqualTo("杭州市");
			assertThat(address.district()).isEqualTo("西湖区");
			assertThat(address.line1()).isEqualTo("文三路 100 号");
			assertThat(address.phone()).isEqualTo("138****5678");
		});
		assertThat(done.shipment().trackingNumber()).isEqualTo("SF1234567890");
		assertThat(done.times().placedAt()).isEqualTo(Instant.parse("2026-11-01T02:00:00Z"));
		assertThat(orders.get("1234567890123456790").status()).isEqualTo(OrderStatus.PAID);
		assertThat(orders.get("1234567890123456790").shippingFee()).isEqualByComparingTo("10.00");
		assertThat(orders.get("1234567890123456790").discount()).isNull();
		assertThat(orders.get("1234567890123456791").status()).isEqualTo(OrderStatus.SHIPPED);
		assertThat(orders.get("1234567890123456791").lines().get(0).sku()).isEqualTo("TB-SOAP");
		assertThat(orders.get("1234567890123456792").status()).isEqualTo(OrderStatus.CLOSED);
		assertThat(orders.get("1234567890123456792").note()).isEqualTo("买家不想买了");
		assertThat(orders.get("1234567890123456793").status()).isEqualTo(OrderStatus.PENDING_PAYMENT);
		assertThat(result.orders().stream().mapToInt(ImportedOrder::rows).sum()).isEqualTo(11);
		assertThat(result.issues()).isEmpty();
	}

	@Test
	void refusesATaobaoReportWithoutItsPartner() {
		assertThatThrownBy(() -> OrderFiles.inspect(List.of(RESOURCES.resolve("taobao/ExportOrderList202611.csv"))))
			.isInstanceOfSatisfying(CsvFileException.class,
					(ex) -> assertThat(ex.code()).isEqualTo(OrderProblems.TAOBAO_PAIR));
		assertThatThrownBy(() -> OrderFiles.inspect(
				List.of(RESOURCES.resolve("taobao/ExportOrderList202611.csv"), RESOURCES.resolve("jd/jd-orders.csv"))))
			.isInstanceOfSatisfying(CsvFileException.class,
					(ex) -> assertThat(ex.code()).isEqualTo(OrderProblems.FILES_NOT_A_PAIR));
		assertThatThrownBy(() -> OrderFiles
			.inspect(List.of(RESOURCES.resolve("jd/jd-orders.csv"), RESOURCES.resolve("jd/jd-orders.csv"))))
			.isInstanceOfSatisfying(CsvFileException.class,
					(ex) -> assertThat(ex.code()).isEqualTo(OrderProblems.FILES_NOT_A_PAIR));
	}

	@Test
	void readsAJdExportInGb18030WithExcelGuards() throws IOException {
		OrderFiles.Result result = read(RESOURCES.resolve("jd/jd-orders.csv"));
		Map<String, OrderDraft> orders = byNumber(result);
		assertThat(orders.keySet()).containsExactlyInAnyOrder("301234567890", "301234567891", "301234567892");
		OrderDraft done = orders.get("301234567890");
		assertThat(done.status()).isEqualTo(OrderStatus.COMPLETED);
		assertThat(done.lines()).extracting(OrderDraft.Line::sku, OrderDraft.Line::quantity)
			.containsExactly(tuple("JD-TEE-RED-M", 2), tuple("100012345679", 1));
		// 119.80 of goods + 10.00 freight, 119.80 payable
		assertThat(done.discount()).isEqualByComparingTo("10.00");
		assertThat(done.customer().phone()).isEqualTo("1******6198");
		assertThat(done.customer().name()).isEqualTo("周**");
		assertThat(done.times().completedAt()).isEqualTo(Instant.parse("2026-11-14T02:00:00Z"));
		assertThat(orders.get("301234567891").status()).isEqualTo(OrderStatus.PAID);
		assertThat(orders.get("301234567892").status()).isEqualTo(OrderStatus.CANCELLED);
		assertThat(result.issues()).isEmpty();
	}

	@Test
	void readsADouyinExportWithBomTabbedIdsAndMaskedReceivers() throws IOException {
		OrderFiles.Result result = read(RESOURCES.resolve("douyin/douyin-orders.csv"));
		Map<String, OrderDraft> orders = byNumber(result);
		assertThat(orders).hasSize(4);
		OrderDraft done = orders.get("6917926768823643751");
		assertThat(done.status()).isEqualTo(OrderStatus.COMPLETED);
		assertThat(done.lines()).extracting(OrderDraft.Line::sku, OrderDraft.Line::quantity)
			.containsExactly(tuple("DY-TEE-RED-M", 2), tuple("DY-SOAP", 3));
		// 50.00 over 3 units: 16.67 each, the cent over is the line's discount
		OrderDraft.Line soap = done.lines().get(1);
		assertThat(soap.unitPrice()).isEqualByComparingTo("16.67");
		assertThat(soap.discount()).isEqualByComparingTo("0.01");
		assertThat(done.address().name()).isEqualTo("##密文");
		assertThat(done.address().phone()).isEqualTo("$$密文");
		assertThat(orders.get("6917926768823643760").status()).isEqualTo(OrderStatus.SHIPPED);
		assertThat(orders.get("6917926768823643760").shippingFee()).isNull();
		assertThat(orders.get("6917926768823643770").status()).isEqualTo(OrderStatus.CLOSED);
		assertThat(orders.get("6917926768823643780").lines())
			.extracting(OrderDraft.Line::sku, OrderDraft.Line::quantity, OrderDraft.Line::unitPrice)
			.containsExactly(tuple("DY-TEE-RED-M", 1, new BigDecimal("59.90")),
					tuple("DY-SOAP", 2, new BigDecimal("19.90")));
		assertThat(result.issues()).isEmpty();
	}

	@Test
	void readsTheTemplateInEnglishAndChinese() throws IOException {
		OrderFiles.Result english = read(RESOURCES.resolve("template/orders-en.csv"));
		Map<String, OrderDraft> orders = byNumber(english);
		OrderDraft done = orders.get("W-1001");
		assertThat(done.status()).isEqualTo(OrderStatus.COMPLETED);
		assertThat(done.lines()).hasSize(2);
		assertThat(done.utm().campaign()).isEqualTo("double11");
		assertThat(done.contentCode()).isEqualTo("XHS-42");
		assertThat(done.shipment().carrier()).isEqualTo("顺丰速运");
		assertThat(done.times().shippedAt()).isEqualTo(Instant.parse("2026-10-02T01:00:00Z"));
		assertThat(orders.get("W-1002").times().paidAt()).isEqualTo(orders.get("W-1002").times().placedAt());
		assertThat(orders.get("W-1003").status()).isEqualTo(OrderStatus.PENDING_PAYMENT);
		OrderFiles.Result chinese = read(RESOURCES.resolve("template/orders-zh.csv"));
		assertThat(OrderFiles.inspect(List.of(RESOURCES.resolve("template/orders-zh.csv"))).layout())
			.isEqualTo(OrderLayout.TEMPLATE);
		Map<String, OrderDraft> zh = byNumber(chinese);
		assertThat(zh.get("Z-1").status()).isEqualTo(OrderStatus.COMPLETED);
		assertThat(zh.get("Z-1").lines().get(0).unitPrice()).isEqualByComparingTo("59.90");
		assertThat(zh.get("Z-1").lines().get(0).quantity()).isEqualTo(1);
		assertThat(zh.get("Z-1").lines().get(0).title()).isEqualTo("纯棉圆领T恤");
		assertThat(zh.get("Z-2").status()).isEqualTo(OrderStatus.CLOSED);
	}

	@Test
	void reportsEveryBadRowAndFailsItsWholeOrder() throws IOException {
		OrderFiles.Result result = read(RESOURCES.resolve("template/orders-bad.csv"));
		assertThat(byNumber(result).keySet()).containsExactly("B-5");
		assertThat(result.failedRows()).isEqualTo(6);
		assertThat(result.issues()).extracting(RowIssue::row, RowIssue::column, RowIssue::code)
			.containsExactly(tuple(2L, "quantity", OrderProblems.QUANTITY_ZERO),
					tuple(3L, "status", OrderProblems.STATUS_UNKNOWN),
					tuple(4L, "unit_price", CsvProblems.MONEY_INVALID),
					tuple(6L, "order_number", CsvProblems.VALUE_REQUIRED),
					tuple(7L, "placed_at", CsvProblems.DATE_INVALID));
	}

	@Test
	void refusesAnOrderDiscountBeyondTheOrder(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
		Path file = java.nio.file.Files.writeString(dir.resolve("discount.csv"),
				"order_number,status,sku,quantity,unit_price,shipping_fee,order_discount\n"
						+ "D-1,completed,X,2,5.00,1.00,11.01\nD-2,completed,X,2,5.00,1.00,11.00\n");
		OrderFiles.Result result = read(file);
		assertThat(byNumber(result).keySet()).containsExactly("D-2");
		assertThat(result.issues()).extracting(RowIssue::row, RowIssue::code)
			.containsExactly(tuple(2L, OrderProblems.DISCOUNT_TOO_LARGE));
	}

	@Test
	void refusesAFileOfNoKnownLayout() {
		assertThatThrownBy(
				() -> OrderFiles.inspect(List.of(Path.of("src/test/resources/orders/../../../../pom.xml").normalize())))
			.isInstanceOf(CsvFileException.class);
	}

}
