package io.shopops.fulfilment.aftersales.demo;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import io.shopops.fulfilment.aftersales.api.AfterSales;
import io.shopops.fulfilment.inventory.Inventory;
import io.shopops.fulfilment.order.OrderDraft;
import io.shopops.fulfilment.order.OrderSnapshot;
import io.shopops.fulfilment.order.OrderSource;
import io.shopops.fulfilment.order.OrderStatus;
import io.shopops.fulfilment.order.Orders;
import io.shopops.fulfilment.order.SalesChannels;
import io.shopops.fulfilment.order.SalesPlatform;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo after-sales requests: Chinese, in many statuses, on the demo channels' orders,
 * with amounts within what was paid and the ledger consistent; a second run changes
 * nothing.
 */
@SpringBootTest
class DemoAfterSalesTests {

	@Autowired
	AfterSales afterSales;

	@Autowired
	Orders orders;

	@Autowired
	SalesChannels channels;

	@Autowired
	Inventory inventory;

	@Autowired
	JdbcClient jdbc;

	@Test
	void seedsRequestsInManyStatusesOnceAndConsistently() {
		for (String code : DemoAfterSales.CHANNELS) {
			if (this.channels.find(code).isEmpty()) {
				this.channels.create(code, "演示 " + code, SalesPlatform.OTHER);
			}
		}
		String prefix = "DEMOAS-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
		long product = this.jdbc.sql("INSERT INTO product (handle, title) VALUES (:h, '演示外套') RETURNING id")
			.param("h", prefix.toLowerCase(Locale.ROOT))
			.query(Long.class)
			.single();
		String sku = prefix + "-1";
		long variant = this.jdbc.sql(
				"INSERT INTO product_variant (product_id, sku, price, position) VALUES (:p, :sku, 199, 1) RETURNING id")
			.param("p", product)
			.param("sku", sku)
			.query(Long.class)
			.single();
		this.inventory.openStock(variant, 100);
		for (int i = 0; i < 10; i++) {
			OrderSnapshot order = this.orders
				.place(new OrderDraft("TMALL", prefix + "-" + i, OrderStatus.PAID, null, null, null,
						List.of(new OrderDraft.Line(sku, null, 2, new BigDecimal("199.00"), null)), null, null, null,
						null, null, null, null, null, null, OrderSource.API))
				.order();
			if (i < 8) {
				this.orders.ship(order.id(), new Orders.ShipmentRequest("顺丰速运", "SF" + i, null, List.of()));
			}
		}
		DemoAfterSales demo = new DemoAfterSales(this.afterSales, this.jdbc);
		demo.run(null);

		String statuses = """
				SELECT DISTINCT r.status FROM after_sales_request r JOIN shop_order o ON o.id = r.order_id
				JOIN sales_channel c ON c.id = o.channel_id WHERE c.code IN ('TMALL', 'JD', 'DOUYIN', 'SITE')""";
		assertThat(this.jdbc.sql(statuses).query(String.class).list()).contains("REQUESTED", "APPROVED", "REJECTED",
				"RECEIVED", "EXCHANGE_SHIPPED", "CLOSED");
		long count = this.jdbc.sql("SELECT count(*) FROM after_sales_request").query(Long.class).single();
		assertThat(this.jdbc.sql("SELECT count(*) FROM after_sales_line_balance WHERE committed > paid")
			.query(Long.class)
			.single()).isZero();
		assertThat(this.jdbc.sql("""
				SELECT count(*) FROM after_sales_request r JOIN shop_order o ON o.id = r.order_id
				JOIN sales_channel c ON c.id = o.channel_id WHERE c.code IN ('TMALL', 'JD', 'DOUYIN', 'SITE')
				AND r.reason_text ~ '[\\u4e00-\\u9fff]'""").query(Long.class).single()).isGreaterThanOrEqualTo(6);
		assertThat(this.inventory.checkLedger().mismatches()).filteredOn((m) -> m.sku().startsWith(prefix)).isEmpty();

		demo.run(null);
		assertThat(this.jdbc.sql("SELECT count(*) FROM after_sales_request").query(Long.class).single())
			.isEqualTo(count);
	}

}
