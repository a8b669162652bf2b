package io.shopops.fulfilment.order.importing;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

/**
 * What each order layout says the channel refunded: Shopify's {@code Refunded Amount}, 淘宝
 * 订单报表's 退款金额, 抖店's sub-orders with 售后状态 退款成功 and the template's
 * {@code refund_amount}/{@code refunded_at}; an amount above what was paid is a warning
 * and only what was paid is taken.
 */
class OrderRefundColumnsTests {

	@TempDir
	Path dir;

	@Test
	void readsShopifyRefundedAmountOfRefundedOrders() throws IOException {
		Map<String, ImportedOrder> orders = read("shopify.csv",
				"""
						Name,Financial Status,Fulfillment Status,Fulfilled at,Currency,Created at,Lineitem quantity,Lineitem name,Lineitem price,Lineitem sku,Refunded Amount,Cancelled at
						#1,partially_refunded,fulfilled,2026-11-02 10:00:00 +0800,CNY,2026-11-01 10:00:00 +0800,2,Tee,50.00,SKU-A,30.00,
						#1,,,,,2026-11-01 10:00:00 +0800,1,Mug,20.00,SKU-B,,
						#2,refunded,fulfilled,2026-11-02 10:00:00 +0800,CNY,2026-11-01 10:00:00 +0800,1,Tee,50.00,SKU-A,,
						#3,paid,fulfilled,2026-11-02 10:00:00 +0800,CNY,2026-11-01 10:00:00 +0800,1,Tee,50.00,SKU-A,12.00,
						#4,refunded,fulfilled,2026-11-02 10:00:00 +0800,CNY,2026-11-01 10:00:00 +0800,1,Tee,50.00,SKU-A,80.00,
						""");
		assertThat(orders.get("#1").refund().total()).isEqualByComparingTo("30.00");
		assertThat(orders.get("#1").refund().lines()).isEmpty();
		assertThat(orders.get("#1").refund().column()).isEqualTo("Refunded Amount");
		// refunded without an amount: everything that was paid
		assertThat(orders.get("#2").refund().total()).isEqualByComparingTo("50.00");
		// a paid order's amount is not a refund
		assertThat(orders.get("#3").refund()).isNull();
		// above what was paid: only what was paid, with a warning
		assertThat(orders.get("#4").refund().total()).isEqualByComparingTo("50.00");
	}

	@Test
	void warnsOfARefundAboveWhatWasPaid() throws IOException {
		OrderFiles.Result result = OrderFilesTests.read(write("over.csv", """
				order_number,status,sku,quantity,unit_price,shipping_fee,refund_amount
				R-1,closed,SKU-A,1,50.00,5.00,55.01
				R-2,closed,SKU-A,1,50.00,5.00,55.00
				"""));
		Map<String, ImportedOrder> orders = byNumber(result);
		assertThat(orders.get("R-1").refund().total()).isEqualByComparingTo("55.00");
		assertThat(orders.get("R-2").refund().total()).isEqualByComparingTo("55.00");
		assertThat(result.issues()).extracting(RowIssue::row, RowIssue::column, RowIssue::code, RowIssue::warning)
			.containsExactly(tuple(2L, "refund_amount", OrderProblems.WARNING_REFUND_ABOVE_PAID, true));
		assertThat(result.failedRows()).isZero();
	}

	@Test
	void readsTheTemplateRefundWithItsTime() throws IOException {
		Map<String, ImportedOrder> orders = read("template.csv", """
				订单号,订单状态,商家编码,数量,单价,退款金额,退款时间
				T-1,已完成,SKU-A,2,50.00,20.00,2026-11-20 12:00:00
				T-1,,SKU-B,1,10.00,,
				T-2,已完成,SKU-A,1,50.00,,
				T-3,已完成,SKU-A,1,50.00,0,
				""");
		assertThat(orders.get("T-1").refund().total()).isEqualByComparingTo("20.00");
		assertThat(orders.get("T-1").refund().at()).isEqualTo(Instant.parse("2026-11-20T04:00:00Z"));
		assertThat(orders.get("T-1").refund().column()).isEqualTo("退款金额");
		assertThat(orders.get("T-2").refund()).isNull();
		assertThat(orders.get("T-3").refund()).isNull();
		assertThat(TemplateColumn.ENGLISH_HEADER).endsWith("refund_amount", "refunded_at");
	}

	@Test
	void readsTaobaoRefundAmount() throws IOException {
		Path orders = write("ExportOrderList.csv", """
				订单编号,买家会员名,买家应付邮费,总金额,买家实际支付金额,订单状态,订单创建时间,订单付款时间,退款金额
				100,tb1,0.00,100.00,100.00,交易成功,2026-11-01 10:00:00,2026-11-01 10:01:00,30.00
				101,tb2,0.00,50.00,50.00,交易关闭,2026-11-01 10:00:00,2026-11-01 10:01:00,50.00
				102,tb3,0.00,50.00,50.00,交易成功,2026-11-01 10:00:00,2026-11-01 10:01:00,0.00
				""");
		Path items = write("ExportOrderDetailList.csv", """
				订单编号,标题,价格,购买数量,商家编码
				100,Tee,50.00,2,SKU-A
				101,Tee,50.00,1,SKU-A
				102,Tee,50.00,1,SKU-A
				""");
		Map<String, ImportedOrder> read = byNumber(OrderFilesTests.read(items, orders));
		assertThat(read.get("100").refund().total()).isEqualByComparingTo("30.00");
		assertThat(read.get("100").refund().column()).isEqualTo("退款金额");
		assertThat(read.get("101").refund().total()).isEqualByComparingTo("50.00");
		assertThat(read.get("102").refund()).isNull();
	}

	@Test
	void readsDouyinRefundedSubOrdersAsTheirLinesPaidAmounts() throws IOException {
		Map<String, ImportedOrder> orders = byNumber(
				OrderFilesTests.read(OrderFilesTests.RESOURCES.resolve("douyin/douyin-orders.csv")));
		assertThat(orders.get("6917926768823643770").refund().total()).isEqualByComparingTo("19.90");
		assertThat(orders.get("6917926768823643770").refund().lines())
			.containsExactlyEntriesOf(Map.of(0, new BigDecimal("19.90")));
		assertThat(orders.get("6917926768823643770").refund().column()).isEqualTo("售后状态");
		assertThat(orders.get("6917926768823643751").refund()).isNull();
		Map<String, ImportedOrder> split = read("douyin.csv", """
				主订单编号,子订单编号,选购商品,商品数量,商家编码,订单应付金额,订单状态,售后状态
				"	1","	11",Tee,2,SKU-A,100.00,已完成,-
				"	1","	12",Soap,3,SKU-B,50.00,已完成,退款成功
				"	2","	21;	22",Tee;Soap,1;2,SKU-A;SKU-B,59.90;39.80,已完成,-;退款成功
				""");
		assertThat(split.get("1").refund().lines()).containsExactlyEntriesOf(Map.of(1, new BigDecimal("50.00")));
		assertThat(split.get("1").refund().total()).isEqualByComparingTo("50.00");
		assertThat(split.get("2").refund().lines()).containsExactlyEntriesOf(Map.of(1, new BigDecimal("39.80")));
	}

	private Map<String, ImportedOrder> read(String name, String content) throws IOException {
		return byNumber(OrderFilesTests.read(write(name, content)));
	}

	private Path write(String name, String content) throws IOException {
		return Files.writeString(this.dir.resolve(name), content, StandardCharsets.UTF_8);
	}

	private static Map<String, ImportedOrder> byNumber(OrderFiles.Result result) {
		return result.orders()
			.stream()
			.collect(Collectors.toMap((order) -> order.draft().number(), Function.identity()));
	}

}
