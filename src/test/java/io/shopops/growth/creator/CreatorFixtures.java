package io.shopops.growth.creator;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import io.shopops.fulfilment.aftersales.api.RefundCompleted;
import io.shopops.fulfilment.inventory.Inventory;
import io.shopops.fulfilment.order.Address;
import io.shopops.fulfilment.order.Customer;
import io.shopops.fulfilment.order.OrderSnapshot;
import io.shopops.fulfilment.order.OrderSource;
import io.shopops.fulfilment.order.OrderStatus;
import io.shopops.fulfilment.order.SalesPlatform;
import io.shopops.fulfilment.order.Times;
import io.shopops.growth.content.ContentPlatform;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Unique names, creators, cooperations, SKUs, pieces and order snapshots for the creator
 * tests.
 */
final class CreatorFixtures {

	private CreatorFixtures() {
	}

	static String unique(String prefix) {
		return prefix + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
	}

	static CreatorForm creatorForm(String handle) {
		CreatorForm form = new CreatorForm();
		form.setPlatform(ContentPlatform.DOUYIN);
		form.setHandle(handle);
		form.setDisplayName("测试达人");
		form.setFollowers(120_000L);
		form.setCategory("美妆");
		form.setContact("13812345678");
		return form;
	}

	static CooperationForm cooperationForm(CooperationType type, String fee, String rate, LocalDate startsOn) {
		CooperationForm form = new CooperationForm();
		form.setTitle("合作 " + unique(""));
		form.setType(type);
		form.setStatus(CooperationStatus.ACTIVE);
		form.setStartsOn(startsOn);
		form.setFixedFee((fee != null) ? new BigDecimal(fee) : null);
		form.setCommissionRate((rate != null) ? new BigDecimal(rate) : null);
		return form;
	}

	/** A product with one SKU at a cost price, with stock in MAIN. */
	static String sku(JdbcClient jdbc, Inventory inventory, String cost, int stock) {
		String prefix = unique("KOL");
		long product = jdbc.sql("INSERT INTO product (handle, title) VALUES (:handle, :title) RETURNING id")
			.param("handle", prefix.toLowerCase(Locale.ROOT))
			.param("title", "样品 " + prefix)
			.query(Long.class)
			.single();
		long variant = jdbc.sql("""
				INSERT INTO product_variant (product_id, sku, price, cost, position)
				VALUES (:product, :sku, 99, :cost, 1) RETURNING id""")
			.param("product", product)
			.param("sku", prefix + "-1")
			.param("cost", (cost != null) ? new BigDecimal(cost) : null)
			.query(Long.class)
			.single();
		inventory.openStock(variant, stock);
		return prefix + "-1";
	}

	static long piece(JdbcClient jdbc, String code) {
		return jdbc.sql("""
				INSERT INTO content_piece (type, platform, title, status, publish_at, tracking_code)
				VALUES ('SHORT_VIDEO', 'DOUYIN', :title, 'PUBLISHED', now(), :code) RETURNING id""")
			.param("title", "达人视频 " + code)
			.param("code", code)
			.query(Long.class)
			.single();
	}

	static OrderSnapshot order(String amount, Instant paidAt, String contentCode) {
		long id = 9_000_000_000L + ThreadLocalRandom.current().nextLong(1_000_000_000L);
		BigDecimal paid = new BigDecimal(amount);
		return new OrderSnapshot(id, "KOLTEST", SalesPlatform.DOUYIN, "KO" + id, OrderStatus.PAID,
				Times.placed(paidAt.minusSeconds(60), paidAt), new Customer("买家", null, null, "b" + id),
				new Address(null, null, null, null, null, null, null), List.of(), paid, BigDecimal.ZERO,
				BigDecimal.ZERO, paid, "CNY", null, null, contentCode, null, null, OrderSource.API, false, "MAIN");
	}

	static RefundCompleted refund(OrderSnapshot order, String amount, Instant at) {
		return new RefundCompleted(order.id() + 1, order.id(), order.number(), order.channelCode(),
				new BigDecimal(amount), "CNY", List.of(), at);
	}

}
