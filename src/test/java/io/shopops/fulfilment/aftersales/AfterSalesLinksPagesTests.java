package io.shopops.fulfilment.aftersales;

import java.util.List;

import io.shopops.fulfilment.aftersales.api.AfterSales;
import io.shopops.fulfilment.aftersales.api.AfterSalesDraft;
import io.shopops.fulfilment.aftersales.api.RequestSource;
import io.shopops.fulfilment.aftersales.api.RequestType;
import io.shopops.fulfilment.aftersales.ticket.TicketDraft;
import io.shopops.fulfilment.aftersales.ticket.TicketPriority;
import io.shopops.fulfilment.aftersales.ticket.Tickets;
import io.shopops.fulfilment.inventory.Inventory;
import io.shopops.fulfilment.order.OrderSnapshot;
import io.shopops.fulfilment.order.Orders;
import io.shopops.fulfilment.order.SalesChannels;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The links between after-sales requests, tickets, reviews and orders: a ticket opened
 * once from a request (a second click finds the same one) and linked both ways, a
 * review's ticket linking to the review, and the order page listing its requests.
 */
@SpringBootTest
@AutoConfigureMockMvc
class AfterSalesLinksPagesTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	AfterSales afterSales;

	@Autowired
	Tickets tickets;

	@Autowired
	Orders orders;

	@Autowired
	SalesChannels channels;

	@Autowired
	Inventory inventory;

	@Autowired
	JdbcClient jdbc;

	@Test
	void opensOneTicketFromARequestAndLinksThemBothWays() throws Exception {
		OrderSnapshot order = order("ASLINK");
		long id = request(order, RequestType.REFUND_ONLY);
		String request = page(get("/after-sales/" + id));
		assertThat(request).contains("id=\"open-request-ticket\"", "action=\"/after-sales/" + id + "/ticket\"")
			.doesNotContain("id=\"request-ticket\"");
		String first = this.mvc.perform(operator(post("/after-sales/" + id + "/ticket")).with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		String second = this.mvc.perform(operator(post("/after-sales/" + id + "/ticket")).with(csrf()))
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		assertThat(first).matches("/after-sales/tickets/\\d+").isEqualTo(second);
		long ticket = Long.parseLong(first.substring(first.lastIndexOf('/') + 1));
		assertThat(this.jdbc.sql("SELECT count(*) FROM ticket WHERE source = 'after_sales' AND source_reference = :ref")
			.param("ref", String.valueOf(id))
			.query(Long.class)
			.single()).isEqualTo(1);
		assertThat(page(get("/after-sales/" + id))).contains("id=\"request-ticket\"",
				"href=\"/after-sales/tickets/" + ticket + "\"", "Ticket #" + ticket);
		assertThat(page(get(first))).contains("id=\"ticket-source-link\"", "href=\"/after-sales/" + id + "\"",
				order.number());
		this.mvc.perform(operator(post("/after-sales/99999999999/ticket")).with(csrf()))
			.andExpect(status().isNotFound());
	}

	@Test
	void aReviewsTicketLinksToTheReview() throws Exception {
		long ticket = this.tickets
			.open(new TicketDraft("Bad review", null, TicketPriority.HIGH, null, null, null, "review", "987654"));
		assertThat(page(get("/after-sales/tickets/" + ticket))).contains("id=\"ticket-source-link\"",
				"href=\"/after-sales/reviews/987654\"");
		long manual = this.tickets
			.open(new TicketDraft("Question", null, TicketPriority.LOW, null, null, null, "manual", null));
		assertThat(page(get("/after-sales/tickets/" + manual))).doesNotContain("ticket-source-link");
	}

	@Test
	void theOrderPageListsItsRequests() throws Exception {
		OrderSnapshot order = order("ASORD");
		assertThat(page(get("/orders/" + order.id()))).contains("hx-get=\"/after-sales/of-order/" + order.id() + "\"");
		assertThat(page(get("/after-sales/of-order/" + order.id()))).doesNotContain("<li");
		long refund = request(order, RequestType.REFUND_ONLY);
		long exchange = request(order, RequestType.EXCHANGE);
		String list = page(get("/after-sales/of-order/" + order.id()));
		assertThat(list).contains("id=\"order-after-sales-list\"", "href=\"/after-sales/" + refund + "\"",
				"href=\"/after-sales/" + exchange + "\"", "Refund only", "Exchange", "Requested", "10.00");
		assertThat(page(get("/after-sales/of-order/999999999"))).doesNotContain("<li");
	}

	private OrderSnapshot order(String prefix) {
		String sku = AfterSalesFixtures.skus(this.jdbc, this.inventory, AfterSalesFixtures.unique(prefix), 10).get(0);
		return AfterSalesFixtures.shipped(this.orders, AfterSalesFixtures.channel(this.channels), sku, 2, "10.00");
	}

	private long request(OrderSnapshot order, RequestType type) {
		return this.afterSales.create(new AfterSalesDraft(order.id(), type, "quality", null, null, null,
				List.of(new AfterSalesDraft.Line(order.lines().get(0).id(), 1, null)), RequestSource.OPERATOR, null))
			.id();
	}

	private String page(MockHttpServletRequestBuilder request) throws Exception {
		return this.mvc.perform(operator(request))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	private static MockHttpServletRequestBuilder operator(MockHttpServletRequestBuilder request) {
		return request.with(user("links-operator").roles("OPERATOR"));
	}

}
