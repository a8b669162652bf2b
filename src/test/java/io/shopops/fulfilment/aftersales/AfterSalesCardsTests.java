package io.shopops.fulfilment.aftersales;

import java.util.List;
import java.util.Map;

import io.shopops.fulfilment.aftersales.api.AfterSales;
import io.shopops.fulfilment.aftersales.api.AfterSalesDraft;
import io.shopops.fulfilment.aftersales.api.Authority;
import io.shopops.fulfilment.aftersales.api.RequestSource;
import io.shopops.fulfilment.aftersales.api.RequestType;
import io.shopops.fulfilment.inventory.Inventory;
import io.shopops.fulfilment.order.OrderSnapshot;
import io.shopops.fulfilment.order.Orders;
import io.shopops.fulfilment.order.SalesChannels;
import io.shopops.platform.WorkQueue;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * The home cards "refunds to approve" (requested refund-only and return-and-refund
 * requests) and "returns to inspect" (received, not inspected): their counts, and the
 * queue their link opens holding the same requests.
 */
@SpringBootTest
@AutoConfigureMockMvc
class AfterSalesCardsTests {

	@Autowired
	MockMvc mvc;

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

	@Autowired
	Map<String, WorkQueue> queues;

	@Test
	void countsRefundsToApproveAndReturnsToInspect() throws Exception {
		WorkQueue toApprove = this.queues.get("refundsToApproveQueue");
		WorkQueue toInspect = this.queues.get("returnsToInspectQueue");
		assertThat(toApprove.path()).isEqualTo("/after-sales?approval=true");
		assertThat(toInspect.path()).isEqualTo("/after-sales?status=received");
		long approveBefore = toApprove.count();
		long inspectBefore = toInspect.count();
		String prefix = AfterSalesFixtures.unique("ASCARD");
		String sku = AfterSalesFixtures.skus(this.jdbc, this.inventory, prefix, 20).get(0);
		String channel = AfterSalesFixtures.channel(this.channels);
		OrderSnapshot order = AfterSalesFixtures.shipped(this.orders, channel, sku, 6, "10.00");
		long line = order.lines().get(0).id();
		long refund = create(order, RequestType.REFUND_ONLY, line);
		long returned = create(order, RequestType.RETURN_REFUND, line);
		long exchange = create(order, RequestType.EXCHANGE, line);
		assertThat(toApprove.count()).isEqualTo(approveBefore + 2);
		assertThat(toInspect.count()).isEqualTo(inspectBefore);
		this.afterSales.approve(returned, null, Authority.MANAGER);
		this.afterSales.receive(returned, null);
		this.afterSales.approve(exchange, null, Authority.MANAGER);
		this.afterSales.receive(exchange, null);
		assertThat(toApprove.count()).isEqualTo(approveBefore + 1);
		assertThat(toInspect.count()).isEqualTo(inspectBefore + 2);
		String list = this.mvc
			.perform(get("/after-sales").param("approval", "true")
				.param("channel", channel)
				.with(user("card-operator").roles("OPERATOR")))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(list).contains("/after-sales/" + refund + "\"")
			.doesNotContain("/after-sales/" + returned + "\"", "/after-sales/" + exchange + "\"")
			.contains("id=\"approval\"", "checked");
		String received = this.mvc
			.perform(get("/after-sales").param("status", "received")
				.param("channel", channel)
				.with(user("card-operator").roles("OPERATOR")))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(received).contains("/after-sales/" + returned + "\"", "/after-sales/" + exchange + "\"")
			.doesNotContain("/after-sales/" + refund + "\"");
		// the home page shows both cards to an operator
		assertThat(this.mvc.perform(get("/").with(user("card-operator").roles("OPERATOR")))
			.andReturn()
			.getResponse()
			.getContentAsString()).contains("Refunds to approve", "Returns to inspect", "/after-sales?approval=true");
	}

	private long create(OrderSnapshot order, RequestType type, long line) {
		return this.afterSales
			.create(new AfterSalesDraft(order.id(), type, "quality", null, null, null,
					List.of(new AfterSalesDraft.Line(line, 1, null)), RequestSource.OPERATOR, null))
			.id();
	}

}
