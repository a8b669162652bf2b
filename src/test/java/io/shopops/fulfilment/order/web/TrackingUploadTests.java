package io.shopops.fulfilment.order.web;

import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.shopops.fulfilment.inventory.Inventory;
import io.shopops.fulfilment.order.OrderDraft;
import io.shopops.fulfilment.order.OrderSnapshot;
import io.shopops.fulfilment.order.OrderSource;
import io.shopops.fulfilment.order.OrderStatus;
import io.shopops.fulfilment.order.Orders;
import io.shopops.fulfilment.order.Orders.ShipmentRequest;
import io.shopops.fulfilment.order.Times;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The bulk tracking upload: a paid order ships everything left, a shipped one gets its
 * tracking number; every row's problem is shown; nothing is applied unless every row is
 * fine, and a row refused while applying rolls back the others.
 */
@SpringBootTest
@AutoConfigureMockMvc
class TrackingUploadTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Orders orders;

	@Autowired
	Inventory inventory;

	@Test
	void shipsPaidOrdersAndTracksShippedOnesInOneGo() throws Exception {
		OrderRows rows = new OrderRows(this.jdbc);
		String sku = rows.skus(this.inventory, OrderRows.unique("TRK"), 10).get(0);
		OrderSnapshot paid = place(rows, "P-1", OrderStatus.PAID, sku, 2);
		OrderSnapshot shipped = place(rows, "S-1", OrderStatus.PAID, sku, 1);
		this.orders.ship(shipped.id(), new ShipmentRequest(null, null, null, List.of()));
		String csv = "\uFEFFchannel,order number,carrier,tracking number\n" + rows.channelCode + ",P-1,顺丰速运,SF001\n"
				+ rows.channelCode.toLowerCase() + ",S-1,中通快递,ZTO002\n";
		String preview = upload(csv.getBytes(StandardCharsets.UTF_8));
		assertThat(preview).contains("Ships everything left")
			.contains("Sets the tracking number")
			.contains("id=\"tracking-apply\"")
			.doesNotContain("table-danger");
		this.mvc
			.perform(post("/orders/tracking/apply").with(csrf())
				.with(user("op").roles("OPERATOR"))
				.param("content", content(preview)))
			.andExpect(redirectedUrl("/orders/tracking"))
			.andExpect(flash().attribute("message", "flash.order.trackingApplied"));
		OrderSnapshot afterPaid = this.orders.find(paid.id()).orElseThrow();
		assertThat(afterPaid.status()).isEqualTo(OrderStatus.SHIPPED);
		assertThat(afterPaid.lines().get(0).shippedQuantity()).isEqualTo(2);
		assertThat(trackingOf(paid.id())).isEqualTo("SF001");
		assertThat(trackingOf(shipped.id())).isEqualTo("ZTO002");
		assertThat(this.inventory.find(sku, "MAIN").orElseThrow().onHand()).isEqualTo(7);
	}

	@Test
	void showsEachRowsProblemAndAppliesNothing() throws Exception {
		OrderRows rows = new OrderRows(this.jdbc);
		String sku = rows.skus(this.inventory, OrderRows.unique("TRKBAD"), 10).get(0);
		OrderSnapshot paid = place(rows, "P-1", OrderStatus.PAID, sku, 1);
		place(rows, "W-1", OrderStatus.PENDING_PAYMENT, sku, 1);
		String csv = "渠道,订单号,快递公司,运单号\n" + rows.channelCode + ",P-1,顺丰速运,SF001\n" + rows.channelCode
				+ ",NOPE,顺丰速运,SF002\n" + rows.channelCode + ",W-1,顺丰速运,SF003\n" + rows.channelCode + ",P-1,顺丰速运,SF004\n"
				+ rows.channelCode + ",P-1,,\n,P-1,顺丰速运,SF005\n";
		String preview = upload(csv.getBytes(Charset.forName("GB18030")));
		assertThat(preview).contains("No order with this number in this channel")
			.contains("neither paid nor shipped")
			.contains("appears twice")
			.contains("are both needed")
			.contains("give the channel code")
			.contains("5 of 6 rows have problems")
			.contains("SF001")
			.doesNotContain("id=\"tracking-apply\"");
		assertThat(this.orders.find(paid.id()).orElseThrow().status()).isEqualTo(OrderStatus.PAID);
		// the apply step checks again and applies nothing either
		String applied = this.mvc.perform(
				post("/orders/tracking/apply").with(csrf()).with(user("op").roles("OPERATOR")).param("content", csv))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(applied).contains("5 of 6 rows have problems");
		assertThat(this.orders.find(paid.id()).orElseThrow().status()).isEqualTo(OrderStatus.PAID);
	}

	@Test
	void refusesFilesWithoutTheColumnsAndEmptyUploads() throws Exception {
		assertThat(upload("order,tracking\nA,B\n".getBytes(StandardCharsets.UTF_8)))
			.contains("The header needs the columns order number, carrier and tracking number");
		assertThat(upload("order number,carrier,tracking number\n".getBytes(StandardCharsets.UTF_8)))
			.contains("no rows below its header");
		assertThat(upload(new byte[0])).contains("Choose a CSV file");
		assertThat(upload(new byte[] { 'P', 'K', 3, 4, 0, 0, 0, 0 })).contains("Excel workbook");
		assertThat(upload("order number,carrier,tracking number\nA1,SF\n".getBytes(StandardCharsets.UTF_8)))
			.contains("This row has a different number of columns than the header");
	}

	@Test
	void readsUtf8WithOrWithoutBomAndGb18030() throws Exception {
		String text = "订单号,快递公司,运单号\n1,顺丰速运,SF1\n";
		assertThat(TrackingUpload.decode(text.getBytes(StandardCharsets.UTF_8))).isEqualTo(text);
		assertThat(TrackingUpload.decode(("\uFEFF" + text).getBytes(StandardCharsets.UTF_8))).isEqualTo(text);
		assertThat(TrackingUpload.decode(text.getBytes(Charset.forName("GB18030")))).isEqualTo(text);
	}

	private OrderSnapshot place(OrderRows rows, String number, OrderStatus status, String sku, int quantity) {
		Instant now = Instant.now();
		return this.orders
			.place(new OrderDraft(rows.channelCode, number, status,
					Times.placed(now, (status == OrderStatus.PAID) ? now : null), null, null,
					List.of(new OrderDraft.Line(sku, null, quantity, new BigDecimal("50.00"), null)), null, null, null,
					null, null, null, null, null, null, OrderSource.MANUAL))
			.order();
	}

	private String trackingOf(long orderId) {
		return this.jdbc.sql("SELECT tracking_number FROM shipment WHERE order_id = ? ORDER BY id DESC LIMIT 1")
			.param(orderId)
			.query(String.class)
			.single();
	}

	private String upload(byte[] bytes) throws Exception {
		return this.mvc
			.perform(
					multipart("/orders/tracking").file(new MockMultipartFile("file", "tracking.csv", "text/csv", bytes))
						.with(csrf())
						.with(user("op").roles("OPERATOR")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
	}

	private static String content(String page) {
		Matcher content = Pattern.compile("<textarea[^>]*name=\"content\"[^>]*>(.*?)</textarea>", Pattern.DOTALL)
			.matcher(page);
		assertThat(content.find()).isTrue();
		return content.group(1)
			.replace("&quot;", "\"")
			.replace("&#39;", "'")
			.replace("&lt;", "<")
			.replace("&gt;", ">")
			.replace("&amp;", "&");
	}

}
